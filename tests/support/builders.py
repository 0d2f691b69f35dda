"""Small builders for test data: a building, a premises with a holder, meters, staff, residents.

They write ORM rows directly (fast, no audit) so each test states only what it is about; the
behaviour under test always goes through the services.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from functools import cache

from sqlalchemy.orm import Session

from iok_desktop.db.models import (
    Building,
    Estate,
    LegalTitle,
    Meter,
    MeterReading,
    Person,
    Premises,
    ReadingWindow,
    ResidentAccount,
    StaffUser,
)
from iok_desktop.domain.bank_account import make_nrb
from iok_desktop.domain.enums import (
    AccountStatus,
    MeterKind,
    PremisesKind,
    ReadingSource,
    ReadingStatus,
    StaffRole,
    TitleKind,
    WindowFrequency,
)
from iok_desktop.domain.passwords import hash_password
from iok_desktop.domain.text import fold
from iok_desktop.services.context import Actor, Clock, ServiceContext, resident_actor, staff_actor

STAFF_PASSWORD = "Urzednik2026x"
RESIDENT_PASSWORD = "Mieszkaniec7Q"
CREATED = datetime.fromisoformat("2026-01-01T08:00:00+00:00")

_seq = itertools.count(1)


@cache
def _hash(password: str) -> str:
    # argon2 takes ~0.1 s; most tests reuse one of two passwords, so hash each once.
    return hash_password(password)


def make_building(session: Session, *, street: str = "Zgoda", number: str = "8") -> Building:
    n = next(_seq)
    estate = Estate(code=f"E{n}", name=f"Osiedle Bałtyk {n}")
    building = Building(
        estate=estate,
        code=f"B{n}",
        street=street,
        house_number=number,
        postal_code="70-001",
        city="Szczecin",
        search_key=fold(f"{street} {number}"),
    )
    session.add(building)
    session.flush()
    return building


def make_premises(session: Session, building: Building | None = None, *, number: str | None = None) -> Premises:
    building = building or make_building(session)
    n = next(_seq)
    premises = Premises(
        building_id=building.id,
        number=number or str(n),
        code=f"01-{building.id:03d}-{n:04d}",
        kind=PremisesKind.FLAT,
        area_m2=Decimal("48.30"),
        bank_account=make_nrb(f"10901014{n:016d}"),
    )
    session.add(premises)
    session.flush()
    return premises


def make_person(session: Session, first: str = "Zażółć", last: str = "Gęślą-Jaźń") -> Person:
    person = Person(first_name=first, last_name=last, search_key=fold(f"{last} {first}"))
    session.add(person)
    session.flush()
    return person


def grant_title(
    session: Session,
    person: Person,
    premises: Premises,
    *,
    valid_from: date = date(2020, 1, 1),
    valid_to: date | None = None,
    kind: TitleKind = TitleKind.COOPERATIVE_OWNERSHIP,
) -> LegalTitle:
    title = LegalTitle(
        person_id=person.id, premises_id=premises.id, kind=kind, valid_from=valid_from, valid_to=valid_to
    )
    session.add(title)
    session.flush()
    return title


def make_meter(
    session: Session,
    premises: Premises,
    *,
    kind: MeterKind = MeterKind.COLD_WATER,
    decimal_places: int = 3,
    installed_on: date = date(2022, 1, 1),
    initial_value: Decimal = Decimal(0),
    next_verification_on: date | None = date(2027, 1, 1),
    remote_read: bool = False,
    archived_on: date | None = None,
) -> Meter:
    meter = Meter(
        premises_id=premises.id,
        kind=kind,
        serial_number=f"SN{next(_seq):08d}",
        unit="GJ" if kind is MeterKind.HEAT else "m³",
        decimal_places=decimal_places,
        installed_on=installed_on,
        next_verification_on=next_verification_on,
        archived_on=archived_on,
        initial_value=initial_value,
        remote_read=remote_read,
    )
    session.add(meter)
    session.flush()
    return meter


def make_staff(
    session: Session, login: str | None = None, *, role: StaffRole = StaffRole.CLERK, must_change: bool = False
) -> StaffUser:
    staff = StaffUser(
        login=login or f"urzednik{next(_seq)}",
        full_name="Anna Łęcka",
        role=role,
        password_hash=_hash(STAFF_PASSWORD),
        must_change_password=must_change,
        created_at=CREATED,
    )
    session.add(staff)
    session.flush()
    return staff


def make_account(
    session: Session, person: Person, login: str | None = None, *, must_change: bool = False
) -> ResidentAccount:
    account = ResidentAccount(
        person_id=person.id,
        login=login or f"mieszk{next(_seq)}",
        password_hash=_hash(RESIDENT_PASSWORD),
        must_change_password=must_change,
        status=AccountStatus.ACTIVE,
        created_at=CREATED,
    )
    session.add(account)
    session.flush()
    return account


def set_window(
    session: Session, frequency: WindowFrequency, before: int, after: int, building: Building | None = None
) -> None:
    session.add(
        ReadingWindow(
            building_id=building.id if building else None, frequency=frequency, days_before=before, days_after=after
        )
    )
    session.flush()


@dataclass
class Household:
    """A premises with one holder who has an IOK account, and a clerk: the usual cast of a test."""

    building: Building
    premises: Premises
    person: Person
    account: ResidentAccount
    clerk: StaffUser

    def resident(self, session: Session, clock: Clock, channel: ReadingSource = ReadingSource.WEB) -> ServiceContext:
        return ServiceContext(session, resident_actor(self.account.id, self.account.login, channel), clock)

    def clerk_ctx(self, session: Session, clock: Clock) -> ServiceContext:
        return ServiceContext(session, staff_of(self.clerk), clock)


def staff_of(staff: StaffUser) -> Actor:
    return staff_actor(staff.id, staff.login, staff.role, workstation="test-desk")


def make_household(session: Session) -> Household:
    building = make_building(session)
    premises = make_premises(session, building)
    person = make_person(session)
    grant_title(session, person, premises)
    account = make_account(session, person)
    clerk = make_staff(session)
    return Household(building, premises, person, account, clerk)


def accepted_reading(session: Session, meter: Meter, day: date, value: str, *, clerk: StaffUser | None = None) -> None:
    """History written directly (as an import would), to set the scene for a test."""
    session.add(
        MeterReading(
            meter_id=meter.id,
            value=Decimal(value),
            reading_date=day,
            source=ReadingSource.IMPORT,
            status=ReadingStatus.ACCEPTED,
            submitted_at=CREATED,
            reviewed_at=CREATED,
            reviewed_by_staff_id=clerk.id if clerk else None,
        )
    )
    session.flush()
