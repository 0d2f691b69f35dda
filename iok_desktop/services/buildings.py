"""Buildings and premises as the clerks' screens list them: the buildings to choose from, short labels
of premises for tables, and the reading window of each building.

A cooperative has tens to a few hundred buildings, so the list of buildings is read whole (it fills a
combo box); premises are only ever labelled a page at a time. Staff only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from iok_desktop.db.models import Building, Premises, ReadingWindow
from iok_desktop.domain.address import full_address
from iok_desktop.domain.readings import WindowRule
from iok_desktop.services.context import ServiceContext
from iok_desktop.services.settings import DEFAULT_WINDOW

MAX_LABELS = 1000


@dataclass(frozen=True)
class BuildingRow:
    id: int
    code: str
    # "ul. Zgoda 8, 70-001 Szczecin"
    address: str
    # "Zgoda 8": street first, so typing a street's first letters in a combo box finds it.
    label: str


@dataclass(frozen=True)
class PremisesLabel:
    id: int
    code: str
    # "ul. Zgoda 8/12, 70-001 Szczecin"
    address: str


@dataclass(frozen=True)
class BuildingWindow:
    """A building with its own reading window (an override of the cooperative default)."""

    building: BuildingRow
    rule: WindowRule


@dataclass(frozen=True)
class ReadingWindows:
    default: WindowRule
    # Only buildings that have their own window, in address order.
    overrides: list[BuildingWindow]


def _building_row(b: Building) -> BuildingRow:
    address = full_address(b.street, b.house_number, None, b.postal_code, b.city)
    return BuildingRow(b.id, b.code, address, f"{b.street} {b.house_number}")


def _natural(text: str) -> list[object]:
    return [int(part) if part.isdigit() else part.casefold() for part in re.split(r"(\d+)", text)]


def _address_order(row: BuildingRow) -> tuple[list[object], str]:
    return _natural(row.label), row.code


def list_buildings(ctx: ServiceContext) -> list[BuildingRow]:
    """Every building, by street and house number in natural order (2 before 10), for combo boxes."""
    ctx.require_staff()
    return sorted((_building_row(b) for b in ctx.session.scalars(select(Building))), key=_address_order)


def premises_labels(ctx: ServiceContext, premises_ids: Iterable[int]) -> dict[int, PremisesLabel]:
    """Code and address of each premises asked for (one query; unknown ids are left out)."""
    ctx.require_staff()
    ids = sorted(set(premises_ids))[:MAX_LABELS]
    if not ids:
        return {}
    rows = ctx.session.scalars(select(Premises).where(Premises.id.in_(ids)).options(joinedload(Premises.building)))
    labels = {}
    for p in rows:
        b = p.building
        labels[p.id] = PremisesLabel(
            p.id, p.code, full_address(b.street, b.house_number, p.number, b.postal_code, b.city)
        )
    return labels


def reading_windows(ctx: ServiceContext) -> ReadingWindows:
    """The cooperative's default window and every building's own window."""
    ctx.require_staff()
    default = DEFAULT_WINDOW
    overrides = []
    query = select(ReadingWindow, Building).outerjoin(Building, Building.id == ReadingWindow.building_id)
    for window, building in ctx.session.execute(query):
        rule = WindowRule(window.frequency, window.days_before, window.days_after)
        if building is None:
            default = rule
        else:
            overrides.append(BuildingWindow(_building_row(building), rule))
    overrides.sort(key=lambda o: _address_order(o.building))
    return ReadingWindows(default, overrides)
