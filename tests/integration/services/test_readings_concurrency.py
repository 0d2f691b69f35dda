"""Two people acting on one reading at the same moment, on a real PostgreSQL server with two connections.

SQLite serialises writers, so races only show here. Each scenario pins the interleaving with
events: the first transaction has done its UPDATE (and holds the row lock) before the second
starts, and commits only after the second is waiting for that lock.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from iok_desktop.db.database import Database
from iok_desktop.db.models import AuditEntry, MeterReading
from iok_desktop.domain.enums import ReadingStatus
from iok_desktop.domain.errors import ConflictError
from iok_desktop.services import readings
from iok_desktop.services.context import FixedClock, ServiceContext
from tests.support.builders import Household, accepted_reading, make_household, make_meter, make_staff, staff_of

TODAY = date(2026, 11, 25)


def _pending(db: Database, clock: FixedClock, meters: int = 1) -> tuple[Household, list[readings.ReadingRow]]:
    with db.session() as s:
        household = make_household(s)
        rows = []
        for _ in range(meters):
            meter = make_meter(s, household.premises)
            accepted_reading(s, meter, date(2026, 10, 31), "10")
            s.commit()
            rows.append(readings.submit_reading(household.resident(s, clock), meter.id, "12", TODAY).reading)
        s.commit()
        s.expunge_all()
    return household, rows


def _in_thread(work: Callable[[], Any]) -> tuple[threading.Thread, dict[str, Any]]:
    box: dict[str, Any] = {}

    def run() -> None:
        try:
            box["result"] = work()
        except Exception as error:
            box["error"] = error

    thread = threading.Thread(target=run)
    thread.start()
    return thread, box


def _hold_then_commit(db: Database, work: Callable[[Session], Any], acted: threading.Event) -> Any:
    """Do ``work``, signal, keep the transaction (and its row locks) open a moment, then commit."""
    with db.session() as s:
        result = work(s)
        acted.set()
        time.sleep(0.5)
        s.commit()
        return result


def test_two_clerks_approving_the_same_reading_exactly_one_wins(pg_db: Database, clock: FixedClock) -> None:
    household, [reading] = _pending(pg_db, clock)
    with pg_db.session() as s:
        second_clerk = make_staff(s, "bnowak")
        s.commit()
        second_actor = staff_of(second_clerk)
    first_acted = threading.Event()
    pair = [(reading.id, reading.version)]

    first, first_box = _in_thread(
        lambda: _hold_then_commit(
            pg_db, lambda s: readings.approve_readings(household.clerk_ctx(s, clock), pair), first_acted
        )
    )
    assert first_acted.wait(5)
    second = pg_db.run(lambda s: readings.approve_readings(ServiceContext(s, second_actor, clock), pair))
    first.join(5)
    assert "error" not in first_box
    assert first_box["result"].changed == [reading.id]
    assert second.changed == []
    [conflict] = second.conflicts
    assert "zaakceptował już Anna Łęcka (urzednik" in conflict.message
    with pg_db.session() as s:
        assert s.scalar(select(func.count()).where(AuditEntry.action == "reading.approve")) == 1


def test_resident_edit_waiting_on_a_clerk_approval_fails_cleanly(pg_db: Database, clock: FixedClock) -> None:
    household, [reading] = _pending(pg_db, clock)
    approved = threading.Event()
    clerk, clerk_box = _in_thread(
        lambda: _hold_then_commit(
            pg_db,
            lambda s: readings.approve_readings(household.clerk_ctx(s, clock), [(reading.id, reading.version)]),
            approved,
        )
    )
    assert approved.wait(5)
    with pytest.raises(ConflictError, match="zaakceptował już"):
        pg_db.run(
            lambda s: readings.edit_reading(household.resident(s, clock), reading.id, reading.version, "13", TODAY)
        )
    clerk.join(5)
    assert clerk_box["result"].changed == [reading.id]
    with pg_db.session() as s:
        stored = s.get(MeterReading, reading.id)
        assert stored is not None
        assert (stored.status, stored.value) == (ReadingStatus.ACCEPTED, Decimal("12.000"))


def test_clerk_approval_after_a_resident_edit_does_not_approve_the_unseen_value(
    pg_db: Database, clock: FixedClock
) -> None:
    household, [reading] = _pending(pg_db, clock)
    edited = threading.Event()
    resident, resident_box = _in_thread(
        lambda: _hold_then_commit(
            pg_db,
            lambda s: readings.edit_reading(household.resident(s, clock), reading.id, reading.version, "13", TODAY),
            edited,
        )
    )
    assert edited.wait(5)
    result = pg_db.run(
        lambda s: readings.approve_readings(household.clerk_ctx(s, clock), [(reading.id, reading.version)])
    )
    resident.join(5)
    assert "error" not in resident_box
    assert result.changed == []
    assert "zmieniony" in result.conflicts[0].message
    with pg_db.session() as s:
        stored = s.get(MeterReading, reading.id)
        assert stored is not None
        assert (stored.status, stored.value, stored.version) == (ReadingStatus.PENDING, Decimal("13.000"), 2)


def test_same_reading_submitted_from_two_places_at_once_is_stored_once(pg_db: Database, clock: FixedClock) -> None:
    with pg_db.session() as s:
        household = make_household(s)
        meter = make_meter(s, household.premises)
        accepted_reading(s, meter, date(2026, 10, 31), "10")
        s.commit()
        meter_id = meter.id
    inserted = threading.Event()
    first, first_box = _in_thread(
        lambda: _hold_then_commit(
            pg_db, lambda s: readings.submit_reading(household.resident(s, clock), meter_id, "12", TODAY), inserted
        )
    )
    assert inserted.wait(5)
    second = pg_db.run(lambda s: readings.submit_reading(household.resident(s, clock), meter_id, "12,000", TODAY))
    first.join(5)
    assert first_box["result"].created and not second.created
    assert second.reading.id == first_box["result"].reading.id
    with pg_db.session() as s:
        assert s.scalar(select(func.count()).select_from(MeterReading)) == 2


def test_many_clerks_bulk_approving_overlapping_selections_approve_each_reading_once(
    pg_db: Database, clock: FixedClock
) -> None:
    household, pending = _pending(pg_db, clock, meters=40)
    with pg_db.session() as s:
        clerks = [staff_of(make_staff(s, f"clerk{n}")) for n in range(6)]
        s.commit()
    pairs = [(r.id, r.version) for r in pending]

    def approve(n: int) -> readings.BulkResult:
        # Each clerk takes an overlapping, differently ordered selection.
        selection = pairs[n * 5 :] + pairs[: n * 5]
        return pg_db.run(lambda s: readings.approve_readings(ServiceContext(s, clerks[n], clock), selection))

    with ThreadPoolExecutor(max_workers=6) as pool:
        results = list(pool.map(approve, range(6)))
    approved = Counter(rid for r in results for rid in r.changed)
    assert sorted(approved) == sorted(r.id for r in pending)
    assert set(approved.values()) == {1}
    assert sum(len(r.conflicts) for r in results) == 6 * len(pending) - len(pending)
    with pg_db.session() as s:
        audit_counts = Counter(s.scalars(select(AuditEntry.entity_id).where(AuditEntry.action == "reading.approve")))
        assert set(audit_counts.values()) == {1} and len(audit_counts) == len(pending)
        assert household.account.id


def test_a_resident_editing_a_reading_a_clerk_accepts_meanwhile_is_told_it_was_accepted(
    pg_db: Database, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The approval commits after the edit has read the reading and before it checks the rules: the
    resident learns the reading was accepted (a conflict), not that "a reading for that day exists"."""
    household, (row,) = _pending(pg_db, clock)
    checked = readings.rules.check_resident_may_submit

    def clerk_approves_first(ctx: ServiceContext, *args: Any, **kwargs: Any) -> None:
        with pg_db.session() as other:
            readings.approve_readings(household.clerk_ctx(other, clock), [(row.id, row.version)])
            other.commit()
        checked(ctx, *args, **kwargs)

    monkeypatch.setattr(readings.rules, "check_resident_may_submit", clerk_approves_first)
    with pg_db.session() as s, pytest.raises(ConflictError) as refused:
        readings.edit_reading(household.resident(s, clock), row.id, row.version, "13", TODAY)
    assert "zaakceptował" in refused.value.message
    with pg_db.session() as s:
        stored = s.get(MeterReading, row.id)
        assert stored is not None and stored.status is ReadingStatus.ACCEPTED and stored.value == Decimal("12")
