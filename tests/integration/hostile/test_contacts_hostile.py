"""Hostile contact data from a resident: every stored value re-validates, every refusal is Polish."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from typing import Literal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from sqlalchemy import select

from iok_desktop.db.database import Database
from iok_desktop.db.models import ContactChange, Person
from iok_desktop.domain.contacts import NORMALISERS
from iok_desktop.domain.enums import ContactField
from iok_desktop.domain.errors import DomainError
from iok_desktop.services import contacts
from iok_desktop.services.context import FixedClock
from tests.integration.hostile.hostile_input import DB_SETTINGS, HOSTILE, assert_polish_refusal, hostile_text
from tests.support.builders import Household, make_household

phone_like = st.from_regex(r"\A(\+48|0048|48)?[ -]?[0-9]{2,3}([ -]?[0-9]{2,3}){2,3}\Z") | st.sampled_from(
    ["601 234 567", "+48 12 345 67 89", "(12) 345-67-89", "0048601234567", "+49 30 1234567", "112"]
)
email_like = st.emails() | st.sampled_from(
    ["jan.kowalski@example.pl", "zażółć@gęślą.pl", "ＪＡＮ@ＥＸＡＭＰＬＥ.ＰＬ", "a@㎏㎏.pl", "😀@x.pl"]
)
field_text = st.one_of(st.none(), hostile_text, phone_like, email_like)

COLUMN_LENGTH = {ContactField.LANDLINE: 20, ContactField.MOBILE: 20, ContactField.EMAIL: 254}


@pytest.fixture
def home(db: Database) -> Household:
    with db.session() as s:
        household = make_household(s)
        s.commit()
        return household


def _stored(db: Database, person_id: int) -> dict[ContactField, str | None]:
    with db.session() as s:
        person = s.get(Person, person_id)
        assert person is not None
        return {
            ContactField.LANDLINE: person.landline,
            ContactField.MOBILE: person.mobile,
            ContactField.EMAIL: person.email,
        }


def _assert_valid(values: dict[ContactField, str | None]) -> None:
    for field, value in values.items():
        if value is not None:
            assert 0 < len(value) <= COLUMN_LENGTH[field]
            assert NORMALISERS[field](value) == value  # a stored value re-validates to itself


def _update(db: Database, home: Household, clock: FixedClock, **fields: str | None) -> contacts.ContactData | None:
    """Save the form as the resident; None when refused (the refusal checked to be Polish)."""
    with db.session() as s:
        try:
            data = contacts.update_contact(home.resident(s, clock), home.person.id, **fields)
        except DomainError as error:
            typed = [text for text in fields.values() if text]
            assert_polish_refusal(error, *typed)
            assert error.field in {f.value for f in ContactField}
            s.rollback()
            return None
        s.commit()
        return data


@DB_SETTINGS
@given(landline=field_text, mobile=field_text, email=field_text)
@example(landline="12 345 67 89", mobile="601-234-567", email="Jan.Kowalski@EXAMPLE.pl")
@example(landline="\x00", mobile="601234567\x00", email="a\x00@b.pl")
def test_what_a_resident_types_is_stored_valid_or_refused_in_polish(
    db: Database, clock: FixedClock, home: Household, landline: str | None, mobile: str | None, email: str | None
) -> None:
    before = _stored(db, home.person.id)
    saved = _update(db, home, clock, landline=landline, mobile=mobile, email=email)
    after = _stored(db, home.person.id)
    _assert_valid(after)
    if saved is None:
        assert after == before  # a refused form changes nothing
    else:
        assert (saved.landline, saved.mobile, saved.email) == tuple(after.values())
        for field, typed in (
            (ContactField.LANDLINE, landline),
            (ContactField.MOBILE, mobile),
            (ContactField.EMAIL, email),
        ):
            if not (typed or "").strip():
                assert after[field] is None  # an empty field clears it


@pytest.mark.parametrize("name", list(HOSTILE))
@pytest.mark.parametrize("field", list(ContactField))
def test_hostile_strings_in_a_contact_field_are_refused_in_polish(
    db: Database, clock: FixedClock, home: Household, field: ContactField, name: str
) -> None:
    _update(db, home, clock, landline="12 345 67 89", mobile="601 234 567", email="jan@example.pl")
    before = _stored(db, home.person.id)
    form: dict[str, str | None] = {"landline": "12 345 67 89", "mobile": "601 234 567", "email": "jan@example.pl"}
    form[field.value] = HOSTILE[name]
    saved = _update(db, home, clock, **form)
    after = _stored(db, home.person.id)
    _assert_valid(after)
    if name in ("empty", "spaces"):
        assert saved is not None and after[field] is None
    else:
        assert saved is None and after == before


@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_nfd_and_nfc_polish_in_an_email_are_stored_composed(
    db: Database, clock: FixedClock, home: Household, form: Literal["NFC", "NFD"]
) -> None:
    typed = unicodedata.normalize(form, "zażółć.gęślą@jaźń.pl")
    assert _update(db, home, clock, landline=None, mobile=None, email=typed) is not None
    assert _stored(db, home.person.id)[ContactField.EMAIL] == unicodedata.normalize("NFC", typed)


def test_every_stored_change_in_the_history_re_validates(db: Database, clock: FixedClock, home: Household) -> None:
    typed: list[Callable[[], object]] = []
    for email in (
        "a@b.pl",
        "ＪＡＮ@ＥＸＡＭＰＬＥ.ＰＬ",
        "\x00",
        "😀@x.pl",
        HOSTILE["long_1m"],
        "'; DROP TABLE persons; --",
    ):
        typed.append(lambda email=email: _update(db, home, clock, landline=None, mobile=None, email=email))  # type: ignore[misc]
    for call in typed:
        call()
    with db.session() as s:
        changes = list(s.scalars(select(ContactChange).where(ContactChange.person_id == home.person.id)))
        assert [c.new_value for c in changes] == ["a@b.pl", "ＪＡＮ@example.pl", "😀@x.pl"]
        for change in changes:
            for value in (change.old_value, change.new_value):
                assert value is None or NORMALISERS[change.field](value) == value
        assert s.scalar(select(Person.id).where(Person.id == home.person.id)) == home.person.id  # still there
