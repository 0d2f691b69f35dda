"""``iok-desktop db …``: schema upgrades and demo data."""

from __future__ import annotations

import argparse
from typing import Any

from iok_desktop.config import resolve_database_url
from iok_desktop.db import migrate
from iok_desktop.db.database import Database


def register(subparsers: Any) -> None:
    db = subparsers.add_parser("db", help="baza danych: aktualizacja struktury, dane demonstracyjne")
    db_sub = db.add_subparsers(dest="db_command", metavar="POLECENIE", required=True)
    db.subcommands = db_sub  # other modules add their own "db …" subcommands here (demo_command)
    upgrade = db_sub.add_parser("upgrade", help="utwórz lub zaktualizuj strukturę bazy (migracje Alembic)")
    upgrade.set_defaults(handler=run_upgrade)


def run_upgrade(args: argparse.Namespace) -> int:
    location = resolve_database_url(args.database_url)
    database = Database(location.url)
    try:
        before = migrate.current_revision(database.engine)
        migrate.upgrade(database.engine)
        after = migrate.current_revision(database.engine)
    finally:
        database.dispose()
    if before == after:
        print(f"Baza {database.description} jest aktualna (wersja {after}).")
    else:
        print(f"Zaktualizowano bazę {database.description}: {before or 'pusta'} → {after}.")
    return 0
