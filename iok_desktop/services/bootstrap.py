"""Opening the database for an interactive application (clerk desktop or kiosk).

Same rules as the command line: the embedded SQLite default is migrated automatically, a shared
PostgreSQL database must have been upgraded by an administrator.
"""

from __future__ import annotations

import socket

from iok_desktop.config import resolve_database_url
from iok_desktop.db import migrate
from iok_desktop.db.database import Database
from iok_desktop.domain.errors import DomainError
from iok_desktop.services.backend import Backend
from iok_desktop.services.context import Clock


class SchemaOutdatedError(DomainError):
    code = "schema_outdated"


def open_backend(database_url: str | None = None, *, clock: Clock | None = None) -> Backend:
    location = resolve_database_url(database_url)
    database = Database(location.url)
    if not migrate.is_up_to_date(database.engine):
        if database.dialect == "sqlite":
            migrate.upgrade(database.engine)
        else:
            database.dispose()
            raise SchemaOutdatedError(
                f"Baza danych ({database.description}) nie ma aktualnej struktury. "
                "Administrator musi uruchomić: iok-desktop db upgrade"
            )
    return Backend(database, clock=clock, workstation=socket.gethostname())
