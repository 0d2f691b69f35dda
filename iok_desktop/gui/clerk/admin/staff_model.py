"""The staff users table (a few dozen rows at most, so it holds them all)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from iok_desktop.domain.dates import format_datetime
from iok_desktop.services.staff import StaffRow

Index = QModelIndex | QPersistentModelIndex
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


class StaffTableModel(QAbstractTableModel):
    def __init__(self, now: Callable[[], datetime]) -> None:
        """``now()`` gives the current moment (the backend's clock), for lock status."""
        super().__init__()
        self._now = now
        self._rows: list[StaffRow] = []
        self._titles = [
            QCoreApplication.translate("StaffTable", "User ID"),
            QCoreApplication.translate("StaffTable", "Full name"),
            QCoreApplication.translate("StaffTable", "Role"),
            QCoreApplication.translate("StaffTable", "Status"),
            QCoreApplication.translate("StaffTable", "Last sign-in"),
        ]

    def set_rows(self, rows: list[StaffRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[StaffRow]:
        return list(self._rows)

    def row_at(self, row: int) -> StaffRow:
        return self._rows[row]

    def row_of_id(self, staff_id: int) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.id == staff_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._titles)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._titles[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows) or role != Qt.ItemDataRole.DisplayRole:
            return None
        row = self._rows[index.row()]
        column = index.column()
        if column == 0:
            return row.login
        if column == 1:
            return row.full_name
        if column == 2:
            return row.role.label
        if column == 3:
            return status_text(row, self._now())
        return format_datetime(row.last_login_at) if row.last_login_at else "—"
