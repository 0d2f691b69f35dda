"""Small building blocks shared by the readings page and its cards: labels, buttons, scrolling, errors."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QScroller,
    QWidget,
)

from iok_desktop.domain.enums import MeterKind
from iok_desktop.domain.errors import DatabaseUnavailableError, DomainError
from iok_desktop.domain.readings import format_reading_value
from iok_desktop.gui.kiosk.named import named

# How far back the date of a reported reading may be moved (the service refuses dates outside the window).
MAX_DAYS_BACK = 62
# Page widths where the cards change shape: from WIDE_PAGE a meter card is one line with its buttons side
# by side; below NARROW_PAGE (beside the keypad on a 1280-pixel screen) buttons go under the text.
WIDE_PAGE = 1500
NARROW_PAGE = 1100


def while_alive(widget: QWidget, callback: Callable[..., Any]) -> Callable[..., Any]:
    """A callback that does nothing once ``widget`` is gone (the resident logged out meanwhile)."""

    def guarded(*args: Any) -> Any:
        if shiboken6.isValid(widget):
            return callback(*args)
        return True  # a failure nobody can see any more counts as handled

    return guarded


def domain_message(error: BaseException) -> str | None:
    """The Polish message to show in place, or None for what the kiosk's error handling must see."""
    if isinstance(error, DomainError) and not isinstance(error, DatabaseUnavailableError):
        return error.message
    return None


def value_text(value: Decimal, decimal_places: int, unit: str) -> str:
    return f"{format_reading_value(value, decimal_places)} {unit}"


def kind_title(kind: MeterKind) -> str:
    label = kind.label  # the Polish word the cooperative uses ("woda zimna")
    return f"{label[:1].upper()}{label[1:]} ({kind.short})"


def make_label(text: str, role: str | None = None, *, wrap: bool = False, name: str | None = None) -> QLabel:
    label = QLabel(text)
    if role:
        label.setProperty("role", role)
    label.setWordWrap(wrap)
    if name:
        label.setObjectName(name)
    return label


def make_button(text: str, name: str, *, primary: bool = False) -> QPushButton:
    button = named(QPushButton(text), name)
    button.setAutoDefault(False)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a tap must not take the focus (and the keypad) away
    if primary:
        button.setProperty("role", "kiosk-primary")
    return button


def touch_scroll(content: QWidget, name: str) -> QScrollArea:
    area = named(QScrollArea(), name)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(content)
    QScroller.grabGesture(area.viewport(), QScroller.ScrollerGestureType.TouchGesture)  # swipe to scroll
    return area


def reveal(widget: QWidget) -> None:
    """Scroll ``widget`` into view once the layouts have settled (the keypad narrows the page first)."""

    def scroll() -> None:
        if not shiboken6.isValid(widget):
            return
        parent = widget.parentWidget()
        while parent is not None and not isinstance(parent, QScrollArea):
            parent = parent.parentWidget()
        if parent is not None:
            parent.ensureWidgetVisible(widget, 0, 48)

    QTimer.singleShot(0, scroll)


def set_error(label: QLabel, message: str) -> None:
    label.setText(message)
    label.setVisible(bool(message))
