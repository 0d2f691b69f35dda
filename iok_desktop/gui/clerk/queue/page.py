"""Kolejka odczytów: the clerks' reading-approval queue.

Keyboard first: the table has focus, A approves the selected rows, R rejects them (with a reason),
N or Down goes to the next row; after each action the row after the last one acted on is selected.
Ctrl+Shift+A approves every unflagged reading of the current filter (after a confirmation naming
how many), F5 re-reads. Rows come a page at a time (``QueueModel``), sorted on the server by the
column header the clerk clicked; readings that arrive or leave elsewhere show up by themselves
(``LiveRefresh``) with the selection and scroll position kept.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QFont, QFontMetrics, QHideEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStyle,
    QTableView,
    QWidget,
)

from iok_desktop.domain.dates import format_date
from iok_desktop.domain.errors import ValidationError
from iok_desktop.gui import table_state
from iok_desktop.gui.clerk.context import ClerkContext
from iok_desktop.gui.clerk.page import Page
from iok_desktop.gui.clerk.queue.detail import DetailPane
from iok_desktop.gui.clerk.queue.filter_bar import QueueFilterBar
from iok_desktop.gui.clerk.queue.live import POLL_INTERVAL_MS, LiveRefresh
from iok_desktop.gui.clerk.queue.model import QueueModel, RowDelegate, kind_text, value_text
from iok_desktop.gui.clerk.queue.reject_dialog import RejectDialog
from iok_desktop.gui.clerk.queue.saved_filters import recent_reasons, remember_reason
from iok_desktop.services import buildings
from iok_desktop.services.readings import (
    BulkResult,
    QueueFilter,
    QueueRow,
    approve_all_unflagged,
    approve_readings,
    queue_count,
    queue_page,
)
from iok_desktop.services.readings.review import Conflict, reject_readings

TABLE_KEY = "queue"
MAX_CONFLICTS_SHOWN = 10
# What a column must show in full (measured in the table's font); premises and anomaly are elided.
COLUMN_SAMPLES = {
    "premises": "ul. Wojska Polskiego 104A/3 · 01-",
    "meter_kind": "energia elektryczna (kWh)",
    "meter": "SN00000000",
    "previous": "00000,000",
    "previous_date": "00.00.0000",
    "value": "00000,000",
    "reading_date": "00.00.0000",
    "consumption": "0000,000",
    "average": "0000,000",
    "source": "IOK (internet)",
    "submitted_at": "00.00.0000 00:00",
}
CELL_PADDING = 12
HEADER_PADDING = 26  # the section's padding and the sort arrow
FLAG_COLUMN_WIDTH = 48  # the icon and the sort arrow


def _count_text(n: int) -> str:
    return f"{n:,}".replace(",", "\u00a0")


class QueuePage(Page):
    def __init__(
        self,
        ctx: ClerkContext,
        parent: QWidget | None = None,
        *,
        poll_interval_ms: int = POLL_INTERVAL_MS,
        live: bool = True,
        page_size: int = 200,
    ) -> None:
        super().__init__(ctx, QCoreApplication.translate("QueuePage", "Reading queue"), parent)
        self._filter = QueueFilter()
        self._sort = ("submitted_at", False)
        self._loaded = False
        self._active = False
        self._live_enabled = live
        self._acting = False
        self._refreshing = False
        self._refresh_wanted = False
        self._after_refresh: list[Callable[[], None]] = []
        self._select_first = False
        self._current_before: int | None = None
        self._count_generation = 0
        self._reject_dialog: RejectDialog | None = None
        self.count: int | None = None

        self.filter_bar = QueueFilterBar(ctx, self)
        self.layout_.addWidget(self.filter_bar)
        self.layout_.addLayout(self._build_actions())

        self.model = QueueModel(ctx.runner, page_size=page_size)
        self.model.setParent(self)  # freed with its screen (see paged_model.PagedTableModel)
        self.table = self._build_table()
        self.detail = DetailPane(ctx, self)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("queue_splitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.layout_.addWidget(self.splitter, 1)

        self.live = LiveRefresh(ctx, poll_interval_ms=poll_interval_ms, parent=self)
        self.live.changed.connect(self.refresh)
        self.filter_bar.filter_changed.connect(self._filter_changed)
        self.model.page_loaded.connect(self._page_loaded)
        self.model.loading_changed.connect(self._loading_changed)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self._update_buttons()

    # --- construction ----------------------------------------------------------------------------
    def _build_actions(self) -> QHBoxLayout:
        style = self.style()
        self.approve_action = self._action(
            "approve_action", "A", self.approve_selected, QStyle.StandardPixmap.SP_DialogApplyButton
        )
        self.reject_action = self._action(
            "reject_action", "R", self.reject_selected, QStyle.StandardPixmap.SP_DialogCancelButton
        )
        self.next_action = self._action("next_action", "N", self.select_next, QStyle.StandardPixmap.SP_ArrowDown)
        self.approve_unflagged_action = self._action("approve_unflagged_action", "Ctrl+Shift+A", self.approve_unflagged)
        self.refresh_action = self._action("refresh_action", "F5", self.refresh, QStyle.StandardPixmap.SP_BrowserReload)
        # The page-wide ones work from the filters too; single letters only in the table (typing is safe).
        for action in (self.approve_unflagged_action, self.refresh_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)

        self.approve_button = self._button("approve_button", self.tr("&Approve (A)"), self.approve_action)
        self.approve_button.setToolTip(self.tr("Approve the selected readings (A)"))
        self.reject_button = self._button("reject_button", self.tr("&Reject… (R)"), self.reject_action)
        self.reject_button.setToolTip(self.tr("Reject the selected readings with a reason the resident sees (R)"))
        self.next_button = self._button("next_button", self.tr("&Next (N)"), self.next_action)
        self.next_button.setToolTip(self.tr("Go to the next reading (N or Down)"))
        self.approve_unflagged_button = self._button(
            "approve_unflagged_button", self.tr("Approve all &unflagged…"), self.approve_unflagged_action
        )
        self.approve_unflagged_button.setToolTip(
            self.tr("Approve every reading without an anomaly flag in the current filter (Ctrl+Shift+A)")
        )
        self.refresh_button = self._button("refresh_button", "", self.refresh_action)
        self.refresh_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_BrowserReload))
        self.refresh_button.setToolTip(self.tr("Read the queue again (F5)"))
        self.count_label = QLabel(self)
        self.count_label.setObjectName("count_label")
        self.status_label = QLabel(self)
        self.status_label.setObjectName("status_label")

        row = QHBoxLayout()
        for button in (self.approve_button, self.reject_button, self.next_button):
            row.addWidget(button)
        row.addSpacing(16)
        row.addWidget(self.approve_unflagged_button)
        row.addSpacing(16)
        row.addWidget(self.status_label, 1)
        row.addWidget(self.count_label)
        row.addWidget(self.refresh_button)
        return row

    def _action(
        self, name: str, keys: str, slot: Callable[[], None], icon: QStyle.StandardPixmap | None = None
    ) -> QAction:
        action = QAction(self)
        action.setObjectName(name)
        action.setShortcut(QKeySequence(keys))
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _button(self, name: str, text: str, action: QAction) -> QPushButton:
        button = QPushButton(action.icon(), text, self)
        button.setObjectName(name)
        button.clicked.connect(action.trigger)
        return button

    def _build_table(self) -> QTableView:
        table = QTableView(self)
        table.setObjectName("queue_table")
        table.setModel(self.model)
        table.setItemDelegate(RowDelegate(self.model.column_of_key("anomaly"), table))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(26)
        table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        header = table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        # Room for the sort arrow after right-aligned titles (the arrow is drawn over the section's end).
        header.setStyleSheet("QHeaderView::section { padding-right: 16px; }")
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self._fit_columns(table)
        header.setSortIndicator(self.model.column_of_key("submitted_at"), Qt.SortOrder.AscendingOrder)
        table_state.restore(self.ctx.settings, TABLE_KEY, table)
        section = header.sortIndicatorSection()
        if 0 <= section < self.model.columnCount() and self.model.is_sortable(section):
            self._sort = (self.model.column_key(section), header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder)
        else:
            header.setSortIndicator(self.model.column_of_key("submitted_at"), Qt.SortOrder.AscendingOrder)
        table_state.remember(self.ctx.settings, TABLE_KEY, table)
        header.sortIndicatorChanged.connect(self._sort_clicked)
        for action in (self.approve_action, self.reject_action, self.next_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            table.addAction(action)
        return table

    def _fit_columns(self, table: QTableView) -> None:
        """First-time widths: each header readable in full (in whatever language), each sample value too."""
        cells = table.fontMetrics()
        bold = QFont(table.horizontalHeader().font())
        bold.setWeight(QFont.Weight.DemiBold)
        titles = QFontMetrics(bold)
        header = table.horizontalHeader()
        for column in range(self.model.columnCount()):
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            sample = COLUMN_SAMPLES.get(self.model.column_key(column), "")
            width = max(
                titles.horizontalAdvance(title) + HEADER_PADDING, cells.horizontalAdvance(sample) + CELL_PADDING
            )
            header.resizeSection(column, FLAG_COLUMN_WIDTH if self.model.column_key(column) == "anomaly" else width)

    # --- showing the screen ------------------------------------------------------------------------
    def activated(self) -> None:
        self._active = True
        if not self._loaded:
            self._loaded = True
            self.reload()
            self.ctx.run(self.ctx.call(buildings.list_buildings), self.filter_bar.set_buildings)
        else:
            self.refresh()
        if self._live_enabled:
            self.live.start()
        self.table.setFocus()

    def deactivated(self) -> None:
        self._active = False
        self.live.stop()
        self.detail.stop()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._active and self._live_enabled and not self.live.running:
            self.live.start()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802
        super().hideEvent(event)
        if not event.spontaneous():  # minimised: keep it live; closed or left: stop
            self.live.stop()
            self.detail.stop()

    # --- loading -----------------------------------------------------------------------------------
    def reload(self) -> None:
        """Start over (filter or sort changed): the first page at once, then the count."""
        f, (sort, descending) = self._filter, self._sort
        call = self.ctx.call

        def fetch(offset: int, limit: int) -> list[QueueRow]:
            return call(queue_page, f, sort=sort, descending=descending, offset=offset, limit=limit)()

        # Whatever waited on a refresh (the row to select after an action) runs when this first page is in.
        self._refreshing = True
        self._refresh_wanted = False
        self._select_first = True
        self.model.load(fetch)
        self._update_count()

    def refresh(self, then: Callable[[], None] | None = None) -> None:
        """Re-read the rows shown, keeping the selection and scroll position (live refresh, after an action)."""
        if then is not None:
            self._after_refresh.append(then)
        if not self._loaded:
            self._run_after_refresh()
            return
        if self.model.fetching:
            self._refresh_wanted = True
            return
        self._refresh_wanted = False
        self._refreshing = True
        current = self.table.currentIndex()
        self._current_before = current.row() if current.isValid() else None
        self.model.refresh()
        self._update_count()

    def _update_count(self) -> None:
        self._count_generation += 1
        generation, f = self._count_generation, self._filter
        self.ctx.run(self.ctx.call(queue_count, f), lambda n: self._show_count(generation, n))

    def _show_count(self, generation: int, n: int) -> None:
        if generation != self._count_generation:
            return
        if self._filter == QueueFilter():
            text = self.tr("Pending readings: %1")
        else:
            text = self.tr("Pending readings in this filter: %1")
        self.count_label.setText(text.replace("%1", _count_text(n)))
        self.count = n

    def _page_loaded(self) -> None:
        if self._refresh_wanted:
            self.refresh()
            return
        if self._refreshing:
            self._refreshing = False
            self._run_after_refresh()
        rows = self.model.rowCount()
        if not self.table.currentIndex().isValid() and rows and not self._acting:
            if self._select_first:
                self.select_row(0)
            elif self._current_before is not None:
                # The current reading left the queue (a colleague took it): the one now in its place.
                self.select_row(min(self._current_before, rows - 1))
        self._select_first = False
        self._current_before = None
        current = self.current_row()
        if current != self.detail.row:
            self.detail.show_row(current)
        self._update_buttons()

    def _loading_changed(self, loading: bool) -> None:
        if not loading:
            # A refresh that failed never reports a page: let whoever waits on it go on.
            QTimer.singleShot(0, self, self._check_refresh_failed)

    def _check_refresh_failed(self) -> None:
        if self._refreshing and not self.model.fetching:
            self._refreshing = False
            self._after_refresh.clear()
            self._acting = False
            self._update_buttons()

    def _run_after_refresh(self) -> None:
        hooks, self._after_refresh = self._after_refresh, []
        for hook in hooks:
            hook()

    # --- filter and sort --------------------------------------------------------------------------
    def _filter_changed(self, f: QueueFilter) -> None:
        self._filter = f
        self.reload()

    def _sort_clicked(self, section: int, order: Qt.SortOrder) -> None:
        if not self.model.is_sortable(section):
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(self.model.column_of_key(self._sort[0]), self._sort_order())
            header.blockSignals(False)
            return
        self.sort_by(self.model.column_key(section), descending=order == Qt.SortOrder.DescendingOrder)

    def _sort_order(self) -> Qt.SortOrder:
        return Qt.SortOrder.DescendingOrder if self._sort[1] else Qt.SortOrder.AscendingOrder

    def sort_by(self, key: str, *, descending: bool = False) -> None:
        if self._sort == (key, descending):
            return
        self._sort = (key, descending)
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(self.model.column_of_key(key), self._sort_order())
        header.blockSignals(False)
        self.ctx.settings.setValue(f"tables/{TABLE_KEY}", header.saveState())
        self.reload()

    # --- selection ---------------------------------------------------------------------------------
    def current_row(self) -> QueueRow | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() and index.row() < self.model.rowCount() else None

    def selected_rows(self) -> list[int]:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        return sorted(r for r in rows if r < self.model.rowCount())

    def select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)

    def select_reading(self, reading_id: int) -> bool:
        row = self.model.row_of_key(reading_id)
        if row is None:
            return False
        self.select_row(row)
        return True

    def select_next(self) -> None:
        current = self.table.currentIndex()
        rows = self.model.rowCount()
        if not rows:
            return
        target = current.row() + 1 if current.isValid() else 0
        if target >= rows and self.model.canFetchMore():
            self.model.fetchMore()
        self.select_row(min(target, rows - 1))

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.model.row_at(current.row()) if current.isValid() and current.row() < self.model.rowCount() else None
        self.detail.show_row(row)
        self._update_buttons()

    def _plan_next(self, acted: list[int]) -> Callable[[], None]:
        """After an action on rows ``acted``: select the row after the last of them (by reading id)."""
        after = [self.model.row_at(r).reading_id for r in range(max(acted) + 1, self.model.rowCount())][:100]
        fallback = min(acted)

        def select() -> None:
            for reading_id in after:
                if self.select_reading(reading_id):
                    break
            else:
                if self.model.rowCount():
                    self.select_row(min(fallback, self.model.rowCount() - 1))
                else:
                    self.table.selectionModel().clear()
                    self.detail.show_row(None)
            self._acting = False
            self._update_buttons()
            self.table.setFocus()

        return select

    def _update_buttons(self) -> None:
        has_selection = bool(self.table.selectionModel().hasSelection()) and not self._acting
        self.approve_button.setEnabled(has_selection)
        self.reject_button.setEnabled(has_selection)
        self.approve_action.setEnabled(has_selection)
        self.reject_action.setEnabled(has_selection)
        self.approve_unflagged_button.setEnabled(not self._acting)
        self.approve_unflagged_action.setEnabled(not self._acting)

    # --- actions -----------------------------------------------------------------------------------
    def _items(self, rows: list[int]) -> list[tuple[int, int]]:
        return [(self.model.row_at(r).reading_id, self.model.row_at(r).version) for r in rows]

    def approve_selected(self) -> None:
        rows = self.selected_rows()
        if self._acting or not rows:
            return
        self._begin_action()
        then = self._plan_next(rows)
        self.ctx.run(
            self.ctx.call(approve_readings, self._items(rows)),
            lambda result: self._acted(result, self.tr("Approved: %1"), self.tr("Not approved"), then),
            lambda _error: self._action_failed(),
        )

    def reject_selected(self) -> None:
        rows = self.selected_rows()
        if self._acting or not rows:
            return
        items = self._items(rows)
        description = None
        if len(rows) == 1:
            row = self.model.row_at(rows[0])
            description = (
                f"{row.address} · {kind_text(row)} {row.serial_number}\n"
                f"{value_text(row.value, row.decimal_places)} {row.unit} ({format_date(row.reading_date)})"
            )
        dialog = RejectDialog(len(rows), recent_reasons(self.ctx.settings), self, description=description)
        self._reject_dialog = dialog
        then = self._plan_next(rows)  # now: a live refresh may move the rows while the dialog is open
        dialog.submitted.connect(lambda reason: self._reject(dialog, items, then, reason))
        dialog.finished.connect(lambda _result: self._reject_closed(dialog))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()

    def _reject(
        self, dialog: RejectDialog, items: list[tuple[int, int]], then: Callable[[], None], reason: str
    ) -> None:
        if self._acting:
            return
        self._begin_action()
        dialog.set_busy(True)

        def done(result: BulkResult) -> None:
            remember_reason(self.ctx.settings, reason)
            dialog.set_busy(False)
            dialog.accept()
            self._acted(result, self.tr("Rejected: %1"), self.tr("Not rejected"), then)

        def failed(error: BaseException) -> bool:
            dialog.set_busy(False)
            self._action_failed()
            if isinstance(error, ValidationError):
                dialog.show_error(error.message)
                return True
            return False

        self.ctx.run(self.ctx.call(reject_readings, items, reason), done, failed)

    def _reject_closed(self, dialog: RejectDialog) -> None:
        if self._reject_dialog is dialog:
            self._reject_dialog = None
        dialog.deleteLater()
        self.table.setFocus()

    @property
    def reject_dialog(self) -> RejectDialog | None:
        return self._reject_dialog

    def approve_unflagged(self) -> None:
        if self._acting:
            return
        f = self._filter
        if f.flagged_only:
            self.ctx.dialogs.info(
                self,
                self.tr("Approve all unflagged"),
                self.tr("This filter shows flagged readings only: there is nothing unflagged to approve."),
            )
            return
        self._begin_action()
        flagged = QueueFilter(f.building_id, f.meter_kind, True, f.source)
        count_all, count_flagged = self.ctx.call(queue_count, f), self.ctx.call(queue_count, flagged)
        self.ctx.run(lambda: count_all() - count_flagged(), self._confirm_unflagged, lambda _e: self._action_failed())

    def _confirm_unflagged(self, unflagged: int) -> None:
        title = self.tr("Approve all unflagged")
        if unflagged == 0:
            self._acting = False
            self._update_buttons()
            self.ctx.dialogs.info(self, title, self.tr("There are no unflagged readings in the current filter."))
            return
        question = self.tr(
            "Approve all %1 readings without an anomaly flag in the current filter? Flagged readings stay in the queue."
        ).replace("%1", _count_text(unflagged))
        if not self.ctx.dialogs.confirm(self, title, question):
            self._acting = False
            self._update_buttons()
            return

        def then() -> None:
            if self.model.rowCount():
                self.select_row(0)
            self._acting = False
            self._update_buttons()
            self.table.setFocus()

        self.ctx.run(
            self.ctx.call(approve_all_unflagged, self._filter),
            lambda result: self._acted(result, self.tr("Approved: %1"), self.tr("Not approved"), then),
            lambda _error: self._action_failed(),
        )

    def _begin_action(self) -> None:
        self._acting = True
        self._update_buttons()

    def _acted(self, result: BulkResult, done_text: str, conflict_title: str, then: Callable[[], None]) -> None:
        self.status_label.setText(done_text.replace("%1", _count_text(len(result.changed))))
        if result.conflicts:
            self.ctx.dialogs.warning(self, conflict_title, self._conflict_text(result.conflicts))
        self.refresh(then)

    def _conflict_text(self, conflicts: list[Conflict]) -> str:
        lines = [c.message for c in conflicts[:MAX_CONFLICTS_SHOWN]]
        if len(conflicts) > MAX_CONFLICTS_SHOWN:
            lines.append(self.tr("…and %1 more.").replace("%1", str(len(conflicts) - MAX_CONFLICTS_SHOWN)))
        return "\n".join(lines)

    def _action_failed(self) -> None:
        self._acting = False
        self._update_buttons()
        # Whatever went wrong, show what the queue holds now.
        self.refresh()
