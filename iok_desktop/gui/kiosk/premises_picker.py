"""Which of the resident's premises a page shows: one big button per premises (hidden when there is one).

Pages that show data of one premises (the ledger, the meters) put this at their top and load the
premises list with ``load()``; ``chosen`` says which premises to show (the first one at the start).
An address longer than its button (two premises beside the keypad on a 1280-pixel screen) wraps onto
more lines instead of being cut: a QPushButton cannot wrap its text, so the address is a word-wrapped
label inside the button, and the button asks the layout for the height the label needs at its width.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from iok_desktop.gui.kiosk.context import KioskContext
from iok_desktop.gui.kiosk.named import named
from iok_desktop.services.buildings import PremisesLabel
from iok_desktop.services.residents import my_premises

# Room around the address inside its button (the button's border and padding) and its least height.
TEXT_MARGIN_X, TEXT_MARGIN_Y = 18, 10
MIN_HEIGHT = 80
NO_BREAK = "\u00a0"


def wrappable(address: str) -> str:
    """The address with "70-689 Szczecin" kept on one line, so a wrapped address breaks after its comma."""
    street, comma, town = address.rpartition(", ")
    return f"{street}{comma}{town.replace(' ', NO_BREAK)}" if comma else address


class PremisesButton(QPushButton):
    """A checkable button showing a whole address: wrapped onto as many lines as its width needs."""

    def __init__(self, address: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.address = address
        self.setAccessibleName(address)  # no tool tip: a touch screen has no hover to show it
        self.setCheckable(True)
        self.setProperty("role", "kiosk-premises")
        self.label = named(QLabel(wrappable(address), self), "kiosk_premises_address")
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.label.setProperty("checked", False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(TEXT_MARGIN_X, TEXT_MARGIN_Y, TEXT_MARGIN_X, TEXT_MARGIN_Y)
        layout.addWidget(self.label)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.toggled.connect(self._show_checked)

    def _show_checked(self, checked: bool) -> None:
        # The label draws the text: it takes the checked button's colours from a property of its own.
        self.label.setProperty("checked", checked)
        self.label.style().unpolish(self.label)
        self.label.style().polish(self.label)

    def _text_width(self, text: str) -> int:
        self.label.ensurePolished()
        return self.label.fontMetrics().horizontalAdvance(text)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        width = self._text_width(self.label.text()) + 2 * TEXT_MARGIN_X + 4
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        # As narrow as the longest word: the rest wraps.
        longest = max((self._text_width(word) for word in self.label.text().split(" ")), default=0)
        width = longest + 2 * TEXT_MARGIN_X + 4
        return QSize(width, self.heightForWidth(width))

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        self.label.ensurePolished()
        text_height = self.label.heightForWidth(max(1, width - 2 * TEXT_MARGIN_X))
        return max(MIN_HEIGHT, text_height + 2 * TEXT_MARGIN_Y)


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
        self.buttons: list[PremisesButton] = []
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
            button = named(PremisesButton(label.address, self), f"kiosk_premises_{index}")
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
