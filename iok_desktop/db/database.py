"""One open database: engine, sessions, and a transaction runner that retries what may be retried."""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from iok_desktop.db.engine import create_db_engine, describe, make_session_factory

log = logging.getLogger("iok.db")
T = TypeVar("T")

# PostgreSQL: serialization_failure, deadlock_detected. Both mean "run the whole transaction again".
_RETRYABLE_SQLSTATES = {"40001", "40P01"}


def is_retryable(error: DBAPIError) -> bool:
    sqlstate = getattr(error.orig, "sqlstate", None)
    if sqlstate in _RETRYABLE_SQLSTATES:
        return True
    return "database is locked" in str(error.orig)


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
        """Run ``work`` in one transaction and commit; retry it whole on a serialization failure.

        Nothing is half-applied: a failure rolls the transaction back before the next attempt or
        before the error reaches the caller.
        """
        for attempt in range(1, attempts + 1):
            with self.session_factory() as session:
                try:
                    result = work(session)
                    session.commit()
                    return result
                except DBAPIError as error:
                    session.rollback()
                    if attempt == attempts or not is_retryable(error):
                        raise
                    delay = 0.02 * 2**attempt * (0.5 + random.random())
                    log.info("transaction retried after %s (attempt %d)", type(error.orig).__name__, attempt)
                    time.sleep(delay)
                except BaseException:
                    session.rollback()
                    raise
        raise AssertionError("unreachable")

    def dispose(self) -> None:
        self.engine.dispose()
