"""Screen "Ogłoszenia": the list (filtered by status) on the left, the editor on the right."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from iok_desktop.gui import table_state
from iok_desktop.gui.clerk.announcements.editor import AnnouncementEditor
from iok_desktop.gui.clerk.announcements.list_model import AnnouncementLine, fetch_lines, keyset, make_model
from iok_desktop.gui.clerk.context import ClerkContext
from iok_desktop.gui.clerk.page import Page
from iok_desktop.services import buildings
from iok_desktop.services.announcements import AnnouncementRow, AnnouncementState
from iok_desktop.services.buildings import BuildingRow

Index = QModelIndex | QPersistentModelIndex


class AnnouncementsPage(Page):
    def __init__(self, ctx: ClerkContext) -> None:
        super().__init__(ctx, QCoreApplication.translate("Navigation", "Announcements"))
        self._buildings: dict[int, BuildingRow] = {}
        self._select_after_load: int | None = None
        self._selecting = False

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("announcements_splitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._build_list(splitter))
        self.editor = AnnouncementEditor(ctx)
        self.editor.setObjectName("announcement_editor")
        scroll = QScrollArea(splitter)
        scroll.setObjectName("editor_scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.editor)
        # Never narrower than the editor: its buttons and choices stay whole, scrolling is only vertical.
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(self.editor.minimumSizeHint().width() + scroll.verticalScrollBar().sizeHint().width())
        splitter.addWidget(scroll)
        # The list needs room for readable titles; the editor's body wraps and scrolls.
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([600, 400])
        self.layout_.addWidget(splitter, 1)
        self.editor.saved.connect(self._saved)
        QShortcut(QKeySequence(QKeySequence.StandardKey.New), self, self.new_announcement)

    def _build_list(self, parent: QWidget) -> QWidget:
        panel = QWidget(parent)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 6, 0)
        filters = QHBoxLayout()
        show_label = QLabel(self.tr("S&how:"), panel)
        self.state_filter_combo = QComboBox(panel)
        self.state_filter_combo.setObjectName("state_filter_combo")
        self.state_filter_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.state_filter_combo.setMinimumContentsLength(16)
        show_label.setBuddy(self.state_filter_combo)
        self.state_filter_combo.addItem(self.tr("All announcements"), None)
        self.state_filter_combo.addItem(self.tr("Drafts"), AnnouncementState.DRAFT)
        self.state_filter_combo.addItem(self.tr("Scheduled"), AnnouncementState.SCHEDULED)
        self.state_filter_combo.addItem(self.tr("Published (residents see them)"), AnnouncementState.ACTIVE)
        self.state_filter_combo.addItem(self.tr("Expired"), AnnouncementState.EXPIRED)
        self.state_filter_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.new_button = QPushButton(self.tr("&New announcement"), panel)
        self.new_button.setObjectName("new_announcement_button")
        self.new_button.clicked.connect(self.new_announcement)
        filters.addWidget(show_label)
        filters.addWidget(self.state_filter_combo)
        filters.addStretch(1)
        filters.addWidget(self.new_button)
        layout.addLayout(filters)

        self.model = make_model(self.ctx.runner, lambda: self._buildings)
        self.model.setParent(self)  # freed with its screen (see paged_model.PagedTableModel)
        self.view = QTableView(panel)
        self.view.setObjectName("announcements_view")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the title takes what is left
        header.setMinimumSectionSize(60)
        for column, width in enumerate((180, 105, 120, 82, 82)):
            self.view.setColumnWidth(column, width)
        table_state.restore(self.ctx.settings, "announcements", self.view)
        table_state.remember(self.ctx.settings, "announcements", self.view)
        selection = self.view.selectionModel()
        selection.currentRowChanged.connect(self._row_changed)
        layout.addWidget(self.view, 1)
        self.list_status_label = QLabel(panel)
        self.list_status_label.setObjectName("list_status_label")
        layout.addWidget(self.list_status_label)
        self.model.loading_changed.connect(lambda _loading: self._show_count())
        self.model.page_loaded.connect(self._page_loaded)
        return panel

    # --- page life -----------------------------------------------------------------------------
    def activated(self) -> None:
        self.ctx.run(self.ctx.call(buildings.list_buildings), self._buildings_loaded)
        self.reload()

    def _buildings_loaded(self, rows: list[BuildingRow]) -> None:
        self._buildings = {row.id: row for row in rows}
        self.editor.set_buildings(rows)
        if self.model.rowCount():
            top, bottom = self.model.index(0, 0), self.model.index(self.model.rowCount() - 1, 4)
            self.model.dataChanged.emit(top, bottom)

    def state_filter(self) -> AnnouncementState | None:
        value = self.state_filter_combo.currentData()
        return AnnouncementState(value) if value is not None else None

    def reload(self, select_id: int | None = None) -> None:
        """Read the list again from the top (keeps the announcement in the editor selected)."""
        if select_id is None and self.editor.current is not None:
            select_id = self.editor.current.id
        self._select_after_load = select_id
        ctx, state = self.ctx, self.state_filter()
        self.model.load(keyset(lambda before_id, limit: ctx.call(fetch_lines, state, before_id, limit)()))

    def lines(self) -> list[AnnouncementLine]:
        return self.model.rows()

    # --- list and editor together ----------------------------------------------------------------
    def _page_loaded(self) -> None:
        self._show_count()
        if self._select_after_load is not None:
            row = self.model.row_of_key(self._select_after_load)
            if row is not None:
                self._select_after_load = None
                self._select_row(row)

    def _show_count(self) -> None:
        count = self.model.rowCount()
        if self.model.fetching:
            text = self.tr("Loading…")
        elif count == 0:
            text = self.tr("No announcements here.")
        else:
            text = self.tr("Shown: %1").replace("%1", str(count))
        self.list_status_label.setText(text)

    def _select_row(self, row: int | None) -> None:
        self._selecting = True
        try:
            if row is None:
                self.view.clearSelection()
                self.view.setCurrentIndex(QModelIndex())
            else:
                self.view.selectRow(row)
        finally:
            self._selecting = False

    def _row_changed(self, current: Index, _previous: Index) -> None:
        if self._selecting or not current.isValid():
            return
        line = self.model.row_at(current.row())
        if self.editor.current is not None and self.editor.current.id == line.row.id:
            return
        if not self._may_discard():
            editing = self.editor.current
            back = self.model.row_of_key(editing.id) if editing is not None else None
            QTimer.singleShot(0, lambda: self._select_row(back))
            return
        self.editor.load(line.row, line.premises)

    def new_announcement(self) -> None:
        if not self._may_discard():
            return
        self._select_row(None)
        self.editor.new_announcement()

    def _may_discard(self) -> bool:
        if not self.editor.is_dirty():
            return True
        return self.ctx.dialogs.confirm(
            self,
            self.tr("Unsaved changes"),
            self.tr("The announcement you are editing has unsaved changes. Discard them?"),
        )

    def _saved(self, row: AnnouncementRow) -> None:
        self.reload(select_id=row.id)
