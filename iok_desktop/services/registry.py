"""The registry of premises and residents: search as you type, and the premises card.

Search understands what a clerk types at the counter: a surname ("kowal", "kowalski jan"), an
address ("zgoda 8", "zgoda 8/12", "zgoda 8 12"), a premises code ("01-005") or an IOK login
("wroblews48"). Every branch is a prefix match on an indexed, folded column (varchar_pattern_ops
on PostgreSQL), plus a word-prefix match on first names, so a keystroke costs a few milliseconds
at 30,000 premises. Staff only: residents never search (kiosk rule).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import CompoundSelect, Select, select, union
from sqlalchemy.orm import joinedload

from iok_desktop.db.models import Building, LegalTitle, Person, Premises, ResidentAccount
from iok_desktop.domain.address import full_address
from iok_desktop.domain.bank_account import format_nrb
from iok_desktop.domain.enums import AccountStatus, PremisesKind, TitleKind
from iok_desktop.domain.errors import NotFoundError
from iok_desktop.domain.text import fold
from iok_desktop.services import ledger
from iok_desktop.services.access import title_is_current
from iok_desktop.services.contacts import ContactData, get_contact
from iok_desktop.services.context import ServiceContext
from iok_desktop.services.readings import MeterRow, meters_for_premises

MIN_QUERY = 2
_LIKE_SPECIALS = re.compile(r"([%_\\])")


@dataclass(frozen=True)
class PremisesHit:
    premises_id: int
    code: str
    address: str
    kind: PremisesKind
    holders: list[str]
    logins: list[str]


def _prefix(text: str) -> str:
    return _LIKE_SPECIALS.sub(r"\\\1", text) + "%"


def _candidate_ids(query: str) -> CompoundSelect[tuple[int]]:
    folded = fold(query)
    pattern = _prefix(folded)
    branches: list[Select[int]] = [
        select(Premises.id).where(Premises.code.like(_prefix(query.strip()), escape="\\")),
        select(Premises.id)
        .join(Building, Building.id == Premises.building_id)
        .where(Building.search_key.like(pattern, escape="\\")),
        select(LegalTitle.premises_id)
        .join(Person, Person.id == LegalTitle.person_id)
        .where(Person.search_key.like(pattern, escape="\\") | Person.search_key.like("% " + pattern, escape="\\")),
        select(LegalTitle.premises_id)
        .join(ResidentAccount, ResidentAccount.person_id == LegalTitle.person_id)
        .where(ResidentAccount.login.like(_prefix(query.strip().lower()), escape="\\")),
    ]
    # "zgoda 8/12" or "zgoda 8 12": a building, then the premises number.
    address = re.match(r"^(.*\S)\s*[/ ]\s*([0-9a-z]+)$", folded)
    if address:
        street, number = address.groups()
        branches.append(
            select(Premises.id)
            .join(Building, Building.id == Premises.building_id)
            .where(Building.search_key == street, Premises.number.ilike(number))
        )
    return union(*branches)


def search_premises(ctx: ServiceContext, query: str, *, limit: int = 50) -> list[PremisesHit]:
    """Premises matching what the clerk typed, in address order, with their current holders."""
    ctx.require_staff()
    text = (query or "").strip()
    if len(text) < MIN_QUERY:
        return []
    ids = _candidate_ids(text).subquery()
    premises = ctx.session.scalars(
        select(Premises)
        .join(Building, Building.id == Premises.building_id)
        .where(Premises.id.in_(select(ids.c[0])))
        .options(joinedload(Premises.building))
        .order_by(Building.search_key, Premises.code)
        .limit(limit)
    ).all()
    holders = _holders(ctx, [p.id for p in premises])
    return [
        PremisesHit(
            premises_id=p.id,
            code=p.code,
            address=_address(p),
            kind=p.kind,
            holders=[name for name, _ in holders.get(p.id, [])],
            logins=[login for _, login in holders.get(p.id, []) if login],
        )
        for p in premises
    ]


def _address(p: Premises) -> str:
    b = p.building
    return full_address(b.street, b.house_number, p.number, b.postal_code, b.city)


def _holders(ctx: ServiceContext, premises_ids: list[int]) -> dict[int, list[tuple[str, str | None]]]:
    """Current holders of each premises with their IOK login: one query for the whole page."""
    if not premises_ids:
        return {}
    rows = ctx.session.execute(
        select(LegalTitle.premises_id, Person.first_name, Person.last_name, ResidentAccount.login)
        .join(Person, Person.id == LegalTitle.person_id)
        .outerjoin(ResidentAccount, ResidentAccount.person_id == Person.id)
        .where(LegalTitle.premises_id.in_(premises_ids), title_is_current(ctx.today()))
        .order_by(LegalTitle.premises_id, Person.last_name, Person.first_name)
    ).all()
    found: dict[int, list[tuple[str, str | None]]] = {}
    for premises_id, first, last, login in rows:
        found.setdefault(premises_id, []).append((f"{first} {last}", login))
    return found


@dataclass(frozen=True)
class TitleRow:
    title_id: int
    person_id: int
    person_name: str
    kind: TitleKind
    valid_from: date
    valid_to: date | None
    is_current: bool


@dataclass(frozen=True)
class HolderAccount:
    person_id: int
    account_id: int | None
    login: str | None
    status: AccountStatus | None


@dataclass(frozen=True)
class PremisesCard:
    premises_id: int
    code: str
    address: str
    kind: PremisesKind
    area_m2: Decimal
    bank_account: str
    titles: list[TitleRow]
    contacts: list[ContactData]
    accounts: list[HolderAccount]
    meters: list[MeterRow]
    amount_due: ledger.AmountDue


def premises_card(ctx: ServiceContext, premises_id: int) -> PremisesCard:
    """Everything the registry shows about one premises (a handful of queries, whatever the history)."""
    ctx.require_staff()
    premises = ctx.session.get(Premises, premises_id, options=[joinedload(Premises.building)])
    if premises is None:
        raise NotFoundError("Nie ma takiego lokalu.")
    today = ctx.today()
    titles = ctx.session.scalars(
        select(LegalTitle)
        .where(LegalTitle.premises_id == premises_id)
        .options(joinedload(LegalTitle.person))
        .order_by(LegalTitle.valid_from.desc(), LegalTitle.id)
    ).all()
    title_rows = [
        TitleRow(
            title_id=t.id,
            person_id=t.person_id,
            person_name=t.person.full_name,
            kind=t.kind,
            valid_from=t.valid_from,
            valid_to=t.valid_to,
            is_current=t.valid_from <= today and (t.valid_to is None or t.valid_to >= today),
        )
        for t in titles
    ]
    current_people = list(dict.fromkeys(t.person_id for t in title_rows if t.is_current))
    accounts = {
        a.person_id: a
        for a in ctx.session.scalars(select(ResidentAccount).where(ResidentAccount.person_id.in_(current_people)))
    }
    return PremisesCard(
        premises_id=premises.id,
        code=premises.code,
        address=_address(premises),
        kind=premises.kind,
        area_m2=premises.area_m2,
        bank_account=format_nrb(premises.bank_account),
        titles=title_rows,
        contacts=[get_contact(ctx, person_id) for person_id in current_people],
        accounts=[
            HolderAccount(
                person_id=pid,
                account_id=accounts[pid].id if pid in accounts else None,
                login=accounts[pid].login if pid in accounts else None,
                status=accounts[pid].status if pid in accounts else None,
            )
            for pid in current_people
        ],
        meters=meters_for_premises(ctx, premises_id, include_archived=False),
        amount_due=ledger.amount_due(ctx, premises_id),
    )
