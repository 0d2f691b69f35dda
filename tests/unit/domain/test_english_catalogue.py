"""Every Polish text the core shows has English (``domain.messages_en``), and English mode uses it.

The scan (``core_texts``) finds each DomainError message, each ``localize``/``core_text`` site and the
password rule lines in the source; each must be translated completely by the catalogue, and each
catalogue entry must still match some text of the core.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from enum import StrEnum

import pytest

from iok_desktop.domain import enums
from iok_desktop.domain.catalogue import Catalogue
from iok_desktop.domain.contacts import normalise_email
from iok_desktop.domain.dates import parse_date
from iok_desktop.domain.enums import ActorKind, ApplicationStatus, LedgerKind, ReadingStatus, StaffRole
from iok_desktop.domain.errors import ConfirmationRequiredError, DomainError, NotFoundError, ValidationError
from iok_desktop.domain.language import (
    current_language,
    english_catalogue,
    localize,
    set_language,
)
from iok_desktop.domain.messages_en import ENUM_LABELS, MESSAGES
from iok_desktop.domain.money import balance_label, polish_balance_label
from iok_desktop.domain.passwords import check_policy
from iok_desktop.domain.readings import consumption_anomaly, parse_reading_value
from tests.unit.domain.core_texts import collect_sites, sample, skeleton


@pytest.fixture(autouse=True)
def _polish_afterwards() -> Iterator[None]:
    yield
    set_language("pl")


# --- The catalogue is complete and current ---------------------------------------------------------


def test_every_message_site_of_the_core_can_be_followed() -> None:
    unresolved = [f"{s.path}:{s.line}: {s.source}" for s in collect_sites() if s.templates is None]
    assert not unresolved, (
        "These messages are built in a way the scan cannot follow; write them as literals or f-strings, "
        "or list the texts they produce in core_texts.COMPOSED:\n" + "\n".join(unresolved)
    )


def test_every_polish_text_of_the_core_has_english() -> None:
    catalogue = english_catalogue()
    missing = [
        f"{site.path}:{site.line}: {template!r}"
        for site in collect_sites()
        for template in site.templates or ()
        if not catalogue.translate(sample(template)).complete
    ]
    assert not missing, "No English in domain/messages_en.py MESSAGES for:\n" + "\n".join(missing)


def test_every_catalogue_entry_is_still_used() -> None:
    catalogue = english_catalogue()
    used: set[str] = set()
    for site in collect_sites():
        for template in site.templates or ():
            used |= catalogue.translate(sample(template)).used
    unused = [key for key in MESSAGES if key not in used]
    assert not unused, "Entries of MESSAGES that match no text of the core any more:\n" + "\n".join(unused)


def test_no_entry_is_hidden_behind_a_more_general_one() -> None:
    """A text whose own entry exists is translated by that entry, not by a looser template."""
    catalogue = english_catalogue()
    by_shape = {skeleton(key): key for key in MESSAGES}
    hidden = []
    for site in collect_sites():
        for template in site.templates or ():
            own = by_shape.get(skeleton(template))
            if own is not None and own not in catalogue.translate(sample(template)).used:
                hidden.append(f"{site.path}:{site.line}: {template!r}")
    assert not hidden, "\n".join(hidden)


def test_every_enum_label_has_english() -> None:
    labelled = [
        cls
        for cls in vars(enums).values()
        if isinstance(cls, type)
        and issubclass(cls, StrEnum)
        and cls.__module__ == enums.__name__
        and hasattr(cls, "label")
        and len(cls) > 0
    ]
    assert len(labelled) >= 14
    assert set(ENUM_LABELS) == set(labelled)
    for cls in labelled:
        english = ENUM_LABELS[cls]
        assert all(type(member) is cls for member in english), cls
        assert set(english) == set(cls), cls
        assert all(text.strip() for text in english.values()), cls


def test_templates_need_text_around_their_values_and_the_same_placeholders() -> None:
    with pytest.raises(ValueError, match="placeholders differ"):
        Catalogue({"Licznik {serial} nie istnieje.": "Meter {number} does not exist."})
    for key in MESSAGES:
        assert sample(key).strip("⟨⟩0123456789 ,.") != "", key


# --- Behaviour --------------------------------------------------------------------------------------


def test_polish_is_the_default_and_unchanged() -> None:
    assert current_language() == "pl"
    assert localize("Nie ma takiego licznika.") == "Nie ma takiego licznika."
    with pytest.raises(ValidationError) as refused:
        parse_reading_value("-5", decimal_places=3)
    assert refused.value.message == str(refused.value) == "Stan licznika nie może być ujemny."
    assert ReadingStatus.PENDING.label == "oczekujący na akceptację"
    assert balance_label(Decimal(10)) == "do zapłaty"


def test_language_codes() -> None:
    for code, expected in [("en", "en"), ("en_GB.UTF-8", "en"), ("EN-us", "en"), ("pl_PL", "pl"), ("pl", "pl")]:
        set_language(code)
        assert current_language() == expected
    with pytest.raises(ValueError, match="unsupported language"):
        set_language("de")
    assert current_language() == "pl"


def test_error_messages_are_english_with_their_values(english: None) -> None:
    with pytest.raises(ValidationError) as negative:
        parse_reading_value("-5", decimal_places=3)
    assert str(negative.value) == negative.value.message == "A meter reading cannot be negative."
    assert negative.value.polish == "Stan licznika nie może być ujemny."
    with pytest.raises(ValidationError) as places:
        parse_reading_value("1,2345", decimal_places=2)
    assert places.value.message == "This meter has at most 2 digit(s) after the decimal comma."
    with pytest.raises(ValidationError) as calendar:
        parse_date("31.02.2026")
    assert calendar.value.message == "The date 31.02.2026 does not exist in the calendar."
    with pytest.raises(ValidationError) as email:
        normalise_email("jan.kowalski@")
    assert email.value.message == "This is not a valid e-mail address. Check that it has the form name@domain.com."


def test_a_list_of_polish_words_inside_a_message_is_translated(english: None) -> None:
    with pytest.raises(ValidationError) as weak:
        check_policy("abcdefgh")
    assert weak.value.message == (
        "The password must contain: an upper-case letter, a digit. A password must have at least 8 characters "
        "and contain lower-case and upper-case letters and digits."
    )


def test_the_language_is_read_when_the_message_is(english: None) -> None:
    error = NotFoundError("Nie ma takiego licznika.")
    assert error.message == "There is no such meter."
    set_language("pl")
    assert error.message == "Nie ma takiego licznika."


def test_texts_without_english_stay_as_they_are(english: None) -> None:
    assert localize("Jan Kowalski") == "Jan Kowalski"
    assert DomainError("Coś zupełnie nowego.").message == "Coś zupełnie nowego."
    assert localize("") == ""


def test_joined_warnings_are_translated_sentence_by_sentence(english: None) -> None:
    warning = (
        "Stan niższy niż poprzedni odczyt (96,000 m³ z dnia 31.10.2026). "
        "Czy licznik wymieniono albo poprzedni odczyt był błędny?"
    )
    error = ConfirmationRequiredError(warning, warnings=[warning], field="value")
    expected = (
        "The reading is lower than the previous one (96,000 m³ on 31.10.2026). "
        "Has the meter been replaced, or was the previous reading wrong?"
    )
    assert error.warnings == [expected]
    assert error.message == expected
    assert error.polish_warnings == [warning]


def test_a_stored_flag_is_polish_and_shown_in_english(english: None) -> None:
    flag = consumption_anomaly(
        consumption=Decimal(30), days=30, average_daily=Decimal("0.1"), multiple=Decimal(3), unit="m³"
    )
    assert flag == "Zużycie 30 m³ jest 10,0× wyższe od średniej z 12 miesięcy (3 m³ w tym czasie)."
    assert localize(flag) == "Consumption of 30 m³ is 10,0× the 12-month average (3 m³ over the same period)."


def test_enum_labels_and_balance_words(english: None) -> None:
    assert ReadingStatus.PENDING.label == "awaiting approval"
    assert ReadingStatus.PENDING.polish_label == "oczekujący na akceptację"
    assert StaffRole.CLERK.label == "clerk"
    assert ActorKind.STAFF.label == "staff"
    assert ApplicationStatus.REFUSED.label == "refused"
    assert ReadingStatus.REJECTED.label == "rejected"
    assert LedgerKind.PAYMENT.label == "payment"
    assert balance_label(Decimal(10)) == "to pay"
    assert balance_label(Decimal(-10)) == "overpaid"
    assert balance_label(Decimal(0)) == "settled"
    assert polish_balance_label(Decimal(10)) == "do zapłaty"  # the statement PDF is a Polish document


def test_most_specific_template_wins(english: None) -> None:
    assert localize("Data księgowania 31.02.2026 nie istnieje w kalendarzu.") == (
        "The booking date 31.02.2026 does not exist in the calendar."
    )
    assert (
        localize("Data 31.02.2026 nie istnieje w kalendarzu.") == "The date 31.02.2026 does not exist in the calendar."
    )


def test_the_catalogue_is_loaded_only_for_english() -> None:
    code = (
        "import sys\n"
        "import iok_desktop.domain.errors, iok_desktop.domain.enums, iok_desktop.domain.language as language\n"
        "from iok_desktop.domain.enums import MeterKind\n"
        "assert MeterKind.GAS.label == 'gaz'\n"
        "assert str(iok_desktop.domain.errors.DomainError('Podaj kwotę.')) == 'Podaj kwotę.'\n"
        "assert 'iok_desktop.domain.messages_en' not in sys.modules\n"
        "language.set_language('en')\n"
        "assert language.localize('Podaj kwotę.') == 'Enter the amount.'\n"
        "assert 'iok_desktop.domain.messages_en' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_english_dates_are_left_as_the_core_writes_them(english: None) -> None:
    """Dates and numbers keep the Polish notation the whole application uses (25.11.2026, 1 234,56)."""
    assert parse_date("25.11.2026") == date(2026, 11, 25)
