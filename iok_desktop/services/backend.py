"""The one door from a user interface into the core: run a service in its own transaction.

The GUI (and the kiosk) never see a session or SQLAlchemy: they call ``backend.call(actor,
service_function, *args)`` on a worker thread and get plain data back or a ``DomainError``. A lost
connection becomes ``DatabaseUnavailableError`` (show a banner, retry), not a traceback; a connection
lost while COMMIT was on its way becomes ``CommitOutcomeUnknownError`` (the save may or may not be in
the database: check before saving again, never replay it blindly).
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from typing import Concatenate, ParamSpec, TypeVar

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError, OperationalError

from iok_desktop.db import migrate
from iok_desktop.db.database import CommitOutcomeUnknown, Database, is_disconnect, is_retryable
from iok_desktop.demo import DemoResult, generate_demo
from iok_desktop.domain.enums import ReadingSource
from iok_desktop.domain.errors import DatabaseUnavailableError, DomainError
from iok_desktop.services import auth
from iok_desktop.services.context import SYSTEM, Actor, Clock, ServiceContext, SystemClock

log = logging.getLogger("iok.backend")
P = ParamSpec("P")
T = TypeVar("T")

UNAVAILABLE = "Brak połączenia z bazą danych. Sprawdź sieć lub poproś administratora o sprawdzenie serwera."
OUTCOME_UNKNOWN = (
    "Połączenie z bazą danych zostało przerwane w chwili zapisu i nie wiadomo, czy zapis się udał. "
    "Po przywróceniu połączenia sprawdź, czy dane są już zapisane, zanim zapiszesz je ponownie."
)
CONTENTION = (
    "Baza danych jest teraz zajęta zmianami innych osób i zapisu nie udało się dokończyć. "
    "Nic nie zostało zapisane — spróbuj ponownie za chwilę."
)


class CommitOutcomeUnknownError(DatabaseUnavailableError):
    """The connection dropped during COMMIT: the work may be in the database or not. Never retried blindly."""

    code = "commit_outcome_unknown"


class ContentionError(DomainError):
    """Serialization failures or deadlocks went on after every retry; nothing was applied."""

    code = "contention"


def _ping(ctx: ServiceContext) -> None:
    ctx.session.execute(text("SELECT 1"))


class Backend:
    def __init__(self, database: Database, clock: Clock | None = None, workstation: str | None = None) -> None:
        self.database = database
        self.clock = clock or SystemClock()
        self.workstation = workstation

    @property
    def description(self) -> str:
        return self.database.description

    @property
    def database_url(self) -> str:
        """The full URL (with any password) for worker processes that open their own connections."""
        return self.database.engine.url.render_as_string(hide_password=False)

    @property
    def dialect(self) -> str:
        return self.database.dialect

    def call(
        self, actor: Actor, fn: Callable[Concatenate[ServiceContext, P], T], *args: P.args, **kwargs: P.kwargs
    ) -> T:
        """Run one service call in one transaction (retried on serialization failures)."""
        try:
            return self.database.run(lambda session: fn(ServiceContext(session, actor, self.clock), *args, **kwargs))
        except CommitOutcomeUnknown as unknown:
            raise CommitOutcomeUnknownError(OUTCOME_UNKNOWN) from unknown
        except DBAPIError as error:
            if is_retryable(error):  # still failing after Database.run's retries
                log.warning("gave up after repeated %s", type(error.orig).__name__)
                raise ContentionError(CONTENTION) from error
            if is_disconnect(error) or isinstance(error, OperationalError):
                log.warning("database unavailable: %s", type(error.orig).__name__)
                raise DatabaseUnavailableError(UNAVAILABLE) from error
            raise

    def check_connection(self) -> None:
        """One round trip to the server (the banner's and the out-of-service screen's retry)."""
        self.system(_ping)

    def system(self, fn: Callable[Concatenate[ServiceContext, P], T], *args: P.args, **kwargs: P.kwargs) -> T:
        return self.call(SYSTEM, fn, *args, **kwargs)

    def login_staff(self, login: str, password: str) -> auth.StaffSession:
        """Log in; a refusal is committed (failure count, audit) before it is raised. Audited with this
        desk's name, as a resident's sign-in at a kiosk is."""
        at_desk = dataclasses.replace(SYSTEM, workstation=self.workstation)
        return self.call(at_desk, auth.login_staff, login, password).unwrap()

    def login_resident(
        self, login: str, password: str, channel: ReadingSource = ReadingSource.KIOSK
    ) -> auth.ResidentSession:
        # As the system, but at this workstation: failed attempts are counted per kiosk (and audited with it).
        at_desk = dataclasses.replace(SYSTEM, workstation=self.workstation)
        return self.call(at_desk, auth.login_resident, login, password, channel=channel).unwrap()

    def load_demo(self, *, premises: int = 600, years: int = 3) -> DemoResult:
        """Fill an empty database with the demo cooperative (first-run set-up)."""
        return generate_demo(self.database, premises=premises, years=years)

    def schema_is_current(self) -> bool:
        try:
            return migrate.is_up_to_date(self.database.engine)
        except OperationalError as error:
            raise DatabaseUnavailableError(UNAVAILABLE) from error
