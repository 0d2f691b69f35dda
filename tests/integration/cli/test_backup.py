"""``iok-desktop db backup`` / ``db restore`` round trips on SQLite and PostgreSQL.

The data is built with the services (a household, readings submitted, approved and left pending, a
payment, their audit entries), compared table by table before the backup and after the restore.
"""

from __future__ import annotations

import itertools
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlalchemy import select, text

from iok_desktop.cli.main import main
from iok_desktop.db import migrate
from iok_desktop.db.base import Base
from iok_desktop.db.database import Database
from iok_desktop.db.models import AuditEntry, Meter
from iok_desktop.db.roles import apply_roles
from iok_desktop.services import ledger, readings
from iok_desktop.services.context import FixedClock
from tests.support.builders import Household, accepted_reading, make_household, make_meter

# The test clock is 25.11.2026; the default window (monthly, 7 days either side of 30.11) is open.
TODAY = date(2026, 11, 25)
_names = itertools.count(1)


def _url(db: Database) -> str:
    return db.engine.url.render_as_string(hide_password=False)


def _build(db: Database, clock: FixedClock) -> tuple[Household, Meter, int]:
    """A household with history; returns it, its meter and a pending reading's id."""
    with db.session() as s:
        home = make_household(s)
        meter = make_meter(s, home.premises)
        accepted_reading(s, meter, date(2026, 9, 30), "93.000", clerk=home.clerk)
        s.commit()
        resident, clerk = home.resident(s, clock), home.clerk_ctx(s, clock)
        first = readings.submit_reading(resident, meter.id, "96,5", date(2026, 11, 23)).reading
        s.commit()
        assert not readings.approve_readings(clerk, [(first.id, first.version)]).conflicts
        pending = readings.submit_reading(resident, meter.id, "97,25", TODAY).reading
        ledger.post_payment(clerk, home.premises.id, amount_text="412,30", booking_date=TODAY, title="Wpłata")
        s.commit()
        return home, meter, pending.id


def _change(db: Database, clock: FixedClock, home: Household, meter: Meter, pending_id: int) -> None:
    """What happens after the backup: a reading deleted, a payment posted."""
    with db.session() as s:
        resident, clerk = home.resident(s, clock), home.clerk_ctx(s, clock)
        readings.delete_reading(resident, pending_id, 1)
        ledger.post_payment(clerk, home.premises.id, amount_text="10,00", booking_date=TODAY, title="Dopłata")
        s.commit()


