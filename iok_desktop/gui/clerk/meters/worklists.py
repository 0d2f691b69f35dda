"""The two worklist tabs: meters with no reading in the window (flat rate), and legalisation due.

Both are ``PagedTableModel``s: a page of rows is fetched on the worker as the clerk scrolls, the
count comes from its own query, and the column layout is remembered (``table_state``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from iok_desktop.domain.dates import format_date
from iok_desktop.gui import table_state
from iok_desktop.gui.clerk.context import ClerkContext
from iok_desktop.gui.clerk.meters.models import no_reading_columns, verification_columns
from iok_desktop.gui.paged_model import PagedTableModel
from iok_desktop.services import worklists
from iok_desktop.services.worklists import NoReadingCount, NoReadingRow, VerificationRow, WindowInfo

PAGE_SIZE = 200
DEFAULT_DAYS = 60
DAYS_DEBOUNCE_MS = 300


def _table(parent: QWidget, name: str, stretch_column: int) -> QTableView:
    view = QTableView(parent)
    view.setObjectName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    header.setMinimumSectionSize(60)
    view.setProperty("stretch_column", stretch_column)
    return view


def _fill_view(view: QTableView, model: PagedTableModel[Any]) -> None:
    """Fetch the next page while the last row is in sight (the view asks only while it is shown,
    so a worklist loaded on a hidden tab is topped up when the tab is opened)."""
    if not view.isVisible() or not model.canFetchMore():
        return
    last = model.rowCount() - 1
    if last < 0 or view.viewport().rect().intersects(view.visualRect(model.index(last, 0))):
        model.fetchMore()


def _fit_columns(view: QTableView, address_width: int = 300) -> None:
    view.resizeColumnsToContents()
    column = int(view.property("stretch_column"))
    view.setColumnWidth(column, max(view.columnWidth(column), address_width))


class NoReadingTab(QWidget):
    """Meters of premises with no reading in the window that counts today: billed at a flat rate."""

    def __init__(self, ctx: ClerkContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("no_reading_tab")
        layout = QVBoxLayout(self)
        self.intro_label = QLabel(
            self.tr(
                "Meters with no accepted or pending reading dated in their building's reading window — the "
                "window open today, or the last one if none is open. Unless a reading comes in, their "
                "premises will be billed at a flat rate."
            ),
            self,
        )
        self.intro_label.setWordWrap(True)
        self.windows_label = QLabel(self)
        self.windows_label.setObjectName("windows_label")
        self.windows_label.setWordWrap(True)
        controls = QHBoxLayout()
        self.include_remote_check = QCheckBox(self.tr("Include &remote-read meters"), self)
        self.include_remote_check.setObjectName("include_remote_check")
        self.include_remote_check.setChecked(True)
        self.include_remote_check.setToolTip(
            self.tr("A remote-read meter with no reading means the radio import is missing, not the resident.")
        )
        self.count_label = QLabel(self)
        self.count_label.setObjectName("no_reading_count_label")
        self.refresh_button = QPushButton(self.tr("Re&fresh"), self)
        self.refresh_button.setObjectName("no_reading_refresh_button")
        controls.addWidget(self.include_remote_check)
        controls.addStretch()
        controls.addWidget(self.count_label)
        controls.addWidget(self.refresh_button)
        self.model: PagedTableModel[NoReadingRow] = PagedTableModel(
            ctx.runner, no_reading_columns(), key=lambda r: r.meter_id, page_size=PAGE_SIZE
        )
        self.model.setParent(self)  # freed with its screen (see paged_model.PagedTableModel)
        self.view = _table(self, "no_reading_view", 1)
        self.view.setModel(self.model)
        self.model.page_loaded.connect(self._first_page_loaded)
        table_state.restore(ctx.settings, "meters/no_reading", self.view)
        table_state.remember(ctx.settings, "meters/no_reading", self.view)
        self._fitted = ctx.settings.contains("tables/meters/no_reading")
        layout.addWidget(self.intro_label)
        layout.addWidget(self.windows_label)
        layout.addLayout(controls)
        layout.addWidget(self.view, 1)
        self.include_remote_check.toggled.connect(lambda _on: self.reload())
        self.refresh_button.clicked.connect(self.reload)

    def reload(self) -> None:
        include_remote = self.include_remote_check.isChecked()
        call = self.ctx.call
        self.count_label.setText(self.tr("Counting…"))
        self.model.load(
            lambda offset, limit: call(
                worklists.meters_without_reading, offset, limit, include_remote_read=include_remote
            )()
        )
        self.ctx.run(call(worklists.count_meters_without_reading, include_remote_read=include_remote), self._show_count)
        self.ctx.run(call(worklists.window_overview), self._show_windows)

    def _show_count(self, count: NoReadingCount) -> None:
        if count.meters == 0:
            self.count_label.setText(self.tr("Every meter has a reading in its window."))
        else:
            self.count_label.setText(
                self.tr("Meters: %1, premises: %2").replace("%1", str(count.meters)).replace("%2", str(count.premises))
            )

    def _show_windows(self, windows: list[WindowInfo]) -> None:
        lines = []
        for info in windows:
            state = self.tr("open") if info.is_open else self.tr("closed")
            span = f"{format_date(info.window.opens)}–{format_date(info.window.closes)}"
            if info.is_default:
                lines.append(
                    self.tr("Reading window: %1 (%2), %3 — cooperative default.")
                    .replace("%1", span)
                    .replace("%2", state)
                    .replace("%3", info.rule.frequency.label)
                )
            else:
                lines.append(
                    self.tr("Buildings with their own rule (%1): %2 (%3), %4.")
                    .replace("%1", str(info.buildings))
                    .replace("%2", span)
                    .replace("%3", state)
                    .replace("%4", info.rule.frequency.label)
                )
        self.windows_label.setText("\n".join(lines))

    def _first_page_loaded(self) -> None:
        if not self._fitted and self.model.rowCount():
            _fit_columns(self.view)
            self._fitted = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        QTimer.singleShot(0, self, lambda: _fill_view(self.view, self.model))


class VerificationTab(QWidget):
    """Meters whose legalisation has expired or expires within N days (they must be replaced)."""

    replace_requested = Signal(object)  # VerificationRow

    def __init__(self, ctx: ClerkContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("verification_tab")
        layout = QVBoxLayout(self)
        controls = QHBoxLayout()
        self.days_label = QLabel(self.tr("Expired, or expiring within (&days):"), self)
        self.days_spin = QSpinBox(self)
        self.days_spin.setObjectName("days_spin")
        self.days_spin.setRange(0, worklists.MAX_DAYS_AHEAD)
        self.days_spin.setValue(DEFAULT_DAYS)
        self.days_spin.setAccelerated(True)
        self.days_label.setBuddy(self.days_spin)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("verification_count_label")
        self.replace_button = QPushButton(self.tr("Re&place this meter…"), self)
        self.replace_button.setObjectName("replace_selected_button")
        self.replace_button.setEnabled(False)
        self.refresh_button = QPushButton(self.tr("Refres&h"), self)
        self.refresh_button.setObjectName("verification_refresh_button")
        controls.addWidget(self.days_label)
        controls.addWidget(self.days_spin)
        controls.addStretch()
        controls.addWidget(self.count_label)
        controls.addWidget(self.replace_button)
        controls.addWidget(self.refresh_button)
        self.model: PagedTableModel[VerificationRow] = PagedTableModel(
            ctx.runner, verification_columns(), key=lambda r: r.meter_id, page_size=PAGE_SIZE
        )
        self.model.setParent(self)  # freed with its screen (see paged_model.PagedTableModel)
        self.view = _table(self, "verification_view", 1)
        self.view.setModel(self.model)
        self.model.page_loaded.connect(self._first_page_loaded)
        self.model.modelReset.connect(lambda: self.replace_button.setEnabled(False))
        self.view.selectionModel().selectionChanged.connect(
            lambda *_args: self.replace_button.setEnabled(self.selected() is not None)
        )
        self.view.doubleClicked.connect(lambda _index: self._request_replacement())
        self.replace_button.clicked.connect(self._request_replacement)
        table_state.restore(ctx.settings, "meters/legalisation", self.view)
        table_state.remember(ctx.settings, "meters/legalisation", self.view)
        self._fitted = ctx.settings.contains("tables/meters/legalisation")
        layout.addLayout(controls)
        layout.addWidget(self.view, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DAYS_DEBOUNCE_MS)
        self._timer.timeout.connect(self.reload)
        self.days_spin.valueChanged.connect(lambda _value: self._timer.start())
        self.refresh_button.clicked.connect(self.reload)

    def reload(self) -> None:
        self._timer.stop()
        days = self.days_spin.value()
        call = self.ctx.call
        self.count_label.setText(self.tr("Counting…"))
        self.model.load(
            lambda offset, limit: call(worklists.meters_due_for_verification, offset, limit, within_days=days)()
        )
        self.ctx.run(call(worklists.count_meters_due_for_verification, within_days=days), self._show_count)

    def stop_timers(self) -> None:
        self._timer.stop()

    def _show_count(self, count: int) -> None:
        self.count_label.setText(
            self.tr("Meters: %1").replace("%1", str(count)) if count else self.tr("No meter is due.")
        )

    def selected(self) -> VerificationRow | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _request_replacement(self) -> None:
        row = self.selected()
        if row is not None:
            self.replace_requested.emit(row)

    def _first_page_loaded(self) -> None:
        if not self._fitted and self.model.rowCount():
            _fit_columns(self.view)
            self._fitted = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        QTimer.singleShot(0, self, lambda: _fill_view(self.view, self.model))
