"""Faults of the real thing: a PostgreSQL server stopped and started under the application, a
serialization failure provoked by two connections, and a SQLite writer killed in the middle of its work.

The restart tests use a cluster of their own (the session's cluster is shared and never restarted).
"""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from iok_desktop.db.database import CommitOutcomeUnknown, Database
from iok_desktop.db.models import AuditEntry
from iok_desktop.domain.errors import DatabaseUnavailableError
from iok_desktop.services.backend import CONTENTION, Backend, CommitOutcomeUnknownError, ContentionError
from iok_desktop.services.context import ServiceContext
from tests.support.databases import SqliteDatabases
from tests.support.postgres import PostgresCluster

ROOT = Path(__file__).resolve().parents[3]


def _dsn(database: Database) -> str:
    return database.engine.url.render_as_string(hide_password=False).replace("postgresql+psycopg", "postgresql")


def _ping(ctx: ServiceContext) -> int:
    return int(ctx.session.scalar(text("SELECT 1")) or 0)


# --- a server restarted under a running application -----------------------------------------------


@pytest.mark.postgresql_only
def test_a_stopped_server_is_unavailable_and_a_restarted_one_is_used_again(
    fault_cluster: PostgresCluster, fault_db: Database
) -> None:
    backend = Backend(fault_db)
    assert backend.system(_ping) == 1  # the pool now holds a connection to the old server

    fault_cluster.stop("fast")
    with pytest.raises(DatabaseUnavailableError) as lost:
        backend.system(_ping)
    assert lost.value.message.startswith("Brak połączenia z bazą danych")

    fault_cluster.start_server()
    assert backend.system(_ping) == 1  # pool_pre_ping threw the dead connections away

    fault_cluster.restart()  # no failure in between: the first call after a restart simply works
    assert backend.system(_ping) == 1


@pytest.mark.postgresql_only
def test_a_connection_lost_at_commit_is_reported_as_unknown_and_never_run_again(
    fault_cluster: PostgresCluster, fault_db: Database
) -> None:
    fault_db.run(lambda s: s.execute(text("CREATE TABLE probe (tag text)")))
    runs: list[int] = []

    def work(session: Session) -> None:
        runs.append(1)
        session.execute(text("INSERT INTO probe VALUES ('once')"))
        fault_cluster.stop("fast")  # the server goes away before COMMIT gets an answer

    with pytest.raises(CommitOutcomeUnknown):
        fault_db.run(work)
    assert runs == [1]  # not replayed: it might have been applied

    fault_cluster.start_server()
    runs.clear()
    with pytest.raises(CommitOutcomeUnknownError) as unknown:  # what the GUI gets: a banner and a warning
        Backend(fault_db).system(lambda ctx: work(ctx.session))
    assert runs == [1]
    assert isinstance(unknown.value, DatabaseUnavailableError)
    assert "nie wiadomo, czy zapis się udał" in unknown.value.message


# --- serialization failures ---------------------------------------------------------------------------


def _write_skew(database: Database, interfere_on: set[int]) -> tuple[list[int], object]:
    """A transaction that reads the whole table and writes two rows; on the chosen attempts a second
    connection commits the same read-then-write in between, which PostgreSQL answers with 40001."""
    with psycopg.connect(_dsn(database), autocommit=True) as admin:
        admin.execute("CREATE TABLE IF NOT EXISTS skew (attempt int, part text)")
    attempts: list[int] = []

    def work(session: Session) -> int:
        attempt = len(attempts) + 1
        attempts.append(attempt)
        session.execute(text("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE"))
        seen = int(session.scalar(text("SELECT count(*) FROM skew")) or 0)
        if attempt in interfere_on:
            with psycopg.connect(_dsn(database)) as other:
                other.execute("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE")
                other.execute("SELECT count(*) FROM skew")
                other.execute("INSERT INTO skew VALUES (0, 'other')")
                other.commit()
        session.execute(text("INSERT INTO skew VALUES (:a, 'first half')"), {"a": attempt})
        session.execute(text("INSERT INTO skew VALUES (:a, 'second half')"), {"a": attempt})
        return seen

    try:
        result: object = Backend(database).system(lambda ctx: work(ctx.session))
    except ContentionError as error:
        result = error
    return attempts, result


