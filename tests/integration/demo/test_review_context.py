"""Every demo reading carries the review context the reading service itself computes.

The service stores the context with a reading when it is submitted (and the clerks' queue shows
it); the demo computes it with its own integer arithmetic. Here it is recomputed through
``services.readings.rules.review_context`` and compared field by field.
"""

from __future__ import annotations

import random
from collections import Counter

from sqlalchemy import select

from iok_desktop.db.database import Database
from iok_desktop.db.models import Building, Meter, MeterReading, ReadingWindow
from iok_desktop.domain.enums import ReadingSource, ReadingStatus, WindowFrequency
from iok_desktop.services.context import SYSTEM, FixedClock, ServiceContext
from iok_desktop.services.readings.rules import review_context
from tests.integration.demo.helpers import small_demo

ACCEPTED_SAMPLE = 300
GAP = "Brak odczytu w poprzednim okresie odczytowym"
OVER_AVERAGE = "od średniej z 12 miesięcy"
INITIAL_NOTE = "odczyt początkowy nowego licznika"


def _stored(reading: MeterReading) -> tuple[object, ...]:
    return (
        reading.previous_value,
        reading.previous_reading_date,
        reading.consumption,
        reading.average_daily_consumption,
        reading.anomaly_reason,
    )


def test_stored_review_context_is_what_the_service_computes(db: Database, clock: FixedClock) -> None:
    """Every pending and rejected reading, every flagged accepted one and a sample of the others."""
    small_demo(db, premises=130)  # three buildings or more: the third reads monthly
    with db.session() as session:
        monthly = session.scalars(
            select(ReadingWindow.building_id).where(ReadingWindow.frequency == WindowFrequency.MONTHLY)
        ).all()
        assert monthly == [session.scalars(select(Building.id).order_by(Building.id)).all()[2]]
        ctx = ServiceContext(session, SYSTEM, clock)
        meters = {m.id: m for m in session.scalars(select(Meter))}
        readings = session.scalars(select(MeterReading).order_by(MeterReading.id)).all()
        accepted = [r for r in readings if r.status is ReadingStatus.ACCEPTED and r.previous_value is not None]
        chosen = {r.id: r for r in readings if r.status is not ReadingStatus.ACCEPTED}
        chosen.update((r.id, r) for r in accepted if r.anomaly_reason)
        chosen.update((r.id, r) for r in random.Random(2026).sample(accepted, ACCEPTED_SAMPLE))
        kinds: Counter[tuple[ReadingStatus, str]] = Counter()
        for reading in chosen.values():
            expected = review_context(
                ctx, meters[reading.meter_id], reading.value, reading.reading_date, exclude_id=reading.id
            )
            assert _stored(reading) == (
                expected.previous_value,
                expected.previous_reading_date,
                expected.consumption,
                expected.average_daily_consumption,
                expected.anomaly_reason,
            ), reading.id
            reason = reading.anomaly_reason or ""
            kinds[reading.status, "gap" if GAP in reason else "average" if OVER_AVERAGE in reason else reason[:4]] += 1
    statuses = Counter(r.status for r in chosen.values())
    assert statuses[ReadingStatus.PENDING] >= 20
    assert statuses[ReadingStatus.ACCEPTED] >= ACCEPTED_SAMPLE
    # The sample covers every kind of context: plain, over the average, and after a missed window.
    assert kinds[ReadingStatus.ACCEPTED, ""] and kinds[ReadingStatus.ACCEPTED, "gap"]
    assert kinds[ReadingStatus.PENDING, "average"]
    assert set(kinds) <= {(status, kind) for status in ReadingStatus for kind in ("", "gap", "average")}


def test_only_a_replacements_initial_reading_has_nothing_to_compare_with(db: Database) -> None:
    small_demo(db)
    with db.session() as session:
        meters = {m.id: m for m in session.scalars(select(Meter))}
        without = session.scalars(select(MeterReading).where(MeterReading.previous_value.is_(None))).all()
        first_readings = session.scalars(
            select(MeterReading).where(MeterReading.previous_reading_date == Meter.installed_on).join(Meter)
        ).all()
    replacing = {m.id for m in meters.values() if m.replaces_meter_id is not None}
    assert replacing
    assert sorted(r.meter_id for r in without) == sorted(replacing)
    for reading in without:
        meter = meters[reading.meter_id]
        assert (reading.reading_date, reading.value) == (meter.installed_on, meter.initial_value)
        assert (reading.status, reading.source) == (ReadingStatus.ACCEPTED, ReadingSource.CLERK)
        assert reading.note == INITIAL_NOTE
        assert (reading.consumption, reading.average_daily_consumption, reading.anomaly_reason) == (None, None, None)
    # A meter's first reading is compared with its initial value on the day it was installed.
    assert first_readings
    for reading in first_readings:
        meter = meters[reading.meter_id]
        assert reading.previous_value == meter.initial_value
        assert reading.consumption == reading.value - meter.initial_value


def test_few_readings_follow_a_missed_window(sqlite_db: Database) -> None:
    """Households read in most windows, so the gap flag stays rare over a long history.

    A meter's first reading in the history is always flagged (the service finds no reading in the
    window before it), so a short history shows more of them: this one is ten years long.
    """
    demo = small_demo(sqlite_db, premises=120, years=10)
    with sqlite_db.session() as session:
        reasons = session.execute(select(MeterReading.status, MeterReading.anomaly_reason)).all()
    assert len(reasons) == demo.counts["meter_readings"]
    gaps = sum(1 for _status, reason in reasons if reason and GAP in reason)
    assert 0 < gaps < 0.10 * len(reasons)
    assert any(status is ReadingStatus.PENDING and reason and OVER_AVERAGE in reason for status, reason in reasons)
