"""The demo cooperative's reading windows: a quarterly default, monthly in a few buildings.

* The cooperative default is quarterly, open from 40 days before to 14 days after each quarter's
  end (the Q4 window runs 21.11–14.01), so a resident has almost two months to submit.
* Every tenth building (the 3rd, 13th, 23rd, …) reads monthly, 10 days either side of a month's end.
* The first building, where the demo residents live, must have a window open on the demo's "today"
  that opened a few days ago (so readings already wait in it): the default when it is, else the
  monthly rule, else a monthly rule stretched to cover today (any day of the year qualifies).
"""

from __future__ import annotations

import calendar
from datetime import date

from iok_desktop.domain.enums import WindowFrequency
from iok_desktop.domain.readings import Window, WindowRule, window_containing

DEFAULT_WINDOW = WindowRule(WindowFrequency.QUARTERLY, days_before=40, days_after=14)
MONTHLY_WINDOW = WindowRule(WindowFrequency.MONTHLY, days_before=10, days_after=10)
MONTHLY_EVERY = 10
# The demo residents' window has been open at least this long, so submissions can already be in it.
OPEN_FOR_DAYS = 3

_ROMAN = ("I", "II", "III", "IV")
_MONTHS = (
    "styczeń", "luty", "marzec", "kwiecień", "maj", "czerwiec",
    "lipiec", "sierpień", "wrzesień", "październik", "listopad", "grudzień",
)  # fmt: skip


def rule_for_building(position: int) -> WindowRule:
    """The window rule of the building at ``position`` (0-based), the first building aside."""
    return MONTHLY_WINDOW if position % MONTHLY_EVERY == 2 else DEFAULT_WINDOW


def showcase_rule(today: date) -> WindowRule:
    """The first building's rule: its window is open on ``today`` and opened ``OPEN_FOR_DAYS`` ago or more."""
    for rule in (DEFAULT_WINDOW, MONTHLY_WINDOW):
        window = window_containing(rule, today)
        if window is not None and (today - window.opens).days >= OPEN_FOR_DAYS:
            return rule
    if today.day <= 14:
        # The window of last month's end, kept open until a few days after today.
        rule = WindowRule(WindowFrequency.MONTHLY, days_before=10, days_after=today.day + OPEN_FOR_DAYS)
    else:
        # The window of this month's end, opened a few days ago (before + after + 1 <= 28 days).
        month_end = calendar.monthrange(today.year, today.month)[1]
        before = month_end - today.day + OPEN_FOR_DAYS
        rule = WindowRule(WindowFrequency.MONTHLY, days_before=before, days_after=min(10, 27 - before))
    rule.validate()
    return rule


def open_window(rule: WindowRule, today: date) -> Window:
    window = window_containing(rule, today)
    if window is None:  # pragma: no cover - showcase_rule guarantees one
        raise AssertionError(f"no window of {rule} is open on {today}")
    return window


def period_label(rule: WindowRule, window: Window) -> str:
    """What the window is for: ``listopad 2026``, ``IV kwartał 2026``, ``II półrocze 2026``, ``rok 2026``."""
    end = window.period_end
    if rule.frequency is WindowFrequency.MONTHLY:
        return f"{_MONTHS[end.month - 1]} {end.year}"
    if rule.frequency is WindowFrequency.QUARTERLY:
        return f"{_ROMAN[(end.month - 1) // 3]} kwartał {end.year}"
    if rule.frequency is WindowFrequency.HALF_YEARLY:
        return f"{_ROMAN[(end.month - 1) // 6]} półrocze {end.year}"
    return f"rok {end.year}"
