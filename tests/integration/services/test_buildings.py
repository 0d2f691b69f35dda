"""Buildings for the clerks' screens: the list to choose from, premises labels, reading windows."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from iok_desktop.domain.enums import WindowFrequency
from iok_desktop.domain.errors import PermissionDeniedError
from iok_desktop.domain.readings import WindowRule
from iok_desktop.services import buildings, settings
from iok_desktop.services.context import ServiceContext
from tests.support.builders import Household, make_building, make_premises, set_window


def test_buildings_are_listed_in_address_order_with_code_and_address(
    clerk: ServiceContext, home: Household, session: Session
) -> None:
    other = make_building(session, street="Akacjowa", number="2")

    rows = buildings.list_buildings(clerk)

    assert [r.id for r in rows] == [other.id, home.building.id]
    assert rows[0] == buildings.BuildingRow(other.id, other.code, "ul. Akacjowa 2, 70-001 Szczecin", "Akacjowa 2")
    assert rows[1].address == "ul. Zgoda 8, 70-001 Szczecin"


def test_house_numbers_are_in_natural_order(clerk: ServiceContext, home: Household, session: Session) -> None:
    for street, number in [("Zgoda", "10"), ("Zgoda", "2"), ("Akacjowa", "1")]:
        make_building(session, street=street, number=number)

    labels = [b.label for b in buildings.list_buildings(clerk)]

    assert labels == ["Akacjowa 1", "Zgoda 2", "Zgoda 8", "Zgoda 10"]


def test_premises_labels_name_code_and_full_address(clerk: ServiceContext, home: Household, session: Session) -> None:
    second = make_premises(session, home.building, number="12A")

    labels = buildings.premises_labels(clerk, [second.id, home.premises.id, second.id, 987_654])

    assert set(labels) == {home.premises.id, second.id}
    assert labels[second.id] == buildings.PremisesLabel(second.id, second.code, "ul. Zgoda 8/12A, 70-001 Szczecin")
    assert buildings.premises_labels(clerk, []) == {}


def test_reading_windows_give_the_default_and_only_the_buildings_with_their_own(
    clerk: ServiceContext, home: Household, session: Session
) -> None:
    assert buildings.reading_windows(clerk) == buildings.ReadingWindows(settings.DEFAULT_WINDOW, [])
    other = make_building(session, street="Akacjowa", number="2")
    make_building(session, street="Brzozowa", number="5")
    set_window(session, WindowFrequency.QUARTERLY, 40, 14)
    set_window(session, WindowFrequency.MONTHLY, 5, 5, home.building)

    windows = buildings.reading_windows(clerk)

    assert windows.default == WindowRule(WindowFrequency.QUARTERLY, 40, 14)
    assert [(w.building.id, w.rule) for w in windows.overrides] == [
        (home.building.id, WindowRule(WindowFrequency.MONTHLY, 5, 5))
    ]
    assert other.id not in [w.building.id for w in windows.overrides]


def test_residents_cannot_list_buildings(resident: ServiceContext, home: Household) -> None:
    with pytest.raises(PermissionDeniedError):
        buildings.list_buildings(resident)
    with pytest.raises(PermissionDeniedError):
        buildings.premises_labels(resident, [home.premises.id])
    with pytest.raises(PermissionDeniedError):
        buildings.reading_windows(resident)
