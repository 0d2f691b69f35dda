"""What a small demo contains, read back through the ORM on SQLite and on PostgreSQL."""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from iok_desktop.db.base import Base
from iok_desktop.db.database import Database
from iok_desktop.db.models import (
    AccountApplication,
    Announcement,
    AnnouncementRead,
    AuditEntry,
    Building,
    ContactChange,
    Cooperative,
    LedgerEntry,
    LegalTitle,
    Meter,
    MeterReading,
    Person,
    Premises,
    ReadingWindow,
    ResidentAccount,
    StaffUser,
)
from iok_desktop.demo import DemoResult
from iok_desktop.domain.bank_account import is_valid_nrb
from iok_desktop.domain.contacts import normalise_email, normalise_landline, normalise_mobile
from iok_desktop.domain.dates import OFFICE_TZ
from iok_desktop.domain.enums import (
    AccountStatus,
    AnnouncementKind,
    ApplicationStatus,
    LedgerKind,
    MeterKind,
    PremisesKind,
    ReadingSource,
    ReadingStatus,
    StaffRole,
    WindowFrequency,
)
from iok_desktop.domain.passwords import check_policy, verify_password
from iok_desktop.domain.text import fold
from tests.integration.demo.helpers import SMALL, TODAY, small_demo


@pytest.fixture
def demo(db: Database) -> DemoResult:
    return small_demo(db)


def test_counts_match_the_database_and_every_premises_is_complete(db: Database, demo: DemoResult) -> None:
    with db.session() as session:
        for table, count in demo.counts.items():
            if table != "cooperative":  # updated in place: migration 0003 created the row
                rows = session.scalar(select(func.count()).select_from(Base.metadata.tables[table]))
                assert rows == count, table
        assert demo.counts["premises"] == SMALL["premises"]
        premises_ids = set(session.scalars(select(Premises.id)))
        assert set(session.scalars(select(Meter.premises_id))) == premises_ids
        assert set(session.scalars(select(LedgerEntry.premises_id))) == premises_ids
        current = select(LegalTitle.premises_id).where(LegalTitle.valid_to.is_(None))
        assert set(session.scalars(current)) == premises_ids
        kinds = set(session.scalars(select(Premises.kind)))
        assert kinds == {PremisesKind.FLAT, PremisesKind.GARAGE, PremisesKind.COMMERCIAL}
        for premises in session.scalars(select(Premises)):
            assert is_valid_nrb(premises.bank_account)
            assert premises.area_m2 == premises.area_m2.quantize(Decimal("0.01")) > 0
        assert session.scalar(select(func.count()).select_from(StaffUser)) == 3
        assert len(demo.residents) == 5


def test_cooperative_and_reading_windows(db: Database, demo: DemoResult) -> None:
    with db.session() as session:
        cooperative = session.get(Cooperative, 1)
        assert cooperative is not None
        assert cooperative.name == "Spółdzielnia Mieszkaniowa „Bałtyk”"
        assert cooperative.address == "ul. Zgoda 8, 70-001 Szczecin"
        assert is_valid_nrb(cooperative.bank_account)
        assert cooperative.anomaly_multiple == Decimal("3.00")
        default = session.scalar(select(ReadingWindow).where(ReadingWindow.building_id.is_(None)))
        assert default is not None
        assert (default.frequency, default.days_before, default.days_after) == (WindowFrequency.QUARTERLY, 40, 14)
        for building in session.scalars(select(Building)):
            assert building.search_key == fold(f"{building.street} {building.house_number}")
        # On TODAY the default window (21.11–14.01) is open: the demo residents' building keeps it.
        assert session.scalars(select(ReadingWindow).where(ReadingWindow.building_id.is_not(None))).all() == []
    assert demo.open_window.is_default
    assert (demo.open_window.window.opens, demo.open_window.window.closes) == (date(2026, 11, 21), date(2027, 1, 14))


