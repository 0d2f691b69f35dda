"""The schema comes from the migrations alone and matches the models on both databases."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError

from iok_desktop.db import migrate
from iok_desktop.db.base import Base
from iok_desktop.db.database import Database
from iok_desktop.db.models import AuditEntry, Building, Estate, LedgerEntry, Premises
from iok_desktop.domain.enums import ActorKind, LedgerKind, PremisesKind


def test_migrated_schema_matches_models(db: Database) -> None:
    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(context, Base.metadata)
    assert diff == []


def test_database_is_at_head_revision(db: Database) -> None:
    assert migrate.current_revision(db.engine) == migrate.head_revision()
    assert migrate.is_up_to_date(db.engine)


def _premises(session) -> Premises:  # type: ignore[no-untyped-def]
    estate = Estate(code="E1", name="Osiedle Bałtyk")
    building = Building(
        estate=estate,
        code="B1",
        street="Zgoda",
        house_number="8",
        postal_code="70-001",
        city="Szczecin",
        search_key="zgoda 8",
    )
    premises = Premises(
        building=building,
        number="4",
        code="01-001-004",
        kind=PremisesKind.FLAT,
        area_m2=Decimal("48.30"),
        bank_account="12345678901234567890123456",
    )
    session.add(premises)
    session.flush()
    return premises


def test_money_sums_exactly_in_sql(db: Database) -> None:
    """Ten entries of 0,10 zł sum to exactly 1,00 zł (SQLite REAL would give 0.9999999999999999)."""
    now = datetime(2026, 11, 25, tzinfo=UTC)
    with db.session() as session:
        premises = _premises(session)
        for n in range(10):
            session.add(
                LedgerEntry(
                    premises_id=premises.id,
                    booking_date=date(2026, 11, 1),
                    kind=LedgerKind.CHARGE,
                    title=f"opłata {n}",
                    amount=Decimal("0.10"),
                    source="test",
                    created_at=now,
                )
            )
        session.commit()
        total = session.scalar(select(func.sum(LedgerEntry.amount)))
    assert total == Decimal("1.00")
    assert isinstance(total, Decimal)


def test_utc_timestamps_round_trip_with_zone(db: Database) -> None:
    moment = datetime(2026, 11, 25, 13, 45, 12, tzinfo=UTC)
    with db.session() as session:
        session.add(AuditEntry(occurred_at=moment, actor_kind=ActorKind.SYSTEM, action="test", details={}))
        session.commit()
        stored = session.scalar(select(AuditEntry.occurred_at))
    assert stored == moment
    assert stored is not None and stored.tzinfo is not None


@pytest.mark.parametrize("statement", ["UPDATE {t} SET {c} = {c}", "DELETE FROM {t}"])
@pytest.mark.parametrize(("table", "column"), [("audit_log", "action"), ("ledger_entries", "title")])
def test_append_only_tables_refuse_changes_in_the_database(
    db: Database, statement: str, table: str, column: str
) -> None:
    now = datetime(2026, 11, 25, tzinfo=UTC)
    with db.session() as session:
        premises = _premises(session)
        session.add(AuditEntry(occurred_at=now, actor_kind=ActorKind.SYSTEM, action="test", details={}))
        session.add(
            LedgerEntry(
                premises_id=premises.id,
                booking_date=date(2026, 11, 1),
                kind=LedgerKind.CHARGE,
                title="czynsz",
                amount=Decimal("100.00"),
                source="test",
                created_at=now,
            )
        )
        session.commit()
    with db.session() as session, pytest.raises(DBAPIError, match=r"append-only|never changed"):
        session.execute(text(statement.format(t=table, c=column)))
    with db.session() as session:
        assert session.scalar(text(f"SELECT count(*) FROM {table}")) == 1


def test_sqlite_connections_enforce_foreign_keys_and_use_wal(sqlite_db: Database) -> None:
    with sqlite_db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_search_indexes_serve_prefix_searches_under_any_collation(pg_db: Database) -> None:
    with pg_db.engine.connect() as conn:
        definitions = dict(
            conn.execute(text("SELECT indexname, indexdef FROM pg_indexes WHERE indexname LIKE '%search_key'")).all()
        )
    assert set(definitions) == {"ix_persons_search_key", "ix_buildings_search_key"}
    assert all("varchar_pattern_ops" in d for d in definitions.values())
