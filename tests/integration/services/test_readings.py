"""Meter readings as residents and clerks use them: every rule of the issue, on both databases."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from iok_desktop.db.database import Database
from iok_desktop.db.models import AuditEntry, Meter, MeterReading
from iok_desktop.domain.enums import MeterKind, ReadingSource, ReadingStatus, WindowFrequency
from iok_desktop.domain.errors import (
    ConfirmationRequiredError,
    ConflictError,
    PermissionDeniedError,
    ValidationError,
)
from iok_desktop.services import readings
from iok_desktop.services.context import FixedClock, ServiceContext, resident_actor
from iok_desktop.services.readings.review import reject_readings
from tests.support.builders import (
    Household,
    accepted_reading,
    grant_title,
    make_account,
    make_building,
    make_household,
    make_meter,
    make_person,
    make_premises,
    make_staff,
    set_window,
    staff_of,
)

# The test clock is 25.11.2026; the default window (monthly, 7 days either side of 30.11) is open.
TODAY = date(2026, 11, 25)


def _scene(s: Session, **meter_kwargs: object) -> tuple[Household, Meter]:
    household = make_household(s)
    meter = make_meter(s, household.premises, **meter_kwargs)  # type: ignore[arg-type]
    accepted_reading(s, meter, date(2026, 8, 31), "90.000", clerk=household.clerk)
    accepted_reading(s, meter, date(2026, 9, 30), "93.000", clerk=household.clerk)
    accepted_reading(s, meter, date(2026, 10, 31), "96.000", clerk=household.clerk)
    s.commit()
    return household, meter


def _count(s: Session) -> int:
    return int(s.scalar(select(func.count()).select_from(MeterReading)) or 0)


def test_resident_reading_is_pending_with_its_review_context(db: Database, clock: FixedClock) -> None:
    with db.session() as s:
        household, meter = _scene(s)
        result = readings.submit_reading(household.resident(s, clock, ReadingSource.KIOSK), meter.id, "99,5", TODAY)
        s.commit()
        r = result.reading
        assert result.created and r.status is ReadingStatus.PENDING
        assert r.status_label == "oczekujący na akceptację"
        assert r.source is ReadingSource.KIOSK and r.submitted_by_account_id == household.account.id
        assert (r.value, r.previous_value, r.previous_reading_date) == (
            Decimal("99.500"),
            Decimal("96.000"),
            date(2026, 10, 31),
        )
        assert r.consumption == Decimal("3.500")
        assert r.anomaly_reason is None and r.reviewed_at is None
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "reading.submit")).one()
        assert entry.actor_account_id == household.account.id and entry.premises_id == household.premises.id


def test_comma_and_dot_are_the_same_and_a_repeat_is_one_reading(db: Database, clock: FixedClock) -> None:
    with db.session() as s:
        household, meter = _scene(s)
        ctx = household.resident(s, clock)
        first = readings.submit_reading(ctx, meter.id, "123,45", TODAY)
        again = readings.submit_reading(ctx, meter.id, "123.45", TODAY)
        s.commit()
        assert first.created and not again.created
        assert again.reading.id == first.reading.id
        assert _count(s) == 4


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Podaj stan"),
        ("abc", "musi być liczbą"),
        ("12a", "musi być liczbą"),
        ("1e5", "musi być liczbą"),
        ("-5", "ujemny"),
        ("1,2,3", "musi być liczbą"),
        ("99,1234", "najwyżej 3"),
        ("123456789012,5", "za duży"),
    ],
)
def test_bad_values_are_refused_with_a_polish_message_naming_the_field(
    db: Database, clock: FixedClock, text: str, message: str
) -> None:
    with db.session() as s:
        household, meter = _scene(s)
        with pytest.raises(ValidationError, match=message) as refused:
            readings.submit_reading(household.resident(s, clock), meter.id, text, TODAY)
        assert refused.value.field == "value"
        s.rollback()
        assert _count(s) == 3


def test_whole_unit_meter_refuses_decimals_but_accepts_trailing_zeros(db: Database, clock: FixedClock) -> None:
    with db.session() as s:
        household, meter = _scene(s, decimal_places=0)
        ctx = household.resident(s, clock)
        with pytest.raises(ValidationError, match="pełnych jednostkach"):
            readings.submit_reading(ctx, meter.id, "100,5", TODAY)
        assert readings.submit_reading(ctx, meter.id, "100,00", TODAY).reading.value == Decimal(100)


def test_dates_in_the_future_or_before_the_last_accepted_reading_are_refused(db: Database, clock: FixedClock) -> None:
    with db.session() as s:
        household, meter = _scene(s)
        clerk = household.clerk_ctx(s, clock)
        with pytest.raises(ValidationError, match="przyszłości") as future:
            readings.submit_reading(clerk, meter.id, "100", date(2026, 11, 26))
        assert future.value.field == "reading_date"
        with pytest.raises(ValidationError, match=r"wcześniejsza niż ostatni zaakceptowany odczyt \(31.10.2026\)"):
            readings.submit_reading(clerk, meter.id, "100", date(2026, 10, 30))


def test_lower_value_is_refused_for_residents_and_a_warning_for_clerks(db: Database, clock: FixedClock) -> None:
    with db.session() as s:
        household, meter = _scene(s)
        with pytest.raises(ValidationError, match=r"niższy niż ostatni zaakceptowany odczyt \(96,000 m³"):
            readings.submit_reading(household.resident(s, clock), meter.id, "95", TODAY)
        clerk = household.clerk_ctx(s, clock)
        with pytest.raises(ConfirmationRequiredError) as warned:
            readings.submit_reading(clerk, meter.id, "95", TODAY)
        assert "niższy niż poprzedni odczyt" in warned.value.warnings[0]
        assert _count(s) == 3
        result = readings.submit_reading(
            clerk, meter.id, "95", TODAY, acknowledge_warnings=True, note="licznik cofnięty po naprawie"
        )
        s.commit()
        assert result.reading.status is ReadingStatus.ACCEPTED
        assert result.reading.consumption == Decimal("-1.000")
        assert result.reading.anomaly_reason and "niższy" in result.reading.anomaly_reason


def test_equal_value_is_normal_for_an_empty_flat(db: Database, clock: FixedClock) -> None:
    with db.session() as s:
        household, meter = _scene(s)
        result = readings.submit_reading(household.resident(s, clock), meter.id, "96", TODAY)
        assert result.reading.consumption == Decimal(0) and result.reading.anomaly_reason is None


@pytest.mark.parametrize(
    ("meter_kwargs", "message"),
    [
        ({"archived_on": date(2026, 6, 30)}, "zdjęty 30.06.2026"),
        ({"remote_read": True}, "odczytywany zdalnie"),
        ({"next_verification_on": date(2026, 11, 1)}, "po terminie legalizacji"),
    ],
)
def test_resident_cannot_submit_for_meters_that_take_no_resident_readings(
    db: Database, clock: FixedClock, meter_kwargs: dict[str, object], message: str
) -> None:
    with db.session() as s:
        household, meter = _scene(s, **meter_kwargs)
        with pytest.raises(ValidationError, match=message):
            readings.submit_reading(household.resident(s, clock), meter.id, "99", TODAY)
        [row] = [
            m
            for m in readings.meters_for_premises(
                household.resident(s, clock), household.premises.id, include_archived=True
            )
        ]
        assert not row.resident_can_submit and message in (row.resident_refusal or "")


def test_outside_the_window_residents_are_refused_but_clerks_may_enter(db: Database, clock: FixedClock) -> None:
    with db.session() as s:
        household, meter = _scene(s)
        set_window(s, WindowFrequency.QUARTERLY, 10, 7, building=household.building)
        s.commit()
        with pytest.raises(ValidationError, match=r"Najbliższy: od 21.12.2026 do 07.01.2027"):
            readings.submit_reading(household.resident(s, clock), meter.id, "99", TODAY)
        clerk_entry = readings.submit_reading(household.clerk_ctx(s, clock), meter.id, "99", TODAY)
        assert clerk_entry.reading.status is ReadingStatus.ACCEPTED
        assert clerk_entry.reading.source is ReadingSource.CLERK


def test_resident_reading_date_must_fall_in_the_open_window(db: Database, clock: FixedClock) -> None:
    with db.session() as s:
        household, meter = _scene(s)
        with pytest.raises(ValidationError, match=r"od 23\.11\.2026"):
            readings.submit_reading(household.resident(s, clock), meter.id, "99", date(2026, 11, 20))


def test_clerk_can_enter_a_pending_reading_on_behalf_of_a_resident(db: Database, clock: FixedClock) -> None:
    with db.session() as s:
        household, meter = _scene(s)
        result = readings.submit_reading(
            household.clerk_ctx(s, clock), meter.id, "99", TODAY, accept=False, note="zgłoszenie telefoniczne"
        )
        assert result.reading.status is ReadingStatus.PENDING and result.reading.note == "zgłoszenie telefoniczne"
        assert result.reading.submitted_by_staff_id == household.clerk.id


def test_resident_cannot_touch_another_premises_meter(db: Database, clock: FixedClock) -> None:
    with db.session() as s:
        household, _ = _scene(s)
        neighbour = make_meter(s, make_premises(s, household.building))
        s.commit()
        ctx = household.resident(s, clock)
        with pytest.raises(PermissionDeniedError, match="Nie masz dostępu"):
            readings.submit_reading(ctx, neighbour.id, "10", TODAY)
        with pytest.raises(PermissionDeniedError):
            readings.meters_for_premises(ctx, neighbour.premises_id)
        with pytest.raises(PermissionDeniedError):
            readings.meter_history(ctx, neighbour.id)


def test_resident_edits_and_deletes_own_pending_reading(db: Database, clock: FixedClock) -> None:
    with db.session() as s:
        household, meter = _scene(s)
        ctx = household.resident(s, clock)
        submitted = readings.submit_reading(ctx, meter.id, "199", TODAY).reading
        assert submitted.anomaly_reason is not None  # 103 m³ in 25 days against ~3 m³ a month
        edited = readings.edit_reading(ctx, submitted.id, submitted.version, "99,1", TODAY)
        assert edited.value == Decimal("99.100") and edited.version == submitted.version + 1
        assert edited.anomaly_reason is None and edited.consumption == Decimal("3.100")
        with pytest.raises(ConflictError, match="zmieniony"):
            readings.edit_reading(ctx, submitted.id, submitted.version, "99,2", TODAY)
        steps = readings.status_history(ctx, submitted.id)
        assert [st.label for st in steps] == [
            "zgłoszony przez IOK",
            "poprawiony przed akceptacją",
            "oczekujący na akceptację",
        ]
        readings.delete_reading(ctx, edited.id, edited.version)
        s.commit()
        assert _count(s) == 3
        deleted = s.scalars(select(AuditEntry).where(AuditEntry.action == "reading.delete")).one()
        assert deleted.details["deleted"]["value"] == "99.100"


def test_accepted_readings_never_change(db: Database, clock: FixedClock) -> None:
    with db.session() as s:
        household, meter = _scene(s)
        ctx = household.resident(s, clock)
        pending = readings.submit_reading(ctx, meter.id, "99", TODAY).reading
        readings.approve_readings(household.clerk_ctx(s, clock), [(pending.id, pending.version)])
        s.commit()
        with pytest.raises(ConflictError, match=r"zaakceptował już Anna Łęcka \(urzednik\d+\) \(25.11.2026 10:00\)"):
            readings.edit_reading(ctx, pending.id, pending.version + 1, "98", TODAY)
        with pytest.raises(ConflictError, match="zaakceptował"):
            readings.delete_reading(household.clerk_ctx(s, clock), pending.id, pending.version + 1)


def test_only_the_submitting_resident_may_edit(db: Database, clock: FixedClock) -> None:
    with db.session() as s:
        household, meter = _scene(s)
        spouse = make_person(s, "Jan", "Gęślą-Jaźń")
        grant_title(s, spouse, household.premises)
        spouse_account = make_account(s, spouse)
        s.commit()
        pending = readings.submit_reading(household.resident(s, clock), meter.id, "99", TODAY).reading
        spouse_ctx = ServiceContext(s, resident_actor(spouse_account.id, spouse_account.login), clock)
        with pytest.raises(PermissionDeniedError, match="tylko odczyty zgłoszone przez siebie"):
            readings.edit_reading(spouse_ctx, pending.id, pending.version, "98", TODAY)
        # ...but both holders see it.
        assert readings.readings_for_premises(spouse_ctx, household.premises.id)[0].id == pending.id


def test_two_pending_readings_of_one_day_are_refused(db: Database, clock: FixedClock) -> None:
    with db.session() as s:
        household, meter = _scene(s)
        ctx = household.resident(s, clock)
        readings.submit_reading(ctx, meter.id, "99", TODAY)
        with pytest.raises(ValidationError, match="popraw go zamiast zgłaszać nowy"):
            readings.submit_reading(ctx, meter.id, "98", TODAY)


def test_reject_needs_a_reason_and_the_resident_sees_it(db: Database, clock: FixedClock) -> None:
    with db.session() as s:
        household, meter = _scene(s)
        resident = household.resident(s, clock)
        pending = readings.submit_reading(resident, meter.id, "99", TODAY).reading
        clerk = household.clerk_ctx(s, clock)
        with pytest.raises(ValidationError, match="Podaj powód") as no_reason:
            readings.reject_reading(clerk, pending.id, pending.version, "   ")
        assert no_reason.value.field == "reason"
        readings.reject_reading(clerk, pending.id, pending.version, "Zdjęcie licznika nieczytelne")
        s.commit()
        [seen] = [r for r in readings.readings_for_premises(resident, household.premises.id) if r.id == pending.id]
        assert seen.status is ReadingStatus.REJECTED and seen.rejection_reason == "Zdjęcie licznika nieczytelne"
        assert readings.status_history(resident, pending.id)[-1].label == "odrzucony: Zdjęcie licznika nieczytelne"
        # A rejected reading frees the day: the resident may submit the same date again.
        again = readings.submit_reading(resident, meter.id, "99", TODAY)
        assert again.created


def test_bulk_approve_reports_what_someone_else_did_first(db: Database, clock: FixedClock) -> None:
    with db.session() as s:
        household, meter = _scene(s)
        other_meter = make_meter(s, household.premises, kind=MeterKind.HOT_WATER)
        s.commit()
        resident = household.resident(s, clock)
        a = readings.submit_reading(resident, meter.id, "99", TODAY).reading
        b = readings.submit_reading(resident, other_meter.id, "5", TODAY).reading
        boss = make_staff(s, "kierownik")
        readings.approve_readings(ServiceContext(s, staff_of(boss), clock), [(b.id, b.version)])
        result = readings.approve_readings(household.clerk_ctx(s, clock), [(a.id, a.version), (b.id, b.version)])
        s.commit()
        assert result.changed == [a.id]
        [conflict] = result.conflicts
        assert conflict.reading_id == b.id and "Anna Łęcka (kierownik)" in conflict.message
        approvals = s.scalars(select(AuditEntry).where(AuditEntry.action == "reading.approve")).all()
        assert sorted(e.entity_id for e in approvals) == sorted([a.id, b.id])


def test_approve_all_unflagged_leaves_flagged_and_filtered_out_readings(db: Database, clock: FixedClock) -> None:
    with db.session() as s:
        household, meter = _scene(s)
        heat = make_meter(s, household.premises, kind=MeterKind.HEAT)
        hot = make_meter(s, household.premises, kind=MeterKind.HOT_WATER)
        accepted_reading(s, heat, date(2026, 10, 31), "1,2".replace(",", "."))
        accepted_reading(s, hot, date(2026, 10, 31), "10")
        accepted_reading(s, hot, date(2025, 10, 31), "0")
        s.commit()
        resident = household.resident(s, clock)
        normal = readings.submit_reading(resident, meter.id, "99", TODAY).reading
        heat_reading = readings.submit_reading(resident, heat.id, "1,5", TODAY).reading
        flagged = readings.submit_reading(resident, hot.id, "60", TODAY).reading
        assert flagged.anomaly_reason and "wyższe od średniej" in flagged.anomaly_reason
        clerk = household.clerk_ctx(s, clock)
        water_only = readings.QueueFilter(meter_kind=MeterKind.COLD_WATER)
        assert readings.approve_all_unflagged(clerk, water_only).changed == [normal.id]
        flagged_filter = readings.QueueFilter(flagged_only=True)
        assert [r.reading_id for r in readings.queue_page(clerk, flagged_filter)] == [flagged.id]
        assert readings.approve_all_unflagged(clerk, readings.QueueFilter()).changed == [heat_reading.id]
        assert readings.queue_count(clerk, readings.QueueFilter()) == 1


def test_queue_sorts_and_filters_on_premises_and_meter_columns(db: Database, clock: FixedClock) -> None:
    """Sorting and filtering on the meter's and the premises' columns (joined only when needed)."""
    with db.session() as s:
        household = make_household(s)
        other_building = make_building(s, street="Akacjowa", number="3")
        meters = []
        for building in (household.building, other_building):
            for kind in (MeterKind.HOT_WATER, MeterKind.COLD_WATER):
                meters.append(make_meter(s, make_premises(s, building), kind=kind))
        s.commit()
        for i, meter in enumerate(reversed(meters)):  # submitted in the opposite order of the premises codes
            s.add(
                MeterReading(
                    meter_id=meter.id,
                    value=Decimal(10 + i),
                    reading_date=TODAY,
                    source=ReadingSource.WEB,
                    status=ReadingStatus.PENDING,
                    submitted_at=clock.now(),
                    version=1,
                )
            )
            clock.advance(minutes=1)
        s.commit()
        clerk = household.clerk_ctx(s, clock)
        everything = readings.QueueFilter()
        by_premises = readings.queue_page(clerk, everything, sort="premises")
        codes = [r.premises_code for r in by_premises]
        assert codes == sorted(codes) and len(codes) == 4
        assert [r.premises_code for r in readings.queue_page(clerk, everything, sort="premises", descending=True)] == (
            list(reversed(codes))
        )
        serials = [r.serial_number for r in readings.queue_page(clerk, everything, sort="meter")]
        assert serials == sorted(m.serial_number for m in meters)
        kinds = [r.meter_kind for r in readings.queue_page(clerk, everything, sort="meter_kind")]
        assert kinds == sorted(kinds, key=lambda k: k.value)
        one_building = readings.QueueFilter(building_id=other_building.id)
        shown = readings.queue_page(clerk, one_building, sort="premises")
        assert [r.meter_id for r in shown] == [meters[2].id, meters[3].id]
        assert readings.queue_count(clerk, one_building) == 2
        hot_there = readings.QueueFilter(building_id=other_building.id, meter_kind=MeterKind.HOT_WATER)
        assert [r.meter_id for r in readings.queue_page(clerk, hot_there, sort="meter")] == [meters[2].id]
        assert readings.queue_count(clerk, hot_there) == 1
        # Paging: the second page continues where the first stopped, in the same order.
        first, rest = (
            readings.queue_page(clerk, everything, sort="premises", limit=3),
            readings.queue_page(clerk, everything, sort="premises", offset=3, limit=3),
        )
        assert [r.premises_code for r in first + rest] == codes


def test_queue_rows_carry_what_the_clerk_reviews_and_sort_on_any_column(db: Database, clock: FixedClock) -> None:
    with db.session() as s:
        household, meter = _scene(s)
        second = make_meter(s, household.premises, kind=MeterKind.HOT_WATER)
        s.commit()
        resident = household.resident(s, clock)
        readings.submit_reading(resident, meter.id, "101", TODAY)
        clock.advance(minutes=5)
        readings.submit_reading(resident, second.id, "2", TODAY)
        clerk = household.clerk_ctx(s, clock)
        rows = readings.queue_page(clerk, readings.QueueFilter())
        assert [r.meter_id for r in rows] == [meter.id, second.id]
        first = rows[0]
        assert first.address.startswith("ul. Zgoda 8/")
        assert (first.previous_value, first.value, first.consumption) == (
            Decimal("96.000"),
            Decimal("101.000"),
            Decimal("5.000"),
        )
        # 6 m³ over the 61 days from 31.08 to 31.10, per 30 days.
        assert first.average_monthly_consumption == Decimal("2.951")
        by_consumption = readings.queue_page(clerk, readings.QueueFilter(), sort="consumption", descending=True)
        assert [r.meter_id for r in by_consumption] == [meter.id, second.id]
        by_consumption_asc = readings.queue_page(clerk, readings.QueueFilter(), sort="consumption")
        assert [r.meter_id for r in by_consumption_asc] == [second.id, meter.id]
        assert readings.queue_page(clerk, readings.QueueFilter(building_id=household.building.id + 999)) == []
        assert readings.queue_count(clerk, readings.QueueFilter(source=ReadingSource.KIOSK)) == 0
        with pytest.raises(ValidationError):
            readings.queue_page(clerk, readings.QueueFilter(), sort="; DROP TABLE meters")
        with pytest.raises(PermissionDeniedError):
            readings.queue_page(resident, readings.QueueFilter())


def test_approving_an_earlier_reading_updates_the_later_pending_ones_context(db: Database, clock: FixedClock) -> None:
    with db.session() as s:
        household, meter = _scene(s)
        clerk = household.clerk_ctx(s, clock)
        early = readings.submit_reading(clerk, meter.id, "97", date(2026, 11, 10), accept=False).reading
        late = readings.submit_reading(household.resident(s, clock), meter.id, "99", TODAY).reading
        assert late.previous_value == Decimal("96.000")
        readings.approve_readings(clerk, [(early.id, early.version)])
        s.commit()
        [row] = readings.queue_page(clerk, readings.QueueFilter())
        assert (row.reading_id, row.previous_value, row.consumption) == (late.id, Decimal("97.000"), Decimal("2.000"))
        # Derived data only: the resident's version is unchanged, so the clerk can still approve it.
        assert row.version == late.version


def test_a_pending_reading_older_than_a_newer_accepted_one_cannot_be_approved(db: Database, clock: FixedClock) -> None:
    with db.session() as s:
        household, meter = _scene(s)
        pending = readings.submit_reading(household.resident(s, clock), meter.id, "98", date(2026, 11, 24)).reading
        clerk = household.clerk_ctx(s, clock)
        readings.submit_reading(clerk, meter.id, "99", TODAY)
        result = readings.approve_readings(clerk, [(pending.id, pending.version)])
        assert result.changed == []
        assert "nowszy odczyt tego licznika (25.11.2026)" in result.conflicts[0].message


def test_long_gap_since_the_last_reading_is_flagged_not_refused(db: Database, clock: FixedClock) -> None:
    with db.session() as s:
        household = make_household(s)
        meter = make_meter(s, household.premises)
        accepted_reading(s, meter, date(2026, 5, 31), "50")
        s.commit()
        result = readings.submit_reading(household.resident(s, clock), meter.id, "60", TODAY)
        assert result.reading.status is ReadingStatus.PENDING
        assert result.reading.anomaly_reason == (
            "Brak odczytu w poprzednim okresie odczytowym (24.10.2026–07.11.2026); ostatni z dnia 31.05.2026."
        )


def test_bulk_reject_and_approve_handle_a_thousand_rows_in_one_transaction(db: Database, clock: FixedClock) -> None:
    with db.session() as s:
        household = make_household(s)
        meters = [make_meter(s, household.premises) for _ in range(1000)]
        s.commit()
        resident = household.resident(s, clock)
        pending = [readings.submit_reading(resident, m.id, "1", TODAY).reading for m in meters]
        s.commit()
        clerk = household.clerk_ctx(s, clock)
        half = len(pending) // 2
        rejected = reject_readings(clerk, [(r.id, r.version) for r in pending[:half]], "Błędny numer licznika")
        approved = readings.approve_readings(clerk, [(r.id, r.version) for r in pending[half:]])
        s.commit()
        assert len(rejected.changed) == half and len(approved.changed) == len(pending) - half
        assert rejected.conflicts == [] and approved.conflicts == []
        statuses = dict(s.execute(select(MeterReading.status, func.count()).group_by(MeterReading.status)).all())
        assert statuses == {ReadingStatus.REJECTED: half, ReadingStatus.ACCEPTED: len(pending) - half}
