"""The domain's parsers and the password policy under hostile text, without a database (many examples)."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from iok_desktop.domain import contacts, dates, money, passwords, readings
from iok_desktop.domain.errors import DomainError, ValidationError
from iok_desktop.domain.login_ids import check_staff_login, normalise_login
from tests.integration.hostile.hostile_input import HOSTILE, assert_polish_refusal, has_control, hostile_text

# Surrogates too: text from a clipboard or a broken keyboard driver can carry them.
any_text = hostile_text | st.text(alphabet=st.characters(categories=["Cs", "Cc", "Cf", "Lo", "Nd"]), max_size=40)


@settings(max_examples=300, deadline=None)
@given(password=any_text, login=st.sampled_from([None, "jan", "kowalski4821"]))
@example(password=HOSTILE["lone_surrogate"], login=None)
@example(password="Zaz\u0307o\u0301ł\u0107Ge\u0328s\u0301la\u0328" + "7", login=None)
def test_the_policy_returns_a_normalised_password_within_the_rules_or_refuses_in_polish(
    password: str, login: str | None
) -> None:
    try:
        checked = passwords.check_policy(password, login=login)
    except ValidationError as error:
        assert error.field == "password"
        assert_polish_refusal(error)
        return
    assert checked == unicodedata.normalize("NFKC", password)
    assert passwords.MIN_LENGTH <= len(checked) <= passwords.MAX_LENGTH
    assert not has_control(checked)
    assert any(c.islower() for c in checked) and any(c.isupper() for c in checked)
    assert any(c.isdigit() for c in checked)
    assert login is None or login not in checked.lower()


@pytest.mark.parametrize("name", list(HOSTILE))
def test_verifying_a_hostile_password_is_false_never_an_exception(name: str) -> None:
    stored = passwords.hash_password("Zażółć7Gęślą")
    assert passwords.verify_password(stored, HOSTILE[name]) is False
    assert passwords.verify_password(None, HOSTILE[name]) is False  # an unknown login: the dummy hash


def test_nfd_typed_password_verifies_against_an_nfc_hash_and_back() -> None:
    nfc, nfd = (unicodedata.normalize(form, "Źdźbło7Gęsi") for form in ("NFC", "NFD"))
    assert nfc != nfd
    assert passwords.verify_password(passwords.hash_password(nfc), nfd)
    assert passwords.verify_password(passwords.hash_password(nfd), nfc)


PARSERS: dict[str, Callable[[str], object]] = {
    "login": normalise_login,
    "staff_login": check_staff_login,
    "reading": lambda text: readings.parse_reading_value(text, decimal_places=3),
    "money": money.parse_money,
    "date": dates.parse_date,
    "email": contacts.normalise_email,
    "mobile": contacts.normalise_mobile,
    "landline": contacts.normalise_landline,
}


@settings(max_examples=300, deadline=None)
@given(parser=st.sampled_from(list(PARSERS)), text=any_text)
def test_every_parser_returns_clean_values_or_refuses_in_polish(parser: str, text: str) -> None:
    try:
        value = PARSERS[parser](text)
    except DomainError as error:
        assert_polish_refusal(error)
        return
    if isinstance(value, str):
        assert not has_control(value) and value == value.strip()
        assert PARSERS[parser](value) == value  # what is stored re-validates to itself
