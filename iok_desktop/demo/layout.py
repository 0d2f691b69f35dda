"""Where the demo cooperative's buildings stand and which premises they hold.

Estates of 5–15 buildings on one to four streets each; 40–60 premises per building (the last one
takes what is left): flats, a shop or two in the bigger ones, a row of garages in some. Every
premises has its own NRB for payments. Addresses are written the way the services write them
(``domain.address``): "ul. Żytnia 3A/1, 71-225 Szczecin", a garage "ul. Żytnia 3A/G1, …".
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from iok_desktop.demo import names
from iok_desktop.demo.people import PersonInfo
from iok_desktop.demo.rows import Ids, RowBuffer
from iok_desktop.demo.windows import rule_for_building
from iok_desktop.domain.address import full_address, street_line
from iok_desktop.domain.bank_account import make_nrb
from iok_desktop.domain.enums import PremisesKind, TitleKind
from iok_desktop.domain.readings import WindowRule
from iok_desktop.domain.text import fold

if TYPE_CHECKING:
    from iok_desktop.demo.cast import CastMember

# The bank and branch of the cooperative's accounts; the rest of each NRB is the account number.
BANK_SORT_CODE = "10205558"
# (rooms, share of flats, area range m², occupants range)
_FLAT_TYPES = ((1, 0.15, 24, 36, 1, 2), (2, 0.40, 36, 52, 1, 3), (3, 0.35, 48, 66, 2, 4), (4, 0.10, 60, 82, 2, 5))
VACANT_SHARE = 0.03


@dataclass(frozen=True)
class Site:
    """Where a building stands, how it is coded and when its residents read their meters."""

    index: int
    id: int
    estate_id: int
    code: str
    street: str
    house_number: str
    postal_code: str
    size: int
    rule: WindowRule

    @property
    def street_line(self) -> str:
        """``ul. Żytnia 3A``."""
        return street_line(self.street, self.house_number)

    def address(self, number: str | None = None) -> str:
        """``ul. Żytnia 3A/1, 71-225 Szczecin`` (the building's own without ``number``)."""
        return full_address(self.street, self.house_number, number, self.postal_code, names.CITY)


@dataclass
class Unit:
    """A premises while its building is planned."""

    id: int
    kind: PremisesKind
    number: str
    area_m2: float
    occupants: int
    vacant: bool
    holders: list[PersonInfo] = field(default_factory=list)
    title_kind: TitleKind = TitleKind.COOPERATIVE_OWNERSHIP
    since: date = date(2000, 1, 1)
    previous: PersonInfo | None = None
    cast: CastMember | None = None
    # First-building showcase: what its meters must show (see meters.Household) and how it pays.
    showcase: str | None = None
    habit: int | None = None


def estates_and_buildings(
    rng: random.Random, ids: Ids, premises: int, out: RowBuffer, *, first_rule: WindowRule
) -> list[Site]:
    """Estates and their buildings, enough of them for ``premises``; the first building reads by ``first_rule``."""
    sizes = _building_sizes(rng, premises)
    postal_codes: dict[str, str] = {}
    next_number: dict[str, int] = {}
    sites: list[Site] = []
    estate_no = 0
    while len(sites) < len(sizes):
        estate_no += 1
        estate_id = ids.next("estates")
        base_name = names.ESTATES[(estate_no - 1) % len(names.ESTATES)]
        round_no = (estate_no - 1) // len(names.ESTATES)
        estate_name = base_name if round_no == 0 else f"{base_name} {_roman(round_no + 1)}"
        out.add("estates", (estate_id, f"OS-{estate_no:02d}", estate_name))
        streets = rng.sample(names.STREETS, rng.randint(1, 4))
        for number_in_estate in range(1, rng.randint(5, 15) + 1):
            position = len(sites)
            if position == len(sizes):
                break
            street = rng.choice(streets)
            if street not in postal_codes:
                postal_codes[street] = f"7{rng.randint(0, 1)}-{rng.randint(1, 899):03d}"
                next_number[street] = rng.randint(1, 9)
            house = next_number[street]
            next_number[street] = house + 2
            house_number = f"{house}{'A' if rng.random() < 0.08 else ''}"
            site = Site(
                index=position,
                id=ids.next("buildings"),
                estate_id=estate_id,
                code=f"{estate_no:02d}-{number_in_estate:03d}",
                street=street,
                house_number=house_number,
                postal_code=postal_codes[street],
                size=sizes[position],
                rule=first_rule if position == 0 else rule_for_building(position),
            )
            out.add("buildings", (
                site.id, estate_id, site.code, street, house_number, site.postal_code, names.CITY,
                fold(f"{street} {house_number}"),
            ))  # fmt: skip
            sites.append(site)
    return sites


def premises_of(rng: random.Random, site: Site, ids: Ids, out: RowBuffer) -> list[Unit]:
    """The building's premises: flats first, then shops, then garages (numbered G1, G2, …)."""
    size = site.size
    garages = rng.randint(3, 8) if size >= 12 and (site.index == 0 or rng.random() < 0.35) else 0
    shops = rng.randint(0, 2) if size >= 20 else 0
    kinds = [PremisesKind.FLAT] * (size - garages - shops) + [PremisesKind.COMMERCIAL] * shops
    kinds += [PremisesKind.GARAGE] * garages
    units = []
    counts = dict.fromkeys(PremisesKind, 0)
    for seq, kind in enumerate(kinds, start=1):
        counts[kind] += 1
        number = {PremisesKind.FLAT: "", PremisesKind.COMMERCIAL: "U", PremisesKind.GARAGE: "G"}[kind]
        number += str(counts[kind])
        occupants, vacant = 0, False
        if kind is PremisesKind.FLAT:
            area, occupants = _flat(rng)
            vacant = rng.random() < VACANT_SHARE
        elif kind is PremisesKind.COMMERCIAL:
            area = rng.uniform(40, 180)
        else:
            area = rng.uniform(14, 22)
        area = round(area, 2)
        premises_id = ids.next("premises")
        nrb = make_nrb(f"{BANK_SORT_CODE}1111{premises_id:012d}")
        out.add("premises", (
            premises_id, site.id, number, f"{site.code}-{seq:03d}", kind.value, round(area * 100), nrb,
        ))  # fmt: skip
        units.append(Unit(premises_id, kind, number, area, occupants, vacant))
    return units


def _building_sizes(rng: random.Random, premises: int) -> list[int]:
    """40–60 premises per building; whatever is left over makes the last (smaller) building."""
    sizes: list[int] = []
    remaining = premises
    while remaining > 0:
        size = min(rng.randint(40, 60), remaining)
        sizes.append(size)
        remaining -= size
    return sizes


def _flat(rng: random.Random) -> tuple[float, int]:
    draw = rng.random()
    for _rooms, share, low, high, fewest, most in _FLAT_TYPES:
        if draw < share:
            return rng.uniform(low, high), rng.randint(fewest, most)
        draw -= share
    return rng.uniform(36, 52), 2


def _roman(number: int) -> str:
    return ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")[number - 1] if number <= 10 else str(number)
