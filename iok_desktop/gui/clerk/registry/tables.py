"""Set up a lazily fetched table view the same way on both screens (registry, accounts)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QAbstractItemView, QTableView

from iok_desktop.gui import table_state
from iok_desktop.gui.paged_model import PagedTableModel


def setup_paged_view(view: QTableView, model: PagedTableModel[Any], settings: QSettings, key: str) -> None:
    """Rows selected whole, one line each; the column layout is remembered. Until the clerk has
    arranged the columns (nothing remembered yet), they fit what each loaded page contains."""
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    header = view.horizontalHeader()
    header.setStretchLastSection(True)
    table_state.restore(settings, key, view)
    if settings.value(f"tables/{key}") is not None:
        table_state.remember(settings, key, view)
        return
    fitting = False

    def fit() -> None:
        nonlocal fitting
        if not model.rowCount():
            return
        fitting = True
        view.resizeColumnsToContents()
        # Re-apply the stretch: a view laid out while hidden (another tab) keeps a stale last width.
        header.setStretchLastSection(False)
        header.setStretchLastSection(True)
        fitting = False

    def arranged_by_hand() -> None:
        model.page_loaded.disconnect(fit)
        header.sectionResized.disconnect(resized)
        header.sectionMoved.disconnect(moved)
        table_state.remember(settings, key, view)
        settings.setValue(f"tables/{key}", header.saveState())

    def resized(logical: int, _old: int, _new: int) -> None:
        # The stretched last column follows the window; only the others are resized by hand.
        if not fitting and logical != header.count() - 1:
            arranged_by_hand()

    def moved(_logical: int, _old: int, _new: int) -> None:
        arranged_by_hand()

    model.page_loaded.connect(fit)
    header.sectionResized.connect(resized)
    header.sectionMoved.connect(moved)
