"""Screen "Dziennik zdarzeń": the audit log, newest first, fetched a page at a time as the clerk scrolls.

Filters (user ID, action, date range, premises) start the list over; the details pane shows the chosen
entry's values before and after, in words.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
)

from iok_desktop.domain.dates import OFFICE_TZ, format_datetime, parse_date
from iok_desktop.domain.errors import ValidationError
from iok_desktop.gui import table_state
from iok_desktop.gui.clerk.audit.actions import action_descriptions, describe
from iok_desktop.gui.clerk.audit.details import actor_text, details_html, record_text
from iok_desktop.gui.clerk.audit.keyset import KeysetPages
from iok_desktop.gui.clerk.audit.premises_chooser import PremisesChooser
from iok_desktop.gui.clerk.context import ClerkContext
from iok_desktop.gui.clerk.page import Page
from iok_desktop.gui.operations import OperationRunner
from iok_desktop.gui.paged_model import Column, PagedTableModel
from iok_desktop.gui.widgets import set_invalid, show_error
from iok_desktop.services import audit, buildings
from iok_desktop.services.audit import AuditRow
from iok_desktop.services.buildings import PremisesLabel
from iok_desktop.services.context import ServiceContext
from iok_desktop.services.registry import PremisesHit

Index = QModelIndex | QPersistentModelIndex
PAGE_SIZE = 200
DEBOUNCE_MS = 400


@dataclass(frozen=True)
class AuditFilter:
    action: str | None = None
    actor_login: str | None = None
    premises_id: int | None = None
    since: datetime | None = None
    until: datetime | None = None


@dataclass(frozen=True)
class AuditLine:
    row: AuditRow
    premises: PremisesLabel | None


def fetch_lines(ctx: ServiceContext, wanted: AuditFilter, before_id: int | None, limit: int) -> list[AuditLine]:
    """One page of entries with the labels of their premises (one transaction)."""
    rows = audit.list_entries(
        ctx,
        action=wanted.action,
        actor_login=wanted.actor_login,
        premises_id=wanted.premises_id,
        since=wanted.since,
        until=wanted.until,
        before_id=before_id,
        limit=limit,
    )
    labels = buildings.premises_labels(ctx, [r.premises_id for r in rows if r.premises_id is not None])
    return [AuditLine(r, labels.get(r.premises_id) if r.premises_id is not None else None) for r in rows]


def _start_of(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=OFFICE_TZ)


def make_model(runner: OperationRunner) -> PagedTableModel[AuditLine]:
    descriptions = action_descriptions()

    def premises(line: AuditLine) -> str:
        if line.premises is not None:
            return line.premises.address.split(",", 1)[0]
        return f"#{line.row.premises_id}" if line.row.premises_id is not None else ""

    def premises_tip(line: AuditLine) -> str | None:
        return f"{line.premises.address} · {line.premises.code}" if line.premises is not None else None

    columns: list[Column[AuditLine]] = [
        Column(
            "when", QCoreApplication.translate("AuditLog", "When"), lambda line: format_datetime(line.row.occurred_at)
        ),
        Column(
            "who",
            QCoreApplication.translate("AuditLog", "Who"),
            lambda line: actor_text(line.row),
            tooltip=lambda line: actor_text(line.row),
        ),
        Column(
            "action",
            QCoreApplication.translate("AuditLog", "What"),
            lambda line: describe(line.row.action, descriptions),
            tooltip=lambda line: line.row.action,
        ),
        Column("record", QCoreApplication.translate("AuditLog", "Record"), lambda line: record_text(line.row)),
        Column("premises", QCoreApplication.translate("AuditLog", "Premises"), premises, tooltip=premises_tip),
        Column(
            "workstation",
            QCoreApplication.translate("AuditLog", "Workstation"),
            lambda line: line.row.workstation or "",
        ),
    ]
    return PagedTableModel(runner, columns, key=lambda line: line.row.id, page_size=PAGE_SIZE)


class AuditLogPage(Page):
    def __init__(self, ctx: ClerkContext) -> None:
        super().__init__(ctx, QCoreApplication.translate("Navigation", "Event log"))
        self._premises: PremisesHit | None = None
        self._filter = AuditFilter()
        self.chooser: PremisesChooser | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.apply_filters)
        self.layout_.addLayout(self._build_filters())
        self.filter_error_label = QLabel(self)
        self.filter_error_label.setObjectName("filter_error_label")
        self.filter_error_label.setProperty("role", "field-error")
        self.filter_error_label.hide()
        self.layout_.addWidget(self.filter_error_label)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("audit_splitter")
        splitter.setChildrenCollapsible(False)
        self.model = make_model(ctx.runner)
        self.model.setParent(self)  # freed with its screen (see paged_model.PagedTableModel)
        self.view = QTableView(splitter)
        self.view.setObjectName("audit_view")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((115, 110, 180, 110, 150, 90)):
            self.view.setColumnWidth(column, width)
        table_state.restore(ctx.settings, "audit", self.view)
        table_state.remember(ctx.settings, "audit", self.view)
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)
        self.details_view = QTextBrowser(splitter)
        self.details_view.setObjectName("details_view")
        self.details_view.setOpenLinks(False)
        splitter.addWidget(self.view)
        splitter.addWidget(self.details_view)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([780, 340])
        self.layout_.addWidget(splitter, 1)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("status_label")
        self.layout_.addWidget(self.status_label)
        self.model.loading_changed.connect(lambda _loading: self._show_count())
        self.model.page_loaded.connect(self._show_count)
        self.model.modelReset.connect(self._show_details)
        self._show_details()

    def _build_filters(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        user_label = QLabel(self.tr("&User ID:"), self)
        self.user_filter_edit = QLineEdit(self)
        self.user_filter_edit.setObjectName("user_filter_edit")
        self.user_filter_edit.setPlaceholderText(self.tr("exact, e.g. akowalska"))
        self.user_filter_edit.setClearButtonEnabled(True)
        user_label.setBuddy(self.user_filter_edit)
        action_label = QLabel(self.tr("&Action:"), self)
        self.action_filter_combo = QComboBox(self)
        self.action_filter_combo.setObjectName("action_filter_combo")
        self.action_filter_combo.setMaxVisibleItems(20)
        self.action_filter_combo.addItem(self.tr("All actions"), None)
        for code, text in action_descriptions().items():
            self.action_filter_combo.addItem(text, code)
            self.action_filter_combo.setItemData(
                self.action_filter_combo.count() - 1, code, Qt.ItemDataRole.ToolTipRole
            )
        action_label.setBuddy(self.action_filter_combo)
        from_label = QLabel(self.tr("&From:"), self)
        self.date_from_edit = QLineEdit(self)
        self.date_from_edit.setObjectName("date_from_edit")
        to_label = QLabel(self.tr("&To:"), self)
        self.date_to_edit = QLineEdit(self)
        self.date_to_edit.setObjectName("date_to_edit")
        for edit, label in ((self.date_from_edit, from_label), (self.date_to_edit, to_label)):
            edit.setPlaceholderText(self.tr("DD.MM.YYYY"))
            edit.setMaximumWidth(110)
            edit.setClearButtonEnabled(True)
            label.setBuddy(edit)
        for edit in (self.user_filter_edit, self.date_from_edit, self.date_to_edit):
            edit.textChanged.connect(lambda _text: self._timer.start())
            edit.returnPressed.connect(self.apply_filters)
        self.action_filter_combo.currentIndexChanged.connect(lambda _i: self.apply_filters())

        grid.addWidget(user_label, 0, 0)
        grid.addWidget(self.user_filter_edit, 0, 1)
        grid.addWidget(action_label, 0, 2)
        grid.addWidget(self.action_filter_combo, 0, 3)
        grid.addWidget(from_label, 0, 4)
        grid.addWidget(self.date_from_edit, 0, 5)
        grid.addWidget(to_label, 0, 6)
        grid.addWidget(self.date_to_edit, 0, 7)
        grid.addWidget(QLabel(self.tr("Premises:"), self), 1, 0)
        grid.addLayout(self._build_premises_row(), 1, 1, 1, 7)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 2)
        self._show_premises()
        return grid

    def _build_premises_row(self) -> QHBoxLayout:
        self.premises_filter_label = QLabel(self)
        self.premises_filter_label.setObjectName("premises_filter_label")
        self.premises_filter_button = QPushButton(self.tr("&Choose…"), self)
        self.premises_filter_button.setObjectName("premises_filter_button")
        self.premises_filter_button.clicked.connect(self.choose_premises)
        self.premises_clear_button = QPushButton(self.tr("Any premises"), self)
        self.premises_clear_button.setObjectName("premises_clear_button")
        self.premises_clear_button.clicked.connect(lambda: self.set_premises(None))
        self.clear_filters_button = QPushButton(self.tr("C&lear filters"), self)
        self.clear_filters_button.setObjectName("clear_filters_button")
        self.clear_filters_button.clicked.connect(self.clear_filters)
        premises_row = QHBoxLayout()
        premises_row.addWidget(self.premises_filter_label)
        premises_row.addSpacing(8)
        premises_row.addWidget(self.premises_filter_button)
        premises_row.addWidget(self.premises_clear_button)
        premises_row.addStretch(1)
        premises_row.addWidget(self.clear_filters_button)
        return premises_row

    # --- page life -----------------------------------------------------------------------------
    def activated(self) -> None:
        self.apply_filters(force=True)

    def deactivated(self) -> None:
        self._timer.stop()

    # --- filters -------------------------------------------------------------------------------
    def current_filter(self) -> AuditFilter | None:
        """The filter typed in, or None (with the reason shown) when a date cannot be read."""
        since = until = None
        problem: str | None = None
        for edit in (self.date_from_edit, self.date_to_edit):
            set_invalid(edit, False)
        try:
            if self.date_from_edit.text().strip():
                since = parse_date(self.date_from_edit.text(), field="date_from")
        except ValidationError as error:
            problem = error.message
            set_invalid(self.date_from_edit, True)
        try:
            if self.date_to_edit.text().strip():
                until = parse_date(self.date_to_edit.text(), field="date_to")
        except ValidationError as error:
            problem = problem or error.message
            set_invalid(self.date_to_edit, True)
        if problem is None and since is not None and until is not None and since > until:
            problem = self.tr("The start date is after the end date.")
            set_invalid(self.date_to_edit, True)
        show_error(self.filter_error_label, problem)
        if problem is not None:
            return None
        login = self.user_filter_edit.text().strip().lower()
        return AuditFilter(
            action=self.action_filter_combo.currentData(),
            actor_login=login or None,
            premises_id=self._premises.premises_id if self._premises else None,
            since=_start_of(since) if since else None,
            until=_start_of(until + timedelta(days=1)) if until else None,
        )

    def apply_filters(self, force: bool = False) -> None:
        self._timer.stop()
        wanted = self.current_filter()
        if wanted is None or (wanted == self._filter and not force and self.model.rowCount()):
            return
        self._filter = wanted
        ctx = self.ctx
        self.model.load(
            KeysetPages(
                lambda before_id, limit: ctx.call(fetch_lines, wanted, before_id, limit)(),
                key=lambda line: line.row.id,
            )
        )

    def clear_filters(self) -> None:
        for edit in (self.user_filter_edit, self.date_from_edit, self.date_to_edit):
            edit.blockSignals(True)
            edit.clear()
            edit.blockSignals(False)
        self.action_filter_combo.blockSignals(True)
        self.action_filter_combo.setCurrentIndex(0)
        self.action_filter_combo.blockSignals(False)
        self._premises = None
        self._show_premises()
        self.apply_filters(force=True)

    def choose_premises(self) -> None:
        if self.chooser is not None:
            self.chooser.deleteLater()
        self.chooser = PremisesChooser(self.ctx, self)
        self.chooser.chosen.connect(self.set_premises)
        self.chooser.open()

    def set_premises(self, hit: PremisesHit | None) -> None:
        self._premises = hit
        self._show_premises()
        self.apply_filters()

    def _show_premises(self) -> None:
        if self._premises is None:
            self.premises_filter_label.setText(self.tr("any"))
        else:
            chosen = f"{self._premises.address} · {self._premises.code}"
            self.premises_filter_label.setText(f"<b>{html.escape(chosen)}</b>")
        self.premises_clear_button.setEnabled(self._premises is not None)

    # --- list and details ----------------------------------------------------------------------
    def lines(self) -> list[AuditLine]:
        return self.model.rows()

    def _show_count(self) -> None:
        count = self.model.rowCount()
        if self.model.fetching:
            text = self.tr("Loading…")
        elif count == 0:
            text = self.tr("No entries match the filters.")
        elif self.model.canFetchMore():
            text = self.tr("Shown: %1 newest entries; scroll down for older ones.").replace("%1", str(count))
        else:
            text = self.tr("Shown: %1 (all that match).").replace("%1", str(count))
        self.status_label.setText(text)

    def _row_changed(self, current: Index, _previous: Index) -> None:
        self._show_details(current.row() if current.isValid() else None)

    def _show_details(self, row: int | None = None) -> None:
        if row is None or row >= self.model.rowCount():
            self.details_view.setHtml(
                '<p style="color:#5f6b76;">'
                + self.tr("Choose an entry to see who did what, and the values before and after.")
                + "</p>"
            )
            return
        line = self.model.row_at(row)
        self.details_view.setHtml(details_html(line.row, line.premises))