def test_a_bigger_demo_has_monthly_buildings(db: Database) -> None:
    small_demo(db, premises=160, years=1)
    with db.session() as session:
        overrides = session.scalars(select(ReadingWindow).where(ReadingWindow.building_id.is_not(None))).all()
        third = session.scalars(select(Building.id).order_by(Building.id)).all()[2]
    assert [(w.building_id, w.frequency, w.days_before, w.days_after) for w in overrides] == [
        (third, WindowFrequency.MONTHLY, 10, 10)
    ]


def _readings_by_meter(session: Session) -> dict[int, list[MeterReading]]:
    by_meter: dict[int, list[MeterReading]] = defaultdict(list)
    for reading in session.scalars(select(MeterReading).order_by(MeterReading.reading_date, MeterReading.id)):
        by_meter[reading.meter_id].append(reading)
    return by_meter


def test_readings_are_monotonic_and_shown_to_the_meters_precision(db: Database, demo: DemoResult) -> None:
    with db.session() as session:
        meters = {m.id: m for m in session.scalars(select(Meter))}
        for meter_id, readings in _readings_by_meter(session).items():
            meter = meters[meter_id]
            live = [r for r in readings if r.status is not ReadingStatus.REJECTED]
            assert [r.value for r in live] == sorted(r.value for r in live)
            assert len({r.reading_date for r in live}) == len(live)
            quantum = Decimal(1).scaleb(-meter.decimal_places)
            for reading in readings:
                assert reading.value == reading.value.quantize(quantum)
                assert reading.reading_date >= meter.installed_on
                assert meter.archived_on is None or reading.reading_date <= meter.archived_on


def test_review_state_of_accepted_pending_and_rejected_readings(db: Database, demo: DemoResult) -> None:
    today_start = datetime(TODAY.year, TODAY.month, TODAY.day, tzinfo=OFFICE_TZ).astimezone(UTC)
    with db.session() as session:
        readings = session.scalars(select(MeterReading)).all()
        staff_ids = set(session.scalars(select(StaffUser.id)))
    by_status = defaultdict(list)
    for reading in readings:
        by_status[reading.status].append(reading)
        assert reading.submitted_at.tzinfo is not None
        assert reading.submitted_at < today_start
        if reading.source in (ReadingSource.WEB, ReadingSource.KIOSK):
            assert reading.submitted_by_account_id is not None
        if reading.source is ReadingSource.CLERK:
            assert reading.submitted_by_staff_id in staff_ids
    for reading in by_status[ReadingStatus.ACCEPTED]:
        assert reading.reviewed_by_staff_id in staff_ids
        assert reading.reviewed_at is not None
        assert reading.reviewed_at >= reading.submitted_at
        assert reading.rejection_reason is None
    pending = by_status[ReadingStatus.PENDING]
    assert len(pending) >= 10
    assert any(r.anomaly_reason for r in pending)
    for reading in pending:
        assert reading.reviewed_at is None
        assert reading.reviewed_by_staff_id is None
        assert TODAY - timedelta(days=10) <= reading.reading_date < TODAY
    assert by_status[ReadingStatus.REJECTED]
    for reading in by_status[ReadingStatus.REJECTED]:
        assert reading.rejection_reason
        assert reading.reviewed_by_staff_id in staff_ids
    assert {r.source for r in readings} == set(ReadingSource)


