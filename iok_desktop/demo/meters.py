"""Which meters a premises has: kinds, serial numbers, legalisation dates, replacements, use rates.

Decisions (the brief left them open):

* Water meters show m³ with 3 decimal places (litres, the red drums); heat meters show GJ with 2;
  electricity sub-meters (garages, shops) kWh with 1. Values are kept in thousandths throughout, so
  a meter's quantum is ``10 ** (3 - decimal_places)`` thousandths.
* Water and heat meters are legalised for 5 years; a current meter's ``next_verification_on`` is
  the first 5-year anniversary of its installation that is more than 60 days away, except for a
  few meters that have already expired or expire within 60 days. Electricity sub-meters have none.
* A flat in a building with two risers (kitchen and bathroom) has two cold and two hot water
  meters; heat meters are fitted building-wide, in about 60 % of the buildings.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from iok_desktop.demo.rows import Ids, Row
from iok_desktop.demo.timeline import Timeline, add_years
from iok_desktop.domain.enums import MeterKind, PremisesKind

LEGALISATION_YEARS = 5
EXPIRED_SHARE = 0.015
EXPIRING_SHARE = 0.025
EXPIRING_WITHIN_DAYS = 60
REPLACED_SHARE = 0.04
REMOTE_SHARE = 0.02

_UNITS = {MeterKind.COLD_WATER: "m³", MeterKind.HOT_WATER: "m³", MeterKind.HEAT: "GJ", MeterKind.ELECTRICITY: "kWh"}
_DECIMAL_PLACES = {MeterKind.COLD_WATER: 3, MeterKind.HOT_WATER: 3, MeterKind.HEAT: 2, MeterKind.ELECTRICITY: 1}
# Thousandths per last shown digit: values are kept in thousandths whatever the meter shows.
_QUANTUM: dict[MeterKind, int] = {kind: 10 ** (3 - places) for kind, places in _DECIMAL_PLACES.items()}
_MAKERS = {
    MeterKind.COLD_WATER: ("APA", "SEN", "ITR", "DIE"),
    MeterKind.HOT_WATER: ("APA", "SEN", "ITR", "DIE"),
    MeterKind.HEAT: ("KAM", "TEC", "ULT"),
    MeterKind.ELECTRICITY: ("LG", "PAF"),
}
# Days per month, for turning "m³ per person per month" into a daily rate.
_DAYS_PER_MONTH = 30.44


@dataclass(frozen=True)
class BuildingTraits:
    two_risers: bool
    heat_meters: bool
    # The usual make of water meter in the building (replacements are done building by building).
    water_maker: str


@dataclass(frozen=True)
class Household:
    """What drives a premises' use: its kind, floor area and how many people live there."""

    kind: PremisesKind
    area_m2: float
    occupants: int
    vacant: bool = False
    # None: chance decides. PLAIN: nothing unusual (the demo residents' meters). Otherwise the
    # first-building showcase: one premises each with a replaced, a lapsed, a soon-expiring water
    # meter and radio-read meters, so even a tiny demo has them.
    showcase: str | None = None


PLAIN, REPLACED, EXPIRED, EXPIRING, REMOTE = "plain", "replaced", "expired", "expiring", "remote"


@dataclass(frozen=True)
class Position:
    """Where a meter is fitted and what flows through it (kept when the meter is replaced)."""

    premises_id: int
    kind: MeterKind
    rate: float  # thousandths of a unit per weighted day of use
    maker: str | None
    remote: bool


@dataclass(slots=True)
class MeterPlan:
    """One meter and what its reading history needs; ``row`` is what goes into ``meters``."""

    id: int
    kind: MeterKind
    unit: str
    decimal_places: int
    quantum: int  # thousandths per last shown digit
    rate: float  # thousandths of a unit per weighted day of use
    first_index: int  # day index of the value below (installation, or the history's first day)
    start_value: int  # thousandths, on ``first_index``
    last_index: int  # no readings after this day (replacement, lapsed legalisation)
    replaced_on: int | None  # day index of the final reading of a replaced meter
    remote: bool
    installed_on: date
    installed_index: int  # day index of ``installed_on`` (negative: before the history)
    initial_value: int  # thousandths, on ``installed_on``
    replaces: int | None  # the meter this one replaced (it starts with an initial reading)
    row: Row


class Serials:
    """Serial numbers unique per kind: maker, year of manufacture, running number."""

    def __init__(self) -> None:
        self._next = dict.fromkeys(_MAKERS, 1)

    def next(self, kind: MeterKind, maker: str, year: int) -> str:
        number = self._next[kind]
        self._next[kind] = number + 1
        return f"{maker}-{year % 100:02d}-{number:07d}"


