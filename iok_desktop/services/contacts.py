"""Residents' contact data (landline, mobile, e-mail), its change history, and the clerks' review list.

Residents keep their own contact data current through IOK; the office needs to notice those
changes, so every changed field is kept as a ``ContactChange`` row and changes made by residents
stay on the clerks' list until a clerk marks them seen.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, select, update
from sqlalchemy.orm import aliased

from iok_desktop.db.models import Building, ContactChange, LegalTitle, Person, Premises, ResidentAccount, StaffUser
from iok_desktop.domain.contacts import NORMALISERS
from iok_desktop.domain.enums import ActorKind, ContactField
from iok_desktop.domain.errors import NotFoundError, PermissionDeniedError, ValidationError
from iok_desktop.services import audit
from iok_desktop.services.access import resident_person_id, title_is_current
from iok_desktop.services.context import ServiceContext

MAX_PAGE = 1000
MAX_MARK_SEEN = 1000


class ContactValidationError(ValidationError):
    """One or more contact fields are wrong.

    ``field`` names the first bad field (where the GUI puts the cursor); ``errors`` maps every bad
    field to its own message, and the message lists them all, each naming its field.
    """

    def __init__(self, errors: Mapping[str, str]) -> None:
        self.errors = dict(errors)
        super().__init__(" ".join(self.errors.values()), field=next(iter(self.errors)))


@dataclass(frozen=True)
class ContactData:
    person_id: int
    full_name: str
    landline: str | None
    mobile: str | None
    email: str | None


@dataclass(frozen=True)
class ContactChangeRow:
    id: int
    person_id: int
    field: ContactField
    old_value: str | None
    new_value: str | None
    changed_at: datetime
    changed_by: ActorKind
    # The login of the resident account or clerk who made the change.
    changed_by_login: str | None
    seen_at: datetime | None


@dataclass(frozen=True)
class UnseenContactChange:
    id: int
    person_id: int
    person_name: str
    # Addresses of the premises the person currently holds, e.g. "Zgoda 8/12, Szczecin".
    addresses: tuple[str, ...]
    field: ContactField
    old_value: str | None
    new_value: str | None
    changed_at: datetime
    changed_by_login: str | None


def _values(person: Person) -> dict[ContactField, str | None]:
    return {
        ContactField.LANDLINE: person.landline,
        ContactField.MOBILE: person.mobile,
        ContactField.EMAIL: person.email,
    }


def _data(person: Person) -> ContactData:
    return ContactData(
        person_id=person.id,
        full_name=person.full_name,
        landline=person.landline,
        mobile=person.mobile,
        email=person.email,
    )


def _require_person_access(ctx: ServiceContext, person_id: int) -> None:
    """Residents reach only their own person; staff reach everyone; nobody else reaches anyone."""
    if ctx.actor.is_resident:
        if resident_person_id(ctx) != person_id:
            raise PermissionDeniedError("Możesz oglądać i zmieniać tylko własne dane kontaktowe.")
        return
    ctx.require_staff()


def get_contact(ctx: ServiceContext, person_id: int) -> ContactData:
    _require_person_access(ctx, person_id)
    person = ctx.session.get(Person, person_id)
    if person is None:
        raise NotFoundError("Nie ma takiej osoby.")
    return _data(person)


def _normalise_all(typed: Mapping[ContactField, str | None]) -> dict[ContactField, str | None]:
    """Every field checked, so the user learns about all mistakes at once, not one per attempt."""
    values: dict[ContactField, str | None] = {}
    errors: dict[str, str] = {}
    for field, text in typed.items():
        try:
            values[field] = NORMALISERS[field](text)
        except ValidationError as exc:
            # The domain messages say what is wrong, not where; the form may show them in one box.
            message = exc.message[:1].lower() + exc.message[1:]
            errors[field.value] = f"{field.label.capitalize()}: {message}"
    if errors:
        raise ContactValidationError(errors)
    return values


def update_contact(
    ctx: ServiceContext, person_id: int, *, landline: str | None, mobile: str | None, email: str | None
) -> ContactData:
    """Replace the person's contact data with what the form holds; an empty field clears it.

    All three fields are required arguments on purpose: the form always sends all of them, and a
    forgotten one would otherwise silently erase a number. Only fields whose normalised value
    differs are written (one ``ContactChange`` each) and audited; saving an unchanged form writes
    nothing at all.
    """
    _require_person_access(ctx, person_id)
    new = _normalise_all({ContactField.LANDLINE: landline, ContactField.MOBILE: mobile, ContactField.EMAIL: email})
    # Locked (on PostgreSQL) so the "old value" recorded is the one this change really replaced.
    person = ctx.session.scalar(
        select(Person).where(Person.id == person_id).with_for_update().execution_options(populate_existing=True)
    )
    if person is None:
        raise NotFoundError("Nie ma takiej osoby.")
    old = _values(person)
    changed = [field for field in ContactField if old[field] != new[field]]
    if not changed:
        return _data(person)

    now = ctx.now()
    by_resident = ctx.actor.is_resident
    for field in changed:
        ctx.session.add(
            ContactChange(
                person_id=person_id,
                field=field,
                old_value=old[field],
                new_value=new[field],
                changed_at=now,
                changed_by_account_id=ctx.actor.id if by_resident else None,
                changed_by_staff_id=None if by_resident else ctx.actor.id,
            )
        )
        setattr(person, field.value, new[field])
    ctx.session.flush()
    audit.record(
        ctx,
        "contact.update",
        entity_type="person",
        entity_id=person_id,
        details={
            "changes": audit.changes(
                {f.value: v for f, v in old.items()},
                {f.value: v for f, v in new.items()},
            )
        },
    )
    return _data(person)


def history(ctx: ServiceContext, person_id: int, *, limit: int = 200) -> list[ContactChangeRow]:
    """The person's contact changes, newest first."""
    _require_person_access(ctx, person_id)
    if not 1 <= limit <= MAX_PAGE:
        raise ValidationError(f"Na stronie może być od 1 do {MAX_PAGE} wierszy.", field="limit")
    query = (
        select(ContactChange, ResidentAccount.login, StaffUser.login)
        .outerjoin(ResidentAccount, ResidentAccount.id == ContactChange.changed_by_account_id)
        .outerjoin(StaffUser, StaffUser.id == ContactChange.changed_by_staff_id)
        .where(ContactChange.person_id == person_id)
        .order_by(ContactChange.changed_at.desc(), ContactChange.id.desc())
        .limit(limit)
    )
    rows = []
    for change, account_login, staff_login in ctx.session.execute(query):
        by_resident = change.changed_by_account_id is not None
        rows.append(
            ContactChangeRow(
                id=change.id,
                person_id=change.person_id,
                field=change.field,
                old_value=change.old_value,
                new_value=change.new_value,
                changed_at=change.changed_at,
                changed_by=ActorKind.RESIDENT if by_resident else ActorKind.STAFF,
                changed_by_login=account_login if by_resident else staff_login,
                seen_at=change.seen_at,
            )
        )
    return rows


