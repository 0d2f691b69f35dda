"""The demo residents: up to five IOK accounts with known passwords, each showing something.

They live in the first building (which keeps the cooperative's default monthly window), and their
meters are kept plain (no lapsed legalisation, no replacement, no radio reading) so that what each
one is meant to show is actually there:

1. holds a flat and a garage, has not submitted readings in the open window yet (try it), and once
   had a reading rejected;
2. has submitted this window, and the cold water reading is far above average (anomaly in the queue);
3. one of a married couple holding a flat together, with readings waiting for review;
4. in arrears: has stopped paying a few months ago;
5. a new account from an application approved yesterday: must change the password at first login.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from iok_desktop.demo.ledger import ARREARS, STANDING_ORDER
from iok_desktop.demo.people import PersonInfo


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
