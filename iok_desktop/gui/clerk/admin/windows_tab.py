"""Reading windows (designed in ui/admin_windows.ui): the cooperative default, and buildings with their own.

Choosing a row of the table fills the building form below it; "Set for this building" saves the form,
"Use the default again" removes the building's own window.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex
from PySide6.QtWidgets import QComboBox, QHeaderView, QLabel, QSpinBox, QWidget

from iok_desktop.domain.enums import WindowFrequency
from iok_desktop.domain.errors import NotFoundError, ValidationError
from iok_desktop.domain.readings import WindowRule
from iok_desktop.gui.clerk.announcements.building_combo import BuildingCombo
from iok_desktop.gui.clerk.context import ClerkContext
from iok_desktop.gui.forms.ui_admin_windows import Ui_AdminWindowsForm
from iok_desktop.gui.list_model import ListTableModel
from iok_desktop.gui.paged_model import Column
from iok_desktop.gui.widgets import show_error
from iok_desktop.services import buildings, settings
from iok_desktop.services.buildings import BuildingRow, BuildingWindow, ReadingWindows

Index = QModelIndex | QPersistentModelIndex


def override_columns() -> list[Column[BuildingWindow]]:
    return [
        Column(
            "building",
            QCoreApplication.translate("OverridesModel", "Building"),
            lambda w: f"{w.building.address} · {w.building.code}",
        ),
        Column("frequency", QCoreApplication.translate("OverridesModel", "Read"), lambda w: w.rule.frequency.label),
        Column(
            "before",
            QCoreApplication.translate("OverridesModel", "Days before"),
            lambda w: str(w.rule.days_before),
            align_right=True,
        ),
        Column(
            "after",
            QCoreApplication.translate("OverridesModel", "Days after"),
            lambda w: str(w.rule.days_after),
            align_right=True,
        ),
    ]


def _fill_frequencies(combo: QComboBox) -> None:
    for frequency in WindowFrequency:
        combo.addItem(frequency.label, frequency)


def _show_rule(rule: WindowRule, combo: QComboBox, before: QSpinBox, after: QSpinBox) -> None:
    combo.setCurrentIndex(combo.findData(rule.frequency))
    before.setValue(rule.days_before)
    after.setValue(rule.days_after)


def _rule(combo: QComboBox, before: QSpinBox, after: QSpinBox) -> WindowRule:
    return WindowRule(WindowFrequency(combo.currentData()), before.value(), after.value())


class WindowsTab(QWidget):
    def __init__(self, ctx: ClerkContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_AdminWindowsForm()
        self.ui.setupUi(self)
        ui = self.ui
        _fill_frequencies(ui.default_frequency_combo)
        _fill_frequencies(ui.override_frequency_combo)
        self.building_combo = BuildingCombo(ui.override_building_panel)
        self.building_combo.setObjectName("override_building_combo")
        self.building_combo.set_placeholder(self.tr("Type part of the address or code"))
        ui.override_building_layout.addWidget(self.building_combo)
        ui.override_building_label.setBuddy(self.building_combo)
        self.model: ListTableModel[BuildingWindow] = ListTableModel(override_columns())
        ui.overrides_view.setModel(self.model)
        ui.overrides_view.verticalHeader().hide()
        header = ui.overrides_view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        ui.overrides_view.selectionModel().currentRowChanged.connect(self._row_changed)
        ui.save_default_button.clicked.connect(self.save_default)
        ui.set_override_button.clicked.connect(self.set_override)
        ui.clear_override_button.clicked.connect(self.clear_override)
        self.building_combo.currentIndexChanged.connect(lambda _i: self._update_buttons())
        self.building_combo.editTextChanged.connect(lambda _t: self._update_buttons())
        self.windows: ReadingWindows | None = None
        for label in (ui.default_error_label, ui.override_error_label):
            show_error(label, None)
        self._update_buttons()

    # --- loading --------------------------------------------------------------------------------
    def reload(self, message: str | None = None) -> None:
        self.ctx.run(self.ctx.call(buildings.list_buildings), self._buildings_loaded)
        self.ctx.run(self.ctx.call(buildings.reading_windows), lambda windows: self._loaded(windows, message))

    def _buildings_loaded(self, rows: list[BuildingRow]) -> None:
        self.building_combo.set_buildings(rows)

    def _loaded(self, windows: ReadingWindows, message: str | None) -> None:
        self.windows = windows
        ui = self.ui
        _show_rule(windows.default, ui.default_frequency_combo, ui.default_days_before_spin, ui.default_days_after_spin)
        chosen = self.building_combo.building_id()
        self.model.set_rows(windows.overrides)
        for number, item in enumerate(windows.overrides):
            if item.building.id == chosen:
                ui.overrides_view.selectRow(number)
        ui.windows_message_label.setText(message or "")
        self._update_buttons()

    def _row_changed(self, current: Index, _previous: Index) -> None:
        if not current.isValid():
            return
        item = self.model.row_at(current.row())
        ui = self.ui
        self.building_combo.set_building_id(item.building.id)
        _show_rule(item.rule, ui.override_frequency_combo, ui.override_days_before_spin, ui.override_days_after_spin)
        self._update_buttons()

    def _override_of(self, building_id: int | None) -> BuildingWindow | None:
        return next((w for w in self.model.rows() if w.building.id == building_id), None)

    def _update_buttons(self) -> None:
        building_id = self.building_combo.building_id()
        self.ui.set_override_button.setEnabled(building_id is not None)
        self.ui.clear_override_button.setEnabled(self._override_of(building_id) is not None)

    # --- saving ---------------------------------------------------------------------------------
    def save_default(self) -> None:
        ui = self.ui
        rule = _rule(ui.default_frequency_combo, ui.default_days_before_spin, ui.default_days_after_spin)
        self._save(rule, None, ui.default_error_label, self.tr("The default is saved."))

    def set_override(self) -> None:
        ui = self.ui
        building_id = self.building_combo.building_id()
        if building_id is None:
            show_error(ui.override_error_label, self.tr("Choose a building."))
            return
        rule = _rule(ui.override_frequency_combo, ui.override_days_before_spin, ui.override_days_after_spin)
        self._save(rule, building_id, ui.override_error_label, self.tr("The building's window is saved."))

    def _save(self, rule: WindowRule, building_id: int | None, errors: QLabel, done: str) -> None:
        for label in (self.ui.default_error_label, self.ui.override_error_label):
            show_error(label, None)
        self.ui.windows_message_label.setText("")

        def failed(error: BaseException) -> bool:
            if isinstance(error, ValidationError | NotFoundError):
                show_error(errors, error.message)
                return True
            return False

        self.ctx.run(
            self.ctx.call(settings.set_window_rule, rule, building_id=building_id),
            lambda _none: self.reload(done),
            failed,
        )

    def clear_override(self) -> None:
        building_id = self.building_combo.building_id()
        item = self._override_of(building_id)
        if building_id is None or item is None:
            return
        question = self.tr("Remove the own reading window of %1? The cooperative default will apply.").replace(
            "%1", item.building.address
        )
        if not self.ctx.dialogs.confirm(self, self.tr("Use the default window"), question):
            return
        self.ctx.run(
            self.ctx.call(settings.clear_building_window, building_id),
            lambda _none: self.reload(self.tr("The building uses the default window again.")),
        )
