"""How fast statements are drawn: one long statement, and batch pages per second on one and two cores.

    python -m benchmarks.statements                      # SQLite in a temporary file
    python -m benchmarks.statements --postgres           # a throwaway PostgreSQL cluster (as the tests)
    python -m benchmarks.statements --premises 600 --years 3

1. One premises with ten years of monthly entries (a charge and a payment every month, 240 entries,
   and a busier ledger with corrections, about 400): reading the statement from the database and
   drawing the PDF, each the median of ``--runs`` calls after a warm-up. Target (issue 4): ≤ 50 ms.
2. Batch: the demo cooperative (``--premises``, ``--years`` of history), a statement of the last
   ``--months`` for every premises. The baseline is plain reportlab doing the same layout on one core:
   a plain loop that reads each premises' statement, draws it with the same code and writes its file,
   with no processes and no audit. (Drawing alone, on statements already in memory, is printed too.)
   Against it, the batch as the office runs it (worker processes that read the database
   and write one file per premises, process start-up included) with 1 and with 2 workers, as pages
   per second and as a ratio. Targets: ≥ 0.8× with one worker, ≥ 1.6× with two.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import threading
import time
from collections.abc import Callable
from contextlib import ExitStack
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select

from iok_desktop.db import migrate
from iok_desktop.db.database import Database
from iok_desktop.db.models import LedgerEntry, Premises, StaffUser
from iok_desktop.demo import generate_demo
from iok_desktop.domain.enums import LedgerKind, StaffRole
from iok_desktop.reports.batch import BatchJob, file_name, run_batch
from iok_desktop.reports.statement_pdf import render_statement_pages
from iok_desktop.services.context import Actor, FixedClock, ServiceContext, staff_actor
from iok_desktop.services.statements import StatementDocument, premises_for_batch, statement_document
from tests.support.postgres import PostgresCluster  # the tests' throwaway cluster: a developer's tool

TODAY = date(2026, 11, 25)
NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
TARGET_MS = 50.0
TITLES = (
    "Opłata eksploatacyjna {m:02d}/{y} — zaliczka na c.o., ciepłą wodę, fundusz remontowy i wywóz śmieci",
    "Wpłata na konto — przelew",
    "Korekta naliczenia za wodę {m:02d}/{y} po rozliczeniu podzielników",
)


def _median_ms(call: Callable[[], object], runs: int) -> float:
    call()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def _ten_years(premises_id: int, *, corrections: bool) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for index in range(120):
        year, month = 2016 + (index + 11) // 12, (index + 11) % 12 + 1
        booked = date(year, month, 1)
        common = {"premises_id": premises_id, "source": "bench", "created_at": NOW}
        rows.append(
            common
            | {
                "booking_date": booked,
                "due_date": booked + timedelta(days=9),
                "kind": LedgerKind.CHARGE,
                "title": TITLES[0].format(m=month, y=year),
                "amount": Decimal("412.37") + index % 9,
                "document_id": f"N{premises_id}-{index}",
            }
        )
        rows.append(
            common
            | {
                "booking_date": booked + timedelta(days=14),
                "due_date": None,
                "kind": LedgerKind.PAYMENT,
                "title": TITLES[1],
                "amount": Decimal("-415.00"),
                "document_id": f"W{premises_id}-{index}",
            }
        )
        if corrections and index % 3 != 0:
            rows.append(
                common
                | {
                    "booking_date": booked + timedelta(days=20),
                    "due_date": booked + timedelta(days=30),
                    "kind": LedgerKind.CORRECTION,
                    "title": TITLES[2].format(m=month, y=year),
                    "amount": Decimal("-12.40") if index % 2 else Decimal("8.15"),
                    "document_id": f"K{premises_id}-{index}",
                }
            )
    return rows


def _clerk(database: Database) -> int:
    with database.session() as s:
        staff_id = s.scalar(select(StaffUser.id).where(StaffUser.role == StaffRole.CLERK).limit(1))
        if staff_id is None:
            raise SystemExit("the demo has no clerk")
        return int(staff_id)


def one_statement(database: Database, runs: int) -> None:
    print("\n1. One statement, ten years of monthly entries (target ≤ 50 ms)")
    clerk = _clerk(database)
    actor = staff_actor(clerk, "bench", StaffRole.CLERK)
    with database.session() as s:
        ids = list(s.scalars(select(Premises.id).order_by(Premises.id.desc()).limit(2)))
        for pid, corrections in zip(ids, (False, True), strict=True):
            s.execute(insert(LedgerEntry), _ten_years(pid, corrections=corrections))
        s.commit()
    for pid in ids:
        _time_one(database, actor, pid, runs)


def _time_one(database: Database, actor: Actor, pid: int, runs: int) -> None:
    period = (date(2016, 12, 1), TODAY)
    with database.session() as s:
        ctx = ServiceContext(s, actor, FixedClock(NOW))
        doc = statement_document(ctx, pid, *period)
        read_ms = _median_ms(lambda: statement_document(ctx, pid, *period), runs)
        draw_ms = _median_ms(lambda: render_statement_pages(doc), runs)
        _pdf, pages = render_statement_pages(doc)
    verdict = "ok" if draw_ms <= TARGET_MS else "SLOWER THAN TARGET"
    print(
        f"   {len(doc.statement.entries):4d} entries, {pages:2d} pages: read {read_ms:6.1f} ms, "
        f"draw {draw_ms:6.1f} ms, together {read_ms + draw_ms:6.1f} ms   [{verdict}]"
    )


def _rate(pages: int, started: float) -> float:
    return pages / (time.perf_counter() - started)


def batch(database: Database, url: str, months: int, out_root: Path) -> None:
    clerk = _clerk(database)
    actor = staff_actor(clerk, "bench", StaffRole.CLERK)
    period = (TODAY - timedelta(days=30 * months), TODAY)
    with database.session() as s:
        ctx = ServiceContext(s, actor, FixedClock(NOW))
        ids = premises_for_batch(ctx, as_of=TODAY)
        arrears_ms = _median_ms(lambda: premises_for_batch(ctx, arrears_only=True, as_of=TODAY), 5)
        debtors = len(premises_for_batch(ctx, arrears_only=True, as_of=TODAY))
        documents: list[StatementDocument] = [statement_document(ctx, pid, *period) for pid in ids]
    print(
        f"\n   choosing the premises in arrears: {debtors:,} of {len(ids):,} in {arrears_ms:.1f} ms (one grouped query)"
    )
    print(f"\n2. Batch: {len(ids):,} statements of {months} months (os.cpu_count() = {os.cpu_count()})")

    started = time.perf_counter()
    pages = sum(render_statement_pages(doc)[1] for doc in documents)
    drawing_only = _rate(pages, started)

    # The baseline: a plain script with the same layout, one premises after another on one core.
    plain_dir = out_root / "plain"
    plain_dir.mkdir(parents=True)
    started = time.perf_counter()
    with database.session() as s:
        ctx = ServiceContext(s, actor, FixedClock(NOW))
        for pid in ids:
            doc = statement_document(ctx, pid, *period)
            (plain_dir / file_name(doc.premises_code)).write_bytes(render_statement_pages(doc)[0])
    plain = _rate(pages, started)

    rows = [
        ("drawing only: statements in memory, no database, no files", pages, drawing_only, ""),
        ("plain reportlab, same layout, 1 core: read, draw, write a file", pages, plain, "baseline"),
    ]
    for workers, target in ((1, "≥ 0.80×"), (2, "≥ 1.60×")):
        job = BatchJob(url, actor, tuple(ids), *period, out=out_root / f"w{workers}", combined=False)
        started = time.perf_counter()
        result = run_batch(job, workers=workers, cancel=threading.Event())
        label = f"our batch, {workers} worker{'s' if workers > 1 else ''} (processes), a file per premises"
        rows.append((label, result.pages, _rate(result.pages, started), target))
    job = BatchJob(url, actor, tuple(ids), *period, out=out_root / "razem.pdf", combined=True)
    started = time.perf_counter()
    result = run_batch(job, workers=2)
    rows.append(("our batch, 2 workers (processes), one combined file", result.pages, _rate(result.pages, started), ""))

    print(f"   {'':66s} {'pages':>7s} {'pages/s':>9s} {'ratio':>7s}  target")
    for label, count, rate, target in rows:
        print(f"   {label:66s} {count:7,d} {rate:9.1f} {rate / plain:6.2f}×  {target}")
    print("   (ratios against the baseline; the batch times include starting the worker processes)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--postgres", action="store_true", help="run on a throwaway PostgreSQL cluster")
    parser.add_argument("--database-url", help="an empty database to fill (instead of a temporary one)")
    parser.add_argument("--premises", type=int, default=1000)
    parser.add_argument("--years", type=int, default=2)
    parser.add_argument("--months", type=int, default=12, help="length of each batch statement")
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()

    with ExitStack() as stack:
        tmp = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="iok-bench-")))
        if args.database_url:
            url = args.database_url
        elif args.postgres:
            cluster = PostgresCluster().start()
            stack.callback(cluster.destroy)
            url = cluster.url()
        else:
            url = f"sqlite:///{tmp / 'bench.sqlite3'}"
        database = Database(url)
        stack.callback(database.dispose)
        migrate.upgrade(database.engine)
        started = time.perf_counter()
        generate_demo(database, premises=args.premises, years=args.years, today=TODAY)
        seconds = time.perf_counter() - started
        print(
            f"demo cooperative: {args.premises:,} premises, {args.years} years, {seconds:.1f} s, {database.description}"
        )
        one_statement(database, args.runs)
        batch(database, url, args.months, tmp / "out")


if __name__ == "__main__":
    main()
