"""The scene of the registry and accounts screen tests: one flat at Zgoda 8/12 with two current holders
(one with an IOK account), a past holder, two meters with accepted readings, a debt, and a contact
change a resident made in IOK."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from iok_desktop.db.database import Database
from iok_desktop.domain.enums import MeterKind, ReadingSource, TitleKind
from iok_desktop.services import contacts, ledger, settings
from iok_desktop.services.context import SYSTEM, FixedClock, ServiceContext, resident_actor
from tests.support.builders import (
    accepted_reading,
    grant_title,
    make_account,
    make_building,
    make_meter,
    make_person,
    make_premises,
)

IOK_URL = "https://iok.smbaltyk.pl"


@dataclass(frozen=True)
class Scene:
    premises_id: int
    holder_id: int  # Małgorzata Wróblewska, IOK account wroblews4821
    co_holder_id: int  # Piotr Wróblewski, no IOK account
    past_holder_id: int  # Jan Kowalczyk, title ended 28.02.2015
    account_id: int
    login: str


def build_scene(db: Database, clock: FixedClock) -> Scene:
    with db.session() as s:
        building = make_building(s, street="Zgoda", number="8")
        premises = make_premises(s, building, number="12")
        holder = make_person(s, "Małgorzata", "Wróblewska")
        holder.mobile = "+48 601 234 567"
        co_holder = make_person(s, "Piotr", "Wróblewski")
        past = make_person(s, "Jan", "Kowalczyk")
        grant_title(s, holder, premises, valid_from=date(2015, 3, 1))
        grant_title(s, co_holder, premises, valid_from=date(2015, 3, 1))
        grant_title(
            s, past, premises, valid_from=date(2001, 5, 1), valid_to=date(2015, 2, 28), kind=TitleKind.TENANCY_RIGHT
        )
        cold = make_meter(s, premises, kind=MeterKind.COLD_WATER)
        hot = make_meter(s, premises, kind=MeterKind.HOT_WATER)
        accepted_reading(s, cold, date(2026, 10, 31), "123.456")
        accepted_reading(s, hot, date(2026, 10, 31), "45.1")
        account = make_account(s, holder, "wroblews4821")
        system = ServiceContext(s, SYSTEM, clock)
        ledger.post_charge(
            system,
            premises.id,
            amount=Decimal("1234.56"),
            booking_date=date(2026, 11, 1),
            due_date=date(2026, 11, 10),
            title="Opłaty za listopad 2026",
        )
        current = settings.get_settings(system)
        settings.update_settings(
            system,
            replace(
                current,
                name="Spółdzielnia Mieszkaniowa „Bałtyk”",
                address="ul. Zgoda 8, 70-001 Szczecin",
                iok_url=IOK_URL,
            ),
        )
        resident = ServiceContext(s, resident_actor(account.id, account.login, ReadingSource.WEB), clock)
        contacts.update_contact(
            resident, holder.id, landline=None, mobile="+48 601 234 567", email="m.wroblewska@poczta.pl"
        )
        s.commit()
        return Scene(premises.id, holder.id, co_holder.id, past.id, account.id, account.login)
