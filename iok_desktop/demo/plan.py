"""The deterministic plan of the demo cooperative: organisation first, then building by building.

Everything is drawn from ``random.Random`` instances seeded from the demo seed (the
layout and the staff from one each, every building from its own), so the same seed and day give
the same rows, ids included, on either database. Rows go into a ``RowBuffer`` that the caller
flushes to the database, so only a few buildings are ever held in memory.

Where things are decided: ``layout`` (estates, buildings, premises), ``cast`` (the demo residents),
``meters``, ``sessions`` (when meters are read), ``readings`` and ``review`` (reading rows and their
review context), ``ledger``; this module holds them together and adds holders, titles and accounts.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from iok_desktop.demo import names, texts
from iok_desktop.demo.cast import DILIGENCE, CastPlanner
from iok_desktop.demo.credentials import Logins, demo_password, hashed, unusable_hash
from iok_desktop.demo.layout import BANK_SORT_CODE, Site, Unit, estates_and_buildings, premises_of
from iok_desktop.demo.ledger import LedgerWriter, monthly_charge, pick_habit
from iok_desktop.demo.meters import PLAIN, BuildingTraits, Household, MeterPlanner, building_traits
from iok_desktop.demo.params import DemoParams
from iok_desktop.demo.people import People
from iok_desktop.demo.readings import ReadingHistory
from iok_desktop.demo.review import GapWindows
from iok_desktop.demo.rows import Ids, RowBuffer
from iok_desktop.demo.sessions import Reader, SessionPlanner, draw_diligence
from iok_desktop.demo.timeline import Timeline
from iok_desktop.demo.windows import DEFAULT_WINDOW, open_window, showcase_rule
from iok_desktop.domain.bank_account import make_nrb
from iok_desktop.domain.enums import AccountStatus, MeterKind, PremisesKind, StaffRole, TitleKind
from iok_desktop.domain.readings import Window, WindowRule

HOUR = 3600
ANOMALY_MULTIPLE = Decimal("3.00")
# The resident portal went live this long before "today" (or at the start of a shorter history).
IOK_AGE_DAYS = 6 * 365
ACCOUNT_SHARE = 0.35
COUPLE_SHARE = 0.25
OWNER_CHANGE_SHARE = 0.12
GARAGE_OF_NEIGHBOUR_SHARE = 0.55

_FLAT_TITLES = (
    (TitleKind.COOPERATIVE_OWNERSHIP, 0.45),
    (TitleKind.SEPARATE_OWNERSHIP, 0.40),
    (TitleKind.TENANCY_RIGHT, 0.12),
    (TitleKind.LEASE, 0.03),
)


@dataclass(frozen=True)
class CooperativeProfile:
    name: str = "Spółdzielnia Mieszkaniowa „Bałtyk”"
    address: str = "ul. Zgoda 8, 70-001 Szczecin"
    bank_account: str = make_nrb(BANK_SORT_CODE + "0000000012345678")
    iok_url: str = "https://iok.smbaltyk.pl"
    anomaly_multiple: Decimal = ANOMALY_MULTIPLE
    throttle_after_failures: int = 5
    lockout_after_failures: int = 10
    lockout_minutes: int = 15
    kiosk_idle_seconds: int = 60


COOPERATIVE = CooperativeProfile()


@dataclass(frozen=True)
class Credential:
    """A login the command prints: staff or a demo resident."""

    login: str
    password: str
    full_name: str
    role: str
    addresses: tuple[str, ...] = ()
    must_change_password: bool = False
    description: str = ""


class DemoPlan:
    def __init__(
        self,
        params: DemoParams,
        ids: Ids,
        *,
        staff_logins: set[str],
        resident_logins: set[str],
        insert_cooperative: bool = True,
        insert_default_window: bool = True,
    ) -> None:
        self.params = params
        self.ids = ids
        self.tl = Timeline(params.today, params.years)
        self.staff_logins = Logins(staff_logins)
        self.insert_cooperative = insert_cooperative
        self.insert_default_window = insert_default_window
        self.people = People(ids)
        self.meters = MeterPlanner(self.tl, ids)
        self.launch_index = max(0, self.tl.today_index - IOK_AGE_DAYS)
        self.cast = CastPlanner(self.tl, ids, self.people, Logins(resident_logins), self.launch_index)
        self.showcase = self.cast.showcase
        self.resident_logins = self.cast.logins
        self.staff: list[Credential] = []
        self.admin_id = 0
        self.clerk_ids: list[int] = []
        self.sites: list[Site] = []
        # The demo residents' building reads by this rule; its window is open today.
        self.showcase_rule = showcase_rule(params.today)
        self.showcase_window: Window = open_window(self.showcase_rule, params.today)
        self._windows: dict[WindowRule, list[Window]] = {}
        self._gaps: dict[WindowRule, GapWindows] = {}
        self._layout_rng = self._rng("layout")

    def _rng(self, *parts: object) -> random.Random:
        # String seeds are hashed with SHA-512: stable across runs and Python processes.
        return random.Random(":".join(str(p) for p in (self.params.seed, *parts)))

    # --- organisation -------------------------------------------------------------------------

    def organisation(self, out: RowBuffer) -> None:
        """The cooperative, the staff, estates, buildings and reading windows."""
        if self.insert_cooperative:
            c = COOPERATIVE
            out.add("cooperative", (
                1, c.name, c.address, c.bank_account, c.iok_url, int(c.anomaly_multiple * 100),
                c.throttle_after_failures, c.lockout_after_failures, c.lockout_minutes, c.kiosk_idle_seconds,
                None, 1,
            ))  # fmt: skip
        self._staff(out)
        self.sites = estates_and_buildings(
            self._layout_rng, self.ids, self.params.premises, out, first_rule=self.showcase_rule
        )
        if self.insert_default_window:
            rule = DEFAULT_WINDOW
            out.add("reading_windows", (self.ids.next("reading_windows"), None, rule.frequency.value,
                                        rule.days_before, rule.days_after))  # fmt: skip
        for site in self.sites:
            if site.rule != DEFAULT_WINDOW:
                rule = site.rule
                out.add("reading_windows", (self.ids.next("reading_windows"), site.id, rule.frequency.value,
                                            rule.days_before, rule.days_after))  # fmt: skip

    def _staff(self, out: RowBuffer) -> None:
        rng = self._rng("staff")
        tl = self.tl
        for position, (wanted, first, last) in enumerate(names.STAFF):
            login = self.staff_logins.reserve(wanted)
            password = demo_password(rng, login)
            role = StaffRole.ADMIN if position == 0 else StaffRole.CLERK
            staff_id = self.ids.next("staff_users")
            created = tl.at(tl.start - timedelta(days=rng.randint(30, 400)), 9 * HOUR)
            last_login = tl.moment(tl.today_index - 1, 15 * HOUR + rng.randrange(HOUR))
            out.add("staff_users", (
                staff_id, login, f"{first} {last}", role.value, hashed(password), False, 0, None, None, True,
                created, last_login, 1,
            ))  # fmt: skip
            if role is StaffRole.ADMIN:
                self.admin_id = staff_id
            else:
                self.clerk_ids.append(staff_id)
            self.staff.append(Credential(login, password, f"{first} {last}", role.label))

    def windows(self, rule: WindowRule) -> list[Window]:
        if rule not in self._windows:
            self._windows[rule] = self.tl.windows(rule)
        return self._windows[rule]

    def gaps(self, rule: WindowRule) -> GapWindows:
        if rule not in self._gaps:
            self._gaps[rule] = GapWindows(self.tl, rule)
        return self._gaps[rule]

    # --- one building ---------------------------------------------------------------------------

    def building(self, index: int, out: RowBuffer) -> None:
        """Premises, holders, accounts, meters, readings and ledgers of one building."""
        site = self.sites[index]
        rng = self._rng("building", index)
        traits = building_traits(rng)
        units = premises_of(rng, site, self.ids, out)
        flats = [u for u in units if u.kind is PremisesKind.FLAT]
        for unit in flats:
            self._flat_holders(rng, unit)
        if index == 0:
            if len(flats) >= 3 and all(f.previous is None for f in flats):
                # The showcase needs a previous owner (a refused application); make the last flat sold.
                self._sold(rng, flats[-1])
            self.cast.choose(rng, site, flats)
        for unit in units:
            if unit.kind is PremisesKind.GARAGE:
                self._garage_holder(rng, unit, flats)
            elif unit.kind is PremisesKind.COMMERCIAL:
                unit.holders = [self.people.person(rng, contact_share=0.8)]
                unit.title_kind = TitleKind.LEASE
                unit.since = self.tl.day(rng.randint(0, self.tl.today_index - 1))
        if index == 0:
            self.cast.addresses(site, units)
        self._people_and_titles(rng, units, out)
        accounts = self._accounts(rng, units, out)
        if index == 0:
            self.cast.pick_applicants(units, accounts)
        self._meters_and_ledgers(rng, site, units, accounts, traits=traits, out=out)

    def _meters_and_ledgers(
        self,
        rng: random.Random,
        site: Site,
        units: list[Unit],
        accounts: dict[int, tuple[int, int]],
        *,
        traits: BuildingTraits,
        out: RowBuffer,
    ) -> None:
        sessions = SessionPlanner(self.tl, self.clerk_ids)
        history = ReadingHistory(self.tl, self.ids.counter("meter_readings"), ANOMALY_MULTIPLE, self.clerk_ids)
        ledger = LedgerWriter(self.tl, self.ids.counter("ledger_entries"), self.clerk_ids)
        windows = self.windows(site.rule)
        gaps = self.gaps(site.rule)
        first_building = site.index == 0
        readings_out = out.rows["meter_readings"]
        ledger_out = out.rows["ledger_entries"]
        for unit in units:
            # A demo resident's garage follows the resident's script (e.g. "has not submitted yet").
            member = self.cast.member_of(unit) if first_building else None
            role = member.role if member else None
            showcase = PLAIN if member else unit.showcase
            household = Household(unit.kind, unit.area_m2, unit.occupants, unit.vacant, showcase)
            plans = self.meters.plan(rng, unit.id, household, traits)
            for plan in plans:
                out.add("meters", plan.row)
            account = accounts.get(unit.holders[0].id)
            reader = Reader(
                diligence=DILIGENCE if role else draw_diligence(rng),
                remote=any(p.remote for p in plans),
                account_id=account[0] if account else None,
                account_since=max(account[1], self.tl.index(unit.since)) if account else 0,
                submits_now=role.submits_now if role else None,
            )
            unit_sessions = sessions.sessions(rng, windows, reader)
            cold = next((p.id for p in plans if p.kind is MeterKind.COLD_WATER), None)
            for plan in plans:
                history.rows(
                    rng, plan, unit_sessions, gaps, readings_out,
                    force_leak=bool(role and role.leak and plan.id == cold),
                    force_rejection=bool(role and role.rejected_once and plan.id == cold),
                    fitter_id=rng.choice(self.clerk_ids),
                )  # fmt: skip
            habit = role.habit if role else unit.habit
            if habit is None:
                habit = pick_habit(rng)
            charge = monthly_charge(rng, unit.kind, unit.area_m2, unit.occupants)
            ledger.rows(rng, unit.id, kind=unit.kind, charge_now=charge, habit=habit, out=ledger_out)

    # --- holders and titles -------------------------------------------------------------------

    def _flat_holders(self, rng: random.Random, unit: Unit) -> None:
        tl = self.tl
        first = self.people.person(rng)
        unit.holders = [first]
        if rng.random() < COUPLE_SHARE:
            unit.holders.append(self.people.spouse(rng, first))
        unit.title_kind = _weighted(rng, _FLAT_TITLES)
        unit.since = _date_between(rng, date(1975, 1, 1), tl.start - timedelta(days=1))
        if rng.random() < OWNER_CHANGE_SHARE:
            self._sold(rng, unit)

    def _sold(self, rng: random.Random, unit: Unit) -> None:
        """The flat was bought during the history: the seller's title ended the day before."""
        tl = self.tl
        if tl.today_index > 90:
            unit.since = tl.day(rng.randint(30, tl.today_index - 30))
            unit.previous = self.people.person(rng, contact_share=0.3)

    def _garage_holder(self, rng: random.Random, unit: Unit, flats: list[Unit]) -> None:
        unit.title_kind = TitleKind.COOPERATIVE_OWNERSHIP if rng.random() < 0.5 else TitleKind.SEPARATE_OWNERSHIP
        # The demo resident who wants a garage gets the first one (premises_ids holds only the flat until then).
        owner = next((f for f in flats if f.cast and f.cast.role.wants_garage and len(f.cast.premises_ids) == 1), None)
        if owner is not None and owner.cast is not None:
            unit.holders = [owner.holders[0]]
            unit.since = owner.since
            owner.cast.premises_ids.append(unit.id)
            return
        if flats and rng.random() < GARAGE_OF_NEIGHBOUR_SHARE:
            neighbour = rng.choice(flats)
            unit.holders = [neighbour.holders[0]]
            unit.since = max(neighbour.since, _date_between(rng, date(1985, 1, 1), self.tl.today - timedelta(days=60)))
        else:
            unit.holders = [self.people.person(rng, contact_share=0.7)]
            unit.since = _date_between(rng, date(1985, 1, 1), self.tl.today - timedelta(days=60))

    def _people_and_titles(self, rng: random.Random, units: list[Unit], out: RowBuffer) -> None:
        written: set[int] = set()
        for unit in units:
            for person in unit.holders:
                if person.id not in written:
                    written.add(person.id)
                    out.add("persons", person.row())
                out.add("legal_titles", (self.ids.next("legal_titles"), unit.id, person.id, unit.title_kind.value,
                                         unit.since, None))  # fmt: skip
            if unit.previous is not None:
                out.add("persons", unit.previous.row())
                bought = _date_between(rng, date(1975, 1, 1), unit.since - timedelta(days=365))
                out.add("legal_titles", (self.ids.next("legal_titles"), unit.id, unit.previous.id,
                                         unit.title_kind.value, bought, unit.since - timedelta(days=1)))  # fmt: skip

    # --- accounts -------------------------------------------------------------------------------

    def _accounts(self, rng: random.Random, units: list[Unit], out: RowBuffer) -> dict[int, tuple[int, int]]:
        """IOK accounts of this building's holders: person id → (account id, day index created)."""
        tl = self.tl
        logins = self.resident_logins
        accounts: dict[int, tuple[int, int]] = {}
        for unit in units:
            member = unit.cast
            holder = unit.holders[0]
            if member is not None:
                accounts[holder.id] = self.cast.account(rng, member, out)
            elif holder.id not in accounts and rng.random() < ACCOUNT_SHARE:
                created = rng.randint(self.launch_index, max(self.launch_index, tl.today_index - 30))
                account_id = self.ids.next("resident_accounts")
                locked = rng.random() < 0.01
                out.add("resident_accounts", (
                    account_id, holder.id, logins.propose(rng, holder.last_name), unusable_hash(),
                    False, 0, None, None,
                    (AccountStatus.LOCKED if locked else AccountStatus.ACTIVE).value,
                    texts.ACCOUNT_LOCKED_ON_REQUEST if locked else None,
                    tl.moment(created, rng.randrange(8 * HOUR, 20 * HOUR)),
                    tl.moment(min(created + 1, tl.today_index - 1), 19 * HOUR),
                    tl.moment(rng.randint(max(created, tl.today_index - 90), tl.today_index - 1), 20 * HOUR),
                    1,
                ))  # fmt: skip
                accounts[holder.id] = (account_id, created)
            previous = unit.previous
            ended = tl.index(unit.since)
            created = max(self.launch_index, ended - 400)
            if previous is not None and created < ended - 3 and rng.random() < 0.15:
                # The seller had an account; it was locked when the title ended.
                out.add("resident_accounts", (
                    self.ids.next("resident_accounts"), previous.id, logins.propose(rng, previous.last_name),
                    unusable_hash(), False, 0, None, None, AccountStatus.LOCKED.value, texts.ACCOUNT_LOCKED_NO_TITLE,
                    tl.moment(created, 10 * HOUR), None, tl.moment(ended - 3, 18 * HOUR), 1,
                ))  # fmt: skip
        return accounts


def _weighted(rng: random.Random, choices: tuple[tuple[TitleKind, float], ...]) -> TitleKind:
    draw = rng.random()
    for choice, share in choices:
        if draw < share:
            return choice
        draw -= share
    return choices[0][0]


def _date_between(rng: random.Random, first: date, last: date) -> date:
    if last <= first:
        return first
    return date.fromordinal(rng.randint(first.toordinal(), last.toordinal()))
