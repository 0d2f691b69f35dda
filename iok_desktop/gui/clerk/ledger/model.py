"""The ledger table: keyset pages of ``ledger.entries_page`` behind the offset-based PagedTableModel.

``PagedTableModel`` asks for ``fetch(offset, limit)``; the service pages by key (the booking date
and id of the last row shown), which stays fast however long the history is. ``LedgerSource``
bridges the two: it remembers, for every offset it has reached, the key of the row just before it,
so "the next page" is one indexed query, never an OFFSET scan and never the whole ledger.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from iok_desktop.domain.dates import format_date
from iok_desktop.domain.enums import LedgerKind
from iok_desktop.domain.money import balance_label, format_money
from iok_desktop.gui.clerk.context import ClerkContext
from iok_desktop.gui.clerk.ledger.period import Period
from iok_desktop.gui.operations import OperationRunner
from iok_desktop.gui.paged_model import Column, PagedTableModel
from iok_desktop.services import ledger
from iok_desktop.services.ledger import EntryKey, EntryRow

PAGE_SIZE = 100
Index = QModelIndex | QPersistentModelIndex

_MUTED = QColor("#6b7280")
_CREDIT = QColor("#1e7b34")
_AMOUNT_COLUMNS = {"charge", "payment", "balance"}


def key_of(row: EntryRow) -> EntryKey:
    return (row.booking_date, row.id)


class LedgerSource:
    """``fetch(offset, limit)`` for one premises and period, over keyset pages.

    Called only on the worker thread (one worker, so calls never overlap): the map of keys is
    never shared with the UI thread. Asking for more than the service's page limit (a refresh of
    many rows already shown) is split into several pages.
    """

    def __init__(self, ctx: ClerkContext, premises_id: int, period: Period) -> None:
        self.ctx = ctx
        self.premises_id = premises_id
        self.period = period
        # offset → key of the row just before it (None: the start of the period).
        self._after: dict[int, EntryKey | None] = {0: None}
        self.queries = 0

    def __call__(self, offset: int, limit: int) -> list[EntryRow]:
        # Normally the offset is known (the end of the rows shown); otherwise walk from the nearest one.
        start = max(known for known in self._after if known <= offset)
        after = self._after[start]
        position, end = start, offset + limit
        collected: list[EntryRow] = []
        while position < end:
            page = self.ctx.call(
                ledger.entries_page,
                self.premises_id,
                date_from=self.period.date_from,
                date_to=self.period.date_to,
                after=after,
                limit=min(end - position, ledger.MAX_PAGE),
            )()
            self.queries += 1
            collected.extend(page.rows)
            position += len(page.rows)
            if page.rows:
                after = key_of(page.rows[-1])
                self._after[position] = after
            if page.next_after is None:
                break
        if offset == 0:
            # Read again from the start (a refresh): later offsets may have moved (a back-dated entry).
            self._after = {known: key for known, key in self._after.items() if known <= position}
        return collected[offset - start :]


class LedgerTableModel(PagedTableModel[EntryRow]):
    """Entries in booking order with their running balance; amounts right-aligned, Polish style."""

    def __init__(self, runner: OperationRunner, today: date, page_size: int = PAGE_SIZE) -> None:
        self.today = today
        # translate(), not self.tr(): the QObject does not exist yet.
        columns = [
            Column[EntryRow](
                "booking_date",
                QCoreApplication.translate("LedgerTableModel", "Date"),
                lambda r: format_date(r.booking_date),
                sortable=False,
            ),
            Column[EntryRow](
                "title",
                QCoreApplication.translate("LedgerTableModel", "Title"),
                lambda r: r.title,
                tooltip=self._title_tooltip,
                sortable=False,
            ),
            Column[EntryRow](
                "kind", QCoreApplication.translate("LedgerTableModel", "Kind"), lambda r: r.kind.label, sortable=False
            ),
            Column[EntryRow](
                "due_date",
                QCoreApplication.translate("LedgerTableModel", "Due date"),
                lambda r: format_date(r.due_date) if r.due_date else "",
                sortable=False,
            ),
            Column[EntryRow](
                "charge",
                QCoreApplication.translate("LedgerTableModel", "Charges"),
                lambda r: _amount(r.charge),
                True,
                sortable=False,
            ),
            Column[EntryRow](
                "payment",
                QCoreApplication.translate("LedgerTableModel", "Payments"),
                lambda r: _amount(r.payment),
                True,
                sortable=False,
            ),
            Column[EntryRow](
                "balance",
                QCoreApplication.translate("LedgerTableModel", "Balance"),
                lambda r: format_money(r.running_balance),
                True,
                tooltip=lambda r: f"{balance_label(r.running_balance)} {format_money(abs(r.running_balance))}",
                sortable=False,
            ),
            Column[EntryRow](
                "document",
                QCoreApplication.translate("LedgerTableModel", "Document no."),
                lambda r: r.document_id or "",
                sortable=False,
            ),
        ]
        super().__init__(runner, columns, key=lambda r: r.id, page_size=page_size)
        self._header_tips = {
            "charge": self.tr("Debit (Winien): charges and corrections that raise what is owed"),
            "payment": self.tr("Credit (Ma): payments and corrections that lower what is owed"),
            "balance": self.tr("Balance after the entry: above zero owed, below zero overpaid"),
        }

    def _title_tooltip(self, row: EntryRow) -> str:
        lines = [row.title]
        if row.corrects_entry_id is not None:
            found = self.row_of_key(row.corrects_entry_id)
            if found is None:
                lines.append(self.tr("Corrects entry no. %1").replace("%1", str(row.corrects_entry_id)))
            else:
                corrected = self.row_at(found)
                lines.append(
                    self.tr("Corrects the entry of %1: %2 (%3)")
                    .replace("%1", format_date(corrected.booking_date))
                    .replace("%2", corrected.title)
                    .replace("%3", format_money(corrected.amount))
                )
        if row.booking_date > self.today:
            lines.append(self.tr("Booked ahead: not counted in today's amount due yet."))
        elif row.kind is not LedgerKind.PAYMENT and row.due_date is not None and row.due_date > self.today:
            lines.append(self.tr("Not due yet: not counted in today's amount due."))
        lines.append(self.tr("Entry no. %1, source: %2").replace("%1", str(row.id)).replace("%2", row.source))
        return "\n".join(lines)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and 0 <= section < self.columnCount():
            key = self.column_key(section)
            if role == Qt.ItemDataRole.ToolTipRole:
                return self._header_tips.get(key)
            if role == Qt.ItemDataRole.TextAlignmentRole and key in _AMOUNT_COLUMNS:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return super().headerData(section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid() and index.row() < self.rowCount():
            row, key = self.row_at(index.row()), self.column_key(index.column())
            if row.booking_date > self.today:
                return QBrush(_MUTED)
            if key == "balance" and row.running_balance < 0:
                return QBrush(_CREDIT)
            if key == "due_date" and row.due_date is not None and row.due_date > self.today:
                return QBrush(_MUTED)
            return None
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid() and index.row() < self.rowCount():
            tip = super().data(index, role)
            return tip if tip is not None else self._title_tooltip(self.row_at(index.row()))
        return super().data(index, role)


def _amount(value: Decimal) -> str:
    return format_money(value) if value else ""
