"""A small dialog to pick one premises (by holder's surname, address, premises code or IOK login)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from iok_desktop.gui.clerk.context import ClerkContext
from iok_desktop.gui.clerk.premises_search import PremisesSearch
from iok_desktop.services.registry import PremisesHit


class PremisesChooser(QDialog):
    chosen = Signal(object)  # PremisesHit

    def __init__(self, ctx: ClerkContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("premises_chooser_dialog")
        self.setWindowTitle(self.tr("Choose premises"))
        self.resize(520, 360)
        layout = QVBoxLayout(self)
        self.search = PremisesSearch(ctx, self)
        self.search.premises_chosen.connect(self._chosen)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        buttons.setObjectName("premises_chooser_buttons")
        buttons.rejected.connect(self.reject)
        layout.addWidget(self.search, 1)
        layout.addWidget(buttons)
        self.search.search_edit.setFocus()

    def _chosen(self, hit: PremisesHit) -> None:
        self.chosen.emit(hit)
        self.accept()
