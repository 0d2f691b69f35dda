"""Contact data residents changed themselves in IOK, until a clerk marks the change seen.

A lazily fetched table (newest first, keyset by id); select rows and press "Mark as seen".
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from iok_desktop.domain.dates import format_datetime
from iok_desktop.domain.errors import DomainError
from iok_desktop.gui.clerk.context import ClerkContext
from iok_desktop.gui.clerk.registry.keyset import KeysetPages
from iok_desktop.gui.clerk.registry.tables import setup_paged_view
from iok_desktop.gui.paged_model import Column, PagedTableModel
from iok_desktop.gui.widgets import set_role
from iok_desktop.services import contacts
from iok_desktop.services.contacts import UnseenContactChange

DASH = "—"
TABLE_KEY = "registry/resident_changes"


class ResidentChangesView(QWidget):
    marked = Signal(int)

    def __init__(self, ctx: ClerkContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Contact data residents changed themselves in IOK. Note the new numbers where you need them, "
                "then select the rows and mark them as seen."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.model: PagedTableModel[UnseenContactChange] = PagedTableModel(
            ctx.runner, self._columns(), key=lambda c: c.id
        )
        self.model.setParent(self)  # freed with its screen (see paged_model.PagedTableModel)
        self.table = QTableView(self)
        self.table.setObjectName("resident_changes_table")
        setup_paged_view(self.table, self.model, ctx.settings, TABLE_KEY)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.status_label = QLabel(self)
        self.status_label.setObjectName("resident_changes_status_label")
        self.mark_seen_button = QPushButton(self.tr("Mark as seen"), self)
        self.mark_seen_button.setObjectName("mark_seen_button")
        self.mark_seen_button.setEnabled(False)
        self.mark_seen_button.clicked.connect(self.mark_selected_seen)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.setObjectName("refresh_changes_button")
        self.refresh_button.clicked.connect(self.reload)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("resident_changes_count_label")
        buttons.addWidget(self.count_label)
        buttons.addWidget(self.status_label, 1)
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.mark_seen_button)
        layout.addLayout(buttons)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.page_loaded.connect(self._show_count)

    def _columns(self) -> list[Column[UnseenContactChange]]:
        return [
            Column("changed_at", self.tr("Changed"), lambda c: format_datetime(c.changed_at)),
            Column("person", self.tr("Resident"), lambda c: c.person_name),
            Column("premises", self.tr("Premises"), lambda c: "; ".join(c.addresses) or DASH),
            Column("field", self.tr("Field"), lambda c: c.field.label),
            Column("old", self.tr("Old value"), lambda c: c.old_value or DASH),
            Column("new", self.tr("New value"), lambda c: c.new_value or DASH),
            Column("login", self.tr("IOK user ID"), lambda c: c.changed_by_login or DASH),
        ]

    def reload(self) -> None:
        ctx = self.ctx

        def after(before_id: int | None, limit: int) -> list[UnseenContactChange]:
            return ctx.call(contacts.unseen_resident_changes, limit=limit, before_id=before_id)()

        self.model.load(KeysetPages(after, key=lambda c: c.id, max_limit=contacts.MAX_PAGE))

    def selected_changes(self) -> list[UnseenContactChange]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.row_at(r) for r in rows]

    def select_rows(self, rows: list[int]) -> None:
        selection = self.table.selectionModel()
        selection.clearSelection()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for row in rows:
            selection.select(self.model.index(row, 0), flags)

    def mark_selected_seen(self) -> None:
        ids = [c.id for c in self.selected_changes()]
        if not ids:
            return
        self.mark_seen_button.setEnabled(False)
        self.ctx.run(self.ctx.call(contacts.mark_seen, ids), self._marked, self._failed)

    def _marked(self, count: int) -> None:
        self._message(self.tr("Marked as seen: %1.").replace("%1", str(count)), error=False)
        self.table.selectionModel().clearSelection()
        self.model.refresh()
        self.marked.emit(count)

    def _failed(self, error: BaseException) -> bool:
        self._selection_changed()
        if isinstance(error, DomainError):
            self._message(error.message, error=True)
            return True
        return False

    def _message(self, text: str, *, error: bool) -> None:
        self.status_label.setText(text)
        set_role(self.status_label, "field-error" if error else "")

    def _selection_changed(self, *_args: object) -> None:
        self.mark_seen_button.setEnabled(bool(self.table.selectionModel().selectedRows()))

    def _show_count(self) -> None:
        count = self.model.rowCount()
        more = "+" if self.model.canFetchMore() else ""
        self.count_label.setText(
            self.tr("Unseen changes: %1").replace("%1", f"{count}{more}") if count else self.tr("No unseen changes.")
        )
