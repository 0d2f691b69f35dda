"""Choose a building by typing any part of its address or code (an editable combo with a completer).

Enter (or leaving the box) with text that names exactly one building chooses it; Polish letters may
be typed or not ("lakowa" finds "Łąkowa").
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from iok_desktop.domain.text import fold
from iok_desktop.services.buildings import BuildingRow


def building_text(row: BuildingRow) -> str:
    return f"{row.address} · {row.code}"


class BuildingCombo(QComboBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(30)
        completer = self.completer()
        if completer is not None:
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self._rows: dict[int, BuildingRow] = {}
        # A building asked for before the list arrived: chosen as soon as it does.
        self._pending: int | None = None
        edit = self.lineEdit()
        if edit is not None:
            edit.returnPressed.connect(self.resolve_typed)
            edit.editingFinished.connect(self.resolve_typed)

    def set_buildings(self, rows: list[BuildingRow]) -> None:
        """Refill, keeping the chosen building when it is still there."""
        chosen = self.building_id()
        if chosen is None:
            chosen = self._pending
        self.blockSignals(True)
        self.clear()
        self._rows = {row.id: row for row in rows}
        for row in rows:
            self.addItem(building_text(row), row.id)
        self.blockSignals(False)
        self.set_building_id(chosen)

    def resolve_typed(self) -> None:
        """Choose the only building whose text contains what was typed."""
        typed = fold(self.currentText())
        if not typed or self.findText(self.currentText(), Qt.MatchFlag.MatchFixedString) >= 0:
            return
        matches = [i for i in range(self.count()) if typed in fold(self.itemText(i))]
        if len(matches) == 1:
            self.setCurrentIndex(matches[0])

    def set_placeholder(self, text: str) -> None:
        edit = self.lineEdit()
        if edit is not None:
            edit.setPlaceholderText(text)

    def buildings(self) -> dict[int, BuildingRow]:
        return dict(self._rows)

    def building_id(self) -> int | None:
        """The building whose text is in the box (None while the text names no building)."""
        index = self.findText(self.currentText(), Qt.MatchFlag.MatchFixedString)
        if index < 0:
            return None
        value = self.itemData(index)
        return int(value) if value is not None else None

    def set_building_id(self, building_id: int | None) -> None:
        index = self.findData(building_id) if building_id is not None else -1
        self._pending = building_id if index < 0 else None
        self.setCurrentIndex(index)
        if index < 0:
            self.setEditText("")
