"""A bulk approval reviews pending readings again from accepted readings read in one go
(``rules.AcceptedReadings``) and only where an approval can change them: the result must be exactly
what ``review_context`` computes reading by reading with its own queries.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from sqlalchemy import select

from iok_desktop.db.database import Database
from iok_desktop.db.models import AuditEntry, Meter, MeterReading, StaffUser
from iok_desktop.domain.enums import ReadingSource, ReadingStatus
from iok_desktop.services.context import FixedClock, ServiceContext, staff_actor
from iok_desktop.services.readings.review import approve_readings
from iok_desktop.services.readings.rules import AcceptedReadings, ReviewContext, review_context
from tests.integration.demo.helpers import TODAY, small_demo


def _fields(review: ReviewContext) -> tuple[object, ...]:
    return (
        review.previous_value,
        review.previous_reading_date,
        review.consumption,
        review.average_daily_consumption,
        review.anomaly_reason,
    )


def _stored(reading: MeterReading) -> tuple[object, ...]:
    return (
        reading.previous_value,
        reading.previous_reading_date,
        reading.consumption,
        reading.average_daily_consumption,
        reading.anomaly_reason,
    )


def test_accepted_readings_read_at_once_give_the_same_context_as_the_queries(db: Database, clock: FixedClock) -> None:
    small_demo(db, premises=60, years=3)
    with db.session() as session:
        staff = session.scalars(select(StaffUser).order_by(StaffUser.id)).first()
        assert staff is not None
        ctx = ServiceContext(session, staff_actor(staff.id, staff.login, staff.role), clock)
        meters = {m.id: m for m in session.scalars(select(Meter))}
        readings = session.scalars(select(MeterReading).order_by(MeterReading.id)).all()
        # Every reading of the last year and a half, whatever its status, against the readings before it.
        earliest = TODAY - timedelta(days=550)
        chosen = [r for r in readings if r.reading_date >= earliest]
        assert len(chosen) > 200
        accepted = AcceptedReadings(ctx, meters, earliest=earliest)
        for reading in chosen:
            meter = meters[reading.meter_id]
            queried = review_context(ctx, meter, reading.value, reading.reading_date, exclude_id=reading.id)
            batched = review_context(
                ctx, meter, reading.value, reading.reading_date, exclude_id=reading.id, accepted=accepted
            )
            assert _fields(batched) == _fields(queried), reading.id


def test_after_a_bulk_approval_every_pending_reading_has_the_context_the_service_computes(
    db: Database, clock: FixedClock
) -> None:
    small_demo(db, premises=60, years=3)
    with db.session() as session:
        staff = session.scalars(select(StaffUser).order_by(StaffUser.id)).first()
        assert staff is not None
        ctx = ServiceContext(session, staff_actor(staff.id, staff.login, staff.role), clock)
        meters = session.scalars(select(Meter).order_by(Meter.id)).all()
        # Two more pending readings on many meters, one before and one after the demo's pending one,
        # so that approvals leave later and earlier pending readings of the same meters behind.
        for index, meter in enumerate(meters[:80]):
            for days, extra in ((4, Decimal(3)), (0, Decimal(40 + index))):
                value, day = meter.initial_value + Decimal(1000) + extra + index, TODAY - timedelta(days=days)
                review = review_context(ctx, meter, value, day)  # stored with it, as submit_reading does
                session.add(
                    MeterReading(
                        meter_id=meter.id,
                        value=value,
                        reading_date=day,
                        source=ReadingSource.WEB,
                        status=ReadingStatus.PENDING,
                        submitted_at=clock.now() - timedelta(minutes=index * 3 + days),
                        version=1,
                        previous_value=review.previous_value,
                        previous_reading_date=review.previous_reading_date,
                        consumption=review.consumption,
                        average_daily_consumption=review.average_daily_consumption,
                        anomaly_reason=review.anomaly_reason,
                    )
                )
        session.commit()
        pending = session.scalars(
            select(MeterReading).where(MeterReading.status == ReadingStatus.PENDING).order_by(MeterReading.id)
        ).all()
        chosen = [(r.id, r.version) for r in pending[::2]]
        audit_before = len(session.scalars(select(AuditEntry.id)).all())
        result = approve_readings(ctx, chosen)
        session.commit()
        assert result.changed
        session.expire_all()
        audit = session.scalars(select(AuditEntry).where(AuditEntry.action == "reading.approve")).all()
        assert len(session.scalars(select(AuditEntry.id)).all()) == audit_before + len(result.changed)
        assert {a.entity_id for a in audit} == set(result.changed)
        assert all(a.actor_staff_id == staff.id and a.details["status"]["new"] == "accepted" for a in audit)
        by_id = {m.id: m for m in session.scalars(select(Meter))}
        still = session.scalars(select(MeterReading).where(MeterReading.status == ReadingStatus.PENDING)).all()
        assert still
        for reading in still:
            expected = review_context(
                ctx, by_id[reading.meter_id], reading.value, reading.reading_date, exclude_id=reading.id
            )
            assert _stored(reading) == _fields(expected), reading.id