def test_meters_show_replacements_legalisation_and_remote_reading(db: Database, demo: DemoResult) -> None:
    with db.session() as session:
        meters = session.scalars(select(Meter)).all()
        by_id = {m.id: m for m in meters}
        places = {(m.kind, m.unit, m.decimal_places) for m in meters}
        assert places <= {
            (MeterKind.COLD_WATER, "m³", 3),
            (MeterKind.HOT_WATER, "m³", 3),
            (MeterKind.HEAT, "GJ", 2),
            (MeterKind.ELECTRICITY, "kWh", 1),
        }
        replacements = [m for m in meters if m.replaces_meter_id is not None]
        assert replacements
        for new in replacements:
            old = by_id[new.replaces_meter_id]  # type: ignore[index]
            assert old.archived_on == new.installed_on
            assert (old.kind, old.premises_id) == (new.kind, new.premises_id)
            final = session.scalar(
                select(MeterReading).where(MeterReading.meter_id == old.id).order_by(MeterReading.reading_date.desc())
            )
            assert final is not None
            assert final.reading_date == old.archived_on
            assert final.note == "odczyt końcowy przy wymianie licznika"
            assert final.previous_value is not None
            # As services.meters.replace_meter writes it: the new meter's initial value, accepted, no context.
            first = session.scalar(
                select(MeterReading)
                .where(MeterReading.meter_id == new.id)
                .order_by(MeterReading.reading_date, MeterReading.id)
                .limit(1)
            )
            assert first is not None
            assert (first.reading_date, first.value) == (new.installed_on, new.initial_value)
            assert (first.status, first.source) == (ReadingStatus.ACCEPTED, ReadingSource.CLERK)
            assert first.note == "odczyt początkowy nowego licznika"
            assert first.submitted_at == final.submitted_at
            assert (first.previous_value, first.consumption, first.anomaly_reason) == (None, None, None)
        verification = [m.next_verification_on for m in meters if m.next_verification_on and m.archived_on is None]
        assert any(day < TODAY for day in verification)
        assert any(TODAY <= day <= TODAY + timedelta(days=60) for day in verification)
        assert any(m.remote_read for m in meters)
        for kind in MeterKind:
            serials = [m.serial_number for m in meters if m.kind is kind]
            assert len(serials) == len(set(serials))


def test_ledger_sums_are_exact_decimals(db: Database, demo: DemoResult) -> None:
    with db.session() as session:
        entries = session.scalars(select(LedgerEntry)).all()
        query = select(LedgerEntry.premises_id, func.sum(LedgerEntry.amount)).group_by(LedgerEntry.premises_id)
        sums = {premises_id: amount for premises_id, amount in session.execute(query)}
        total = session.scalar(select(func.sum(LedgerEntry.amount)))
    expected: dict[int, Decimal] = defaultdict(Decimal)
    for entry in entries:
        expected[entry.premises_id] += entry.amount
        assert entry.amount == entry.amount.quantize(Decimal("0.01"))
        assert entry.source == "demo"
        if entry.kind is LedgerKind.CHARGE:
            assert entry.amount > 0
            assert entry.booking_date.day == 1
            assert entry.due_date == entry.booking_date.replace(day=10)
        elif entry.kind is LedgerKind.PAYMENT:
            assert entry.amount < 0
            assert entry.due_date is None
        assert entry.booking_date < TODAY
    for premises_id, amount in sums.items():
        assert isinstance(amount, Decimal)
        assert amount == expected[premises_id]
    assert isinstance(total, Decimal)
    assert total == sum(expected.values())
    # Some premises owe money (arrears), some have paid ahead.
    assert any(v > Decimal("500") for v in sums.values())
    assert any(v < 0 for v in sums.values())
    assert len({e.document_id for e in entries}) == len(entries)
    assert any(e.corrects_entry_id for e in entries) or any(e.kind is LedgerKind.CORRECTION for e in entries)


def test_printed_passwords_verify_against_the_stored_hashes(db: Database, demo: DemoResult) -> None:
    with db.session() as session:
        for credential in demo.staff:
            staff = session.scalar(select(StaffUser).where(StaffUser.login == credential.login))
            assert staff is not None
            assert verify_password(staff.password_hash, credential.password)
            assert not staff.must_change_password
            check_policy(credential.password, login=credential.login)
        roles = [s.role for s in session.scalars(select(StaffUser).order_by(StaffUser.id))]
        assert roles == [StaffRole.ADMIN, StaffRole.CLERK, StaffRole.CLERK]
        must_change = []
        for credential in demo.residents:
            account = session.scalar(select(ResidentAccount).where(ResidentAccount.login == credential.login))
            assert account is not None
            assert account.status is AccountStatus.ACTIVE
            assert verify_password(account.password_hash, credential.password)
            assert account.must_change_password == credential.must_change_password
            must_change.append(account.must_change_password)
            check_policy(credential.password, login=credential.login)
            assert credential.addresses
            # The account reaches the printed premises through a current title.
            titles = session.scalars(
                select(LegalTitle).where(LegalTitle.person_id == account.person_id, LegalTitle.valid_to.is_(None))
            ).all()
            assert len(titles) == len(credential.addresses)
        assert must_change.count(True) == 1
        # Everybody else's accounts share one hash of a secret nobody knows.
        others = session.scalars(
            select(ResidentAccount.password_hash).where(ResidentAccount.login.not_in([c.login for c in demo.residents]))
        ).all()
        assert others
        assert len(set(others)) == 1


