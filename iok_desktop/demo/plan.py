"""The deterministic plan of the demo cooperative: organisation first, then building by building.

Everything is drawn from ``random.Random`` instances seeded from the demo seed (the
layout and the staff from one each, every building from its own), so the same seed and day give
the same rows, ids included, on either database. Rows go into a ``RowBuffer`` that the caller
flushes to the database, so only a few buildings are ever held in memory.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from iok_desktop.demo import names, texts
from iok_desktop.demo.cast import ROLES, CastMember, Role
from iok_desktop.demo.credentials import Logins, demo_password, hashed, unusable_hash
from iok_desktop.demo.ledger import LATE, ROUNDS_UP, LedgerWriter, monthly_charge, pick_habit
from iok_desktop.demo.meters import (
    EXPIRED,
    EXPIRING,
    PLAIN,
    REMOTE,
    REPLACED,
    Household,
    MeterPlanner,
    building_traits,
)
from iok_desktop.demo.params import DemoParams
from iok_desktop.demo.people import People, PersonInfo
from iok_desktop.demo.readings import Reader, ReadingHistory, SessionPlanner
from iok_desktop.demo.rows import Ids, RowBuffer
from iok_desktop.demo.timeline import Timeline
from iok_desktop.domain.bank_account import make_nrb
from iok_desktop.domain.enums import AccountStatus, MeterKind, PremisesKind, StaffRole, TitleKind, WindowFrequency
from iok_desktop.domain.readings import Window, WindowRule
from iok_desktop.domain.text import fold

HOUR = 3600
ANOMALY_MULTIPLE = Decimal("3.00")
DEFAULT_WINDOW = WindowRule(WindowFrequency.MONTHLY, days_before=10, days_after=10)
QUARTERLY_WINDOW = WindowRule(WindowFrequency.QUARTERLY, days_before=14, days_after=14)
# Buildings (by position) that read quarterly instead of monthly, when there are that many.
QUARTERLY_BUILDINGS = (2, 7)
# The bank and branch of the cooperative's accounts; the rest of each NRB is the account number.
BANK_SORT_CODE = "10205558"
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
# (rooms, share of flats, area range m², occupants range)
_FLAT_TYPES = ((1, 0.15, 24, 36, 1, 2), (2, 0.40, 36, 52, 1, 3), (3, 0.35, 48, 66, 2, 4), (4, 0.10, 60, 82, 2, 5))


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


@dataclass(frozen=True)
class Site:
    """Where a building stands and how it is coded."""

    index: int
    id: int
    estate_id: int
    code: str
    street: str
    house_number: str
    postal_code: str
    size: int
    rule: WindowRule

    def address(self, kind: PremisesKind, number: str) -> str:
        street = f"ul. {self.street} {self.house_number}"
        town = f"{self.postal_code} {names.CITY}"
        if kind is PremisesKind.FLAT:
            return f"{street} m. {number}, {town}"
        if kind is PremisesKind.GARAGE:
            return f"garaż {number}, {street}, {town}"
        return f"{street} lok. {number}, {town}"


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


@dataclass
class Showcase:
    """What the office-life rows (announcements, applications, contact changes) refer to."""

    site: Site | None = None
    cast: list[CastMember] = field(default_factory=list)
    # A holder without an account (a pending application) and a previous owner (a refused one).
    applicant: tuple[PersonInfo, int] | None = None
    former_owner: tuple[PersonInfo, int] | None = None


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
        self.resident_logins = Logins(resident_logins)
        self.insert_cooperative = insert_cooperative
        self.insert_default_window = insert_default_window
        self.people = People(ids)
        self.meters = MeterPlanner(self.tl, ids)
        self.showcase = Showcase()
        self.staff: list[Credential] = []
        self.admin_id = 0
        self.clerk_ids: list[int] = []
        self.sites: list[Site] = []
        self._windows: dict[WindowRule, list[Window]] = {}
        self._layout_rng = self._rng("layout")
        self.launch_index = max(0, self.tl.today_index - IOK_AGE_DAYS)

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
        self._estates_and_buildings(out)
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

    def _estates_and_buildings(self, out: RowBuffer) -> None:
        rng = self._layout_rng
        sizes = _building_sizes(rng, self.params.premises)
        postal_codes: dict[str, str] = {}
        next_number: dict[str, int] = {}
        position = 0
        estate_no = 0
        while position < len(sizes):
            estate_no += 1
            estate_id = self.ids.next("estates")
            base_name = names.ESTATES[(estate_no - 1) % len(names.ESTATES)]
            round_no = (estate_no - 1) // len(names.ESTATES)
            estate_name = base_name if round_no == 0 else f"{base_name} {_roman(round_no + 1)}"
            out.add("estates", (estate_id, f"OS-{estate_no:02d}", estate_name))
            streets = rng.sample(names.STREETS, rng.randint(1, 4))
            for number_in_estate in range(1, rng.randint(5, 15) + 1):
                if position == len(sizes):
                    break
                street = rng.choice(streets)
                if street not in postal_codes:
                    postal_codes[street] = f"7{rng.randint(0, 1)}-{rng.randint(1, 899):03d}"
                    next_number[street] = rng.randint(1, 9)
                house = next_number[street]
                next_number[street] = house + 2
                house_number = f"{house}{'A' if rng.random() < 0.08 else ''}"
                rule = QUARTERLY_WINDOW if position in QUARTERLY_BUILDINGS else DEFAULT_WINDOW
                site = Site(
                    index=position,
                    id=self.ids.next("buildings"),
                    estate_id=estate_id,
                    code=f"{estate_no:02d}-{number_in_estate:03d}",
                    street=street,
                    house_number=house_number,
                    postal_code=postal_codes[street],
                    size=sizes[position],
                    rule=rule,
                )
                out.add("buildings", (
                    site.id, estate_id, site.code, street, house_number, site.postal_code, names.CITY,
                    fold(f"{street} {house_number}"),
                ))  # fmt: skip
                self.sites.append(site)
                position += 1

    def windows(self, rule: WindowRule) -> list[Window]:
        if rule not in self._windows:
            self._windows[rule] = self.tl.windows(rule)
        return self._windows[rule]

    # --- one building ---------------------------------------------------------------------------

    def building(self, index: int, out: RowBuffer) -> None:
        """Premises, holders, accounts, meters, readings and ledgers of one building."""
        site = self.sites[index]
        rng = self._rng("building", index)
        traits = building_traits(rng)
        units = self._premises(rng, site, out)
        flats = [u for u in units if u.kind is PremisesKind.FLAT]
        for unit in flats:
            self._flat_holders(rng, unit)
        if index == 0:
            if len(flats) >= 3 and all(f.previous is None for f in flats):
                # The showcase needs a previous owner (a refused application); make the last flat sold.
                self._sold(rng, flats[-1])
            self._choose_cast(rng, site, flats)
            self._choose_showcase(flats)
        for unit in units:
            if unit.kind is PremisesKind.GARAGE:
                self._garage_holder(rng, unit, flats)
            elif unit.kind is PremisesKind.COMMERCIAL:
                unit.holders = [self.people.person(rng, contact_share=0.8)]
                unit.title_kind = TitleKind.LEASE
                unit.since = self.tl.day(rng.randint(0, self.tl.today_index - 1))
        if index == 0:
            self._cast_addresses(site, units)
        self._people_and_titles(rng, units, out)
        accounts = self._accounts(rng, units, out)
        if index == 0:
            self._pick_applicants(units, accounts)

        sessions = SessionPlanner(self.tl, self.clerk_ids)
        history = ReadingHistory(self.tl, self.ids.counter("meter_readings"), ANOMALY_MULTIPLE, self.clerk_ids)
        ledger = LedgerWriter(self.tl, self.ids.counter("ledger_entries"), self.clerk_ids)
        windows = self.windows(site.rule)
        quarterly = site.rule.frequency is not WindowFrequency.MONTHLY
        cast_by_person = {m.person.id: m for m in self.showcase.cast} if index == 0 else {}
        readings_out = out.rows["meter_readings"]
        ledger_out = out.rows["ledger_entries"]
        for unit in units:
            # A demo resident's garage follows the resident's script (e.g. "has not submitted yet").
            member = unit.cast or cast_by_person.get(unit.holders[0].id)
            role = member.role if member else None
            showcase = PLAIN if member else unit.showcase
            household = Household(unit.kind, unit.area_m2, unit.occupants, unit.vacant, showcase)
            plans = self.meters.plan(rng, unit.id, household, traits)
            for plan in plans:
                out.add("meters", plan.row)
            account = accounts.get(unit.holders[0].id)
            reader = Reader(
                diligence=0.7 if role else (rng.uniform(0.75, 0.95) if quarterly else rng.uniform(0.2, 0.47)),
                remote=any(p.remote for p in plans),
                account_id=account[0] if account else None,
                account_since=max(account[1], self.tl.index(unit.since)) if account else 0,
                submits_now=role.submits_now if role else None,
            )
            unit_sessions = sessions.sessions(rng, windows, reader)
            cold = next((p.id for p in plans if p.kind is MeterKind.COLD_WATER), None)
            for plan in plans:
                history.rows(
                    rng, plan, unit_sessions, readings_out,
                    force_leak=bool(role and role.leak and plan.id == cold),
                    force_rejection=bool(role and role.rejected_once and plan.id == cold),
                    fitter_id=rng.choice(self.clerk_ids),
                )  # fmt: skip
            habit = role.habit if role else unit.habit
            if habit is None:
                habit = pick_habit(rng)
            charge = monthly_charge(rng, unit.kind, unit.area_m2, unit.occupants)
            ledger.rows(rng, unit.id, kind=unit.kind, charge_now=charge, habit=habit, out=ledger_out)

    def _premises(self, rng: random.Random, site: Site, out: RowBuffer) -> list[Unit]:
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
                vacant = rng.random() < 0.03
            elif kind is PremisesKind.COMMERCIAL:
                area = rng.uniform(40, 180)
            else:
                area = rng.uniform(14, 22)
            area = round(area, 2)
            premises_id = self.ids.next("premises")
            nrb = make_nrb(f"{BANK_SORT_CODE}1111{premises_id:012d}")
            out.add("premises", (
                premises_id, site.id, number, f"{site.code}-{seq:03d}", kind.value, round(area * 100), nrb,
            ))  # fmt: skip
            units.append(Unit(premises_id, kind, number, area, occupants, vacant))
        return units

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
        accounts: dict[int, tuple[int, int]] = {}
        for unit in units:
            member = unit.cast
            holder = unit.holders[0]
            if member is not None:
                accounts[holder.id] = self._cast_account(rng, member, out)
            elif holder.id not in accounts and rng.random() < ACCOUNT_SHARE:
                created = rng.randint(self.launch_index, max(self.launch_index, tl.today_index - 30))
                account_id = self.ids.next("resident_accounts")
                locked = rng.random() < 0.01
                out.add("resident_accounts", (
                    account_id, holder.id, self.resident_logins.propose(rng, holder.last_name), unusable_hash(),
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
                    self.ids.next("resident_accounts"), previous.id,
                    self.resident_logins.propose(rng, previous.last_name), unusable_hash(), False, 0, None, None,
                    AccountStatus.LOCKED.value, texts.ACCOUNT_LOCKED_NO_TITLE,
                    tl.moment(created, 10 * HOUR), None, tl.moment(ended - 3, 18 * HOUR), 1,
                ))  # fmt: skip
        return accounts

    def _cast_account(self, rng: random.Random, member: CastMember, out: RowBuffer) -> tuple[int, int]:
        """A demo resident's account, with a known password (printed at the end)."""
        tl = self.tl
        member.account_id = self.ids.next("resident_accounts")
        member.login = self.resident_logins.propose(rng, member.person.last_name)
        member.password = demo_password(rng, member.login)
        new = member.role.new_account
        created = (
            tl.today_index - 1 if new else rng.randint(self.launch_index, max(self.launch_index, tl.today_index - 200))
        )
        member.created_index = created
        out.add("resident_accounts", (
            member.account_id, member.person.id, member.login, hashed(member.password), new, 0, None, None,
            AccountStatus.ACTIVE.value, None, tl.moment(created, 11 * HOUR),
            None if new else tl.moment(created + 1, 18 * HOUR),
            None if new else tl.moment(tl.today_index - 1, 19 * HOUR), 1,
        ))  # fmt: skip
        return member.account_id, created

    def _pick_applicants(self, units: list[Unit], accounts: dict[int, tuple[int, int]]) -> None:
        for unit in units:
            if unit.kind is PremisesKind.FLAT and unit.cast is None:
                if self.showcase.applicant is None and unit.holders[0].id not in accounts:
                    self.showcase.applicant = (unit.holders[0], unit.id)
                if self.showcase.former_owner is None and unit.previous is not None:
                    self.showcase.former_owner = (unit.previous, unit.id)

    # --- the demo residents -------------------------------------------------------------------

    def _choose_cast(self, rng: random.Random, site: Site, flats: list[Unit]) -> None:
        self.showcase.site = site
        free = [f for f in flats if f.previous is None] + [f for f in flats if f.previous is not None]
        for role in ROLES:
            unit = _pick_flat(free, role)
            if unit is None:
                break
            free.remove(unit)
            if role.couple and len(unit.holders) < 2:
                unit.holders.append(self.people.spouse(rng, unit.holders[0]))
            if not role.couple:
                del unit.holders[1:]
            person = unit.holders[0]
            # Demo residents can be reached: they all have a mobile and an e-mail.
            person.mobile = person.mobile or self.people.mobile(rng)
            person.email = person.email or self.people.email(rng, person.first_name, person.last_name)
            member = CastMember(
                role, person, unit.id, premises_ids=[unit.id], addresses=[site.address(unit.kind, unit.number)]
            )
            unit.cast = member
            self.showcase.cast.append(member)
        self._contact_history(rng)

    def _cast_addresses(self, site: Site, units: list[Unit]) -> None:
        """Every premises a demo resident holds (a neighbour's garage may have gone to one, too)."""
        for member in self.showcase.cast:
            held = [u for u in units if any(h.id == member.person.id for h in u.holders)]
            member.premises_ids = [u.id for u in held]
            member.addresses = [site.address(u.kind, u.number) for u in held]

    @staticmethod
    def _choose_showcase(flats: list[Unit]) -> None:
        """Make sure even a tiny demo has the unusual cases, on the first flats nobody logs in to."""
        others = [f for f in flats if f.cast is None]
        for unit, showcase in zip(others, (REPLACED, EXPIRED, EXPIRING, REMOTE), strict=False):
            unit.showcase = showcase
        for unit, habit in zip(others[4:], (ROUNDS_UP, LATE), strict=False):
            unit.habit = habit

    def _contact_history(self, rng: random.Random) -> None:
        """Recent changes the first demo residents made themselves (old values for contact_changes)."""
        cast = self.showcase.cast
        if len(cast) > 0:
            person = cast[0].person
            cast[0].changed.append(("email", self.people.email(rng, person.first_name, person.last_name)))
        if len(cast) > 1:
            cast[1].changed.append(("mobile", self.people.mobile(rng)))
        if len(cast) > 2:
            person = cast[2].person
            cast[2].changed.append(("landline", person.landline or self.people.landline(rng)))
            person.landline = None


def _pick_flat(free: list[Unit], role: Role) -> Unit | None:
    for unit in free:
        if (len(unit.holders) >= 2) == role.couple:
            return unit
    return free[0] if free else None


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


def _roman(number: int) -> str:
    return ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")[number - 1] if number <= 10 else str(number)
