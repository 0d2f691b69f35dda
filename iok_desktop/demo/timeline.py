"""The demo's calendar: the history period, day-indexed lookups and seasonal use profiles.

The generator asks for the same few thousand days millions of times (a reading date, a moment in
UTC, how much water a flat uses between two days), so everything here is computed once per run and
then looked up by a day index: plain list indexing instead of building dates and converting time
zones per row.
"""

from __future__ import annotations

import calendar
from datetime import UTC, date, datetime, timedelta
from itertools import accumulate

from iok_desktop.domain.dates import OFFICE_TZ
from iok_desktop.domain.enums import MeterKind, WindowFrequency
from iok_desktop.domain.readings import Window, WindowRule, window_for_period_end

# Relative daily use by calendar month (January first), before normalising to a mean of 1.
# Water: a little more in summer (showers, gardens on balconies).
_WATER_PROFILE = (0.97, 0.96, 0.98, 0.99, 1.02, 1.06, 1.08, 1.07, 1.02, 0.98, 0.96, 0.97)
# Heat: shares of a Szczecin heating season (degree days); nothing from June to August.
_HEAT_PROFILE = (0.17, 0.15, 0.13, 0.08, 0.03, 0.0, 0.0, 0.0, 0.02, 0.08, 0.13, 0.16)
# Electricity in garages and shops: lighting, more in the dark months.
_ELECTRICITY_PROFILE = (1.25, 1.15, 1.05, 0.95, 0.85, 0.8, 0.8, 0.82, 0.9, 1.05, 1.18, 1.28)

_PROFILE_OF_KIND = {
    MeterKind.COLD_WATER: _WATER_PROFILE,
    MeterKind.HOT_WATER: _WATER_PROFILE,
    MeterKind.HEAT: _HEAT_PROFILE,
    MeterKind.ELECTRICITY: _ELECTRICITY_PROFILE,
    MeterKind.GAS: _WATER_PROFILE,
}

_PERIOD_MONTHS = {
    WindowFrequency.MONTHLY: 1,
    WindowFrequency.QUARTERLY: 3,
    WindowFrequency.HALF_YEARLY: 6,
    WindowFrequency.YEARLY: 12,
}

# Days after ``today`` the lookups reach: the reading window that is open today closes after it
# (at most 40 + 14 days ahead for the demo's quarterly windows).
_DAYS_AHEAD = 62


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, clamped to the month's end (31 March + 1 → 30 April)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def add_years(day: date, years: int) -> date:
    return add_months(day, 12 * years)


class Timeline:
    """Days from the first of the first history month to a little after ``today``, by index."""

    def __init__(self, today: date, years: int) -> None:
        self.today = today
        # History covers whole months: ``years * 12`` of them, the current month included.
        self.start = add_months(today.replace(day=1), -(years * 12 - 1))
        self.origin = self.start.toordinal()
        count = today.toordinal() - self.origin + 1 + _DAYS_AHEAD
        self.days: list[date] = [self.start + timedelta(days=i) for i in range(count)]
        self.today_index = today.toordinal() - self.origin
        # Midnight of each office day expressed in UTC (the offset taken at noon: DST switches at night).
        self._midnight_utc: list[datetime] = [
            datetime(d.year, d.month, d.day, tzinfo=UTC) - _noon_offset(d) for d in self.days
        ]
        self._cumulative = {kind: self._cumulate(profile) for kind, profile in _PROFILE_OF_KIND.items()}
        # Day index of the last day of every history month (the current month's may lie ahead).
        self.month_ends: list[int] = [
            self.index(date(year, month, calendar.monthrange(year, month)[1])) for year, month in self.months()
        ]

    # --- days and moments -----------------------------------------------------------------------

    def index(self, day: date) -> int:
        return day.toordinal() - self.origin

    def day(self, index: int) -> date:
        return self.days[index]

    def moment(self, index: int, seconds: int) -> datetime:
        """UTC moment of an office-local time of day (``seconds`` after local midnight)."""
        return self._midnight_utc[index] + timedelta(seconds=seconds)

    @staticmethod
    def at(day: date, seconds: int) -> datetime:
        """Like ``moment`` for any day, also outside the history (slow path, for the odd row)."""
        return datetime(day.year, day.month, day.day, tzinfo=UTC) - _noon_offset(day) + timedelta(seconds=seconds)

    def months(self) -> list[tuple[int, int]]:
        """(year, month) of every history month, oldest first, the current month last."""
        first = self.start.year * 12 + self.start.month - 1
        last = self.today.year * 12 + self.today.month - 1
        return [(m // 12, m % 12 + 1) for m in range(first, last + 1)]

    # --- reading windows ------------------------------------------------------------------------

    def windows(self, rule: WindowRule) -> list[Window]:
        """Windows whose period ends fall in the history, up to the first one opening after today."""
        step = _PERIOD_MONTHS[rule.frequency]
        month = ((self.start.month - 1) // step + 1) * step
        end = date(self.start.year, month, calendar.monthrange(self.start.year, month)[1])
        windows: list[Window] = []
        while True:
            window = window_for_period_end(rule, end)
            if window.opens > self.today:
                return windows
            windows.append(window)
            following = add_months(end.replace(day=1), step)
            end = following.replace(day=calendar.monthrange(following.year, following.month)[1])

    # --- seasonal use ---------------------------------------------------------------------------

    def use_between(self, kind: MeterKind, first: int, last: int) -> float:
        """Weighted days of use from day ``first`` to day ``last`` (a year weighs 365)."""
        cumulative = self._cumulative[kind]
        return cumulative[last] - cumulative[first]

    def _cumulate(self, profile: tuple[float, ...]) -> list[float]:
        # Weight of one day in month m: the month's share of a year spread over its days, so that a
        # whole year always adds up to 365 whatever the profile's shape.
        total = sum(profile)
        daily = [profile[d.month - 1] / total * 365 / calendar.monthrange(d.year, d.month)[1] for d in self.days]
        return list(accumulate(daily, initial=0.0))[:-1]


def _noon_offset(day: date) -> timedelta:
    # An aware datetime always has an offset; ``or`` only satisfies the type (None → UTC).
    return datetime(day.year, day.month, day.day, 12, tzinfo=OFFICE_TZ).utcoffset() or timedelta(0)
