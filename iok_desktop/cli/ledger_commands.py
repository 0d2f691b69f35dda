"""``iok-desktop ledger …``: the financial ledger from the command line (the accounting system's import).

``ledger import FILE`` runs as the system actor (the cooperative's own batch job, recorded as
"system" in the audit log). The summary and the rejected rows go to standard output, progress to
standard error (on a terminal only). Exit code 0 when the file was read, even with rejected rows
(they are listed); 2 when it could not be read (nothing imported).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from iok_desktop.cli.common import open_database
from iok_desktop.domain.money import format_money
from iok_desktop.services import ledger_import
from iok_desktop.services.backend import Backend
from iok_desktop.services.context import SYSTEM
from iok_desktop.services.ledger_import import ImportReport


def register(subparsers: Any) -> None:
    ledger = subparsers.add_parser("ledger", help="kartoteki finansowe lokali: import z programu księgowego")
    ledger_sub = ledger.add_subparsers(dest="ledger_command", metavar="POLECENIE", required=True)
    ledger.subcommands = ledger_sub  # other modules may add their own "ledger …" subcommands here
    run = ledger_sub.add_parser(
        "import",
        help="zaimportuj naliczenia, wpłaty i korekty z pliku CSV programu księgowego",
        description="Importuje zapisy kartotek z pliku CSV (średnik, przecinek dziesiętny, UTF-8 lub "
        f"Windows-1250). Nagłówek: {ledger_import.HEADER}. Ponowny import tego samego pliku niczego nie "
        "zaksięguje drugi raz (numer dokumentu). Opis kolumn: README, rozdział „Importing the ledger”.",
    )
    run.add_argument("file", metavar="PLIK", help="plik CSV z programu księgowego")
    run.set_defaults(handler=run_import)


def _progress(done: int, total: int) -> None:
    print(f"\rZaimportowano {done} z {total} wierszy…", end="", file=sys.stderr, flush=True)


def summary_lines(report: ImportReport) -> list[str]:
    """The Polish summary of an import, as the command prints it."""
    lines = [
        f"Plik {report.file_name} ({report.encoding}): wierszy z danymi {report.rows}.",
        f"Zaksięgowano nowych zapisów: {report.created}.",
    ]
    for label, count, total in (
        ("naliczenia", report.charges, report.charges_total),
        ("wpłaty", report.payments, report.payments_total),
        ("korekty", report.corrections, report.corrections_total),
    ):
        if count:
            lines.append(f"  {label}: {count}, razem {format_money(total)}")
    if report.already_imported:
        lines.append(f"Już zaimportowane wcześniej (pominięte): {report.already_imported}.")
    if report.rejected_count:
        lines.append(f"Odrzucone wiersze: {report.rejected_count} — nie zaksięgowano ich:")
        lines += [f"  wiersz {row.line}: {row.reason}" for row in report.rejected]
        if report.rejected_count > len(report.rejected):
            lines.append(f"  … i {report.rejected_count - len(report.rejected)} dalszych.")
    else:
        lines.append("Żaden wiersz nie został odrzucony.")
    return lines


def run_import(args: argparse.Namespace) -> int:
    database = open_database(args)
    try:
        progress = _progress if sys.stderr.isatty() else None
        report = ledger_import.import_file(Backend(database), SYSTEM, args.file, progress=progress)
        if progress is not None:
            print(file=sys.stderr)
    finally:
        database.dispose()
    print("\n".join(summary_lines(report)))
    return 0
