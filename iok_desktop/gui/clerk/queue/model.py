"""The queue's table: pending readings a page at a time, formatted as a Polish clerk reads them.

Numbers have a decimal comma and are right-aligned; dates are 25.11.2026. A flagged reading shows
a warning icon on a tinted cell in the first column (the reason is its tooltip) and its consumption
in amber.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QIcon
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from iok_desktop.domain.dates import format_date, format_datetime
from iok_desktop.domain.readings import format_reading_value
from iok_desktop.gui.operations import OperationRunner
from iok_desktop.gui.paged_model import Column, PagedTableModel
from iok_desktop.services.readings import QueueRow

Index = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole
FLAG_BACKGROUND = QColor("#fdf0d5")
FLAG_FOREGROUND = QColor("#7a4a00")


def value_text(value: Decimal | None, decimal_places: int) -> str:
    return "" if value is None else format_reading_value(value, decimal_places)


def average_text(row: QueueRow) -> str:
    # A whole-unit meter's average still needs a decimal to mean something (2,9 m³, not 3).
    return value_text(row.average_monthly_consumption, max(row.decimal_places, 1))


def premises_text(row: QueueRow) -> str:
    return f"{row.address} · {row.premises_code}"


def kind_text(row: QueueRow) -> str:
    return f"{row.meter_kind.label} ({row.unit})"


def queue_columns() -> list[Column[QueueRow]]:
    """Column keys are the service's sort keys (``SORT_COLUMNS``): every column sorts on the server."""
    return [
        # Only the icon (at a glance, first); the reason is the tooltip, and in full in the detail pane.
        Column(
            "anomaly",
            QCoreApplication.translate("QueueColumns", "Anomaly"),
            lambda _r: "",
            tooltip=lambda r: r.anomaly_reason,
        ),
        Column(
            "premises", QCoreApplication.translate("QueueColumns", "Premises"), premises_text, tooltip=premises_text
        ),
        Column("meter_kind", QCoreApplication.translate("QueueColumns", "Meter"), kind_text),
        Column("meter", QCoreApplication.translate("QueueColumns", "Serial no."), lambda r: r.serial_number),
        Column(
            "previous",
            QCoreApplication.translate("QueueColumns", "Previous"),
            lambda r: value_text(r.previous_value, r.decimal_places),
            align_right=True,
        ),
        Column(
            "previous_date",
            QCoreApplication.translate("QueueColumns", "Prev. date"),
            lambda r: format_date(r.previous_reading_date) if r.previous_reading_date else "",
            align_right=True,
        ),
        Column(
            "value",
            QCoreApplication.translate("QueueColumns", "New reading"),
            lambda r: value_text(r.value, r.decimal_places),
            align_right=True,
        ),
        Column(
            "reading_date",
            QCoreApplication.translate("QueueColumns", "Date"),
            lambda r: format_date(r.reading_date),
            align_right=True,
        ),
        Column(
            "consumption",
            QCoreApplication.translate("QueueColumns", "Consumption"),
            lambda r: value_text(r.consumption, r.decimal_places),
            align_right=True,
        ),
        Column("average", QCoreApplication.translate("QueueColumns", "Avg / 30 days"), average_text, align_right=True),
        Column("source", QCoreApplication.translate("QueueColumns", "Source"), lambda r: r.source.label),
        Column(
            "submitted_at",
            QCoreApplication.translate("QueueColumns", "Submitted"),
            lambda r: format_datetime(r.submitted_at),
            align_right=True,
        ),
    ]


def header_tooltips() -> dict[str, str]:
    return {
        "premises": QCoreApplication.translate("QueueColumns", "Address and premises code"),
        "meter_kind": QCoreApplication.translate("QueueColumns", "Kind of meter (and its unit)"),
        "meter": QCoreApplication.translate("QueueColumns", "The meter's serial number"),
        "previous_date": QCoreApplication.translate("QueueColumns", "Date of the previous accepted reading"),
        "value": QCoreApplication.translate("QueueColumns", "The reading waiting for approval"),
        "reading_date": QCoreApplication.translate("QueueColumns", "Date of the new reading"),
        "source": QCoreApplication.translate("QueueColumns", "How the reading was submitted"),
        "submitted_at": QCoreApplication.translate("QueueColumns", "When the reading was submitted"),
        "previous": QCoreApplication.translate("QueueColumns", "The last accepted reading before this one"),
        "consumption": QCoreApplication.translate("QueueColumns", "New reading minus the previous one"),
        "average": QCoreApplication.translate(
            "QueueColumns", "The meter's average use per 30 days over the last 12 months"
        ),
        "anomaly": QCoreApplication.translate("QueueColumns", "Anomaly flag: hover the icon to see why"),
    }


class QueueModel(PagedTableModel[QueueRow]):
    def __init__(self, runner: OperationRunner, page_size: int = 200) -> None:
        super().__init__(runner, queue_columns(), key=lambda r: r.reading_id, page_size=page_size)
        self._anomaly_column = self.column_of_key("anomaly")
        self._consumption_column = self.column_of_key("consumption")
        self._flag_icon: QIcon | None = None
        self._header_tips = header_tooltips()

    def is_sortable(self, column: int) -> bool:
        return self._columns[column].sortable

    def _icon(self) -> QIcon:
        if self._flag_icon is None:
            self._flag_icon = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        return self._flag_icon

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            key = self._columns[section].key
            if role == Qt.ItemDataRole.ToolTipRole:
                return self._header_tips.get(key)
            if key == "anomaly" and role == Qt.ItemDataRole.DisplayRole:
                return ""
            if key == "anomaly" and role == Qt.ItemDataRole.DecorationRole:
                return self._icon()
            if key == "anomaly" and role == Qt.ItemDataRole.AccessibleTextRole:
                return self._columns[section].title
            if role == Qt.ItemDataRole.TextAlignmentRole and self._columns[section].align_right:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return super().headerData(section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == ROW_ROLE:
            return row
        if row.anomaly_reason is not None:
            flag = self._flag_data(index.column(), role, row.anomaly_reason)
            if flag is not None:
                return flag
        return super().data(index, role)

    def _flag_data(self, column: int, role: int, reason: str) -> Any:
        """What marks a flagged row: the icon on a tinted cell, and the consumption in amber."""
        found: Any = None
        if column == self._anomaly_column:
            if role == Qt.ItemDataRole.DecorationRole:
                found = self._icon()
            elif role == Qt.ItemDataRole.BackgroundRole:
                found = QBrush(FLAG_BACKGROUND)
            elif role == Qt.ItemDataRole.AccessibleTextRole:
                found = reason
        elif column == self._consumption_column and role == Qt.ItemDataRole.ForegroundRole:
            found = QBrush(FLAG_FOREGROUND)
        return found


class RowDelegate(QStyledItemDelegate):
    """Rows are what the clerk selects: no frame around one cell; the flag icon centred in its column."""

    def __init__(self, flag_column: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._flag_column = flag_column

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:  # noqa: N802
        super().initStyleOption(option, index)
        option.state &= ~QStyle.StateFlag.State_HasFocus
        if index.column() == self._flag_column:
            option.decorationAlignment = Qt.AlignmentFlag.AlignCenter
            option.decorationPosition = QStyleOptionViewItem.Position.Top
            option.features &= ~QStyleOptionViewItem.ViewItemFeature.HasDisplay
