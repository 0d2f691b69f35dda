"""On-screen keyboard and numeric keypad for the touch-only kiosk, and the host that shows the right one.

Keys edit the target QLineEdit directly (``insert`` / ``backspace``) instead of posting synthetic key
events: it needs no focus juggling, works the same offscreen and on X11/Wayland, respects validators
and max length, and cannot be swallowed by an event filter. Keys never take focus, so the field keeps it.
"""

from __future__ import annotations

import weakref

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

KEY_MIN_SIZE = 56
KEY_FONT_PX = 26
INPUT_PROPERTY = "kiosk_input"
NUMERIC = "numeric"
DECIMAL_COMMA = ","

_LETTER_ROWS = ("1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm")
_POLISH_ROW = "ąćęłńóśźż"
_SYMBOL_ROW = "@.-_+"


def _make_key(text: str, name: str, parent: QWidget) -> QPushButton:
    key = QPushButton(text, parent)
    key.setObjectName(name)
    key.setProperty("kioskKey", True)
    key.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    key.setAutoDefault(False)
    key.setMinimumSize(KEY_MIN_SIZE, KEY_MIN_SIZE)
    key.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
    font = key.font()
    font.setPixelSize(KEY_FONT_PX)  # legible at arm's length; the kiosk stylesheet may override it
    key.setFont(font)
    return key


class _TargetedPad(QWidget):
    """Common part: where the typed text goes (an explicit target, else the focused line edit)."""

    accepted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._target: QLineEdit | None = None

    def set_target(self, target: QLineEdit | None) -> None:
        self._target = target

    def target(self) -> QLineEdit | None:
        if self._target is not None:
            return self._target
        focused = QApplication.focusWidget()
        return focused if isinstance(focused, QLineEdit) else None

    def _insert(self, text: str) -> None:
        field = self.target()
        if field is not None and not field.isReadOnly():
            field.insert(text)

    def _backspace(self) -> None:
        field = self.target()
        if field is not None and not field.isReadOnly():
            field.backspace()


class OnScreenKeyboard(_TargetedPad):
    """A Polish keyboard: letters, digits, Polish letters, e-mail/phone symbols, Shift, space, backspace."""

    hide_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kioskKeyboard")
        self._shift = False
        self._caps = False
        self._letter_keys: list[QPushButton] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        for row in (*_LETTER_ROWS, _POLISH_ROW):
            layout.addLayout(self._character_row(row))
        layout.addLayout(self._bottom_row())
        self.setMinimumHeight(7 * (KEY_MIN_SIZE + 6))
        self._refresh_case()

    @property
    def shifted(self) -> bool:
        return self._shift or self._caps

    def _character_row(self, characters: str) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(6)
        for char in characters:
            key = _make_key(char, f"key_{char}", self)
            key.setProperty("character", char)
            key.clicked.connect(lambda _=False, c=char: self._type(c))
            if char.isalpha():
                self._letter_keys.append(key)
            row.addWidget(key)
        return row

    def _bottom_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(6)
        self._shift_key = _make_key(self.tr("Shift"), "key_shift", self)
        self._shift_key.setCheckable(True)
        self._shift_key.clicked.connect(self._toggle_shift)
        row.addWidget(self._shift_key, 2)
        self._caps_key = _make_key(self.tr("Caps"), "key_caps", self)
        self._caps_key.setCheckable(True)
        self._caps_key.clicked.connect(self._toggle_caps)
        row.addWidget(self._caps_key, 2)
        for char in _SYMBOL_ROW:
            key = _make_key(char, f"key_{char}", self)
            key.setProperty("character", char)
            key.clicked.connect(lambda _=False, c=char: self._type(c))
            row.addWidget(key, 1)
        space = _make_key(self.tr("Space"), "key_space", self)
        space.clicked.connect(lambda: self._type(" "))
        row.addWidget(space, 5)
        backspace = _make_key("⌫", "key_backspace", self)
        backspace.setToolTip(self.tr("Delete"))
        backspace.clicked.connect(self._backspace)
        row.addWidget(backspace, 2)
        done = _make_key(self.tr("Done"), "key_done", self)
        done.setProperty("accent", True)
        done.clicked.connect(self.accepted)
        row.addWidget(done, 3)
        hide = _make_key(self.tr("Hide"), "key_hide", self)
        hide.clicked.connect(self.hide_requested)
        row.addWidget(hide, 2)
        return row

    def _type(self, char: str) -> None:
        self._insert(char.upper() if self.shifted else char)
        if self._shift:  # one-shot Shift, like a phone keyboard; Caps stays on
            self._shift = False
            self._refresh_case()

    def _toggle_shift(self) -> None:
        self._shift = not self._shift
        self._refresh_case()

    def _toggle_caps(self) -> None:
        self._caps = not self._caps
        self._shift = False
        self._refresh_case()

    def _refresh_case(self) -> None:
        self._shift_key.setChecked(self._shift)
        self._caps_key.setChecked(self._caps)
        for key in self._letter_keys:
            char = str(key.property("character"))
            key.setText(char.upper() if self.shifted else char)


