"""Dates and times as users in Poland read them, and the office's time zone."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from iok_desktop.domain.errors import ValidationError

OFFICE_TZ = ZoneInfo("Europe/Warsaw")

_PL_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


def format_date(value: date) -> str:
    return f"{value.day:02d}.{value.month:02d}.{value.year:04d}"


def format_datetime(value: datetime) -> str:
    """A stored (UTC) moment as office local time: ``25.11.2026 14:05``."""
    local = value.astimezone(OFFICE_TZ) if value.tzinfo else value
    return f"{format_date(local.date())} {local:%H:%M}"


def parse_date(text: str, *, field: str = "date") -> date:
    """Accept ``25.11.2026`` (how Poles write it) and ``2026-11-25`` (how exports write it)."""
    cleaned = (text or "").strip()
    match = _PL_DATE.match(cleaned)
    if match:
        day, month, year = (int(g) for g in match.groups())
    else:
        match = _ISO_DATE.match(cleaned)
        if not match:
            raise ValidationError("Podaj datę w postaci DD.MM.RRRR, np. 25.11.2026.", field=field)
        year, month, day = (int(g) for g in match.groups())
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise ValidationError(f"Data {cleaned} nie istnieje w kalendarzu.", field=field) from exc


def utc_now() -> datetime:
    return datetime.now(UTC)


def office_today(now: datetime) -> date:
    """The calendar day at the office for a UTC moment (a reading at 00:30 belongs to that day)."""
    return now.astimezone(OFFICE_TZ).date()
