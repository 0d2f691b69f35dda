"""``iok-desktop``: start the application, or run an administrative subcommand.

Subcommands live in one module each (``db_commands``, ``user_commands``, …); every module offers
``register(subparsers)`` and sets ``handler`` on its parsers. A ``DomainError`` ends the command
with its Polish message and exit code 2; anything else is a bug and shows a traceback.
"""

from __future__ import annotations

import argparse
import logging
import multiprocessing
import sys
from collections.abc import Sequence

from iok_desktop import __version__
from iok_desktop.cli import (
    backup_command,
    db_commands,
    demo_command,
    ledger_commands,
    roles_command,
    statements_command,
    user_commands,
)
from iok_desktop.cli.common import CommandError
from iok_desktop.domain.errors import DomainError

COMMAND_MODULES = [
    db_commands,
    user_commands,
    demo_command,
    backup_command,
    roles_command,
    ledger_commands,
    statements_command,
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="iok-desktop",
        description="IOK Desktop — obsługa Internetowej Obsługi Kontrahenta w biurze spółdzielni.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--database-url",
        help="adres bazy danych, np. postgresql+psycopg://user@host/iok (domyślnie: IOK_DATABASE_URL, "
        "plik konfiguracyjny albo wbudowana baza SQLite)",
    )
    parser.add_argument("--kiosk", action="store_true", help="uruchom tryb kiosku dla mieszkańców")
    parser.add_argument(
        "--printer",
        help="drukarka kiosku na zestawienia mieszkańców (domyślnie: [kiosk] printer w pliku konfiguracyjnym "
        "albo domyślna drukarka systemu)",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="więcej komunikatów diagnostycznych")
    subparsers = parser.add_subparsers(dest="command", metavar="POLECENIE")
    for module in COMMAND_MODULES:
        module.register(subparsers)
    return parser


def start_gui(args: argparse.Namespace) -> int:
    # Imported here: the administrative commands must work (and start fast) without loading Qt.
    from iok_desktop.gui.main import run  # noqa: PLC0415

    return run(args)


def main(argv: Sequence[str] | None = None) -> int:
    # A frozen Windows build starts the batch statement workers (spawn) through this entry point.
    multiprocessing.freeze_support()
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING, format="%(name)s: %(message)s")
    handler = getattr(args, "handler", None)
    if handler is None:
        if args.command:
            parser.parse_args([args.command, "--help"])
        return start_gui(args)
    try:
        return int(handler(args) or 0)
    except (DomainError, CommandError) as error:
        print(f"iok-desktop: {error}", file=sys.stderr)
        return 2
