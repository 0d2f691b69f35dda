"""Fixtures shared by the whole suite.

Every database test runs twice: on the embedded SQLite default and on a real PostgreSQL server
that the suite starts itself (see tests/support/postgres.py). Each test gets its own freshly
migrated database, copied from a template migrated once per session.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from iok_desktop.db.database import Database
from iok_desktop.domain.language import set_language
from iok_desktop.services.context import SYSTEM, FixedClock, ServiceContext
from tests.support.databases import PostgresDatabases, SqliteDatabases
from tests.support.debian_packages import PackagesUnavailableError, ensure_poppler
from tests.support.postgres import PostgresCluster, PostgresUnavailableError, private_cluster

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# A fixed "now" for service tests: Wednesday 25 November 2026, 10:00 in Warsaw.
TEST_NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)


def pytest_sessionstart(session: pytest.Session) -> None:
    """Tests read PDFs back with poppler's tools; a clean machine gets them before the first test."""
    try:
        ensure_poppler()
    except PackagesUnavailableError as error:
        raise pytest.UsageError(str(error)) from error


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PostgresCluster]:
    try:
        cluster = PostgresCluster().start()
    except PostgresUnavailableError as exc:
        pytest.fail(str(exc), pytrace=False)
    try:
        yield cluster
    finally:
        cluster.destroy()


@pytest.fixture(scope="session")
def sqlite_databases(tmp_path_factory: pytest.TempPathFactory) -> SqliteDatabases:
    return SqliteDatabases(tmp_path_factory.mktemp("sqlite"))


@pytest.fixture(scope="session")
def postgres_databases(pg_cluster: PostgresCluster) -> PostgresDatabases:
    return PostgresDatabases(pg_cluster)


def _open(factory: SqliteDatabases | PostgresDatabases) -> Iterator[Database]:
    url = factory.create()
    database = Database(url)
    try:
        yield database
    finally:
        database.dispose()
        factory.drop(url)


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest) -> Iterator[Database]:
    """A fresh migrated database, once on SQLite and once on PostgreSQL."""
    if request.param == "sqlite":
        yield from _open(request.getfixturevalue("sqlite_databases"))
    else:
        yield from _open(request.getfixturevalue("postgres_databases"))


@pytest.fixture
def sqlite_db(sqlite_databases: SqliteDatabases) -> Iterator[Database]:
    """A fresh migrated SQLite database, for what only the embedded default does."""
    yield from _open(sqlite_databases)


@pytest.fixture
def pg_db(postgres_databases: PostgresDatabases) -> Iterator[Database]:
    """A fresh migrated PostgreSQL database, for what only a real server shows (locking)."""
    yield from _open(postgres_databases)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(TEST_NOW)


@pytest.fixture
def system_ctx(db: Database, clock: FixedClock) -> Iterator[ServiceContext]:
    with db.session() as session:
        yield ServiceContext(session, SYSTEM, clock)


# --- a PostgreSQL server of a test module's own, which its tests stop and start (fault tests) -----


@pytest.fixture(scope="module")
def fault_cluster() -> Iterator[PostgresCluster]:
    """Never the session's shared server: restarting that one would break other tests' connections."""
    with private_cluster() as cluster:
        yield cluster


@pytest.fixture(scope="module")
def fault_databases(fault_cluster: PostgresCluster) -> PostgresDatabases:
    return PostgresDatabases(fault_cluster)


@pytest.fixture
def fault_db(fault_cluster: PostgresCluster, fault_databases: PostgresDatabases) -> Iterator[Database]:
    """A fresh migrated database on ``fault_cluster``; the server is running again when the test ends."""
    url = fault_databases.create()
    database = Database(url)
    try:
        yield database
    finally:
        if not fault_cluster.is_running():
            fault_cluster.start_server()
        database.dispose()
        fault_databases.drop(url)


@pytest.fixture
def english() -> Iterator[None]:
    """The core's texts in English for one test (``--lang en``); Polish again afterwards."""
    set_language("en")
    try:
        yield
    finally:
        set_language("pl")
