"""Engines and sessions for PostgreSQL (shared server) and SQLite (one desk, demo, first run)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger("iok.db")


# A server that does not answer (network cut) must not hang the worker for the OS's TCP timeout:
# give up connecting after a few seconds, and let keepalives notice a dead peer under an idle connection.
_POSTGRES_CONNECT_ARGS = {
    "connect_timeout": 5,
    "keepalives": 1,
    "keepalives_idle": 30,
    "keepalives_interval": 10,
    "keepalives_count": 3,
}


def _configure_sqlite_connection(dbapi_connection: Any, _record: Any) -> None:
    # These pragmas reset on every connection, so they are set here and not once. WAL with
    # synchronous=NORMAL never loses a committed transaction when the process is killed (only the last
    # ones on a power cut); a killed writer leaves a WAL that the next opener recovers.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def _begin_immediate(conn: Any) -> None:
    # SQLite: take the write lock at BEGIN, so two writers queue up (busy_timeout) instead of one
    # failing with "database is locked" when it upgrades a read transaction to a write.
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def create_db_engine(url: str, *, echo: bool = False) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        # hide_parameters: a statement in a log or an error message never shows its values (password
        # hashes, residents' contact data), whatever logging a developer turns on.
        engine = create_engine(url, echo=echo, hide_parameters=True, connect_args={"timeout": 10})
        event.listen(engine, "connect", _configure_sqlite_connection)
        # Let SQLAlchemy, not pysqlite, issue BEGIN (pysqlite's own transaction handling is off).
        event.listen(engine, "connect", lambda dbapi_conn, _rec: setattr(dbapi_conn, "isolation_level", None))
        event.listen(engine, "begin", _begin_immediate)
        return engine
    # pool_pre_ping: a pooled connection to a server that was restarted is noticed (and the pool
    # refilled) before the work starts, instead of failing its first statement.
    return create_engine(
        url,
        echo=echo,
        hide_parameters=True,
        pool_pre_ping=True,
        pool_size=5,
        max_overflow=5,
        connect_args=dict(_POSTGRES_CONNECT_ARGS),
    )


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    # expire_on_commit=False: services return plain data, but callers may still read ids after commit.
    return sessionmaker(engine, expire_on_commit=False)


def describe(engine: Engine) -> str:
    """Where we are, without the password, for the status bar: "SQLite /path", "PostgreSQL user@host/db"."""
    url = engine.url
    if url.get_backend_name() == "sqlite":
        return f"SQLite {url.database}"
    where = f"{url.host or 'localhost'}{f':{url.port}' if url.port else ''}/{url.database}"
    return f"PostgreSQL {url.username + '@' if url.username else ''}{where}"
