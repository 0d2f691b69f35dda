"""Search as you type over the registry, and the premises card."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy.orm import Session

from iok_desktop.domain.enums import AccountStatus
from iok_desktop.domain.errors import PermissionDeniedError
from iok_desktop.services import registry
from iok_desktop.services.context import FixedClock, ServiceContext
from tests.support.builders import (
    Household,
    accepted_reading,
    grant_title,
    make_account,
    make_building,
    make_meter,
    make_person,
    make_premises,
)


@pytest.fixture
def scene(session: Session, home: Household) -> dict[str, int]:
    building = make_building(session, street="Źródlana", number="12")
    flat = make_premises(session, building, number="7")
    garage = make_premises(session, building, number="G3")
    owner = make_person(session, "Łucja", "Wróblewska")
    grant_title(session, owner, flat)
    grant_title(session, owner, garage)
    previous = make_person(session, "Jan", "Wróblewski")
    grant_title(session, previous, flat, valid_from=date(2001, 1, 1), valid_to=date(2019, 12, 31))
    make_account(session, owner, "wroblews4821")
    meter = make_meter(session, flat)
    accepted_reading(session, meter, date(2026, 10, 31), "12.5")
    session.commit()
    return {"flat": flat.id, "garage": garage.id, "owner": owner.id}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("wróbl", {"flat", "garage"}),
        ("WROBLEWSKA", {"flat", "garage"}),
        ("wroblewska lucja", {"flat", "garage"}),
        ("łucja", {"flat", "garage"}),
        ("źródlana 12", {"flat", "garage"}),
        ("zrodlana 12/7", {"flat"}),
        ("Źródlana 12 g3", {"garage"}),
        ("wroblews48", {"flat", "garage"}),
        ("nikogo", set()),
        ("w", set()),
        ("50%_\\", set()),
    ],
)
def test_search_finds_premises_the_way_clerks_type(
    clerk: ServiceContext, scene: dict[str, int], query: str, expected: set[str]
) -> None:
    found = {hit.premises_id for hit in registry.search_premises(clerk, query)}
    assert found == {scene[name] for name in expected}


def test_search_hit_shows_the_address_and_current_holders_only(clerk: ServiceContext, scene: dict[str, int]) -> None:
    [hit] = registry.search_premises(clerk, "źródlana 12/7")
    assert hit.address == "ul. Źródlana 12/7, 70-001 Szczecin"
    assert hit.holders == ["Łucja Wróblewska"] and hit.logins == ["wroblews4821"]


def test_premises_code_prefix_is_found(clerk: ServiceContext, home: Household) -> None:
    hits = registry.search_premises(clerk, home.premises.code[:6])
    assert home.premises.id in {h.premises_id for h in hits}


def test_residents_cannot_search(resident: ServiceContext, scene: dict[str, int]) -> None:
    with pytest.raises(PermissionDeniedError):
        registry.search_premises(resident, "wróbl")


def test_card_shows_titles_holders_meters_account_and_balance(
    clerk: ServiceContext, scene: dict[str, int], clock: FixedClock
) -> None:
    card = registry.premises_card(clerk, scene["flat"])
    assert card.address == "ul. Źródlana 12/7, 70-001 Szczecin"
    assert [(t.person_name, t.is_current) for t in card.titles] == [
        ("Łucja Wróblewska", True),
        ("Jan Wróblewski", False),
    ]
    assert [c.full_name for c in card.contacts] == ["Łucja Wróblewska"]
    assert [(a.login, a.status) for a in card.accounts] == [("wroblews4821", AccountStatus.ACTIVE)]
    assert [m.last_accepted_value for m in card.meters] == [Decimal("12.500")]
    assert card.amount_due.amount == Decimal(0) and card.amount_due.label == "rozliczone"
    assert len(card.bank_account.replace(" ", "")) == 26
