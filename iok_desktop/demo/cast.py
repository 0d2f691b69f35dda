"""The demo residents: up to five IOK accounts with known passwords, each showing something.

They live in the first building, whose reading window is open on the demo's "today" (see
``windows.showcase_rule``), and their meters are kept plain (no lapsed legalisation, no replacement,
no radio reading) and read in every window, so that what each one is meant to show is actually there:

1. holds a flat and a garage, has not submitted readings in the open window yet (try it), and once
   had a reading rejected;
2. has submitted this window, and the cold water reading is far above average (anomaly in the queue);
3. one of a married couple holding a flat together, with readings waiting for review;
4. in arrears: has stopped paying a few months ago;
5. a new account from an application approved yesterday: must change the password at first login.

The first building's other flats show the rarer cases even in a tiny demo: a replaced, a lapsed, a
soon-expiring and a radio-read meter, a holder without an account (a pending application) and a
previous owner (a refused one).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from iok_desktop.demo.credentials import Logins, demo_password, hashed
from iok_desktop.demo.layout import Site, Unit
from iok_desktop.demo.ledger import ARREARS, LATE, ROUNDS_UP, STANDING_ORDER
from iok_desktop.demo.meters import EXPIRED, EXPIRING, REMOTE, REPLACED
from iok_desktop.demo.people import People, PersonInfo
from iok_desktop.demo.rows import Ids, RowBuffer
from iok_desktop.demo.timeline import Timeline
from iok_desktop.domain.enums import AccountStatus, PremisesKind

HOUR = 3600
# The demo residents read their meters in every window.
DILIGENCE = 1.0


@dataclass(frozen=True)
class Role:
    key: str
    description: str
    couple: bool = False
    wants_garage: bool = False
    # None = chance decides; True/False = has / has not submitted in the window open today.
    submits_now: bool | None = None
    leak: bool = False
    # One of the resident's earlier submissions was rejected by a clerk (shown with the reason).
    rejected_once: bool = False
    # How the resident pays (ledger habits); on time by standing order unless the role says otherwise.
    habit: int = STANDING_ORDER
    new_account: bool = False


ROLES: tuple[Role, ...] = (
    Role("flat_and_garage", "mieszkanie i garaż; odczyty w bieżącym oknie jeszcze niepodane, jeden dawny odrzucony",
         wants_garage=True, submits_now=False, rejected_once=True),
    Role("anomaly", "odczyty podane w bieżącym oknie; zimna woda wielokrotnie powyżej średniej", submits_now=True,
         leak=True),
    Role("couple", "lokal wspólny z małżonkiem; odczyty czekają na akceptację", couple=True, submits_now=True),
    Role("arrears", "zaległości w opłatach od kilku miesięcy", habit=ARREARS, submits_now=False),
    Role("new_account", "nowe konto z wniosku zatwierdzonego wczoraj; zmiana hasła przy pierwszym logowaniu",
         submits_now=False, new_account=True),
)  # fmt: skip


@dataclass
class CastMember:
    role: Role
    person: PersonInfo
    flat_id: int
    premises_ids: list[int] = field(default_factory=list)
    addresses: list[str] = field(default_factory=list)
    account_id: int = 0
    created_index: int = 0
    login: str = ""
    password: str = ""
    # For the contact-change history: (field, old value) the resident changed recently.
    changed: list[tuple[str, str | None]] = field(default_factory=list)


@dataclass
class Showcase:
    """What the office-life rows (announcements, applications, contact changes) refer to."""

    site: Site | None = None
    cast: list[CastMember] = field(default_factory=list)
    # A holder without an account (a pending application) and a previous owner (a refused one).
    applicant: tuple[PersonInfo, int] | None = None
    former_owner: tuple[PersonInfo, int] | None = None


class CastPlanner:
    """Chooses the demo residents in the first building and writes their accounts."""

    def __init__(self, timeline: Timeline, ids: Ids, people: People, logins: Logins, launch_index: int) -> None:
        self.tl = timeline
        self.ids = ids
        self.people = people
        self.logins = logins
        self.launch_index = launch_index
        self.showcase = Showcase()

    def choose(self, rng: random.Random, site: Site, flats: list[Unit]) -> None:
        """Give the first flats their demo residents, and the next ones the rarer cases."""
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
            member = CastMember(role, person, unit.id, premises_ids=[unit.id], addresses=[site.address(unit.number)])
            unit.cast = member
            self.showcase.cast.append(member)
        self._contact_history(rng)
        others = [f for f in flats if f.cast is None]
        for unit, showcase in zip(others, (REPLACED, EXPIRED, EXPIRING, REMOTE), strict=False):
            unit.showcase = showcase
        for unit, habit in zip(others[4:], (ROUNDS_UP, LATE), strict=False):
            unit.habit = habit

    def member_of(self, unit: Unit) -> CastMember | None:
        """The demo resident whose script a premises follows (a garage follows its holder's)."""
        if unit.cast is not None:
            return unit.cast
        return next((m for m in self.showcase.cast if m.person.id == unit.holders[0].id), None)

    def addresses(self, site: Site, units: list[Unit]) -> None:
        """Every premises a demo resident holds (a neighbour's garage may have gone to one, too)."""
        for member in self.showcase.cast:
            held = [u for u in units if any(h.id == member.person.id for h in u.holders)]
            member.premises_ids = [u.id for u in held]
            member.addresses = [site.address(u.number) for u in held]

    def account(self, rng: random.Random, member: CastMember, out: RowBuffer) -> tuple[int, int]:
        """A demo resident's account, with a known password (printed at the end): (id, day index created)."""
        tl = self.tl
        member.account_id = self.ids.next("resident_accounts")
        member.login = self.logins.propose(rng, member.person.last_name)
        member.password = demo_password(rng, member.login)
        new = member.role.new_account
        launch = self.launch_index
        created = tl.today_index - 1 if new else rng.randint(launch, max(launch, tl.today_index - 200))
        member.created_index = created
        out.add("resident_accounts", (
            member.account_id, member.person.id, member.login, hashed(member.password), new, 0, None, None,
            AccountStatus.ACTIVE.value, None, tl.moment(created, 11 * HOUR),
            None if new else tl.moment(created + 1, 18 * HOUR),
            None if new else tl.moment(tl.today_index - 1, 19 * HOUR), 1,
        ))  # fmt: skip
        return member.account_id, created

    def pick_applicants(self, units: list[Unit], accounts: dict[int, tuple[int, int]]) -> None:
        for unit in units:
            if unit.kind is PremisesKind.FLAT and unit.cast is None:
                if self.showcase.applicant is None and unit.holders[0].id not in accounts:
                    self.showcase.applicant = (unit.holders[0], unit.id)
                if self.showcase.former_owner is None and unit.previous is not None:
                    self.showcase.former_owner = (unit.previous, unit.id)

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
