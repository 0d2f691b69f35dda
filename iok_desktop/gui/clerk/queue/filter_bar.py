"""The queue's filters (building, meter kind, source, flagged only) and the clerk's saved filters.

Every change emits ``filter_changed`` once with the new ``QueueFilter``. The building list arrives
from the worker after the bar is shown; a filter asking for a building before then is kept and
shown when the list is there.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QWidget

from iok_desktop.domain.enums import MeterKind, ReadingSource
from iok_desktop.gui.clerk.context import ClerkContext
from iok_desktop.gui.clerk.queue.saved_filters import SavedFilters
from iok_desktop.gui.forms.ui_queue_filter_bar import Ui_QueueFilterBar
from iok_desktop.services.buildings import BuildingRow
from iok_desktop.services.readings import QueueFilter

MAX_NAME_LENGTH = 60


class QueueFilterBar(QWidget):
    filter_changed = Signal(object)  # QueueFilter

    def __init__(self, ctx: ClerkContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_QueueFilterBar()
        self.ui.setupUi(self)
        self.setObjectName("queue_filter_bar")
        self.saved = SavedFilters(ctx.settings)
        self._filter = QueueFilter()
        self._applying = False
        self._buildings_loaded = False

        self.ui.building_combo.addItem(self.tr("All buildings"), None)
        self.ui.kind_combo.addItem(self.tr("All meters"), None)
        for kind in MeterKind:
            self.ui.kind_combo.addItem(kind.label, kind)
        self.ui.source_combo.addItem(self.tr("All sources"), None)
        for source in ReadingSource:
            self.ui.source_combo.addItem(source.label, source)
        self.ui.saved_filter_combo.setPlaceholderText(self.tr("Saved filters…"))
        self._fill_saved()

        for combo in (self.ui.building_combo, self.ui.kind_combo, self.ui.source_combo):
            combo.currentIndexChanged.connect(self._widgets_changed)
        self.ui.flagged_only_check.toggled.connect(self._widgets_changed)
        self.ui.saved_filter_combo.activated.connect(self._saved_chosen)
        self.ui.save_filter_button.clicked.connect(self.save_current)
        self.ui.delete_filter_button.clicked.connect(self.delete_chosen)
        self._update_delete_button()

    # --- the filter ---------------------------------------------------------------------------
    def current_filter(self) -> QueueFilter:
        return self._filter

    def set_filter(self, f: QueueFilter) -> None:
        """Show ``f`` in the widgets and emit ``filter_changed`` once (if it is a change)."""
        self._applying = True
        try:
            self._select_data(self.ui.kind_combo, f.meter_kind)
            self._select_data(self.ui.source_combo, f.source)
            self.ui.flagged_only_check.setChecked(f.flagged_only)
            if self._buildings_loaded:
                self._select_data(self.ui.building_combo, f.building_id)
        finally:
            self._applying = False
        self._set(f)

    def set_buildings(self, buildings: list[BuildingRow]) -> None:
        combo = self.ui.building_combo
        wanted = self._filter.building_id
        self._applying = True
        try:
            while combo.count() > 1:
                combo.removeItem(combo.count() - 1)
            for building in buildings:
                combo.addItem(building.label, building.id)
                combo.setItemData(
                    combo.count() - 1, f"{building.code} · {building.address}", Qt.ItemDataRole.ToolTipRole
                )
            self._buildings_loaded = True
            found = self._select_data(combo, wanted)
        finally:
            self._applying = False
        if not found:  # the building of a saved filter is gone
            self._set(QueueFilter(None, self._filter.meter_kind, self._filter.flagged_only, self._filter.source))

    def _widgets_changed(self, *_args: object) -> None:
        if self._applying:
            return
        building = self._filter.building_id
        if self._buildings_loaded:
            building = self.ui.building_combo.currentData()
        self._set(
            QueueFilter(
                building_id=building,
                meter_kind=self.ui.kind_combo.currentData(),
                flagged_only=self.ui.flagged_only_check.isChecked(),
                source=self.ui.source_combo.currentData(),
            )
        )

    def _set(self, f: QueueFilter) -> None:
        changed = f != self._filter
        self._filter = f
        chosen = self.ui.saved_filter_combo.currentText()
        if self.ui.saved_filter_combo.currentIndex() >= 0 and self.saved.get(chosen) != f:
            self.ui.saved_filter_combo.setCurrentIndex(-1)
            self._update_delete_button()
        if changed:
            self.filter_changed.emit(f)

    @staticmethod
    def _select_data(combo: QComboBox, value: object) -> bool:
        for i in range(combo.count()):
            if combo.itemData(i) == value:
                combo.setCurrentIndex(i)
                return True
        combo.setCurrentIndex(0)
        return value is None

    # --- saved filters --------------------------------------------------------------------------
    def _fill_saved(self, current: str | None = None) -> None:
        combo = self.ui.saved_filter_combo
        combo.blockSignals(True)
        combo.clear()
        combo.addItems(self.saved.names())
        combo.setCurrentIndex(combo.findText(current) if current else -1)
        combo.blockSignals(False)
        self._update_delete_button()

    def _saved_chosen(self, index: int) -> None:
        name = self.ui.saved_filter_combo.itemText(index)
        f = self.saved.get(name)
        if f is not None:
            self.set_filter(f)
            self.ui.saved_filter_combo.setCurrentIndex(index)
        self._update_delete_button()

    def choose_saved(self, name: str) -> None:
        index = self.ui.saved_filter_combo.findText(name)
        if index >= 0:
            self.ui.saved_filter_combo.setCurrentIndex(index)
            self._saved_chosen(index)

    def save_current(self) -> None:
        answer = self.ctx.dialogs.ask_text(
            self, self.tr("Save filter"), self.tr("Name of this filter:"), self.ui.saved_filter_combo.currentText()
        )
        name = " ".join((answer or "").split())[:MAX_NAME_LENGTH]
        if not name:
            return
        if self.saved.get(name) is not None and not self.ctx.dialogs.confirm(
            self, self.tr("Save filter"), self.tr("Replace the saved filter “%1”?").replace("%1", name)
        ):
            return
        self.saved.save(name, self._filter)
        self._fill_saved(name)

    def delete_chosen(self) -> None:
        name = self.ui.saved_filter_combo.currentText()
        if self.ui.saved_filter_combo.currentIndex() < 0 or not name:
            return
        if self.ctx.dialogs.confirm(
            self, self.tr("Delete saved filter"), self.tr("Delete the saved filter “%1”?").replace("%1", name)
        ):
            self.saved.delete(name)
            self._fill_saved()

    def _update_delete_button(self) -> None:
        self.ui.delete_filter_button.setEnabled(self.ui.saved_filter_combo.currentIndex() >= 0)
