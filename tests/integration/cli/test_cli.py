"""The command line as an administrator uses it, against SQLite files and the test PostgreSQL server."""

from __future__ import annotations

import io
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import select

from iok_desktop.cli.main import main
from iok_desktop.db import migrate
from iok_desktop.db.database import Database
from iok_desktop.db.models import AuditEntry, StaffUser
from iok_desktop.domain.enums import StaffRole
from iok_desktop.domain.passwords import verify_password
from tests.support.postgres import PostgresCluster


def _run(monkeypatch: pytest.MonkeyPatch, args: list[str], stdin: str = "") -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return main(args)


def test_db_upgrade_creates_the_schema_on_a_new_sqlite_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'nowa.sqlite3'}"
    assert main(["--database-url", url, "db", "upgrade"]) == 0
    assert "pusta → 0003" in capsys.readouterr().out
    assert main(["--database-url", url, "db", "upgrade"]) == 0
    assert "jest aktualna" in capsys.readouterr().out


def test_db_upgrade_on_postgresql(pg_cluster: PostgresCluster, capsys: pytest.CaptureFixture[str]) -> None:
    with psycopg.connect(pg_cluster.url().replace("+psycopg", ""), autocommit=True) as conn:
        conn.execute("CREATE DATABASE cli_upgrade")
    url = pg_cluster.url("cli_upgrade")
    assert main(["--database-url", url, "db", "upgrade"]) == 0
    database = Database(url)
    try:
        assert migrate.is_up_to_date(database.engine)
    finally:
        database.dispose()


def test_user_add_reads_the_password_from_stdin_and_audits(
    db: Database, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = db.engine.url.render_as_string(hide_password=False)
    code = _run(
        monkeypatch,
        [
            "--database-url",
            url,
            "user",
            "add",
            "--login",
            "AKowalska",
            "--role",
            "admin",
            "--name",
            "Agnieszka Kowalska",
        ],
        "Bursztyn-Fala26\n",
    )
    assert code == 0
    assert "Dodano pracownika akowalska (administrator)" in capsys.readouterr().out
    with db.session() as s:
        staff = s.scalars(select(StaffUser)).one()
        assert staff.role is StaffRole.ADMIN and not staff.must_change_password
        assert verify_password(staff.password_hash, "Bursztyn-Fala26")
        assert s.scalars(select(AuditEntry.action)).all() == ["staff.create"]


def test_user_add_refuses_a_weak_password_with_a_polish_message(
    db: Database, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = db.engine.url.render_as_string(hide_password=False)
    code = _run(monkeypatch, ["--database-url", url, "user", "add", "--login", "jan", "--role", "clerk"], "haslo\n")
    assert code == 2
    assert "Hasło jest za krótkie" in capsys.readouterr().err
    with db.session() as s:
        assert s.scalars(select(StaffUser)).all() == []


def test_a_shared_database_that_is_not_upgraded_is_refused(
    pg_cluster: PostgresCluster, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with psycopg.connect(pg_cluster.url().replace("+psycopg", ""), autocommit=True) as conn:
        conn.execute("CREATE DATABASE cli_empty")
    code = _run(
        monkeypatch,
        ["--database-url", pg_cluster.url("cli_empty"), "user", "add", "--login", "jan", "--role", "clerk"],
        "Bursztyn-Fala26\n",
    )
    assert code == 2
    assert "iok-desktop db upgrade" in capsys.readouterr().err


def test_the_embedded_sqlite_default_is_upgraded_automatically(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("IOK_DATABASE_URL", f"sqlite:///{tmp_path / 'biurko.sqlite3'}")
    code = _run(monkeypatch, ["user", "add", "--login", "jan", "--role", "clerk"], "Bursztyn-Fala26\n")
    assert code == 0
    assert "biurko.sqlite3" in capsys.readouterr().out


def test_version_is_printed(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.startswith("iok-desktop 0.")