def test_contact_data_is_stored_as_the_normalisers_store_it(db: Database, demo: DemoResult) -> None:
    with db.session() as session:
        persons = session.scalars(select(Person)).all()
        changes = session.scalars(select(ContactChange)).all()
    for person in persons:
        assert person.search_key == fold(f"{person.last_name} {person.first_name}")
        assert normalise_landline(person.landline) == person.landline
        assert normalise_mobile(person.mobile) == person.mobile
        assert normalise_email(person.email) == person.email
    assert sum(p.mobile is not None for p in persons) > len(persons) // 2
    assert any(p.landline for p in persons)
    assert any(any(ch in p.last_name for ch in "ąćęłńóśźżĄĆĘŁŃÓŚŹŻ") for p in persons)
    normalisers = {"landline": normalise_landline, "mobile": normalise_mobile, "email": normalise_email}
    for change in changes:
        normalise = normalisers[change.field.value]
        assert normalise(change.old_value) == change.old_value
        assert normalise(change.new_value) == change.new_value
    unseen = [c for c in changes if c.seen_at is None and c.changed_by_account_id is not None]
    assert len(unseen) >= 2


def test_announcements_applications_and_audit(db: Database, demo: DemoResult) -> None:
    now = datetime(TODAY.year, TODAY.month, TODAY.day, 9, tzinfo=UTC)
    with db.session() as session:
        notices = session.scalars(select(Announcement)).all()
        reads = session.scalars(select(AnnouncementRead)).all()
        applications = session.scalars(select(AccountApplication)).all()
        audit = session.scalars(select(AuditEntry)).all()
        admin_id = session.scalar(select(StaffUser.id).where(StaffUser.role == StaffRole.ADMIN))
    assert {n.author_staff_id for n in notices} == {admin_id}
    assert any(n.kind is AnnouncementKind.URGENT and n.publish_from <= now for n in notices)
    assert any(n.is_draft for n in notices)
    assert any(n.valid_until is not None and n.valid_until < now for n in notices)
    assert any(not n.is_draft and n.publish_from > now for n in notices)
    assert {n.audience.value for n in notices} == {"everyone", "building", "premises"}
    assert reads
    statuses = {a.status for a in applications}
    assert statuses == set(ApplicationStatus)
    for application in applications:
        if application.status is ApplicationStatus.APPROVED:
            assert application.account_id is not None
        if application.status is ApplicationStatus.REFUSED:
            assert application.refusal_reason
    [entry] = audit
    assert entry.action == "demo.generate"
    assert entry.details["premises"] == SMALL["premises"]
    assert entry.details["seed"] == SMALL["seed"]
    assert entry.details["rows"]["meter_readings"] == demo.counts["meter_readings"]


def test_titles_include_couples_previous_owners_and_a_flat_with_a_garage(db: Database, demo: DemoResult) -> None:
    with db.session() as session:
        titles = session.scalars(select(LegalTitle)).all()
        kinds = {premises_id: kind for premises_id, kind in session.execute(select(Premises.id, Premises.kind))}
    current = [t for t in titles if t.valid_to is None]
    holders: dict[int, set[int]] = defaultdict(set)
    for title in current:
        holders[title.premises_id].add(title.person_id)
    assert any(len(people) == 2 for people in holders.values())
    ended = [t for t in titles if t.valid_to is not None]
    assert ended
    for title in ended:
        assert title.valid_from <= title.valid_to < TODAY  # type: ignore[operator]
    held_kinds: dict[int, set[PremisesKind]] = defaultdict(set)
    for title in current:
        held_kinds[title.person_id].add(kinds[title.premises_id])
    assert any({PremisesKind.FLAT, PremisesKind.GARAGE} <= k for k in held_kinds.values())
