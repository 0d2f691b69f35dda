"""Reading values as residents type them, reading windows, and the 12-month average (no database)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from iok_desktop.domain.enums import WindowFrequency
from iok_desktop.domain.errors import ValidationError
from iok_desktop.domain.readings import (
    PastReading,
    WindowRule,
    average_daily_consumption,
    consumption_anomaly,
    format_reading_value,
    last_closed_window,
    next_window,
    parse_reading_value,
    window_containing,
)


@pytest.mark.parametrize(
    ("text", "places", "expected"),
    [
        ("123,45", 2, "123.45"),
        ("123.45", 2, "123.45"),
        (" 12 345,5 ", 3, "12345.5"),
        ("0", 0, "0"),
        ("007", 0, "7"),
        ("100,000", 0, "100"),
        ("1,230", 2, "1.23"),
    ],
)
def test_values_are_read_the_way_residents_type_them(text: str, places: int, expected: str) -> None:
    assert parse_reading_value(text, decimal_places=places) == Decimal(expected)


@pytest.mark.parametrize("text", ["", "  ", "abc", "12a", "1e3", "--1", "-1", "1,2.3", "1..2", "+5", "½", "١٢٣"])
def test_non_numbers_and_negatives_are_refused_on_the_value_field(text: str) -> None:
    with pytest.raises(ValidationError) as refused:
        parse_reading_value(text, decimal_places=3)
    assert refused.value.field == "value"


@given(st.decimals(min_value=0, max_value=Decimal("99999999999.999"), places=3), st.sampled_from([",", "."]))
def test_any_valid_value_round_trips_through_its_polish_form(value: Decimal, separator: str) -> None:
    text = format_reading_value(value, 3).replace(",", separator)
    assert parse_reading_value(text, decimal_places=3) == value


@given(st.text(max_size=40))
def test_arbitrary_text_is_either_a_non_negative_value_or_a_validation_error(text: str) -> None:
    try:
        value = parse_reading_value(text, decimal_places=2)
    except ValidationError as error:
        assert error.message and error.field == "value"
    else:
        assert value >= 0 and value == value.quantize(Decimal("0.01"))


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=1, max_value=999))
def test_more_decimals_than_the_meter_shows_are_refused(whole: int, fraction: int) -> None:
    text = f"{whole},{fraction:03d}"
    if fraction % 10 == 0:
        return  # trailing zero: fits two places
    with pytest.raises(ValidationError, match="najwyżej 2"):
        parse_reading_value(text, decimal_places=2)


QUARTERLY = WindowRule(WindowFrequency.QUARTERLY, days_before=10, days_after=7)


def test_quarterly_window_spans_the_turn_of_the_year() -> None:
    window = window_containing(QUARTERLY, date(2027, 1, 3))
    assert window is not None
    assert (window.opens, window.period_end, window.closes) == (
        date(2026, 12, 21),
        date(2026, 12, 31),
        date(2027, 1, 7),
    )
    assert window_containing(QUARTERLY, date(2026, 11, 25)) is None
    assert next_window(QUARTERLY, date(2026, 11, 25)).opens == date(2026, 12, 21)
    assert last_closed_window(QUARTERLY, date(2026, 11, 25)).closes == date(2026, 10, 7)


def test_monthly_window_handles_february() -> None:
    rule = WindowRule(WindowFrequency.MONTHLY, days_before=3, days_after=2)
    window = window_containing(rule, date(2028, 2, 27))
    assert window is not None and window.period_end == date(2028, 2, 29)


def test_windows_that_would_overlap_are_refused() -> None:
    with pytest.raises(ValidationError, match="najwyżej 28 dni"):
        WindowRule(WindowFrequency.MONTHLY, days_before=20, days_after=10).validate()
    WindowRule(WindowFrequency.HALF_YEARLY, days_before=60, days_after=30).validate()


@given(
    st.sampled_from(list(WindowFrequency)),
    st.integers(0, 13),
    st.integers(0, 13),
    st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31)),
)
def test_every_day_is_either_in_one_window_or_between_two(
    frequency: WindowFrequency, before: int, after: int, day: date
) -> None:
    rule = WindowRule(frequency, before, after)
    window = window_containing(rule, day)
    if window is not None:
        assert window.opens <= day <= window.closes
    else:
        assert last_closed_window(rule, day).closes < day < next_window(rule, day).opens


def _monthly(start: date, months: int, per_month: Decimal) -> list[PastReading]:
    return [PastReading(start + timedelta(days=30 * n), per_month * n) for n in range(months + 1)]


def test_average_uses_the_last_twelve_months_and_the_reading_before_them() -> None:
    history = _monthly(date(2025, 1, 1), 22, Decimal(3))
    as_of = history[-1].reading_date
    assert average_daily_consumption(history, as_of) == Decimal("0.100000")


def test_no_average_without_enough_history() -> None:
    assert average_daily_consumption([PastReading(date(2026, 11, 1), Decimal(5))], date(2026, 11, 25)) is None
    short = [PastReading(date(2026, 11, 1), Decimal(5)), PastReading(date(2026, 11, 10), Decimal(6))]
    assert average_daily_consumption(short, date(2026, 11, 25)) is None


def test_anomaly_is_flagged_above_the_multiple_with_a_readable_reason() -> None:
    reason = consumption_anomaly(
        consumption=Decimal(40), days=30, average_daily=Decimal("0.1"), multiple=Decimal(3), unit="m³"
    )
    assert reason == "Zużycie 40 m³ jest 13,3× wyższe od średniej z 12 miesięcy (3 m³ w tym czasie)."
    assert (
        consumption_anomaly(
            consumption=Decimal(8), days=30, average_daily=Decimal("0.1"), multiple=Decimal(3), unit="m³"
        )
        is None
    )
    assert (
        consumption_anomaly(consumption=Decimal(8), days=30, average_daily=None, multiple=Decimal(3), unit="m³") is None
    )