def _rows(database: Database) -> list[tuple[int, str]]:
    with database.session() as s:
        return [(int(a), str(p)) for a, p in s.execute(text("SELECT attempt, part FROM skew ORDER BY attempt, part"))]


@pytest.mark.postgresql_only
def test_a_serialization_failure_is_retried_whole_and_never_half_applied(pg_db: Database) -> None:
    attempts, _result = _write_skew(pg_db, interfere_on={1})
    assert attempts == [1, 2]
    # The other connection's row, and both halves of the second attempt; nothing of the first.
    assert _rows(pg_db) == [(0, "other"), (2, "first half"), (2, "second half")]


@pytest.mark.postgresql_only
def test_serialization_failures_that_never_stop_end_in_a_clear_polish_message(pg_db: Database) -> None:
    attempts, result = _write_skew(pg_db, interfere_on={1, 2, 3, 4})
    assert attempts == [1, 2, 3, 4]
    assert isinstance(result, ContentionError) and result.message == CONTENTION
    assert "Nic nie zostało zapisane" in result.message
    assert all(part == "other" for _a, part in _rows(pg_db))  # four interfering rows, none of ours


# --- SQLite: WAL, pragmas, and a writer killed mid-write ----------------------------------------------


def test_sqlite_connections_get_wal_synchronous_busy_timeout_and_foreign_keys(sqlite_db: Database) -> None:
    for _ in range(2):  # every new connection, not only the first
        with sqlite_db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 10000
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        sqlite_db.engine.dispose()


CHILD = textwrap.dedent(
    """
    import sys
    from iok_desktop.db.database import Database
    from iok_desktop.services import audit
    from iok_desktop.services.context import SYSTEM, ServiceContext, SystemClock

    database = Database(sys.argv[1])
    for number in range(1, 1_000_000):
        def work(session, number=number):
            ctx = ServiceContext(session, SYSTEM, SystemClock())
            for part in range(5):  # several rows per transaction: all of them or none
                details = {"part": part, "pad": "x" * 500}
                audit.record(ctx, "fault.write", entity_type="probe", entity_id=number, details=details)
        database.run(work)
        print(number, flush=True)  # only after COMMIT returned
    """
)


def test_a_sqlite_writer_killed_mid_write_loses_nothing_it_committed(tmp_path: Path) -> None:
    databases = SqliteDatabases(tmp_path)
    url = databases.create()
    committed: list[int] = []
    with subprocess.Popen(
        [sys.executable, "-c", CHILD, url], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as child:
        assert child.stdout is not None and child.stderr is not None
        killer = threading.Timer(60, child.kill)  # a hung child must not hang the suite
        killer.start()
        try:
            for line in child.stdout:
                committed.append(int(line))
                if len(committed) == 300:
                    child.send_signal(signal.SIGKILL)  # in the middle of its next transaction
                    break
            committed.extend(int(line) for line in child.stdout.read().split())  # printed before the kill
            errors = child.stderr.read()
        finally:
            killer.cancel()
    assert child.returncode == -signal.SIGKILL, errors
    assert len(committed) >= 300

    database = Database(url)
    try:
        with database.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        with database.session() as s:
            found = list(
                s.execute(
                    select(AuditEntry.entity_id, text("count(*)"))
                    .where(AuditEntry.action == "fault.write")
                    .group_by(AuditEntry.entity_id)
                )
            )
    finally:
        database.dispose()
    parts = {int(number): int(count) for number, count in found}
    assert set(committed) <= set(parts), "a transaction reported as committed is missing"
    assert set(parts.values()) == {5}, "a transaction was half-applied"
    assert max(parts) <= max(committed) + 1  # at most the one in flight made it without being reported