def _snapshot(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every table of the schema, every row, in primary-key order (values as the ORM types read them)."""
    with db.session() as s:
        tables = {
            table.name: [tuple(row) for row in s.execute(select(table).order_by(*table.primary_key.columns))]
            for table in Base.metadata.sorted_tables
        }
    tables["alembic_version"] = [(migrate.current_revision(db.engine),)]
    return tables


def _actions(db: Database) -> list[str]:
    with db.session() as s:
        return list(s.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))


def _without_audit(snapshot: dict[str, list[tuple[Any, ...]]]) -> dict[str, list[tuple[Any, ...]]]:
    return {name: rows for name, rows in snapshot.items() if name != "audit_log"}


def _backup(db: Database, path: Path) -> None:
    assert main(["--database-url", _url(db), "db", "backup", str(path)]) == 0


def _restore(url: str, path: Path, *extra: str) -> int:
    return main(["--database-url", url, "db", "restore", str(path), *extra])


def _fresh_url(db: Database, tmp_path: Path, pg_admin_url: str | None) -> str:
    """An empty database (no tables at all) on the same engine as ``db``."""
    if db.dialect == "sqlite":
        return f"sqlite:///{tmp_path / f'fresh_{next(_names)}.sqlite3'}"
    assert pg_admin_url is not None
    name = f"restore_fresh_{next(_names)}"
    with psycopg.connect(pg_admin_url.replace("+psycopg", "").rsplit("/", 1)[0] + "/postgres") as conn:
        conn.autocommit = True
        conn.execute(f"CREATE DATABASE {name}")
    return pg_admin_url.rsplit("/", 1)[0] + f"/{name}"


def test_round_trip_backup_change_restore_brings_every_table_back(
    db: Database, clock: FixedClock, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home, meter, pending_id = _build(db, clock)
    before = _snapshot(db)
    path = tmp_path / "kopia.backup"
    _backup(db, path)
    out = capsys.readouterr().out
    assert "Zapisano kopię bazy" in out and "odczyty 3" in out
    assert _actions(db)[-1] == "db.backup"

    _change(db, clock, home, meter, pending_id)
    assert _without_audit(_snapshot(db)) != _without_audit(before)

    assert _restore(_url(db), path, "--clean") == 0
    assert "Odtworzono bazę" in capsys.readouterr().out
    after = _snapshot(db)
    assert _without_audit(after) == _without_audit(before)
    # The history up to the backup, then the restore itself; the db.backup entry came after the snapshot.
    assert after["audit_log"][:-1] == before["audit_log"]
    with db.session() as s:
        entry = s.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1)).one()
        assert entry.action == "db.restore" and entry.actor_login == "system"
        assert entry.details["file"] == str(path.resolve()) and entry.details["clean"] is True
        assert entry.details["counts"]["meter_readings"] == 3
        # The restored database works: sequences came back too, so new rows get new ids.
        clerk = home.clerk_ctx(s, clock)
        row = ledger.post_payment(clerk, home.premises.id, amount_text="1,00", booking_date=TODAY, title="Po")
        s.commit()
        assert row.id > max(r[0] for r in before["ledger_entries"])


def test_restore_into_a_fresh_empty_database_needs_no_flag(
    db: Database, clock: FixedClock, tmp_path: Path, pg_admin: str | None
) -> None:
    _build(db, clock)
    before = _snapshot(db)
    path = tmp_path / "kopia.backup"
    _backup(db, path)
    url = _fresh_url(db, tmp_path, pg_admin)
    assert _restore(url, path) == 0
    fresh = Database(url)
    try:
        after = _snapshot(fresh)
        assert _without_audit(after) == _without_audit(before)
        assert after["audit_log"][:-1] == before["audit_log"]
        assert _actions(fresh)[-1] == "db.restore"
    finally:
        fresh.dispose()


def test_restore_over_a_database_that_is_not_empty_is_refused_without_clean(
    db: Database, clock: FixedClock, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home, meter, pending_id = _build(db, clock)
    path = tmp_path / "kopia.backup"
    _backup(db, path)
    _change(db, clock, home, meter, pending_id)
    changed = _snapshot(db)
    capsys.readouterr()
    assert _restore(_url(db), path) == 2
    err = capsys.readouterr().err
    assert "nie jest pusta" in err and "--clean" in err
    assert _snapshot(db) == changed


@pytest.mark.parametrize("kind", ["text", "truncated", "other_engine", "missing"])
def test_a_file_that_is_not_a_backup_of_the_right_kind_is_refused_and_changes_nothing(
    db: Database, clock: FixedClock, tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    _build(db, clock)
    good = tmp_path / "kopia.backup"
    _backup(db, good)
    bad = tmp_path / "zly.backup"
    if kind == "text":
        bad.write_text("numer_lokalu;kwota\n01-005-012;12,50\n", encoding="utf-8")
        expected = "nie jest kopią zapasową bazy IOK Desktop"
    elif kind == "truncated":
        data = good.read_bytes()
        bad.write_bytes(data[: len(data) * 2 // 3])
        expected = "uszkodzony"
    elif kind == "other_engine":
        if db.dialect == "sqlite":
            bad.write_bytes(b"PGDMP\x01\x0f\x00" + b"\x00" * 200)
            expected = "kopią bazy PostgreSQL"
        else:
            bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
            expected = "kopią bazy SQLite"
    else:
        expected = "Nie ma pliku"
    before = _snapshot(db)
    capsys.readouterr()
    assert _restore(_url(db), bad, "--clean") == 2
    assert expected in capsys.readouterr().err
    assert _snapshot(db) == before


def test_a_truncated_postgresql_dump_rolls_back_whole(
    pg_db: Database, clock: FixedClock, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The table of contents is intact but the data is cut off: pg_restore fails in the middle of its
    single transaction, and the tables it had already dropped and recreated are all back as they were."""
    _build(pg_db, clock)
    good = tmp_path / "kopia.backup"
    _backup(pg_db, good)
    data = good.read_bytes()
    cut = tmp_path / "obciety.backup"
    cut.write_bytes(data[: len(data) - 400])
    before = _snapshot(pg_db)
    capsys.readouterr()
    assert _restore(_url(pg_db), cut, "--clean") == 2
    assert "pozostała bez zmian" in capsys.readouterr().err
    assert _snapshot(pg_db) == before


def test_backup_never_overwrites_a_file(db: Database, clock: FixedClock, tmp_path: Path, capsys: Any) -> None:
    path = tmp_path / "kopia.backup"
    path.write_text("ważny plik", encoding="utf-8")
    assert main(["--database-url", _url(db), "db", "backup", str(path)]) == 2
    assert "już istnieje" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == "ważny plik"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kopia.backup"]


def test_backup_is_a_consistent_snapshot_while_a_desk_is_writing(
    db: Database, clock: FixedClock, tmp_path: Path
) -> None:
    """A transaction still open on another desk is not in the backup, and does not stop it."""
    home, _meter, _pending = _build(db, clock)
    before = _snapshot(db)
    path = tmp_path / "kopia.backup"
    with db.session() as s:
        clerk = home.clerk_ctx(s, clock)
        ledger.post_payment(clerk, home.premises.id, amount_text="5,00", booking_date=TODAY, title="W toku")
        s.flush()  # written, not committed
        _backup(db, path)
        s.commit()
    url = _fresh_url(db, tmp_path, _url(db) if db.dialect == "postgresql" else None)
    assert _restore(url, path) == 0
    fresh = Database(url)
    try:
        assert _without_audit(_snapshot(fresh)) == _without_audit(before)
    finally:
        fresh.dispose()


def test_backup_of_a_database_without_the_schema_is_refused(tmp_path: Path, capsys: Any) -> None:
    empty = tmp_path / "pusta.sqlite3"
    with sqlite3.connect(empty) as conn:
        conn.execute("CREATE TABLE notatki (tekst TEXT)")
    conn.close()
    assert main(["--database-url", f"sqlite:///{empty}", "db", "backup", str(tmp_path / "k.backup")]) == 2
    assert "nie zawiera bazy IOK Desktop" in capsys.readouterr().err


@pytest.fixture
def pg_admin(db: Database) -> str | None:
    """The URL of the database under test on PostgreSQL (its server makes the fresh one), else None."""
    return _url(db) if db.dialect == "postgresql" else None


def test_postgresql_restore_applies_the_roles_grants_again(
    pg_db: Database, clock: FixedClock, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Grants are not restored from the file (the roles may not exist on another server); where the
    least-privilege roles exist, the restore gives them their grants on the new tables again."""
    _build(pg_db, clock)
    with pg_db.engine.begin() as conn:
        apply_roles(conn)
    path = tmp_path / "kopia.backup"
    _backup(pg_db, path)
    capsys.readouterr()
    assert _restore(_url(pg_db), path, "--clean") == 0
    assert "nadano ponownie" in capsys.readouterr().out
    with pg_db.engine.connect() as conn:
        may = conn.scalar(text("SELECT has_table_privilege('iok_clerk', 'meter_readings', 'SELECT')"))
        assert may is True
