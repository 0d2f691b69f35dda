"""Table columns of the meters screen.

Worklists are ``PagedTableModel``s (fetched a page at a time); a premises' meters and an import's
rejected rows are short lists already in hand, shown with ``ListTableModel`` (``gui/list_model.py``).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication

from iok_desktop.domain.dates import format_date
from iok_desktop.domain.readings import format_reading_value
from iok_desktop.gui.paged_model import Column
from iok_desktop.services.reading_import import RejectedRow
from iok_desktop.services.readings import MeterRow
from iok_desktop.services.worklists import NoReadingRow, VerificationRow


def _date_or(day: date | None, empty: str) -> str:
    return format_date(day) if day is not None else empty


def _signed(number: int) -> str:
    return f"−{-number}" if number < 0 else str(number)


def no_reading_columns() -> list[Column[NoReadingRow]]:
    never = QCoreApplication.translate("MetersColumns", "none")
    remote = QCoreApplication.translate("MetersColumns", "yes")
    return [
        Column("code", QCoreApplication.translate("MetersColumns", "Premises"), lambda r: r.premises_code),
        Column("address", QCoreApplication.translate("MetersColumns", "Address"), lambda r: r.address),
        Column("kind", QCoreApplication.translate("MetersColumns", "Meter"), lambda r: r.kind.label),
        Column("serial", QCoreApplication.translate("MetersColumns", "Serial number"), lambda r: r.serial_number),
        Column(
            "remote",
            QCoreApplication.translate("MetersColumns", "Remote read"),
            lambda r: remote if r.remote_read else "",
        ),
        Column(
            "window",
            QCoreApplication.translate("MetersColumns", "Reading window"),
            lambda r: f"{format_date(r.window_opens)}–{format_date(r.window_closes)}",
        ),
        Column(
            "last",
            QCoreApplication.translate("MetersColumns", "Last accepted reading"),
            lambda r: _date_or(r.last_accepted_date, never),
        ),
    ]


def verification_columns() -> list[Column[VerificationRow]]:
    expired = QCoreApplication.translate("MetersColumns", "expired")
    expiring = QCoreApplication.translate("MetersColumns", "expiring")
    return [
        Column("code", QCoreApplication.translate("MetersColumns", "Premises"), lambda r: r.premises_code),
        Column("address", QCoreApplication.translate("MetersColumns", "Address"), lambda r: r.address),
        Column("kind", QCoreApplication.translate("MetersColumns", "Meter"), lambda r: r.kind.label),
        Column("serial", QCoreApplication.translate("MetersColumns", "Serial number"), lambda r: r.serial_number),
        Column(
            "installed", QCoreApplication.translate("MetersColumns", "Installed"), lambda r: format_date(r.installed_on)
        ),
        Column(
            "until",
            QCoreApplication.translate("MetersColumns", "Legalisation until"),
            lambda r: format_date(r.next_verification_on),
        ),
        Column("days", QCoreApplication.translate("MetersColumns", "Days left"), lambda r: _signed(r.days_left), True),
        Column(
            "status",
            QCoreApplication.translate("MetersColumns", "Status"),
            lambda r: expired if r.expired else expiring,
        ),
    ]


def meter_choice_columns() -> list[Column[MeterRow]]:
    never = QCoreApplication.translate("MetersColumns", "none")
    yes = QCoreApplication.translate("MetersColumns", "yes")

    def last(row: MeterRow) -> str:
        if row.last_accepted_value is None or row.last_accepted_date is None:
            return never
        value = format_reading_value(row.last_accepted_value, row.decimal_places)
        return f"{value} {row.unit} ({format_date(row.last_accepted_date)})"

    return [
        Column("kind", QCoreApplication.translate("MetersColumns", "Meter"), lambda r: r.kind.label),
        Column("serial", QCoreApplication.translate("MetersColumns", "Serial number"), lambda r: r.serial_number),
        Column(
            "installed", QCoreApplication.translate("MetersColumns", "Installed"), lambda r: format_date(r.installed_on)
        ),
        Column("last", QCoreApplication.translate("MetersColumns", "Last accepted reading"), last),
        Column(
            "until",
            QCoreApplication.translate("MetersColumns", "Legalisation until"),
            lambda r: _date_or(r.next_verification_on, "—"),
        ),
        Column(
            "remote", QCoreApplication.translate("MetersColumns", "Remote read"), lambda r: yes if r.remote_read else ""
        ),
    ]


def rejected_columns() -> list[Column[RejectedRow]]:
    return [
        Column("line", QCoreApplication.translate("MetersColumns", "Line"), lambda r: str(r.line), True),
        Column("serial", QCoreApplication.translate("MetersColumns", "Serial number"), lambda r: r.serial),
        Column("reason", QCoreApplication.translate("MetersColumns", "Why it was not imported"), lambda r: r.reason),
    ]
