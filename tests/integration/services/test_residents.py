"""The resident's home page: the premises they hold today, and nobody else's."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.orm import Session

from iok_desktop.domain.errors import PermissionDeniedError
from iok_desktop.services.context import ServiceContext
from iok_desktop.services.residents import my_premises
from tests.support.builders import Household, grant_title, make_person, make_premises


def test_a_resident_sees_the_premises_held_today_and_not_ended_or_other_titles(
    session: Session, home: Household, resident: ServiceContext
) -> None:
    garage = make_premises(session, home.building, number="G1")
    grant_title(session, home.person, garage)
    sold = make_premises(session, home.building, number="99")
    grant_title(session, home.person, sold, valid_from=date(2010, 1, 1), valid_to=date(2020, 12, 31))
    grant_title(session, make_person(session, "Jan", "Obcy"), make_premises(session, home.building))

    held = my_premises(resident)

    assert {label.id for label in held} == {home.premises.id, garage.id}
    assert [label.code for label in held] == sorted(label.code for label in held)
    assert all(label.address.startswith("ul. ") for label in held)
    assert any(label.address.split(",")[0].endswith("/G1") for label in held)


def test_staff_cannot_ask_for_their_own_premises(clerk: ServiceContext) -> None:
    with pytest.raises(PermissionDeniedError):
        my_premises(clerk)
