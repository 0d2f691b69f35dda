"""Remember each table's column widths, order and sort between sessions (QSettings)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QHeaderView, QTableView


def restore(settings: QSettings, key: str, view: QTableView) -> None:
    state = settings.value(f"tables/{key}")
    if isinstance(state, QByteArray) and not state.isEmpty():
        view.horizontalHeader().restoreState(state)


def remember(settings: QSettings, key: str, view: QTableView) -> None:
    """Save the header state now and whenever the clerk resizes or moves a column."""
    header: QHeaderView = view.horizontalHeader()

    def save(*_args: object) -> None:
        settings.setValue(f"tables/{key}", header.saveState())

    header.sectionResized.connect(save)
    header.sectionMoved.connect(save)
    header.sortIndicatorChanged.connect(save)
