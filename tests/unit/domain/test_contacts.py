"""Properties of contact-data parsing: whatever is typed, the answer is a clean value or a ValidationError."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from iok_desktop.domain.contacts import NORMALISERS, normalise_email, normalise_landline, normalise_mobile
from iok_desktop.domain.enums import ContactField
from iok_desktop.domain.errors import ValidationError

Normaliser = Callable[[str | None], str | None]

# Polish mobile ranges (UKE numbering plan) the office sees every day.
MOBILE_PREFIXES = ["50", "51", "53", "57", "60", "66", "69", "72", "73", "78", "79", "88"]
# Geographic area codes: Kraków, Warszawa, Szczecin, Gdańsk, Poznań, Wrocław.
AREA_CODES = ["12", "22", "91", "58", "61", "71"]

SEPARATORS = st.sampled_from(["", " ", "-", " - ", "  "])
COUNTRY_PREFIXES = st.sampled_from(["", "+48", "+48 ", "0048", "0048 ", "48", "48 ", "+48-"])

# Text a user could paste into a field: every printable and unprintable character, emoji, long runs.
ANY_TEXT = st.text(max_size=300) | st.text(alphabet="0123456789 +-()./", max_size=60)


@st.composite
def written_like_a_person(draw: st.DrawFn, national: str) -> str:
    """``national`` (9 digits) with a random country prefix and random spaces and dashes between digits."""
    out = draw(COUNTRY_PREFIXES)
    for n, digit in enumerate(national):
        if n:
            out += draw(SEPARATORS)
        out += digit
    padding = draw(st.sampled_from(["", " ", "  ", "\t"]))
    return f"{padding}{out}{padding}"


@st.composite
def mobiles(draw: st.DrawFn) -> tuple[str, str]:
    """(typed form, expected stored form) of a valid Polish mobile."""
    prefix = draw(st.sampled_from(MOBILE_PREFIXES)) + draw(st.sampled_from("0123456789"))
    rest = draw(st.text(alphabet="0123456789", min_size=6, max_size=6))
    national = prefix + rest
    expected = f"+48 {national[:3]} {national[3:6]} {national[6:]}"
    return draw(written_like_a_person(national)), expected


@st.composite
def landlines(draw: st.DrawFn) -> tuple[str, str]:
    area = draw(st.sampled_from(AREA_CODES))
    # Subscriber numbers start with 2–8 in these areas.
    rest = draw(st.sampled_from("2345678")) + draw(st.text(alphabet="0123456789", min_size=6, max_size=6))
    national = area + rest
    expected = f"+48 {area} {rest[:3]} {rest[3:5]} {rest[5:]}"
    return draw(written_like_a_person(national)), expected


def outcome(normalise: Normaliser, text: str | None) -> str | ValidationError | None:
    try:
        return normalise(text)
    except ValidationError as exc:
        return exc


@pytest.mark.parametrize("field", list(ContactField))
@given(text=ANY_TEXT)
@example(text="\x00")
@example(text="+48 601 234 567\u200b")
@example(text="0" * 41)
@example(text="+" * 30)
@example(text="(((((")
@example(text="@")
@example(text="a@b")
@example(text="ja@xn--80ak6aa92e.com")
@example(text="😀@😀.pl")
def test_any_text_gives_a_value_or_a_validation_error_for_that_field(field: ContactField, text: str) -> None:
    result = outcome(NORMALISERS[field], text)

    if isinstance(result, ValidationError):
        assert result.field == field.value
        assert result.message.endswith(".")
    else:
        assert result is None or (result == result.strip() and result)


@pytest.mark.parametrize("field", list(ContactField))
@given(text=ANY_TEXT)
def test_normalising_is_idempotent(field: ContactField, text: str) -> None:
    normalise = NORMALISERS[field]
    first = outcome(normalise, text)

    if not isinstance(first, ValidationError):
        assert normalise(first) == first


@given(typed=mobiles())
@example(typed=("0048 601-234-567", "+48 601 234 567"))
@example(typed=("48601234567", "+48 601 234 567"))
@example(typed=("+48 5 0 0 1 2 3 4 5 6", "+48 500 123 456"))
def test_a_polish_mobile_however_written_is_stored_as_plus_48_and_three_groups(typed: tuple[str, str]) -> None:
    text, expected = typed

    assert normalise_mobile(text) == expected
    assert normalise_mobile(expected) == expected


@given(typed=landlines())
def test_a_polish_landline_however_written_is_stored_with_its_area_code(typed: tuple[str, str]) -> None:
    text, expected = typed

    assert normalise_landline(text) == expected


@given(typed=mobiles())
def test_a_mobile_typed_into_the_landline_field_is_refused_with_a_hint(typed: tuple[str, str]) -> None:
    with pytest.raises(ValidationError) as refused:
        normalise_landline(typed[0])

    assert refused.value.field == "landline"
    assert "komórkow" in refused.value.message


@given(typed=landlines())
def test_a_landline_typed_into_the_mobile_field_is_refused_with_a_hint(typed: tuple[str, str]) -> None:
    with pytest.raises(ValidationError) as refused:
        normalise_mobile(typed[0])

    assert refused.value.field == "mobile"
    assert "stacjonarn" in refused.value.message


@given(address=st.emails())
def test_a_generated_email_address_is_accepted_or_refused_cleanly_and_normalises_once(address: str) -> None:
    result = outcome(normalise_email, address)

    if isinstance(result, ValidationError):
        assert result.field == "email"
    else:
        assert result is not None
        assert normalise_email(result) == result


@given(blank=st.text(alphabet=" \t\n\r\u00a0\u2003", max_size=20) | st.none())
def test_blank_input_clears_every_field(blank: str | None) -> None:
    for normalise in NORMALISERS.values():
        assert normalise(blank) is None
