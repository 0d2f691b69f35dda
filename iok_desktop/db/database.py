"""One open database: engine, sessions, and a transaction runner that retries what may be retried.

What may be retried, and what may not:

- a serialization failure or deadlock (SQLSTATE 40001 / 40P01, SQLite's "database is locked"): the
  server rolled the whole transaction back, so it is run again whole, a few times, with jitter;
- a lost connection *before* COMMIT was sent: nothing was written (the server rolls back a
  transaction whose connection dies), so it is run once more on a fresh connection;
- a lost connection *during* COMMIT: the server may have committed or not, and nobody can tell from
  here. That is never retried automatically (a payment could be booked twice): ``CommitOutcomeUnknown``
  goes up, and whoever retries must first check whether the work is already there.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session

from iok_desktop.db.engine import create_db_engine, describe, make_session_factory

log = logging.getLogger("iok.db")
T = TypeVar("T")

# PostgreSQL: serialization_failure, deadlock_detected. Both mean "run the whole transaction again".
_RETRYABLE_SQLSTATES = {"40001", "40P01"}


class CommitOutcomeUnknown(Exception):  # noqa: N818 - a state, not a programming error
    """The connection was lost while COMMIT was on its way: the transaction may or may not be applied."""

    def __init__(self, error: DBAPIError) -> None:
        super().__init__(f"connection lost during COMMIT: {type(error.orig).__name__}")
        self.error = error


def is_retryable(error: DBAPIError) -> bool:
    sqlstate = getattr(error.orig, "sqlstate", None)
    if sqlstate in _RETRYABLE_SQLSTATES:
        return True
    return "database is locked" in str(error.orig)


def is_disconnect(error: DBAPIError) -> bool:
    """The server is gone (restarted, crashed, network cut, refusing): not a fault of the statement."""
    if error.connection_invalidated:
        return True
    if "sqlite" in type(error.orig).__module__:
        return False  # SQLite's OperationalError is about the file, never a lost server
    sqlstate = getattr(error.orig, "sqlstate", None)
    if sqlstate is None:
        # psycopg raises OperationalError without a SQLSTATE when it cannot reach the server at all.
        return isinstance(error, OperationalError)
    # 08xxx connection exception; 57P01-57P03 admin/crash shutdown, cannot connect now.
    return bool(sqlstate.startswith("08") or sqlstate in {"57P01", "57P02", "57P03"})


def _rollback_quietly(session: Session) -> None:
    # On a dead connection (or a transaction that failed after its COMMIT) the rollback itself may fail;
    # the server has rolled back already, and the original error is the one to report.
    try:
        session.rollback()
    except SQLAlchemyError as error:
        log.debug("rollback after a failure failed too: %s", type(error).__name__)


class Database:
    def __init__(self, url: str, *, engine: Engine | None = None) -> None:
        self.engine = engine or create_db_engine(url)
        self.session_factory = make_session_factory(self.engine)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @property
    def description(self) -> str:
        return describe(self.engine)

    def session(self) -> Session:
        return self.session_factory()

    def run(self, work: Callable[[Session], T], *, attempts: int = 4) -> T:
        """Run ``work`` in one transaction and commit; retry it whole when that is safe (see above).

        Nothing is half-applied: a failure rolls the transaction back before the next attempt or
        before the error reaches the caller. Raises ``CommitOutcomeUnknown`` when the connection
        was lost during COMMIT.
        """
        reconnected = False
        for attempt in range(1, attempts + 1):
            with self.session_factory() as session:
                committing = False
                try:
                    result = work(session)
                    committing = True
                    session.commit()
                    return result
                except DBAPIError as error:
                    _rollback_quietly(session)
                    if is_retryable(error) and attempt < attempts:
                        delay = 0.02 * 2**attempt * (0.5 + random.random())
                        log.info("transaction retried after %s (attempt %d)", type(error.orig).__name__, attempt)
                        time.sleep(delay)
                        continue
                    if not is_disconnect(error):
                        raise
                    if committing:
                        log.warning("connection lost during COMMIT: outcome unknown, not retried")
                        raise CommitOutcomeUnknown(error) from error
                    if reconnected or attempt == attempts:
                        raise
                    # Lost before COMMIT: nothing was written. One more go on a fresh connection
                    # (the pool has dropped the dead ones) covers a server that was restarted.
                    reconnected = True
                    log.info("connection lost before COMMIT (%s): running once more", type(error.orig).__name__)
                except BaseException:
                    _rollback_quietly(session)
                    raise
        raise AssertionError("unreachable")

    def dispose(self) -> None:
        self.engine.dispose()