def _addresses(ctx: ServiceContext, person_ids: set[int]) -> dict[int, tuple[str, ...]]:
    if not person_ids:
        return {}
    query = (
        select(LegalTitle.person_id, Building.street, Building.house_number, Premises.number, Building.city)
        .join(Premises, Premises.id == LegalTitle.premises_id)
        .join(Building, Building.id == Premises.building_id)
        .where(LegalTitle.person_id.in_(person_ids), title_is_current(ctx.today()))
        .order_by(LegalTitle.person_id, Building.street, Building.house_number, Premises.number)
    )
    found: dict[int, list[str]] = defaultdict(list)
    for person_id, street, house_number, number, city in ctx.session.execute(query):
        address = f"{street} {house_number}/{number}, {city}"
        if address not in found[person_id]:
            found[person_id].append(address)
    return {person_id: tuple(addresses) for person_id, addresses in found.items()}


def _unseen_by_resident() -> tuple[ColumnElement[bool], ColumnElement[bool]]:
    # The condition of the partial index ix_contact_changes_unseen, so the index serves the list.
    return ContactChange.seen_at.is_(None), ContactChange.changed_by_account_id.is_not(None)


def unseen_resident_changes(
    ctx: ServiceContext, *, limit: int = 200, before_id: int | None = None
) -> list[UnseenContactChange]:
    """Changes residents made that no clerk has marked seen yet, newest first, a page at a time.

    ``before_id`` is the last id of the previous page.
    """
    ctx.require_staff()
    if not 1 <= limit <= MAX_PAGE:
        raise ValidationError(f"Na stronie może być od 1 do {MAX_PAGE} wierszy.", field="limit")
    account = aliased(ResidentAccount)
    query = (
        select(ContactChange, Person.first_name, Person.last_name, account.login)
        .join(Person, Person.id == ContactChange.person_id)
        .outerjoin(account, account.id == ContactChange.changed_by_account_id)
        .where(*_unseen_by_resident())
        .order_by(ContactChange.id.desc())
        .limit(limit)
    )
    if before_id is not None:
        query = query.where(ContactChange.id < before_id)
    found = ctx.session.execute(query).all()
    addresses = _addresses(ctx, {change.person_id for change, *_ in found})
    return [
        UnseenContactChange(
            id=change.id,
            person_id=change.person_id,
            person_name=f"{first_name} {last_name}",
            addresses=addresses.get(change.person_id, ()),
            field=change.field,
            old_value=change.old_value,
            new_value=change.new_value,
            changed_at=change.changed_at,
            changed_by_login=login,
        )
        for change, first_name, last_name, login in found
    ]


def mark_seen(ctx: ServiceContext, change_ids: list[int]) -> int:
    """Take residents' changes off the clerks' list; returns how many were still unseen.

    Ids already seen (another clerk was quicker) are skipped, not refused: the outcome the clerk
    wanted holds either way.
    """
    actor = ctx.require_staff()
    ids = sorted(set(change_ids))
    if len(ids) > MAX_MARK_SEEN:
        raise ValidationError(
            f"Naraz można oznaczyć najwyżej {MAX_MARK_SEEN} zmian. Zaznacz mniej wierszy.", field="change_ids"
        )
    if not ids:
        return 0
    unseen = _unseen_by_resident()
    marked = list(
        ctx.session.scalars(
            select(ContactChange.id)
            .where(ContactChange.id.in_(ids), *unseen)
            .order_by(ContactChange.id)
            .with_for_update()
        )
    )
    if not marked:
        return 0
    now = ctx.now()
    ctx.session.execute(
        update(ContactChange)
        .where(ContactChange.id.in_(marked), *unseen)
        .values(seen_at=now, seen_by_staff_id=actor.id)
        .execution_options(synchronize_session="fetch")
    )
    ctx.session.flush()
    audit.record(
        ctx,
        "contact.mark_seen",
        entity_type="contact_change",
        details={"change_ids": marked, "old": {"seen_at": None}, "new": {"seen_at": now}},
    )
    return len(marked)
