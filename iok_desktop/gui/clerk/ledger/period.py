"""The period the ledger table shows: presets a clerk asks for, or two dates of their own.

Qt-free, so the rules are easy to test. "Everything" has no dates at all (the table pages run
unbounded); the statement summary then uses the widest range the database can hold.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

# What "no limit" means for ledger.statement, which needs two dates.
EARLIEST = date(1900, 1, 1)
LATEST = date(9999, 12, 31)


class Preset(StrEnum):
    LAST_12_MONTHS = "last_12_months"
    THIS_YEAR = "this_year"
    EVERYTHING = "everything"
    CUSTOM = "custom"


@dataclass(frozen=True)
class Period:
    date_from: date | None
    date_to: date | None

    def contains(self, day: date) -> bool:
        return (self.date_from is None or day >= self.date_from) and (self.date_to is None or day <= self.date_to)

    def statement_range(self) -> tuple[date, date]:
        return self.date_from or EARLIEST, self.date_to or LATEST


def year_ago(today: date) -> date:
    """The day after the same day a year earlier: 12 months ending today (29.02 → 01.03)."""
    try:
        return today.replace(year=today.year - 1) + timedelta(days=1)
    except ValueError:  # 29 February
        return date(today.year - 1, 3, 1)


def preset_period(preset: Preset, today: date) -> Period:
    if preset is Preset.LAST_12_MONTHS:
        return Period(year_ago(today), today)
    if preset is Preset.THIS_YEAR:
        return Period(date(today.year, 1, 1), date(today.year, 12, 31))
    if preset is Preset.EVERYTHING:
        return Period(None, None)
    raise ValueError("a custom period has no preset dates")
