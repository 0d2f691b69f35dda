"""``iok-desktop db demo``: fill an empty database with a demo cooperative and print its logins.

Registered under the existing ``db`` group (``db_commands`` keeps its subparsers on the ``db``
parser as ``subcommands``), so this module must come after ``db_commands`` in ``COMMAND_MODULES``.
Progress goes to standard error; the summary and the logins to standard output.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from iok_desktop.cli.common import CommandError, open_database
from iok_desktop.demo import (
    DatabaseNotEmptyError,
    DemoResult,
    OpenWindow,
    count_premises,
    format_count,
    generate_demo,
    years_pl,
)
from iok_desktop.demo.params import DEFAULT_PREMISES, DEFAULT_SEED, DEFAULT_YEARS, MAX_PREMISES, MAX_YEARS, DemoParams
from iok_desktop.demo.windows import period_label
from iok_desktop.domain.dates import format_date, office_today, utc_now

# Tables worth naming in the summary, with their Polish names.
_SUMMARY = (
    ("estates", "osiedla"),
    ("buildings", "budynki"),
    ("premises", "lokale"),
    ("persons", "osoby"),
    ("legal_titles", "tytuły prawne"),
    ("resident_accounts", "konta IOK"),
    ("meters", "liczniki"),
    ("meter_readings", "odczyty"),
    ("ledger_entries", "zapisy w kartotekach"),
    ("announcements", "ogłoszenia"),
    ("account_applications", "wnioski o konto"),
)


def register(subparsers: Any) -> None:
    db_parser = subparsers.choices.get("db")
    if db_parser is None or not hasattr(db_parser, "subcommands"):
        raise RuntimeError("demo_command must be registered after db_commands")
    demo = db_parser.subcommands.add_parser(
        "demo",
        help="wypełnij pustą bazę danymi demonstracyjnymi (spółdzielnia, lokale, odczyty, kartoteki)",
        description="Tworzy w pustej bazie przykładową spółdzielnię mieszkaniową z historią odczytów i opłat "
        "oraz konta pracowników i mieszkańców z hasłami demonstracyjnymi.",
    )
    demo.add_argument(
        "--premises",
        type=int,
        default=DEFAULT_PREMISES,
        help=f"liczba lokali, 1–{MAX_PREMISES} (domyślnie: %(default)s)",
    )
    demo.add_argument(
        "--years", type=int, default=DEFAULT_YEARS, help=f"lata historii, 1–{MAX_YEARS} (domyślnie: %(default)s)"
    )
    demo.add_argument(
        "--seed", type=int, default=DEFAULT_SEED, help="ziarno losowania: to samo ziarno, te same dane (%(default)s)"
    )
    demo.add_argument(
        "--if-empty",
        action="store_true",
        help="gdy baza zawiera już lokale, zakończ bez błędu i bez zmian (do skryptów uruchomieniowych)",
    )
    demo.set_defaults(handler=run_demo)


def run_demo(args: argparse.Namespace) -> int:
    # Refuse bad arguments before touching any database.
    DemoParams(args.premises, args.years, args.seed, office_today(utc_now())).validate()
    database = open_database(args)
    try:
        existing = count_premises(database)
        if existing and args.if_empty:
            return 0
        if existing:
            raise CommandError(str(DatabaseNotEmptyError(existing)))
        try:
            result = generate_demo(
                database,
                premises=args.premises,
                years=args.years,
                seed=args.seed,
                progress=lambda message: print(message, file=sys.stderr, flush=True),
            )
        except DatabaseNotEmptyError as error:  # filled by someone else meanwhile
            if args.if_empty:
                return 0
            raise CommandError(str(error)) from error
    finally:
        database.dispose()
    print(summary(result, database.description))
    return 0


def summary(result: DemoResult, where: str) -> str:
    params = result.params
    counts = ", ".join(f"{label} {format_count(result.counts.get(table, 0))}" for table, label in _SUMMARY)
    lines = [
        f"Dane demonstracyjne zapisane w {where}: {result.cooperative_name}.",
        f"Stan na {format_date(params.today)}, historia {years_pl(params.years)}, ziarno {params.seed}.",
        window_line(result.open_window),
        f"Utworzono: {counts}.",
        "Czas: " + f"{result.seconds:.1f}".replace(".", ",") + " s.",
        "",
        "Hasła demonstracyjne — nie używać w produkcji.",
        "",
        "Pracownicy (aplikacja biurowa):",
    ]
    lines += [f"  {c.login:<14} {c.password:<12} {c.role:<14} {c.full_name}" for c in result.staff]
    lines += ["", "Mieszkańcy (IOK, kiosk):"]
    for c in result.residents:
        flag = "  [zmiana hasła przy pierwszym logowaniu]" if c.must_change_password else ""
        lines.append(f"  {c.login:<14} {c.password:<12} {c.full_name}{flag}")
        lines += [f"      {address}" for address in c.addresses]
        lines.append(f"      ({c.description})")
    return "\n".join(lines)


def window_line(open_window: OpenWindow) -> str:
    """Which reading window the demo residents can submit in today, and whose rule it is."""
    rule, window = open_window.rule, open_window.window
    whose = "zasada domyślna spółdzielni" if open_window.is_default else "zasada własna budynku"
    return (
        f"Okres odczytowy otwarty dziś w budynku {open_window.building}: od {format_date(window.opens)} "
        f"do {format_date(window.closes)}, za {period_label(rule, window)} "
        f"(odczyty {rule.frequency.label}; {whose})."
    )