def building_traits(rng: random.Random) -> BuildingTraits:
    return BuildingTraits(
        two_risers=rng.random() < 0.65,
        heat_meters=rng.random() < 0.6,
        water_maker=rng.choice(_MAKERS[MeterKind.COLD_WATER]),
    )


class MeterPlanner:
    def __init__(self, timeline: Timeline, ids: Ids) -> None:
        self.timeline = timeline
        self.ids = ids
        self.serials = Serials()

    def plan(
        self, rng: random.Random, premises_id: int, household: Household, traits: BuildingTraits
    ) -> list[MeterPlan]:
        """The premises' meters in insert order (a replaced meter before the one replacing it)."""
        rates = self._rates(rng, household, traits)
        showcase = household.showcase
        chance = showcase is None
        remote = showcase == REMOTE or (chance and rng.random() < REMOTE_SHARE)
        water = [i for i, (kind, _) in enumerate(rates) if kind in (MeterKind.COLD_WATER, MeterKind.HOT_WATER)]
        replaced = None
        if water and (showcase == REPLACED or (chance and rng.random() < REPLACED_SHARE)):
            replaced = water[0] if showcase else rng.choice(water)
        plans: list[MeterPlan] = []
        for number, (kind, rate) in enumerate(rates):
            maker = traits.water_maker if kind in (MeterKind.COLD_WATER, MeterKind.HOT_WATER) else None
            position = Position(premises_id, kind, rate, maker, remote)
            if number == replaced:
                plans.extend(self._replaced_pair(rng, position))
            else:
                # The showcase's lapsed or expiring legalisation is the first water meter's.
                legalisation = showcase if number == (water[0] if water else None) else (None if chance else PLAIN)
                plans.append(self._current(rng, position, legalisation))
        return plans

    # --- use rates ------------------------------------------------------------------------------

    def _rates(self, rng: random.Random, household: Household, traits: BuildingTraits) -> list[tuple[MeterKind, float]]:
        """(kind, thousandths of a unit per weighted day) of every meter position of the premises."""
        if household.kind is PremisesKind.GARAGE:
            # Every garage has a sub-meter for its socket and light, billed by the cooperative.
            return [(MeterKind.ELECTRICITY, rng.uniform(150, 600) * 1000 / 365)]
        if household.kind is PremisesKind.COMMERCIAL:
            rates = [(MeterKind.COLD_WATER, rng.uniform(3, 15) * 1000 / _DAYS_PER_MONTH)]
            if traits.heat_meters:
                rates.append((MeterKind.HEAT, household.area_m2 * rng.uniform(0.3, 0.5) * 1000 / 365))
            rates.append((MeterKind.ELECTRICITY, rng.uniform(3000, 15000) * 1000 / 365))
            return rates
        # A flat: 2–4 m³ of cold water per person per month, hot water about 40 % of that.
        cold = household.occupants * rng.uniform(2.0, 4.0) * 1000 / _DAYS_PER_MONTH
        if household.vacant:
            cold *= 0.03
        hot = cold * rng.uniform(0.32, 0.48)
        if traits.two_risers:
            kitchen = rng.uniform(0.3, 0.4)
            rates = [
                (MeterKind.COLD_WATER, cold * kitchen),
                (MeterKind.COLD_WATER, cold * (1 - kitchen)),
                (MeterKind.HOT_WATER, hot * kitchen),
                (MeterKind.HOT_WATER, hot * (1 - kitchen)),
            ]
        else:
            rates = [(MeterKind.COLD_WATER, cold), (MeterKind.HOT_WATER, hot)]
        if traits.heat_meters:
            # 0.25–0.45 GJ per m² per year; a vacant flat is still heated a little.
            rates.append((MeterKind.HEAT, household.area_m2 * rng.uniform(0.25, 0.45) * 1000 / 365))
        return rates

    # --- meters ---------------------------------------------------------------------------------

    def _current(self, rng: random.Random, position: Position, legalisation: str | None) -> MeterPlan:
        """A meter in place since before the history began and still in use.

        ``legalisation``: None = chance, EXPIRED / EXPIRING = that, anything else = valid.
        """
        tl = self.timeline
        kind = position.kind
        days_before_history = rng.randint(60, 1800)
        installed_on = tl.start - timedelta(days=days_before_history)
        initial = self._initial_value(rng, kind)
        # What it showed on the history's first day (a year weighs 365 weighted days).
        start_value = self._quantise(initial + position.rate * days_before_history, kind)
        next_verification = None
        last_index = len(tl.days) - 1
        if kind is not MeterKind.ELECTRICITY:
            draw = {None: rng.random(), EXPIRED: 0.0, EXPIRING: EXPIRED_SHARE}.get(legalisation, 1.0)
            if draw < EXPIRED_SHARE:
                # Lapsed: the office bills a flat rate and residents can no longer submit readings.
                lapsed = max(tl.today_index - rng.randint(1, 300), 30)
                next_verification = tl.day(min(lapsed, tl.today_index - 1))
                last_index = tl.index(next_verification)
            elif draw < EXPIRED_SHARE + EXPIRING_SHARE:
                next_verification = tl.today + timedelta(days=rng.randint(1, EXPIRING_WITHIN_DAYS))
            else:
                years = LEGALISATION_YEARS
                horizon = tl.today + timedelta(days=EXPIRING_WITHIN_DAYS)
                while (next_verification := add_years(installed_on, years)) <= horizon:
                    years += LEGALISATION_YEARS
        return self._plan(
            rng, position, installed_on=installed_on, initial=initial, first_index=0, start_value=start_value,
            last_index=last_index, next_verification=next_verification,
        )  # fmt: skip

    def _replaced_pair(self, rng: random.Random, position: Position) -> list[MeterPlan]:
        """A meter replaced during the history (legalisation ran out) and the meter that replaced it."""
        tl = self.timeline
        # Late enough that the new meter's own 5-year legalisation still runs today.
        earliest = max(60, tl.today_index - 4 * 365)
        latest = tl.today_index - 20
        if earliest >= latest:
            return [self._current(rng, position, PLAIN)]
        swap = rng.randint(earliest, latest)
        swap_day = tl.day(swap)
        old_installed = add_years(swap_day, -LEGALISATION_YEARS) + timedelta(days=rng.randint(5, 90))
        old_initial = self._initial_value(rng, position.kind)
        days_before_history = (tl.start - old_installed).days
        old_start = self._quantise(old_initial + position.rate * max(days_before_history, 0), position.kind)
        old_first = max(0, tl.index(old_installed))
        old = self._plan(
            rng, position, installed_on=old_installed, initial=old_initial, first_index=old_first,
            start_value=old_start, last_index=swap - 1, next_verification=add_years(old_installed, LEGALISATION_YEARS),
            archived_on=swap_day, replaced_on=swap,
        )  # fmt: skip
        new_initial = self._initial_value(rng, position.kind)
        new = self._plan(
            rng, position, installed_on=swap_day, initial=new_initial, first_index=swap, start_value=new_initial,
            last_index=len(tl.days) - 1, next_verification=add_years(swap_day, LEGALISATION_YEARS),
            replaces=old.id,
        )  # fmt: skip
        return [old, new]

    def _plan(
        self,
        rng: random.Random,
        position: Position,
        *,
        installed_on: date,
        initial: int,
        first_index: int,
        start_value: int,
        last_index: int,
        next_verification: date | None,
        archived_on: date | None = None,
        replaced_on: int | None = None,
        replaces: int | None = None,
    ) -> MeterPlan:
        meter_id = self.ids.next("meters")
        kind = position.kind
        places = _DECIMAL_PLACES[kind]
        # The serial's year is the year of manufacture, taken to be the year of installation.
        serial = self.serials.next(kind, position.maker or rng.choice(_MAKERS[kind]), installed_on.year)
        row: Row = (
            meter_id, position.premises_id, kind.value, serial, _UNITS[kind], places, installed_on,
            next_verification, archived_on, initial, position.remote, replaces,
        )  # fmt: skip
        return MeterPlan(
            id=meter_id,
            kind=kind,
            unit=_UNITS[kind],
            decimal_places=places,
            quantum=_QUANTUM[kind],
            rate=position.rate,
            first_index=first_index,
            start_value=start_value,
            last_index=last_index,
            replaced_on=replaced_on,
            remote=position.remote,
            installed_on=installed_on,
            installed_index=self.timeline.index(installed_on),
            initial_value=initial,
            replaces=replaces,
            row=row,
        )

    @staticmethod
    def _initial_value(rng: random.Random, kind: MeterKind) -> int:
        # New water meters leave the factory with a few litres of test water on the drums.
        if kind in (MeterKind.COLD_WATER, MeterKind.HOT_WATER):
            return rng.randint(0, 12)
        return 0

    @staticmethod
    def _quantise(thousandths: float, kind: MeterKind) -> int:
        quantum = _QUANTUM[kind]
        return int(thousandths / quantum + 0.5) * quantum
