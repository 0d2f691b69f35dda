"""Date-time edits show office (Warsaw) wall-clock time; the services want aware datetimes.

The edits hold naive wall-clock values (their zone is UTC only so that no local daylight-saving rule
of the machine shifts them); the office zone is attached here.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, QDateTime, QTime, QTimeZone
from PySide6.QtWidgets import QDateTimeEdit

from iok_desktop.domain.dates import OFFICE_TZ

WALL_CLOCK = QTimeZone.utc()


def prepare(edit: QDateTimeEdit) -> None:
    edit.setTimeZone(WALL_CLOCK)


def to_minute(value: datetime) -> datetime:
    """The office wall-clock minute of a moment, as the edit shows it."""
    return value.astimezone(OFFICE_TZ).replace(second=0, microsecond=0)


def set_moment(edit: QDateTimeEdit, value: datetime) -> None:
    local = to_minute(value)
    edit.setDateTime(QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute), WALL_CLOCK))


def moment(edit: QDateTimeEdit) -> datetime:
    shown = edit.dateTime().toTimeZone(WALL_CLOCK)
    d, t = shown.date(), shown.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=OFFICE_TZ)
