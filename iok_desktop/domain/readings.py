"""Meter-reading rules that need no database: parsing a typed value, windows, consumption maths."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation

from iok_desktop.domain.enums import WindowFrequency
from iok_desktop.domain.errors import ValidationError
from iok_desktop.domain.language import core_text

MAX_INTEGER_DIGITS = 11  # NUMERIC(14, 3)
_VALUE_RE = re.compile(r"^[0-9]+(?:[.,][0-9]+)?$")  # ASCII digits only: "١٢٣" is not a reading


def parse_reading_value(text: str, *, decimal_places: int, field: str = "value") -> Decimal:
    """A value as a resident types it: "123,45" and "123.45" are the same; "12 345" too.

    Refused: empty input, anything that is not a plain number, negatives, and more decimal places
    than the meter shows (trailing zeros do not count: "123,50" fits a meter with one decimal).
    """
    cleaned = (text or "").strip().replace("\u00a0", "").replace(" ", "")
    if not cleaned:
        raise ValidationError("Podaj stan licznika.", field=field)
    if cleaned.startswith("-"):
        raise ValidationError("Stan licznika nie może być ujemny.", field=field)
    if not _VALUE_RE.match(cleaned):
        raise ValidationError("Stan licznika musi być liczbą, np. 123 lub 123,45 (bez liter i znaków).", field=field)
    try:
        value = Decimal(cleaned.replace(",", "."))
    except InvalidOperation as exc:  # pragma: no cover - guarded by the regex
        raise ValidationError("Stan licznika musi być liczbą.", field=field) from exc
    integer_part, _, fraction = cleaned.replace(",", ".").partition(".")
    significant = fraction.rstrip("0")
    if len(significant) > decimal_places:
        if decimal_places == 0:
            message = "Ten licznik odczytuje się w pełnych jednostkach — podaj liczbę bez części po przecinku."
        else:
            message = f"Ten licznik ma najwyżej {decimal_places} cyfr(y) po przecinku."
        raise ValidationError(message, field=field)
    if len(integer_part.lstrip("0")) > MAX_INTEGER_DIGITS:
        raise ValidationError("Stan licznika jest za duży — sprawdź liczbę cyfr.", field=field)
    return value.quantize(Decimal(1).scaleb(-3))


def format_reading_value(value: Decimal, decimal_places: int) -> str:
    """Polish decimal comma, as many places as the meter shows: ``123,45``."""
    quantum = Decimal(1).scaleb(-decimal_places)
    return f"{value.quantize(quantum):f}".replace(".", ",")


# --- Reading windows ------------------------------------------------------------------------

_PERIOD_MONTHS = {
    WindowFrequency.MONTHLY: 1,
    WindowFrequency.QUARTERLY: 3,
    WindowFrequency.HALF_YEARLY: 6,
    WindowFrequency.YEARLY: 12,
}


@dataclass(frozen=True)
class WindowRule:
    frequency: WindowFrequency
    days_before: int
    days_after: int

    def validate(self) -> None:
        if self.days_before < 0 or self.days_after < 0:
            raise ValidationError("Liczba dni okna odczytów nie może być ujemna.", field="days_before")
        # Windows of neighbouring periods must not overlap (February has 28 days).
        shortest = 28 * _PERIOD_MONTHS[self.frequency]
        if self.days_before + self.days_after + 1 > shortest:
            raise ValidationError(
                f"Okno odczytów może trwać najwyżej {shortest} dni przy tej częstotliwości.",
                field="days_before",
            )


@dataclass(frozen=True)
class Window:
    period_end: date
    opens: date
    closes: date

    def contains(self, day: date) -> bool:
        return self.opens <= day <= self.closes


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _period_end_on_or_after(day: date, frequency: WindowFrequency) -> date:
    step = _PERIOD_MONTHS[frequency]
    month = ((day.month - 1) // step + 1) * step  # last month of the period containing ``day``
    return _month_end(day.year, month)


def _shift_period_end(end: date, frequency: WindowFrequency, periods: int) -> date:
    months = end.year * 12 + (end.month - 1) + periods * _PERIOD_MONTHS[frequency]
    return _month_end(months // 12, months % 12 + 1)


def window_for_period_end(rule: WindowRule, period_end: date) -> Window:
    return Window(
        period_end,
        period_end - timedelta(days=rule.days_before),
        period_end + timedelta(days=rule.days_after),
    )


def window_containing(rule: WindowRule, day: date) -> Window | None:
    """The window open on ``day``, if any (it may belong to the period that just ended)."""
    end = _period_end_on_or_after(day, rule.frequency)
    for candidate in (end, _shift_period_end(end, rule.frequency, -1)):
        window = window_for_period_end(rule, candidate)
        if window.contains(day):
            return window
    return None


def last_closed_window(rule: WindowRule, day: date) -> Window:
    """The most recent window that closed before ``day``."""
    end = _period_end_on_or_after(day, rule.frequency)
    for back in range(3):
        window = window_for_period_end(rule, _shift_period_end(end, rule.frequency, -back))
        if window.closes < day:
            return window
    raise AssertionError("unreachable: windows are shorter than a period")  # pragma: no cover


def next_window(rule: WindowRule, day: date) -> Window:
    """The next window that opens after ``day`` (for "readings can be submitted from …")."""
    end = _period_end_on_or_after(day, rule.frequency)
    for ahead in range(3):
        window = window_for_period_end(rule, _shift_period_end(end, rule.frequency, ahead))
        if window.opens > day:
            return window
    raise AssertionError("unreachable")  # pragma: no cover


# --- Consumption and anomalies ---------------------------------------------------------------

AVERAGE_LOOKBACK_DAYS = 365
# Fewer days than this between the first and last reading give no trustworthy average.
MIN_AVERAGE_SPAN_DAYS = 28
DAILY_QUANTUM = Decimal("0.000001")


@dataclass(frozen=True)
class PastReading:
    reading_date: date
    value: Decimal


def average_daily_consumption(history: list[PastReading], as_of: date) -> Decimal | None:
    """Average use per day over the last 12 months of accepted readings of one meter.

    ``history`` is in date order and belongs to one meter, so a replacement never mixes in.
    Uses the last reading before the 12 months as the starting point when there is one.
    """
    start_limit = as_of - timedelta(days=AVERAGE_LOOKBACK_DAYS)
    before = [r for r in history if r.reading_date <= start_limit]
    within = [r for r in history if start_limit < r.reading_date <= as_of]
    points = ([before[-1]] if before else []) + within
    if len(points) < 2:
        return None
    first, last = points[0], points[-1]
    span = (last.reading_date - first.reading_date).days
    if span < MIN_AVERAGE_SPAN_DAYS or last.value < first.value:
        return None
    return ((last.value - first.value) / span).quantize(DAILY_QUANTUM)


def consumption_anomaly(
    *,
    consumption: Decimal,
    days: int,
    average_daily: Decimal | None,
    multiple: Decimal,
    unit: str,
) -> str | None:
    """A reason when use since the last reading is far above the meter's 12-month average."""
    if average_daily is None or average_daily <= 0 or consumption <= 0:
        return None
    expected = average_daily * max(days, 1)
    if consumption > expected * multiple:
        ratio = (consumption / expected).quantize(Decimal("0.1"))
        return core_text(
            f"Zużycie {_plain(consumption)} {unit} jest {str(ratio).replace('.', ',')}× wyższe "
            f"od średniej z 12 miesięcy ({_plain(expected.quantize(Decimal('0.001')))} {unit} "
            f"w tym czasie)."
        )
    return None


def _plain(value: Decimal) -> str:
    text = f"{value.normalize():f}"
    return text.replace(".", ",")
