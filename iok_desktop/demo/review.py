"""The review context stored with each demo reading, exactly as the reading service computes it.

``services.readings.rules.review_context`` stores with every reading (and the clerks' queue shows):

* ``previous_value`` / ``previous_reading_date``: the meter's last *accepted* reading on or before
  the reading's date (never the reading itself), else the meter's initial value on the day it was
  installed, so a meter's first reading has a consumption too;
* ``consumption``: the value minus that previous value;
* ``average_daily_consumption``: ``domain.readings.average_daily_consumption`` over the accepted
  readings of the 365 days up to the reading's date plus the last one before them (``_history``);
  the initial value counts only for a meter installed within those 365 days;
* ``anomaly_reason``: a value below the previous one, else ``domain.readings.consumption_anomaly``,
  else the gap of ``_gap_reason``: no accepted reading since the last window of the building's rule
  that closed before the reading's date opened (the meter was billed at a flat rate meanwhile).

The service does this with a few queries per reading; here a meter's accepted readings are two
lists of day indexes and thousandths, and the average and the anomaly test are exact integer
arithmetic (half-even rounding to millionths, like ``Decimal.quantize``), so the Decimal-based
domain function only builds the text of the few readings that are flagged. The demo tests recompute
the context through the service itself and compare.

The one reading without a previous value is the initial reading a meter replacement writes for the
new meter (``services.meters.replace_meter`` stores it accepted, with no context); see ``readings``.
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date
from decimal import Decimal

from iok_desktop.demo.meters import MeterPlan
from iok_desktop.demo.timeline import Timeline
from iok_desktop.domain.dates import format_date
from iok_desktop.domain.readings import (
    AVERAGE_LOOKBACK_DAYS,
    MIN_AVERAGE_SPAN_DAYS,
    WindowRule,
    consumption_anomaly,
    format_reading_value,
    last_closed_window,
)

# (previous_value, previous_reading_date, consumption, average_daily_consumption, anomaly_reason):
# values in thousandths, the average in millionths (see ``rows``).
Context = tuple[int, date, int, int | None, str | None]


class GapWindows:
    """For every day of the timeline, the last window of one rule that closed before that day.

    Kept as the day index the window opened on and the beginning of ``_gap_reason``'s text, so a
    reading's gap check is one comparison.
    """

    def __init__(self, timeline: Timeline, rule: WindowRule) -> None:
        self.opens: list[int] = []
        self.prefix: list[str] = []
        texts: dict[date, str] = {}
        for day in timeline.days:
            window = last_closed_window(rule, day)
            if window.opens not in texts:
                texts[window.opens] = (
                    "Brak odczytu w poprzednim okresie odczytowym "
                    f"({format_date(window.opens)}–{format_date(window.closes)}); ostatni z dnia "
                )
            self.opens.append(timeline.index(window.opens))
            self.prefix.append(texts[window.opens])


class MeterReview:
    """One meter's accepted readings so far, and the review context a new reading gets from them.

    Readings are added in date order; ``context`` may be asked for any day from the latest
    accepted reading on (a rejected submission is dated the day before the accepted correction).
    """

    __slots__ = (
        "days", "gap", "initial", "installed", "installed_on", "multiple", "multiple_hundredths", "places",
        "timeline", "unit", "values",
    )  # fmt: skip

    def __init__(self, timeline: Timeline, meter: MeterPlan, gap: GapWindows, multiple: Decimal) -> None:
        self.timeline = timeline
        self.gap = gap
        self.multiple = multiple
        self.multiple_hundredths = int(multiple * 100)
        self.unit = meter.unit
        self.places = meter.decimal_places
        self.installed = meter.installed_index  # may be before the history (negative)
        self.installed_on = meter.installed_on
        self.initial = meter.initial_value
        self.days: list[int] = []
        self.values: list[int] = []

    def add(self, day: int, value: int) -> None:
        self.days.append(day)
        self.values.append(value)

    def previous_value(self, day: int) -> int:
        """The value a reading dated ``day`` is compared with."""
        count = bisect_right(self.days, day)
        return self.values[count - 1] if count else self.initial

    def context(self, day: int, value: int) -> Context:
        days, values = self.days, self.values
        count = bisect_right(days, day)  # accepted readings on or before ``day``
        if count:
            previous_index, previous_value = days[count - 1], values[count - 1]
            previous_date = self.timeline.days[previous_index]
        else:
            previous_index, previous_value, previous_date = self.installed, self.initial, self.installed_on
        consumption = value - previous_value
        average = self._average(day, count)
        if consumption < 0:
            shown = format_reading_value(Decimal(previous_value).scaleb(-3), self.places)
            reason: str | None = (
                f"Stan niższy niż poprzedni odczyt ({shown} {self.unit} z dnia {format_date(previous_date)})."
            )
        else:
            reason = self._over_average(consumption, day - previous_index, average)
            if reason is None and previous_index < self.gap.opens[day] and self.installed < self.gap.opens[day]:
                reason = f"{self.gap.prefix[day]}{format_date(previous_date)}."
        return previous_value, previous_date, consumption, average, reason

    def _average(self, day: int, count: int) -> int | None:
        """``average_daily_consumption(_history(…), day)`` in millionths, or None."""
        days, values = self.days, self.values
        since = day - AVERAGE_LOOKBACK_DAYS
        before = bisect_right(days, since, 0, count) - 1  # the last accepted reading on or before ``since``
        if before >= 0:
            first_day, first_value, points = days[before], values[before], count - before
        elif self.installed > since and (count == 0 or days[0] > self.installed):
            # Installed within the 12 months: the initial value is the starting point.
            first_day, first_value, points = self.installed, self.initial, count + 1
        elif count:
            first_day, first_value, points = days[0], values[0], count
        else:
            return None
        if points < 2:
            return None
        span = days[count - 1] - first_day
        rise = values[count - 1] - first_value
        if span < MIN_AVERAGE_SPAN_DAYS or rise < 0:
            return None
        # Thousandths → millionths per day, rounded half to even like Decimal.quantize.
        quotient, remainder = divmod(rise * 1000, span)
        if remainder * 2 > span or (remainder * 2 == span and quotient % 2 == 1):
            quotient += 1
        return quotient

    def _over_average(self, consumption: int, days: int, average: int | None) -> str | None:
        """``consumption_anomaly``'s text, decided first by an exact integer test."""
        if average is None or average <= 0 or consumption <= 0:
            return None
        # Consumption in thousandths × 1000 is millionths like the average; both sides × 100 for the
        # multiple's two decimals: exactly ``consumption > average × days × multiple``.
        if consumption * 100_000 <= average * max(days, 1) * self.multiple_hundredths:
            return None
        return consumption_anomaly(
            consumption=Decimal(consumption).scaleb(-3),
            days=days,
            average_daily=Decimal(average).scaleb(-6),
            multiple=self.multiple,
            unit=self.unit,
        )
