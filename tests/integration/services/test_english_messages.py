"""Real service refusals in English (``set_language("en")``) with their values, and Polish otherwise.

What is stored stays Polish (a reading's flag in the database); it is shown in the current language.
"""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from iok_desktop.db.database import Database
from iok_desktop.db.models import MeterReading
from iok_desktop.domain.errors import AuthenticationError, ConfirmationRequiredError, ValidationError
from iok_desktop.services import auth, contacts, readings
from iok_desktop.services.context import SYSTEM, FixedClock, ServiceContext
from iok_desktop.services.ledger_import import parse_row
from tests.support.builders import Household, accepted_reading, make_household, make_meter, make_staff

TODAY = date(2026, 11, 25)  # the test clock; the default monthly window is open


def _scene(s: Session) -> tuple[Household, int]:
    household = make_household(s)
    meter = make_meter(s, household.premises)
    accepted_reading(s, meter, date(2026, 9, 30), "93.000", clerk=household.clerk)
    accepted_reading(s, meter, date(2026, 10, 31), "96.000", clerk=household.clerk)
    s.commit()
    return household, meter.id


def test_a_wrong_login_in_english(db: Database, clock: FixedClock, english: None) -> None:
    with db.session() as s:
        make_staff(s, "jkowalska")
        s.commit()
        outcome = auth.login_staff(ServiceContext(s, SYSTEM, clock), "jkowalska", "Cokolwiek123")
        assert type(outcome.error) is AuthenticationError
        assert str(outcome.error) == "Wrong user ID or password."


def test_a_lower_reading_in_english_with_its_values(db: Database, clock: FixedClock, english: None) -> None:
    with db.session() as s:
        household, meter_id = _scene(s)
        with pytest.raises(ValidationError) as refused:
            readings.submit_reading(household.resident(s, clock), meter_id, "95", TODAY)
        assert refused.value.message == (
            "The reading entered (95,000 m³) is lower than the last accepted reading (96,000 m³ on 31.10.2026). "
            "Check the number; if the meter has been replaced, report it to the management office."
        )
        clerk = household.clerk_ctx(s, clock)
        with pytest.raises(ConfirmationRequiredError) as warned:
            readings.submit_reading(clerk, meter_id, "95", TODAY)
        expected = (
            "The reading is lower than the previous one (96,000 m³ on 31.10.2026). "
            "Has the meter been replaced, or was the previous reading wrong?"
        )
        assert warned.value.warnings == [expected]
        assert str(warned.value) == expected
        result = readings.submit_reading(clerk, meter_id, "95", TODAY, acknowledge_warnings=True)
        s.commit()
        assert result.warnings == [expected]
        assert result.reading.anomaly_reason == "The reading is lower than the previous one (96,000 m³ on 31.10.2026)."
        stored = s.scalar(select(MeterReading.anomaly_reason).where(MeterReading.id == result.reading.id))
        assert stored == "Stan niższy niż poprzedni odczyt (96,000 m³ z dnia 31.10.2026)."


def test_the_same_refusal_stays_polish_in_polish(db: Database, clock: FixedClock) -> None:
    with db.session() as s:
        household, meter_id = _scene(s)
        with pytest.raises(ValidationError, match=r"^Podany stan \(95,000 m³\) jest niższy niż ostatni zaakceptowany"):
            readings.submit_reading(household.resident(s, clock), meter_id, "95", TODAY)


def test_an_invalid_email_in_english(db: Database, clock: FixedClock, english: None) -> None:
    with db.session() as s:
        household = make_household(s)
        s.commit()
        with pytest.raises(contacts.ContactValidationError) as refused:
            contacts.update_contact(
                household.resident(s, clock), household.person.id, landline=None, mobile=None, email="nie-email"
            )
        assert refused.value.field == "email"
        assert refused.value.errors["email"] == (
            "E-mail address: this is not a valid e-mail address. Check that it has the form name@domain.com."
        )
        assert refused.value.message == refused.value.errors["email"]


def test_import_row_reasons_in_english(english: None) -> None:
    columns = {"premises": 0, "booking_date": 1, "due_date": 2, "kind": 3, "title": 4, "amount": 5, "document_id": 6}
    unknown_kind = parse_row(2, ["01-005-012", "01.11.2026", "", "zwrot", "Tytuł", "10,00", "D/1"], columns)
    assert unknown_kind.problem == (
        "Unknown kind of entry “zwrot”: use naliczenie (charge), wpłata (payment) or korekta (correction)."
    )
    bad_date = parse_row(3, ["01-005-012", "31.02.2026", "", "wpłata", "Tytuł", "10,00", "D/2"], columns)
    assert bad_date.problem == "The booking date 31.02.2026 does not exist in the calendar."
    bad_amount = parse_row(4, ["01-005-012", "01.11.2026", "", "wpłata", "Tytuł", "dziesięć", "D/3"], columns)
    assert bad_amount.problem is not None and bad_amount.problem.endswith("In the file: “dziesięć”.")
