"""``iok-desktop``: start the application, or run an administrative subcommand.

Subcommands live in one module each (``db_commands``, ``user_commands``, …); every module offers
``register(subparsers)`` and sets ``handler`` on its parsers. A ``DomainError`` ends the command
with its Polish message and exit code 2; anything else is a bug and shows a traceback.

The modules are imported only for the command typed (all of them for ``--help``): they pull in
alembic, reportlab and the demo generator, and starting the application must not wait for those
(benchmarks/README.md, start-up).
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Iterable, Sequence

from iok_desktop import __version__
from iok_desktop.cli import polish_argparse

# Each top-level command and the modules that register it and its subcommands, in order
# (``db_commands`` makes the ``db`` parser the others add to).
COMMANDS: dict[str, tuple[str, ...]] = {
    "db": ("db_commands", "demo_command", "backup_command", "roles_command"),
    "user": ("user_commands",),
    "ledger": ("ledger_commands",),
    "statements": ("statements_command",),
}
HELP_OPTIONS = frozenset({"-h", "--help"})


def build_parser(commands: Iterable[str] | None = None) -> argparse.ArgumentParser:
    """The parser with the given top-level commands (all of them by default)."""
    parser = _options_parser()
    subparsers = parser.add_subparsers(dest="command", metavar="POLECENIE")
    for command in COMMANDS if commands is None else commands:
        for module in COMMANDS[command]:
            importlib.import_module(f"iok_desktop.cli.{module}").register(subparsers)
    return parser


def _options_parser() -> argparse.ArgumentParser:
    polish_argparse.install()
    parser = argparse.ArgumentParser(
        prog="iok-desktop",
        description="IOK Desktop — obsługa Internetowej Obsługi Kontrahenta w biurze spółdzielni.",
    )
    parser.add_argument(
        "--version", action="version", version=f"%(prog)s {__version__}", help="pokaż wersję programu i zakończ"
    )
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
    parser.add_argument(
        "--lang", choices=("pl", "en"), help="język okien: pl (domyślny) albo en (domyślnie: według języka systemu)"
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="sprawdź instalację: uruchom, pokaż pierwsze okno (logowanie, kreator albo kiosk) i zakończ",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="więcej komunikatów diagnostycznych")
    return parser


def _commands_needed(argv: list[str]) -> tuple[str, ...] | None:
    """The top-level command typed, if any (none: the application starts); None: all (help, a typo)."""
    if HELP_OPTIONS.intersection(argv):
        return None
    _known, rest = _options_parser().parse_known_args(argv)
    if not rest:
        return ()
    return (rest[0],) if rest[0] in COMMANDS else None


def start_gui(args: argparse.Namespace) -> int:
    # Imported here: the administrative commands must work (and start fast) without loading Qt.
    from iok_desktop.gui.main import run  # noqa: PLC0415

    return run(args)


def main(argv: Sequence[str] | None = None) -> int:
    if getattr(sys, "frozen", False):
        # A frozen build starts the batch statement workers (spawn) through this entry point. Only
        # then: importing multiprocessing costs the application's start ~8 ms.
        import multiprocessing  # noqa: PLC0415

        multiprocessing.freeze_support()
    arguments = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(_commands_needed(arguments))
    args = parser.parse_args(arguments)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING, format="%(name)s: %(message)s")
    handler = getattr(args, "handler", None)
    if handler is None:
        if args.command:
            parser.parse_args([args.command, "--help"])
        return start_gui(args)
    from iok_desktop.cli.common import CommandError  # noqa: PLC0415 - see the module's docstring
    from iok_desktop.domain.errors import DomainError  # noqa: PLC0415

    try:
        return int(handler(args) or 0)
    except (DomainError, CommandError) as error:
        print(f"iok-desktop: {error}", file=sys.stderr)
        return 2