class NumericKeypad(_TargetedPad):
    """Digits, one decimal comma, backspace, clear and OK — for meter readings such as ``123,456``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kioskKeypad")
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 8, 8, 8)
        grid.setSpacing(6)
        for index, digit in enumerate("789456123"):
            grid.addWidget(self._digit_key(digit), index // 3, index % 3)
        grid.addWidget(self._digit_key("0"), 3, 0, 1, 2)
        comma = _make_key(DECIMAL_COMMA, "key_comma", self)
        comma.clicked.connect(self._comma)
        grid.addWidget(comma, 3, 2)
        backspace = _make_key("⌫", "key_backspace", self)
        backspace.setToolTip(self.tr("Delete"))
        backspace.clicked.connect(self._backspace)
        grid.addWidget(backspace, 0, 3)
        clear = _make_key(self.tr("Clear"), "key_clear", self)
        clear.clicked.connect(self._clear)
        grid.addWidget(clear, 1, 3)
        ok = _make_key(self.tr("OK"), "key_ok", self)
        ok.setProperty("accent", True)
        ok.clicked.connect(self.accepted)
        grid.addWidget(ok, 2, 3, 2, 1)
        # The keys with words get a column twice as wide as a digit's, and "Wyczyść" a slightly smaller
        # type (kiosk.qss), so the word has air on both sides in a 380-pixel keypad.
        for column, stretch in enumerate((1, 1, 1, 2)):
            grid.setColumnStretch(column, stretch)
        clear.setProperty("wordKey", True)
        self.setMinimumSize(4 * (KEY_MIN_SIZE + 20), 4 * (KEY_MIN_SIZE + 20))

    def _digit_key(self, digit: str) -> QPushButton:
        key = _make_key(digit, f"key_{digit}", self)
        key.clicked.connect(lambda _=False, d=digit: self._insert(d))
        return key

    def _comma(self) -> None:
        field = self.target()
        if field is not None and DECIMAL_COMMA not in field.text():
            self._insert(DECIMAL_COMMA)

    def _clear(self) -> None:
        field = self.target()
        if field is not None and not field.isReadOnly():
            field.clear()


class KeyboardHost(QObject):
    """Shows the keypad for fields marked ``kiosk_input = "numeric"``, the keyboard for other line
    edits inside ``window``, and hides both when no text field there has focus."""

    def __init__(self, window: QWidget, keyboard: OnScreenKeyboard, keypad: NumericKeypad) -> None:
        super().__init__(window)
        self._window = window
        self.keyboard = keyboard
        self.keypad = keypad
        keyboard.hide()
        keypad.hide()
        keyboard.hide_requested.connect(self.hide_all)
        keyboard.accepted.connect(self.hide_all)
        keypad.accepted.connect(self.hide_all)
        app = QApplication.instance()
        if not isinstance(app, QApplication):
            raise RuntimeError("KeyboardHost needs a running QApplication")
        # Not a bound slot on the application-wide signal: when the kiosk window (and this host with it)
        # is deleted, PySide would still try to call it ("Slot 'KeyboardHost::' not found"). A plain
        # function that looks the host up, disconnected when the host goes, cannot outlive it.
        host = weakref.ref(self)

        def focus_changed(old: QWidget | None, new: QWidget | None) -> None:
            alive = host()
            if alive is not None and shiboken6.isValid(alive):
                alive._focus_changed(old, new)

        app.focusChanged.connect(focus_changed)
        self.destroyed.connect(lambda: app.focusChanged.disconnect(focus_changed))

    def hide_all(self) -> None:
        self.keyboard.hide()
        self.keypad.hide()

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is None:
            return  # focus left the application (e.g. a popup); keep what the resident sees
        if not isinstance(new, QLineEdit) or not self._window.isAncestorOf(new) or new.isReadOnly():
            self.hide_all()
            return
        numeric = new.property(INPUT_PROPERTY) == NUMERIC
        shown, hidden = (self.keypad, self.keyboard) if numeric else (self.keyboard, self.keypad)
        hidden.hide()
        shown.set_target(new)
        shown.show()
