"""Meter replacement and the legalisation worklist."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from iok_desktop.db.database import Database
from iok_desktop.db.models import AuditEntry, Meter, MeterReading
from iok_desktop.domain.enums import MeterKind, ReadingStatus
from iok_desktop.domain.errors import PermissionDeniedError, ValidationError
from iok_desktop.services import meters, readings
from iok_desktop.services.context import FixedClock
from tests.support.builders import accepted_reading, make_household, make_meter

TODAY = date(2026, 11, 25)


def test_replacement_records_final_and_initial_readings_and_never_mixes_consumption(
    db: Database, clock: FixedClock
) -> None:
    with db.session() as s:
        household = make_household(s)
        old = make_meter(s, household.premises)
        accepted_reading(s, old, date(2026, 10, 31), "812.000")
        s.commit()
        resident = household.resident(s, clock)
        stale = readings.submit_reading(resident, old.id, "815", TODAY).reading
        clerk = household.clerk_ctx(s, clock)
        result = meters.replace_meter(
            clerk,
            old.id,
            replacement_date=date(2026, 11, 20),
            final_value_text="814,2",
            new_serial_number="zw-2026-0001",
            new_initial_value_text="0,015",
            new_next_verification_on=date(2031, 11, 20),
        )
        s.commit()
        assert result.old_final.value == Decimal("814.200") and result.old_final.consumption == Decimal("2.200")
        assert result.old_final.status is ReadingStatus.ACCEPTED
        assert result.new_meter.serial_number == "ZW-2026-0001" and result.new_meter.replaces_meter_id == old.id
        assert result.new_initial.previous_value is None and result.new_initial.consumption is None
        assert result.rejected_pending == [stale.id]
        s.refresh(old)
        assert old.archived_on == date(2026, 11, 20)
        rejected = s.get(MeterReading, stale.id)
        assert rejected is not None and rejected.rejection_reason == "Licznik wymieniono 20.11.2026."
        # The first reading on the new meter compares with its own initial value, not the old meter's 814.
        first = readings.submit_reading(resident, result.new_meter.id, "1,215", TODAY).reading
        assert first.previous_value == Decimal("0.015") and first.consumption == Decimal("1.200")
        assert first.anomaly_reason is None
        assert [m.id for m in readings.meters_for_premises(resident, household.premises.id)] == [result.new_meter.id]
        assert s.scalars(select(AuditEntry.action).where(AuditEntry.action == "meter.replace")).one()


def test_replacement_is_all_or_nothing(db: Database, clock: FixedClock) -> None:
    with db.session() as s:
        household = make_household(s)
        old = make_meter(s, household.premises)
        accepted_reading(s, old, date(2026, 10, 31), "812")
        s.commit()
        clerk = household.clerk_ctx(s, clock)

    def replace(session, **overrides):  # type: ignore[no-untyped-def]
        args = {
            "replacement_date": date(2026, 11, 20),
            "final_value_text": "813",
            "new_serial_number": "N1",
            "new_initial_value_text": "0",
            "new_next_verification_on": date(2031, 1, 1),
        }
        args.update(overrides)
        return meters.replace_meter(household.clerk_ctx(session, clock), old.id, **args)

    with pytest.raises(ValidationError) as bad_initial:
        db.run(lambda s: replace(s, new_initial_value_text="zero"))
    assert bad_initial.value.field == "new_initial_value"
    with pytest.raises(ValidationError, match="legalizacji"):
        db.run(lambda s: replace(s, new_next_verification_on=date(2026, 1, 1)))
    with pytest.raises(ValidationError, match="przyszłości"):
        db.run(lambda s: replace(s, replacement_date=date(2026, 12, 1)))
    with db.session() as s:
        assert s.scalar(select(Meter.archived_on).where(Meter.id == old.id)) is None
        assert len(s.scalars(select(Meter)).all()) == 1
        assert len(s.scalars(select(MeterReading)).all()) == 1
    assert clerk


def test_residents_cannot_replace_meters(db: Database, clock: FixedClock) -> None:
    with db.session() as s:
        household = make_household(s)
        old = make_meter(s, household.premises)
        with pytest.raises(PermissionDeniedError):
            meters.replace_meter(
                household.resident(s, clock),
                old.id,
                replacement_date=TODAY,
                final_value_text="1",
                new_serial_number="X",
                new_initial_value_text="0",
                new_next_verification_on=None,
            )


def test_verification_worklist_lists_expired_and_soon_expiring_meters(db: Database, clock: FixedClock) -> None:
    with db.session() as s:
        household = make_household(s)
        expired = make_meter(s, household.premises, next_verification_on=date(2026, 10, 1))
        soon = make_meter(s, household.premises, next_verification_on=date(2026, 12, 15))
        make_meter(s, household.premises, next_verification_on=date(2028, 1, 1))
        make_meter(s, household.premises, next_verification_on=date(2026, 1, 1), archived_on=date(2026, 2, 1))
        s.commit()
        due = meters.meters_due_for_verification(household.clerk_ctx(s, clock), within_days=30)
        assert [(d.meter_id, d.expired) for d in due] == [(expired.id, True), (soon.id, False)]


def test_a_premises_meters_come_in_the_kinds_order_on_both_databases(db: Database, clock: FixedClock) -> None:
    """Cold water, hot water, heat — not the stored names' alphabetical order (cold, heat, hot)."""
    with db.session() as s:
        home = make_household(s)
        for kind in (MeterKind.HEAT, MeterKind.HOT_WATER, MeterKind.COLD_WATER):
            make_meter(s, home.premises, kind=kind)
        listed = readings.meters_for_premises(home.resident(s, clock), home.premises.id)
        assert [m.kind for m in listed] == [MeterKind.COLD_WATER, MeterKind.HOT_WATER, MeterKind.HEAT]
