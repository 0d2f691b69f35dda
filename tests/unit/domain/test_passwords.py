"""The IOK password rule, normalisation, and initial passwords."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from iok_desktop.domain.errors import ValidationError
from iok_desktop.domain.passwords import (
    INITIAL_DIGITS,
    INITIAL_LOWER,
    INITIAL_UPPER,
    check_policy,
    generate_initial_password,
    hash_password,
    rule_checks,
    verify_password,
)


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("Ab1", "za krótkie"),
        ("abcdefgh1", "duża litera"),
        ("ABCDEFGH1", "mała litera"),
        ("Abcdefghi", "cyfra"),
        ("Haslo2024!", "zbyt popularne"),
        ("Qwerty123", "zbyt popularne"),
        ("Zaq12wsx", "zbyt popularne"),
        ("x" * 129 + "A1", "najwyżej 128"),
        ("Dobre\x00Haslo1", "sterujących"),
    ],
)
def test_weak_passwords_are_refused_with_the_reason(password: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        check_policy(password)


def test_password_may_not_contain_the_login() -> None:
    with pytest.raises(ValidationError, match="identyfikatora"):
        check_policy("Xkowal1234Y", login="kowal1234")


def test_polish_letters_count_as_lower_and_upper_case() -> None:
    assert check_policy("Źdźbło-Łąki9") == "Źdźbło-Łąki9"


def test_rule_checks_tick_off_as_the_user_types() -> None:
    assert [c.met for c in rule_checks("abc")] == [False, True, False, False]
    assert all(c.met for c in rule_checks("Bursztyn-Fala26", login="jan"))


def test_length_is_counted_after_normalisation() -> None:
    # "ﬀ" (one character) normalises to "ff" (two): NFKC first, then count.
    assert check_policy("Aﬀ1ﬀ2ﬀ") == "Aff1ff2ff"


def test_composed_and_decomposed_forms_verify_against_one_hash() -> None:
    stored = hash_password(unicodedata.normalize("NFC", "Zażółć-Gęślą7"))
    assert stored.startswith("$argon2id$")
    assert verify_password(stored, unicodedata.normalize("NFD", "Zażółć-Gęślą7"))
    assert not verify_password(stored, "Zazolc-Gesla7")
    assert not verify_password(None, "Zażółć-Gęślą7")
    assert not verify_password("not-a-hash", "x")


@settings(max_examples=200)
@given(st.integers(min_value=0, max_value=10**6))
def test_initial_passwords_meet_the_policy_without_look_alikes(_: int) -> None:
    password = generate_initial_password()
    check_policy(password)
    assert len(password) == 10
    assert set(password) <= set(INITIAL_LOWER + INITIAL_UPPER + INITIAL_DIGITS)
    assert not set(password) & set("0O1lIi5Ss2Zz8B")
