"""Which of the resident's premises a page shows: one big button per premises (hidden when there is one).

Pages that show data of one premises (the ledger, the meters) put this at their top and load the
premises list with ``load()``; ``chosen`` says which premises to show (the first one at the start).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QPushButton, QWidget

from iok_desktop.gui.kiosk.context import KioskContext
from iok_desktop.gui.kiosk.named import named
from iok_desktop.services.buildings import PremisesLabel
from iok_desktop.services.residents import my_premises


class PremisesPicker(QWidget):
    chosen = Signal(object)  # PremisesLabel
    loaded = Signal(int)  # how many premises the resident holds

    def __init__(self, ctx: KioskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kiosk_premises_picker")
        self.ctx = ctx
        self.premises: list[PremisesLabel] = []
        self.current: PremisesLabel | None = None
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(0, 0, 0, 0)
        self.buttons: list[QPushButton] = []
        self.none_label = named(
            QLabel(self.tr("You hold no premises at the moment. Please ask at the office.")), "kiosk_no_premises"
        )
        self.none_label.setWordWrap(True)
        self.none_label.hide()
        self._row.addWidget(self.none_label)

    def load(self) -> None:
        """Read the resident's premises (on the worker) and choose the one shown before, else the first."""
        self.ctx.run(self.ctx.call(my_premises), self._show)

    def _show(self, premises: list[PremisesLabel]) -> None:
        keep = self.current.id if self.current else None
        for button in self.buttons:
            self._group.removeButton(button)
            button.deleteLater()
        self.buttons = []
        self.premises = premises
        self.none_label.setVisible(not premises)
        for index, label in enumerate(premises):
            button = named(QPushButton(label.address, self), f"kiosk_premises_{index}")
            button.setCheckable(True)
            button.setProperty("role", "kiosk-premises")
            button.clicked.connect(lambda _checked=False, chosen=label: self.choose(chosen))
            self._group.addButton(button)
            self._row.addWidget(button)
            self.buttons.append(button)
        # One premises needs no choosing: the page says which one it shows in its own title.
        for button in self.buttons:
            button.setVisible(len(premises) > 1)
        self.loaded.emit(len(premises))
        if premises:
            self.choose(next((p for p in premises if p.id == keep), premises[0]))

    def choose(self, premises: PremisesLabel) -> None:
        self.current = premises
        for button, label in zip(self.buttons, self.premises, strict=True):
            button.setChecked(label.id == premises.id)
        self.chosen.emit(premises)
