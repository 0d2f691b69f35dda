"""The kiosk's on-screen keyboard and numeric keypad type into the focused field and never take focus."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from iok_desktop.gui.kiosk.keyboard import KEY_MIN_SIZE, KeyboardHost, NumericKeypad, OnScreenKeyboard
from tests.gui.support import screenshot


class Scene:
    def __init__(self, qtbot: QtBot) -> None:
        self.window = QWidget()
        qtbot.addWidget(self.window)
        layout = QVBoxLayout(self.window)
        self.text = QLineEdit()
        self.reading = QLineEdit()
        self.reading.setProperty("kiosk_input", "numeric")
        self.keyboard = OnScreenKeyboard()
        self.keypad = NumericKeypad()
        for widget in (self.text, self.reading, self.keyboard, self.keypad):
            layout.addWidget(widget)
        self.host = KeyboardHost(self.window, self.keyboard, self.keypad)
        self.window.resize(1280, 1000)
        self.window.show()
        self.window.activateWindow()
        qtbot.waitExposed(self.window)

    def focus(self, qtbot: QtBot, field: QLineEdit) -> None:
        field.setFocus()
        qtbot.waitUntil(field.hasFocus)


def press(pad: QWidget, name: str) -> None:
    key = pad.findChild(QPushButton, name)
    assert key is not None, name
    key.click()


def type_text(keyboard: OnScreenKeyboard, text: str) -> None:
    for char in text:
        if char.isupper():
            press(keyboard, "key_shift")
        press(keyboard, f"key_{char.lower()}")


def test_shift_and_polish_letter_type_into_the_focused_field(qtbot: QtBot, iok_app: QApplication) -> None:
    scene = Scene(qtbot)
    scene.focus(qtbot, scene.text)
    type_text(scene.keyboard, "Żółw")
    assert scene.text.text() == "Żółw"
    press(scene.keyboard, "key_backspace")
    assert scene.text.text() == "Żół"
    press(scene.keyboard, "key_caps")
    press(scene.keyboard, "key_a")
    press(scene.keyboard, "key_space")
    press(scene.keyboard, "key_b")
    assert scene.text.text() == "ŻółA B"
    assert scene.text.hasFocus()


def test_an_email_is_typed_fully(qtbot: QtBot, iok_app: QApplication) -> None:
    scene = Scene(qtbot)
    scene.focus(qtbot, scene.text)
    type_text(scene.keyboard, "jan.kowalski-2_x+k@poczta.pl")
    assert scene.text.text() == "jan.kowalski-2_x+k@poczta.pl"


def test_keypad_types_a_reading_and_refuses_a_second_comma(qtbot: QtBot, iok_app: QApplication) -> None:
    scene = Scene(qtbot)
    scene.focus(qtbot, scene.reading)
    for name in ("key_1", "key_2", "key_3", "key_comma", "key_4", "key_comma", "key_5", "key_6"):
        press(scene.keypad, name)
    assert scene.reading.text() == "123,456"
    press(scene.keypad, "key_backspace")
    assert scene.reading.text() == "123,45"
    press(scene.keypad, "key_clear")
    assert scene.reading.text() == ""
    assert scene.reading.hasFocus()


def test_host_shows_the_right_pad_for_the_focused_field_and_hides_both(qtbot: QtBot, iok_app: QApplication) -> None:
    scene = Scene(qtbot)
    assert not scene.keyboard.isVisible() and not scene.keypad.isVisible()
    scene.focus(qtbot, scene.text)
    assert scene.keyboard.isVisible() and not scene.keypad.isVisible()
    scene.focus(qtbot, scene.reading)
    assert scene.keypad.isVisible() and not scene.keyboard.isVisible()
    press(scene.keypad, "key_7")
    assert scene.reading.text() == "7"
    press(scene.keypad, "key_ok")
    assert not scene.keypad.isVisible()
    scene.focus(qtbot, scene.text)
    assert scene.keyboard.isVisible()
    scene.window.setFocus()
    qtbot.waitUntil(lambda: not scene.keyboard.isVisible())
    assert not scene.keypad.isVisible()


def test_keys_never_take_focus(qtbot: QtBot, iok_app: QApplication) -> None:
    scene = Scene(qtbot)
    scene.focus(qtbot, scene.text)
    for pad in (scene.keyboard, scene.keypad):
        keys = pad.findChildren(QPushButton)
        assert keys
        assert all(key.focusPolicy() == Qt.FocusPolicy.NoFocus for key in keys)
    key = scene.keyboard.findChild(QPushButton, "key_k")
    assert key is not None
    QTest.mouseClick(key, Qt.MouseButton.LeftButton)
    assert scene.text.hasFocus()
    assert scene.text.text() == "k"


def test_password_field_receives_keys(qtbot: QtBot, iok_app: QApplication) -> None:
    scene = Scene(qtbot)
    scene.text.setEchoMode(QLineEdit.EchoMode.Password)
    scene.focus(qtbot, scene.text)
    type_text(scene.keyboard, "tajne1")
    assert scene.text.text() == "tajne1"


def test_screenshots_at_kiosk_size(qtbot: QtBot, iok_app: QApplication) -> None:
    keyboard = OnScreenKeyboard()
    qtbot.addWidget(keyboard)
    keyboard.resize(1280, 480)
    keyboard.show()
    # Touch targets well above the 44 px of WCAG 2.5.5, on a keyboard that leaves the screen half free.
    assert all(
        key.width() >= KEY_MIN_SIZE and key.height() >= KEY_MIN_SIZE for key in keyboard.findChildren(QPushButton)
    )
    screenshot(keyboard, "kiosk_keyboard")
    keypad = NumericKeypad()
    qtbot.addWidget(keypad)
    keypad.resize(420, 420)
    keypad.show()
    screenshot(keypad, "kiosk_keypad")
