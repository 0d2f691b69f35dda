"""The staff users table's columns (a few dozen rows at most: a ``ListTableModel`` holds them all)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication

from iok_desktop.domain.dates import format_datetime
from iok_desktop.gui.paged_model import Column
from iok_desktop.services.staff import StaffRow

# A lock this far ahead means "until the office unlocks it" (lockout minutes set to 0).
FOREVER = timedelta(days=365 * 10)


def is_locked(row: StaffRow, now: datetime) -> bool:
    return row.locked_until is not None and row.locked_until > now


def status_text(row: StaffRow, now: datetime) -> str:
    if not row.is_active:
        return QCoreApplication.translate("StaffTable", "deactivated")
    parts = []
    if row.locked_until is not None and row.locked_until > now:
        if row.locked_until - now > FOREVER:
            parts.append(QCoreApplication.translate("StaffTable", "locked until the office unlocks it"))
        else:
            parts.append(
                QCoreApplication.translate("StaffTable", "locked until %1").replace(
                    "%1", format_datetime(row.locked_until)
                )
            )
    else:
        parts.append(QCoreApplication.translate("StaffTable", "active"))
    if row.must_change_password:
        parts.append(QCoreApplication.translate("StaffTable", "must set a password"))
    return ", ".join(parts)


def staff_columns(now: Callable[[], datetime]) -> list[Column[StaffRow]]:
    """``now()`` gives the current moment (the backend's clock), for the lock status."""

    def last_sign_in(row: StaffRow) -> str:
        return format_datetime(row.last_login_at) if row.last_login_at else "—"

    return [
        Column("login", QCoreApplication.translate("StaffTable", "User ID"), lambda r: r.login),
        Column("name", QCoreApplication.translate("StaffTable", "Full name"), lambda r: r.full_name),
        Column("role", QCoreApplication.translate("StaffTable", "Role"), lambda r: r.role.label),
        Column("status", QCoreApplication.translate("StaffTable", "Status"), lambda r: status_text(r, now())),
        Column("last_login", QCoreApplication.translate("StaffTable", "Last sign-in"), last_sign_in),
    ]
