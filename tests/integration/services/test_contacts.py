"""Residents' contact data, its history and the clerks' list of changes made by residents."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from iok_desktop.db.models import AuditEntry, ContactChange, Person
from iok_desktop.domain.enums import ActorKind, ContactField
from iok_desktop.domain.errors import NotFoundError, PermissionDeniedError, ValidationError
from iok_desktop.services import contacts
from iok_desktop.services.context import SYSTEM, FixedClock, ServiceContext
from tests.support.builders import Household, grant_title, make_household, make_premises


def change_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(ContactChange)) or 0


def audit_actions(session: Session) -> list[str]:
    return list(session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))


# --- reading and updating --------------------------------------------------------------------


def test_resident_sets_contact_data_and_it_is_stored_in_one_form(
    resident: ServiceContext, home: Household, session: Session
) -> None:
    data = contacts.update_contact(
        resident, home.person.id, landline="91 434-55-66", mobile="0048 601-234-567", email="Jan.Kos@Example.PL"
    )

    assert data.landline == "+48 91 434 55 66"
    assert data.mobile == "+48 601 234 567"
    assert data.email == "Jan.Kos@example.pl"
    assert contacts.get_contact(resident, home.person.id) == data
    person = session.get(Person, home.person.id)
    assert person is not None and person.mobile == "+48 601 234 567"


def test_each_changed_field_is_one_history_row_by_the_resident(
    resident: ServiceContext, home: Household, session: Session
) -> None:
    contacts.update_contact(resident, home.person.id, landline=None, mobile="601 234 567", email="a@example.pl")

    rows = session.scalars(select(ContactChange).order_by(ContactChange.field)).all()

    assert [(r.field, r.old_value, r.new_value) for r in rows] == [
        (ContactField.EMAIL, None, "a@example.pl"),
        (ContactField.MOBILE, None, "+48 601 234 567"),
    ]
    assert all(r.changed_by_account_id == home.account.id and r.changed_by_staff_id is None for r in rows)
    assert all(r.seen_at is None for r in rows)


def test_a_change_is_audited_with_old_and_new_values(
    resident: ServiceContext, home: Household, session: Session, clock: FixedClock
) -> None:
    contacts.update_contact(resident, home.person.id, landline=None, mobile="601 234 567", email=None)
    clock.advance(minutes=5)
    contacts.update_contact(resident, home.person.id, landline=None, mobile="+48 602 000 111", email=None)

    entries = session.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()

    assert [e.action for e in entries] == ["contact.update", "contact.update"]
    assert entries[1].entity_type == "person"
    assert entries[1].entity_id == home.person.id
    assert entries[1].actor_kind is ActorKind.RESIDENT
    assert entries[1].actor_login == home.account.login
    assert entries[1].details == {"changes": {"mobile": {"old": "+48 601 234 567", "new": "+48 602 000 111"}}}


def test_saving_unchanged_data_writes_nothing(resident: ServiceContext, home: Household, session: Session) -> None:
    contacts.update_contact(resident, home.person.id, landline=None, mobile="601234567", email="a@example.pl")
    before = (change_count(session), audit_actions(session))

    # The same number typed another way, the same address with a differently-cased domain.
    data = contacts.update_contact(
        resident, home.person.id, landline="", mobile="+48 601-234-567", email="  a@EXAMPLE.pl "
    )

    assert (change_count(session), audit_actions(session)) == before
    assert data.mobile == "+48 601 234 567"


def test_an_empty_field_clears_the_value_and_is_recorded(
    resident: ServiceContext, home: Household, session: Session
) -> None:
    contacts.update_contact(resident, home.person.id, landline=None, mobile="601234567", email="a@example.pl")

    data = contacts.update_contact(resident, home.person.id, landline=None, mobile="   ", email="a@example.pl")

    assert data.mobile is None
    last = session.scalars(select(ContactChange).order_by(ContactChange.id.desc())).first()
    assert last is not None
    assert (last.field, last.old_value, last.new_value) == (ContactField.MOBILE, "+48 601 234 567", None)


def test_an_invalid_phone_is_refused_naming_the_field_and_changes_nothing(
    resident: ServiceContext, home: Household, session: Session
) -> None:
    contacts.update_contact(resident, home.person.id, landline=None, mobile="601234567", email="a@example.pl")
    session.commit()
    before = (change_count(session), audit_actions(session))

    with pytest.raises(ValidationError) as refused:
        contacts.update_contact(resident, home.person.id, landline=None, mobile="601 234", email="nowy@example.pl")

    assert refused.value.field == "mobile"
    assert refused.value.message.startswith("Telefon komórkowy:")
    assert "9 cyfr" in refused.value.message
    # Nothing half-saved: neither the valid e-mail nor anything else.
    assert contacts.get_contact(resident, home.person.id).email == "a@example.pl"
    assert (change_count(session), audit_actions(session)) == before
    session.rollback()
    stored = contacts.get_contact(resident, home.person.id)
    assert (stored.mobile, stored.email) == ("+48 601 234 567", "a@example.pl")


def test_every_bad_field_is_reported_at_once(resident: ServiceContext, home: Household) -> None:
    with pytest.raises(contacts.ContactValidationError) as refused:
        contacts.update_contact(resident, home.person.id, landline="601 234 567", mobile="12", email="nie-email")

    error = refused.value
    assert isinstance(error, ValidationError)
    assert error.field == "landline"
    assert set(error.errors) == {"landline", "mobile", "email"}
    assert error.errors["landline"].startswith("Telefon stacjonarny:")
    assert error.errors["mobile"].startswith("Telefon komórkowy:")
    assert error.errors["email"].startswith("Adres e-mail:")
    for message in error.errors.values():
        assert message in error.message


@pytest.mark.parametrize(
    ("field", "text"),
    [
        ("mobile", "601\x00234567"),
        ("mobile", "📞 601 234 567"),
        ("mobile", "9" * 10_000),
        ("landline", "+49 30 1234567"),
        ("email", "jan@@example.pl"),
        ("email", "jan\n@example.pl"),
        ("email", "🐱@" + "a" * 300 + ".pl"),
    ],
)
def test_odd_input_is_refused_clearly_not_crashed_on(
    resident: ServiceContext, home: Household, field: str, text: str
) -> None:
    typed = {"landline": None, "mobile": None, "email": None} | {field: text}

    with pytest.raises(ValidationError) as refused:
        contacts.update_contact(resident, home.person.id, **typed)

    assert refused.value.field == field
    assert refused.value.message.endswith(".")


def test_clerk_updates_anyone_and_is_recorded_as_staff(
    clerk: ServiceContext, home: Household, session: Session
) -> None:
    contacts.update_contact(clerk, home.person.id, landline="+48 12 345 67 89", mobile=None, email=None)

    change = session.scalars(select(ContactChange)).one()
    assert change.changed_by_staff_id == home.clerk.id
    assert change.changed_by_account_id is None
    assert audit_actions(session) == ["contact.update"]


def test_resident_cannot_read_or_change_another_persons_contact_data(
    resident: ServiceContext, session: Session
) -> None:
    neighbour = make_household(session)

    with pytest.raises(PermissionDeniedError):
        contacts.get_contact(resident, neighbour.person.id)
    with pytest.raises(PermissionDeniedError):
        contacts.update_contact(resident, neighbour.person.id, landline=None, mobile="601234567", email=None)
    with pytest.raises(PermissionDeniedError):
        contacts.history(resident, neighbour.person.id)
    assert change_count(session) == 0


def test_the_system_actor_has_no_business_with_contact_data(
    home: Household, session: Session, clock: FixedClock
) -> None:
    with pytest.raises(PermissionDeniedError):
        contacts.get_contact(ServiceContext(session, SYSTEM, clock), home.person.id)


def test_asking_for_a_person_who_does_not_exist_is_refused(clerk: ServiceContext) -> None:
    with pytest.raises(NotFoundError):
        contacts.get_contact(clerk, 777_777)
    with pytest.raises(NotFoundError):
        contacts.update_contact(clerk, 777_777, landline=None, mobile=None, email=None)


# --- history ---------------------------------------------------------------------------------


def test_history_lists_changes_newest_first_with_who_made_them(
    resident: ServiceContext, clerk: ServiceContext, home: Household, clock: FixedClock
) -> None:
    contacts.update_contact(resident, home.person.id, landline=None, mobile="601 234 567", email=None)
    clock.advance(hours=1)
    contacts.update_contact(clerk, home.person.id, landline=None, mobile="602 345 678", email=None)
    clock.advance(hours=1)
    contacts.update_contact(resident, home.person.id, landline=None, mobile="602 345 678", email="x@example.pl")

    rows = contacts.history(resident, home.person.id)

    assert [(r.field, r.old_value, r.new_value, r.changed_by) for r in rows] == [
        (ContactField.EMAIL, None, "x@example.pl", ActorKind.RESIDENT),
        (ContactField.MOBILE, "+48 601 234 567", "+48 602 345 678", ActorKind.STAFF),
        (ContactField.MOBILE, None, "+48 601 234 567", ActorKind.RESIDENT),
    ]
    assert [r.changed_by_login for r in rows] == [home.account.login, home.clerk.login, home.account.login]
    assert rows[0].changed_at - rows[2].changed_at == timedelta(hours=2)


# --- the clerks' list of residents' changes --------------------------------------------------


def test_unseen_list_shows_residents_changes_with_name_address_and_values(
    resident: ServiceContext, clerk: ServiceContext, home: Household
) -> None:
    contacts.update_contact(clerk, home.person.id, landline=None, mobile="601 234 567", email=None)
    contacts.update_contact(resident, home.person.id, landline=None, mobile="602 345 678", email=None)

    rows = contacts.unseen_resident_changes(clerk)

    assert len(rows) == 1  # the clerk's own change is not news to the office
    row = rows[0]
    assert row.person_name == "Zażółć Gęślą-Jaźń"
    assert row.addresses == (f"Zgoda 8/{home.premises.number}, Szczecin",)
    assert (row.field, row.old_value, row.new_value) == (ContactField.MOBILE, "+48 601 234 567", "+48 602 345 678")
    assert row.changed_by_login == home.account.login


def test_unseen_list_shows_every_premises_the_person_holds(
    resident: ServiceContext, clerk: ServiceContext, home: Household, session: Session
) -> None:
    garage = make_premises(session, home.building, number="G3")
    grant_title(session, home.person, garage)
    contacts.update_contact(resident, home.person.id, landline=None, mobile=None, email="a@example.pl")

    (row,) = contacts.unseen_resident_changes(clerk)

    assert set(row.addresses) == {f"Zgoda 8/{home.premises.number}, Szczecin", "Zgoda 8/G3, Szczecin"}


def test_marking_changes_seen_takes_them_off_the_list_and_is_audited(
    resident: ServiceContext, clerk: ServiceContext, home: Household, session: Session, clock: FixedClock
) -> None:
    contacts.update_contact(resident, home.person.id, landline=None, mobile="601 234 567", email="a@example.pl")
    ids = [row.id for row in contacts.unseen_resident_changes(clerk)]

    marked = contacts.mark_seen(clerk, ids)

    assert marked == 2
    assert contacts.unseen_resident_changes(clerk) == []
    seen = session.scalars(select(ContactChange)).all()
    assert all(c.seen_at == clock.now() and c.seen_by_staff_id == home.clerk.id for c in seen)
    entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "contact.mark_seen")).one()
    assert entry.details["change_ids"] == sorted(ids)
    assert entry.details["old"] == {"seen_at": None}
    # The history still shows when it was seen.
    assert all(r.seen_at == clock.now() for r in contacts.history(clerk, home.person.id))


def test_marking_already_seen_changes_again_changes_nothing(
    resident: ServiceContext, clerk: ServiceContext, home: Household, session: Session
) -> None:
    contacts.update_contact(resident, home.person.id, landline=None, mobile="601 234 567", email=None)
    ids = [row.id for row in contacts.unseen_resident_changes(clerk)]
    contacts.mark_seen(clerk, ids)

    assert contacts.mark_seen(clerk, ids) == 0
    assert contacts.mark_seen(clerk, []) == 0
    assert audit_actions(session).count("contact.mark_seen") == 1


def test_unseen_list_pages_newest_first(clerk: ServiceContext, session: Session, clock: FixedClock) -> None:
    residents = [make_household(session) for _ in range(5)]
    for n, household in enumerate(residents):
        clock.advance(minutes=1)
        contacts.update_contact(
            household.resident(session, clock), household.person.id, landline=None, mobile=f"60{n} 111 222", email=None
        )

    first = contacts.unseen_resident_changes(clerk, limit=2)
    second = contacts.unseen_resident_changes(clerk, limit=2, before_id=first[-1].id)
    third = contacts.unseen_resident_changes(clerk, limit=2, before_id=second[-1].id)

    mobiles = [row.new_value for row in first + second + third]
    assert mobiles == [f"+48 60{n} 111 222" for n in (4, 3, 2, 1, 0)]


def test_residents_cannot_see_or_clear_the_clerks_list(resident: ServiceContext, home: Household) -> None:
    contacts.update_contact(resident, home.person.id, landline=None, mobile="601 234 567", email=None)

    with pytest.raises(PermissionDeniedError):
        contacts.unseen_resident_changes(resident)
    with pytest.raises(PermissionDeniedError):
        contacts.mark_seen(resident, [1])


def test_marking_too_many_changes_at_once_is_refused(clerk: ServiceContext) -> None:
    with pytest.raises(ValidationError) as refused:
        contacts.mark_seen(clerk, list(range(1, 2002)))
    assert refused.value.field == "change_ids"
