"""``iok-desktop db backup PLIK`` and ``iok-desktop db restore PLIK [--clean]``.

Registered under the ``db`` group (after ``db_commands`` in ``COMMAND_MODULES``). The mechanics are
in ``iok_desktop.db.backup``; this module adds the audit entries: ``db.backup`` in the database that
was backed up (after the file is complete, so the backup itself does not contain it) and
``db.restore`` in the restored database (the first entry after the history the backup brought back).
Both are written as the system actor with this machine's name; a database that cannot be written
(a read-only login or file) still gets its backup, with a warning that no entry was recorded.
Neither command goes through ``open_database``: a backup must not upgrade what it copies, and a
restore may target an empty database or one of another schema version.
"""

from __future__ import annotations

import argparse
import dataclasses
import platform
import sys
from pathlib import Path
from typing import Any

from sqlalchemy.exc import DBAPIError

from iok_desktop.config import resolve_database_url
from iok_desktop.db import backup, migrate
from iok_desktop.db.database import Database
from iok_desktop.services import audit
from iok_desktop.services.context import SYSTEM, ServiceContext

# Tables named in the summary, with their Polish names.
_SUMMARY = (
    ("premises", "lokale"),
    ("resident_accounts", "konta IOK"),
    ("meter_readings", "odczyty"),
    ("ledger_entries", "zapisy w kartotekach"),
    ("audit_log", "wpisy w dzienniku zdarzeń"),
)


def register(subparsers: Any) -> None:
    db_parser = subparsers.choices.get("db")
    if db_parser is None or not hasattr(db_parser, "subcommands"):
        raise RuntimeError("backup_command must be registered after db_commands")
    make = db_parser.subcommands.add_parser(
        "backup",
        help="zapisz kopię zapasową całej bazy do nowego pliku",
        description="Zapisuje kopię całej bazy do nowego pliku (istniejącego nie nadpisuje). PostgreSQL: pg_dump "
        "w formacie custom; SQLite: kopia spójna także wtedy, gdy stanowiska pracują. Kopia jest odnotowana "
        "w dzienniku zdarzeń.",
    )
    make.add_argument("path", metavar="PLIK", help="nowy plik kopii, np. iok-2026-11-25.backup")
    make.set_defaults(handler=run_backup)
    restore = db_parser.subcommands.add_parser(
        "restore",
        help="odtwórz bazę z kopii zapasowej (całą albo nic)",
        description="Odtwarza bazę z pliku kopii tego samego rodzaju (PostgreSQL albo SQLite). Baza docelowa musi "
        "być pusta, chyba że podasz --clean: wtedy jej zawartość zostanie zastąpiona kopią. Błąd w trakcie "
        "niczego nie zmienia. Przed odtwarzaniem zamknij aplikację na pozostałych stanowiskach.",
    )
    restore.add_argument("path", metavar="PLIK", help="plik kopii zapasowej")
    restore.add_argument(
        "--clean",
        action="store_true",
        help="zastąp zawartość niepustej bazy docelowej (bez tej opcji odtwarzanie do niepustej bazy jest odmawiane)",
    )
    restore.set_defaults(handler=run_restore)


def record_event(url: str, action: str, details: dict[str, Any]) -> str | None:
    """Write one audit entry as the system on this machine; the reason when the database refused it."""
    actor = dataclasses.replace(SYSTEM, workstation=platform.node() or None)
    database = Database(url)
    try:
        database.run(lambda session: audit.record(ServiceContext(session, actor), action, details=details))
    except DBAPIError as error:
        return str(error.orig).strip().splitlines()[0] if error.orig else str(error)
    finally:
        database.dispose()
    return None


def _counts_line(counts: dict[str, int]) -> str:
    return ", ".join(f"{label} {counts.get(table, 0)}" for table, label in _SUMMARY)


def _size(size: int) -> str:
    return f"{size / 1_048_576:.1f}".replace(".", ",") + " MB" if size >= 1_048_576 else f"{size / 1024:.0f} kB"


def run_backup(args: argparse.Namespace) -> int:
    location = resolve_database_url(args.database_url)
    out = Path(args.path).expanduser()
    result = backup.backup(location.url, out)
    print(f"Zapisano kopię bazy ({result.engine}, struktura {result.revision}) w pliku {out} ({_size(result.size)}).")
    print(f"W kopii: {_counts_line(result.counts)}.")
    refused = record_event(
        location.url,
        "db.backup",
        {
            "file": str(out.resolve()),
            "engine": result.engine,
            "revision": result.revision,
            "size": result.size,
            "counts": result.counts,
        },
    )
    if refused:
        print(
            f"Uwaga: nie zapisano wpisu w dzienniku zdarzeń (baza tylko do odczytu?): {refused}",
            file=sys.stderr,
        )
    return 0


def run_restore(args: argparse.Namespace) -> int:
    location = resolve_database_url(args.database_url)
    path = Path(args.path).expanduser()
    result = backup.restore(location.url, path, clean=args.clean)
    print(f"Odtworzono bazę z pliku {path} ({result.engine}, struktura {result.revision}).")
    print(f"Odtworzono: {_counts_line(result.counts)}.")
    for note in result.notes:
        print(note)
    refused = record_event(
        location.url,
        "db.restore",
        {
            "file": str(path.resolve()),
            "engine": result.engine,
            "revision": result.revision,
            "size": result.size,
            "clean": bool(args.clean),
            "counts": result.counts,
        },
    )
    if refused:
        print(f"Uwaga: nie zapisano wpisu w dzienniku zdarzeń: {refused}", file=sys.stderr)
    if result.revision != migrate.head_revision():
        print(
            "Kopia ma starszą strukturę bazy. Przed pracą uruchom: iok-desktop db upgrade "
            "(wbudowana baza SQLite zaktualizuje się sama).",
        )
    return 0
