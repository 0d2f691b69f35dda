"""How long the clerk's screens wait for the database at cooperative scale.

    python -m benchmarks.clerk_screens                       # SQLite in a temporary file
    python -m benchmarks.clerk_screens --postgres            # a throwaway PostgreSQL cluster (as the tests)
    python -m benchmarks.clerk_screens --database-url postgresql+psycopg://…/empty_db
    python -m benchmarks.clerk_screens --premises 3000 --pending 10000   # a quick look

It fills an empty database with the demo cooperative (``--premises``, one year of history), adds pending
readings until the approval queue holds ``--pending`` of them, and then times the calls each screen
makes when it opens or when the clerk types: registry search, the premises card, the first page and
the count of the queue (default order, sorted by consumption, filtered by building, flagged only), the
event log's first page and the IOK account list. Each figure is the median of ``--runs`` calls, after
one warm-up call. Targets (issue 3): the first rows of any screen in well under 100 ms, so that
typing and opening feel immediate.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from contextlib import ExitStack
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select, text

from iok_desktop.db import migrate
from iok_desktop.db.database import Database
from iok_desktop.db.models import Building, Meter, MeterReading, Premises, ResidentAccount, StaffUser
from iok_desktop.demo import generate_demo
from iok_desktop.domain.enums import ReadingSource, ReadingStatus, StaffRole
from iok_desktop.services import accounts, audit, registry
from iok_desktop.services.context import FixedClock, ServiceContext, staff_actor
from iok_desktop.services.readings import QueueFilter, queue_count, queue_page
from tests.support.postgres import PostgresCluster  # the tests' throwaway cluster: a developer's tool

TODAY = date(2026, 11, 25)
NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
TARGET_MS = 100.0


def _fill(database: Database, premises: int, pending: int) -> None:
    migrate.upgrade(database.engine)
    started = time.perf_counter()
    generate_demo(database, premises=premises, years=1, today=TODAY)
    print(f"demo cooperative of {premises:,} premises written in {time.perf_counter() - started:.1f} s")
    total = add_pending(database, pending)
    print(f"pending readings in the queue: {total:,}")


def add_pending(database: Database, pending: int) -> int:
    """Add pending readings (the same for the same database) until the queue holds ``pending``."""
    with database.session() as s:
        have = s.scalar(select(func.count()).where(MeterReading.status == ReadingStatus.PENDING)) or 0
        meters = s.execute(select(Meter.id).order_by(Meter.id)).scalars().all()
        now = NOW
        rows: list[dict[str, Any]] = []
        for i in range(max(0, pending - have)):
            rows.append(
                {
                    "meter_id": meters[i % len(meters)],
                    "value": Decimal(1000 + i % 977),
                    "previous_value": Decimal(990),
                    "consumption": Decimal(10 + i % 977),
                    "reading_date": TODAY - timedelta(days=i % 5),
                    "source": ReadingSource.WEB,
                    "status": ReadingStatus.PENDING,
                    "anomaly_reason": "Zużycie wyższe od średniej" if i % 13 == 0 else None,
                    "submitted_at": now - timedelta(minutes=i),
                    "version": 1,
                }
            )
            if len(rows) == 10_000:
                s.execute(insert(MeterReading), rows)
                rows.clear()
        if rows:
            s.execute(insert(MeterReading), rows)
        s.commit()
        if database.dialect == "postgresql":
            s.execute(text("ANALYZE"))  # what autovacuum would soon do after a bulk load
            s.commit()
        return int(s.scalar(select(func.count()).where(MeterReading.status == ReadingStatus.PENDING)) or 0)


def _timed(
    database: Database, ctx_of: Callable[[Any], ServiceContext], call: Callable[[ServiceContext], object], runs: int
) -> float:
    times = []
    for attempt in range(runs + 1):
        with database.session() as s:
            ctx = ctx_of(s)
            started = time.perf_counter()
            call(ctx)
            elapsed = (time.perf_counter() - started) * 1000
        if attempt:  # the first call warms the caches
            times.append(elapsed)
    return statistics.median(times)


def run(database: Database, runs: int) -> list[tuple[str, float]]:
    with database.session() as s:
        clerk = s.scalars(select(StaffUser).where(StaffUser.role == StaffRole.CLERK)).first()
        if clerk is None:
            clerk = s.scalars(select(StaffUser)).first()
        assert clerk is not None, "the demo cooperative has staff"
        actor = staff_actor(clerk.id, clerk.login, clerk.role, workstation="benchmark")
        premises_id = s.scalar(select(func.max(Premises.id)))
        building_id = s.scalar(select(func.min(Building.id)))
        login = s.scalar(select(ResidentAccount.login).order_by(ResidentAccount.id).limit(1)) or "kowal"
        street = s.scalar(select(Building.street).where(Building.id == building_id)) or "Zgoda"
        code = s.scalar(select(Premises.code).where(Premises.id == premises_id)) or "01-001"
    clock = FixedClock(NOW)

    def ctx_of(session: Any) -> ServiceContext:
        return ServiceContext(session, actor, clock)

    everything = QueueFilter()
    cases: list[tuple[str, Callable[[ServiceContext], object]]] = [
        ("registry: search a surname prefix ('now')", lambda c: registry.search_premises(c, "now")),
        (f"registry: search a street ('{street[:6]}')", lambda c: registry.search_premises(c, street[:6])),
        (f"registry: search a premises code ('{code}')", lambda c: registry.search_premises(c, code)),
        (f"registry: search an IOK login ('{login}')", lambda c: registry.search_premises(c, login)),
        ("registry: premises card", lambda c: registry.premises_card(c, premises_id)),
        ("queue: first page, oldest first", lambda c: queue_page(c, everything)),
        ("queue: first page by consumption", lambda c: queue_page(c, everything, sort="consumption", descending=True)),
        ("queue: first page of one building", lambda c: queue_page(c, QueueFilter(building_id=building_id))),
        ("queue: first page, flagged only", lambda c: queue_page(c, QueueFilter(flagged_only=True))),
        ("queue: page 50 (scrolled deep)", lambda c: queue_page(c, everything, offset=10_000)),
        ("queue: count", lambda c: queue_count(c, everything)),
        ("event log: first page", audit.list_entries),
        ("IOK accounts: first page", accounts.list_accounts),
    ]
    return [(name, _timed(database, ctx_of, call, runs)) for name, call in cases]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", help="an empty database (default: a temporary SQLite file)")
    parser.add_argument("--postgres", action="store_true", help="start a throwaway PostgreSQL cluster")
    parser.add_argument("--premises", type=int, default=30_000)
    parser.add_argument("--pending", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp, ExitStack() as stack:
        url = args.database_url or f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
        if args.postgres:
            cluster = PostgresCluster().start()
            stack.callback(cluster.destroy)
            url = cluster.url()
        database = Database(url)
        stack.callback(database.engine.dispose)
        _fill(database, args.premises, args.pending)
        print(f"\n{database.description}; median of {args.runs} calls\n")
        results = run(database, args.runs)
        width = max(len(name) for name, _ in results)
        for name, ms in results:
            mark = "ok" if ms <= TARGET_MS else f"SLOW (target {TARGET_MS:.0f} ms)"
            print(f"{name:<{width}}  {ms:8.1f} ms  {mark}")


if __name__ == "__main__":
    main()
