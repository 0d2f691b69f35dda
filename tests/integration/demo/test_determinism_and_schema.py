"""The same seed gives the same data on either engine; the load leaves the schema as the migrations made it."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import func, select, text, update
from sqlalchemy.exc import DBAPIError

from iok_desktop.db.base import Base
from iok_desktop.db.database import Database
from iok_desktop.db.models import LedgerEntry, Person
from iok_desktop.domain.text import fold
from tests.integration.demo.helpers import digest, small_demo
from tests.support.databases import SqliteDatabases

FOREIGN_KEYS = text(
    "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint "
    "WHERE contype = 'f' ORDER BY 1, 2"
)


def test_same_seed_gives_the_same_rows_on_sqlite_and_postgresql(sqlite_db: Database, pg_db: Database) -> None:
    first = small_demo(sqlite_db)
    second = small_demo(pg_db)
    assert first.counts == second.counts
    assert [(c.login, c.password) for c in first.staff + first.residents] == [
        (c.login, c.password) for c in second.staff + second.residents
    ]
    assert digest(sqlite_db) == digest(pg_db)


def test_another_seed_gives_other_rows(sqlite_db: Database, sqlite_databases: SqliteDatabases) -> None:
    small_demo(sqlite_db)
    url = sqlite_databases.create()
    other = Database(url)
    try:
        small_demo(other, seed=7)
        mine, theirs = digest(sqlite_db), digest(other)
    finally:
        other.dispose()
        sqlite_databases.drop(url)
    assert mine["persons"] != theirs["persons"]
    assert mine["meter_readings"] != theirs["meter_readings"]


def test_schema_still_matches_the_models_after_the_bulk_load(db: Database) -> None:
    before = _foreign_keys(db)
    small_demo(db)
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    assert diff == []
    # On PostgreSQL the big tables' foreign keys are dropped for the load and added back: same names, same rules.
    assert _foreign_keys(db) == before


def _foreign_keys(db: Database) -> list[tuple[str, ...]]:
    if db.dialect != "postgresql":
        return []
    with db.engine.connect() as conn:
        return [tuple(row) for row in conn.execute(FOREIGN_KEYS)]


def test_the_application_can_insert_after_the_demo(db: Database) -> None:
    """Explicit ids on PostgreSQL leave the sequences behind unless they are moved on."""
    small_demo(db)
    with db.session() as session:
        highest = session.scalar(select(func.max(Person.id)))
        person = Person(first_name="Zażółć", last_name="Gęślą", search_key=fold("Gęślą Zażółć"))
        session.add(person)
        session.flush()
        assert person.id == highest + 1  # type: ignore[operator]
        session.rollback()


def test_ledger_stays_append_only_after_the_demo(db: Database) -> None:
    """The demo only inserts; the append-only guards still refuse an UPDATE afterwards."""
    small_demo(db)
    with db.engine.connect() as conn, pytest.raises(DBAPIError, match="never changed"):
        conn.execute(update(LedgerEntry).values(title="x"))
