"""``iok-desktop statements``: statements of many premises as PDF files, from the command line.

The same batch the clerk application runs (both CPU cores, one file per premises or one combined
file, every saved statement in the audit log). Progress goes to standard error, the summary to
standard output. The audit entries name the system as the actor and ``user@host`` as the desk.
"""

from __future__ import annotations

import argparse
import getpass
import socket
import sys
import threading
from pathlib import Path
from typing import Any

from iok_desktop.cli.common import CommandError, open_database
from iok_desktop.domain.dates import parse_date
from iok_desktop.domain.enums import ActorKind
from iok_desktop.reports.batch import DEFAULT_WORKERS, BatchJob, run_batch
from iok_desktop.services.context import Actor, ServiceContext
from iok_desktop.services.statements import batch_scope, premises_for_batch


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "statements",
        help="wyciągi z kartotek finansowych lokali do plików PDF (budynek, osiedle albo wszystkie lokale)",
        description="Zapisuje wyciągi z kartotek finansowych lokali za podany okres: jeden plik PDF na lokal "
        "(nazwany numerem lokalu) albo jeden wspólny plik (--combined). Daty: DD.MM.RRRR albo RRRR-MM-DD.",
    )
    parser.add_argument("--from", dest="date_from", required=True, metavar="DATA", help="początek okresu")
    parser.add_argument("--to", dest="date_to", required=True, metavar="DATA", help="koniec okresu")
    parser.add_argument("--building", metavar="KOD", help="tylko lokale budynku o tym kodzie")
    parser.add_argument("--estate", metavar="KOD", help="tylko lokale osiedla o tym kodzie")
    parser.add_argument("--arrears-only", action="store_true", help="tylko lokale z saldem do zapłaty na koniec okresu")
    parser.add_argument(
        "--without-personal-data", action="store_true", help="bez imion i nazwisk posiadaczy (do archiwum)"
    )
    parser.add_argument("--combined", action="store_true", help="jeden wspólny plik PDF zamiast pliku na lokal")
    parser.add_argument(
        "--out", required=True, type=Path, metavar="ŚCIEŻKA", help="plik PDF (--combined) albo folder na pliki"
    )
    parser.add_argument("--workers", type=int, default=DEFAULT_WORKERS, help="liczba procesów (domyślnie: %(default)s)")
    parser.set_defaults(handler=run_statements)


def _cli_actor() -> Actor:
    desk = f"{getpass.getuser()}@{socket.gethostname()}"[:100]
    return Actor(ActorKind.SYSTEM, None, "system", workstation=desk)


def run_statements(args: argparse.Namespace) -> int:
    date_from = parse_date(args.date_from, field="date_from")
    date_to = parse_date(args.date_to, field="date_to")
    if date_from > date_to:
        raise CommandError("Data początkowa okresu nie może być późniejsza niż końcowa.")
    if not 1 <= args.workers <= 16:
        raise CommandError("Liczba procesów: od 1 do 16.")
    out: Path = args.out
    if args.combined and out.is_dir():
        raise CommandError(f"{out} jest folderem; przy --combined podaj nazwę pliku PDF.")
    if not args.combined and out.exists() and not out.is_dir():
        raise CommandError(f"{out} jest plikiem; bez --combined podaj folder na pliki PDF.")
    actor = _cli_actor()
    database = open_database(args)
    try:
        with database.session() as session:
            ctx = ServiceContext(session, actor)
            building_id, estate_id = batch_scope(ctx, building_code=args.building, estate_code=args.estate)
            ids = premises_for_batch(
                ctx, building_id=building_id, estate_id=estate_id, arrears_only=args.arrears_only, as_of=date_to
            )
        url = database.engine.url.render_as_string(hide_password=False)
    finally:
        database.dispose()
    if not ids:
        print("Żaden lokal nie spełnia warunków: nie zapisano wyciągów.")
        return 0

    def progress(done: int, total: int) -> None:
        print(f"\rWyciągi: {done}/{total}", end="", file=sys.stderr, flush=True)

    job = BatchJob(
        database_url=url,
        actor=actor,
        premises_ids=tuple(ids),
        date_from=date_from,
        date_to=date_to,
        out=out,
        combined=args.combined,
        personal=not args.without_personal_data,
    )
    result = run_batch(job, workers=args.workers, progress=progress, cancel=threading.Event())
    print(file=sys.stderr)
    where = out if args.combined else f"{out} (plik na lokal)"
    # "wyciągi: 8 z 8, strony: 64" reads right for any number, without Polish plural forms.
    print(f"Zapisane wyciągi: {result.done} z {result.total}, strony: {result.pages} — {where}.")
    return 0
