"""Shared pieces of the command-line commands: opening the database, reading a password."""

from __future__ import annotations

import argparse
import getpass
import sys

from iok_desktop.config import resolve_database_url
from iok_desktop.db import migrate
from iok_desktop.db.database import Database


class CommandError(Exception):
    """A command cannot go on; the message (Polish) says why and what to do."""


def open_database(args: argparse.Namespace, *, upgrade_embedded: bool = True) -> Database:
    """Open the database chosen by --database-url / IOK_DATABASE_URL / config / embedded default.

    The embedded SQLite default is brought up to date automatically (it belongs to this desk);
    a shared PostgreSQL database is only ever upgraded by an explicit ``db upgrade``.
    """
    location = resolve_database_url(args.database_url)
    database = Database(location.url)
    if not migrate.is_up_to_date(database.engine):
        if upgrade_embedded and database.dialect == "sqlite":
            migrate.upgrade(database.engine)
        else:
            database.dispose()
            raise CommandError(
                f"Baza danych ({database.description}) nie ma aktualnej struktury. "
                "Administrator musi najpierw uruchomić: iok-desktop db upgrade"
            )
    return database


def read_password(prompt: str, *, confirm: bool = True) -> str:
    """From the terminal (twice, hidden) or, when piped, the first line of standard input."""
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("Powtórz hasło: ") != first:
        raise CommandError("Hasła się różnią.")
    return first
