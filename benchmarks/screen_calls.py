"""The service calls behind the clerk's screens, timed as the application makes them.

Every call goes through ``Backend.call`` (a session from the pool, the service, COMMIT), the path the
GUI's worker thread takes; each figure is the median of ``runs`` calls after one warm-up call.

* queue: the first page in the default order (oldest first), then sorted and filtered pages and the
  count that follows them;
* search as you type: a surname, a street with house and premises number, a premises code and an IOK
  login typed one letter at a time, one ``search_premises`` per keystroke (from the second letter,
  ``registry.MIN_QUERY``); the figure is the slowest keystroke;
* ledger: opening the premises with the most entries (ten years at full scale) with the period
  "everything": the period's summary (``ledger.statement``), the premises card with the amount due
  (``premises_card``) and the first page of entries (``entries_page``, the model's 100 rows), the
  three calls ``LedgerPage.show_premises`` makes;
* bulk approval: the first 1,000 readings of the queue (as a clerk selects them), ``approve_readings``
  in one ``Backend.call``, with the COMMITs, SAVEPOINTs and statements counted by engine events. The
  readings of the meters concerned are put back as they were afterwards (the data set is kept).
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import bindparam, event, func, select

from benchmarks.dataset import Dataset
from iok_desktop.db.models import (
    Building,
    LedgerEntry,
    LegalTitle,
    Meter,
    MeterReading,
    Premises,
    ResidentAccount,
    StaffUser,
)
from iok_desktop.domain.enums import MeterKind, StaffRole
from iok_desktop.gui.clerk.ledger.period import EARLIEST, LATEST  # plain dates (no Qt)
from iok_desktop.services import ledger, registry
from iok_desktop.services.backend import Backend
from iok_desktop.services.context import Actor, FixedClock, staff_actor
from iok_desktop.services.readings import QueueFilter, queue_count, queue_page
from iok_desktop.services.readings.review import approve_readings

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
LEDGER_ROWS = 100  # the ledger model's page (gui/clerk/ledger/model.py)
BULK = 1_000


@dataclass(frozen=True)
class Timing:
    name: str
    ms: float
    detail: str = ""


@dataclass(frozen=True)
class Approval:
    seconds: float
    selected: int  # the queue's first 1,000 (fewer in a smaller queue)
    approved: int  # the others are reported back as conflicts (e.g. a later reading already accepted)
    transactions: int
    commits: int
    savepoints: int
    statements: int


class Screens:
    def __init__(self, dataset: Dataset, runs: int) -> None:
        self.dataset = dataset
        self.database = dataset.database
        self.backend = Backend(self.database, clock=FixedClock(NOW), workstation="benchmark")
        self.runs = runs
        self.actor = self._clerk()
        with self.database.session() as s:
            self.building_id = int(s.scalar(select(func.min(Building.id))) or 0)
            # The premises with the most entries (ten years of them at full scale).
            top = s.execute(
                select(LedgerEntry.premises_id, func.count())
                .group_by(LedgerEntry.premises_id)
                .order_by(func.count().desc(), LedgerEntry.premises_id)
                .limit(1)
            ).one()
            self.ledger_premises, self.ledger_entries = int(top[0]), int(top[1])
            first = s.execute(
                select(Building.street, Building.house_number, Premises.number, Premises.code)
                .join(Premises, Premises.building_id == Building.id)
                .order_by(Premises.id)
                .limit(1)
            ).one()
            self.address = f"{first.street} {first.house_number}/{first.number}"
            self.street = str(first.street)
            self.code = str(first.code)
            self.login = s.scalar(select(ResidentAccount.login).order_by(ResidentAccount.id).limit(1)) or "kowal"

    def shape(self, premises_id: int) -> tuple[int, int, int, bool]:
        """What the per-premises screens' statements depend on: the premises' meters and titles (the
        card reads a few rows for each meter, and the contact data of each current holder), and
        whether it owes money (then the ledger also reads what is overdue)."""
        with self.database.session() as s:
            meters = s.scalar(select(func.count()).where(Meter.premises_id == premises_id)) or 0
            titles = s.scalar(select(func.count()).where(LegalTitle.premises_id == premises_id)) or 0
            current = (
                s.scalar(
                    select(func.count()).where(LegalTitle.premises_id == premises_id, LegalTitle.valid_to.is_(None))
                )
                or 0
            )
            balance = s.scalar(select(func.sum(LedgerEntry.amount)).where(LedgerEntry.premises_id == premises_id))
        return int(meters), int(titles), int(current), (balance or 0) > 0

    def premises_shaped(self, shape: tuple[int, int, int, bool]) -> int | None:
        """The first premises of that shape (``shape``), to compare like with like."""
        meters = select(Meter.premises_id, func.count().label("n")).group_by(Meter.premises_id).subquery()
        titles = (
            select(
                LegalTitle.premises_id,
                func.count().label("n"),
                func.count(LegalTitle.id).filter(LegalTitle.valid_to.is_(None)).label("current"),
            )
            .group_by(LegalTitle.premises_id)
            .subquery()
        )
        balance = (
            select(LedgerEntry.premises_id, func.sum(LedgerEntry.amount).label("total"))
            .group_by(LedgerEntry.premises_id)
            .subquery()
        )
        owes = balance.c.total > 0 if shape[3] else balance.c.total <= 0
        with self.database.session() as s:
            found = s.scalar(
                select(meters.c.premises_id)
                .join(titles, titles.c.premises_id == meters.c.premises_id)
                .join(balance, balance.c.premises_id == meters.c.premises_id)
                .where(meters.c.n == shape[0], titles.c.n == shape[1], titles.c.current == shape[2], owes)
                .order_by(meters.c.premises_id)
                .limit(1)
            )
        return None if found is None else int(found)

    def _clerk(self) -> Actor:
        with self.database.session() as s:
            clerk = s.scalars(select(StaffUser).where(StaffUser.role == StaffRole.CLERK).order_by(StaffUser.id)).first()
            assert clerk is not None, "the demo cooperative has clerks"
            return staff_actor(clerk.id, clerk.login, clerk.role, workstation="benchmark")

    def median_ms(self, work: Callable[[], object]) -> float:
        work()
        times = []
        for _ in range(self.runs):
            started = time.perf_counter()
            work()
            times.append((time.perf_counter() - started) * 1000)
        return statistics.median(times)

    def call(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Callable[[], object]:
        return lambda: self.backend.call(self.actor, fn, *args, **kwargs)

    # --- figures ------------------------------------------------------------------------------
    def queue_first_rows(self) -> Timing:
        return Timing("first page, oldest first", self.median_ms(self.call(queue_page, QueueFilter())))

    def queue_sorts_and_filters(self) -> list[Timing]:
        everything = QueueFilter()
        cases: list[tuple[str, Callable[[], object]]] = [
            ("sorted by consumption ↓", self.call(queue_page, everything, sort="consumption", descending=True)),
            ("sorted by premises", self.call(queue_page, everything, sort="premises")),
            ("sorted by meter", self.call(queue_page, everything, sort="meter")),
            ("filter: one building", self.call(queue_page, QueueFilter(building_id=self.building_id))),
            ("filter: flagged only", self.call(queue_page, QueueFilter(flagged_only=True))),
            ("filter: cold water meters", self.call(queue_page, QueueFilter(meter_kind=MeterKind.COLD_WATER))),
            ("count (follows the rows)", self.call(queue_count, everything)),
            ("count, one building", self.call(queue_count, QueueFilter(building_id=self.building_id))),
        ]
        return [Timing(name, self.median_ms(work)) for name, work in cases]

    def search_keystrokes(self) -> tuple[Timing, list[Timing]]:
        """Every keystroke of four typed queries; the slowest keystroke's median is the figure."""
        typed = ["Kowalski", self.address, self.code, self.login]
        per_key: list[Timing] = []
        for text in typed:
            for length in range(registry.MIN_QUERY, len(text) + 1):
                prefix = text[:length]
                per_key.append(Timing(prefix, self.median_ms(self.call(registry.search_premises, prefix))))
        worst = max(per_key, key=lambda t: t.ms)
        mean = statistics.mean(t.ms for t in per_key)
        return Timing(
            f"slowest of {len(per_key)} keystrokes ('{worst.name}')", worst.ms, f"mean {mean:.1f} ms"
        ), per_key

    def ledger_open(self) -> Timing:
        """The three calls ``LedgerPage.show_premises`` makes with the period "everything": the
        period's summary (``ledger.statement``, which reads all its entries), the card (with the
        amount due), and the model's first page of entries."""
        pid = self.ledger_premises

        def open_ledger() -> None:
            self.backend.call(self.actor, ledger.statement, pid, EARLIEST, LATEST)
            self.backend.call(self.actor, registry.premises_card, pid)
            self.backend.call(self.actor, ledger.entries_page, pid, limit=LEDGER_ROWS)

        return Timing(f"{self.ledger_entries:,} entries, opened (period: everything)", self.median_ms(open_ledger))

    def bulk_approve(self, rounds: int = 3) -> Approval:
        """Median of ``rounds`` approvals of the queue's first 1,000 readings, each put back afterwards."""
        results = [self._approve_once() for _ in range(rounds)]
        results.sort(key=lambda a: a.seconds)
        return results[len(results) // 2]

    def _approve_once(self) -> Approval:
        rows = self.backend.call(self.actor, queue_page, QueueFilter(), limit=BULK)
        items = [(r.reading_id, r.version) for r in rows]
        meters = sorted({r.meter_id for r in rows})
        table = MeterReading.__table__
        with self.database.session() as s:
            saved = [dict(m) for m in s.execute(select(table).where(table.c.meter_id.in_(meters))).mappings()]
        engine = self.database.engine
        counts = {"begin": 0, "commit": 0, "savepoint": 0, "statements": 0}

        def counter(name: str) -> Callable[..., None]:
            def count(*_args: Any) -> None:
                counts[name] += 1

            return count

        listeners = [(name, counter(name)) for name in ("begin", "commit", "savepoint")]
        listeners.append(("before_cursor_execute", counter("statements")))
        for name, fn in listeners:
            event.listen(engine, name, fn)
        try:
            started = time.perf_counter()
            result = self.backend.call(self.actor, approve_readings, items)
            seconds = time.perf_counter() - started
        finally:
            for name, fn in listeners:
                event.remove(engine, name, fn)
            self._put_back(saved)
        return Approval(
            seconds,
            len(items),
            len(result.changed),
            counts["begin"],
            counts["commit"],
            counts["savepoint"],
            counts["statements"],
        )

    def _put_back(self, saved: list[dict[str, Any]]) -> None:
        table = MeterReading.__table__
        columns = [c.name for c in table.columns if c.name != "id"]
        statement = (
            table.update()
            .where(table.c.id == bindparam("_id"))
            .values({name: bindparam(f"_{name}") for name in columns})
        )
        rows = [{"_id": row["id"]} | {f"_{name}": row[name] for name in columns} for row in saved]
        with self.database.session() as s:
            s.execute(statement, rows)
            s.commit()
        self.dataset.restore_audit()


def meter_count(dataset: Dataset) -> int:
    with dataset.database.session() as s:
        return int(s.scalar(select(func.count()).select_from(Meter)) or 0)
