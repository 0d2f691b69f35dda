"""The kiosk's own screens at the two kiosk sizes, with the on-screen keyboard a resident types on."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from iok_desktop.gui.kiosk.admin_exit import KioskAdminExitScreen
from iok_desktop.gui.kiosk.login_screen import KioskLoginScreen
from iok_desktop.gui.kiosk.outage_screen import KioskOutageScreen
from iok_desktop.gui.kiosk.shell import KioskShell
from tests.gui.kiosk.conftest import MakeKiosk, Resident
from tests.gui.support import screenshot, wait_idle

SIZES = [(1920, 1080), (1280, 1024)]


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_signing_in_with_the_on_screen_keyboard_only(
    qtbot: QtBot, make_kiosk: MakeKiosk, resident: Resident, width: int, height: int
) -> None:
    """No physical keyboard: the resident taps the keys of the kiosk's own keyboard."""
    kiosk = make_kiosk()
    kiosk.window.resize(width, height)
    kiosk.window.activateWindow()
    login = kiosk.window.currentWidget()
    assert isinstance(login, KioskLoginScreen)
    keyboard = kiosk.window.keyboard
    login.login_edit.setFocus()
    qtbot.waitUntil(keyboard.isVisible)
    # The screen makes room for the keyboard instead of growing past the kiosk's display.
    assert (kiosk.window.width(), kiosk.window.height()) == (width, height)
    # The keyboard never covers the fields the resident types into.
    for field in (login.login_edit, login.password_edit):
        bottom = field.mapTo(kiosk.window, field.rect().bottomLeft()).y()
        assert bottom < keyboard.geometry().top(), (bottom, keyboard.geometry())

    def tap(text: str) -> None:
        for char in text:
            if char.isupper():
                qtbot.mouseClick(keyboard.findChild(QPushButton, "key_shift"), Qt.MouseButton.LeftButton)
            key = keyboard.findChild(QPushButton, f"key_{char.lower()}")
            assert key is not None, char
            qtbot.mouseClick(key, Qt.MouseButton.LeftButton)

    tap(resident.login)
    assert login.login_edit.text() == resident.login
    screenshot(kiosk.window, f"kiosk_login_keyboard_{width}x{height}")
    login.password_edit.setFocus()
    tap("Mieszkaniec7Q")
    assert login.password_edit.text() == "Mieszkaniec7Q"
    qtbot.mouseClick(login.sign_in_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, kiosk.runner)
    assert isinstance(kiosk.window.currentWidget(), KioskShell)
    assert not keyboard.isVisible()


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_outage_and_administrator_screens_fit(qtbot: QtBot, make_kiosk: MakeKiosk, width: int, height: int) -> None:
    kiosk = make_kiosk()
    kiosk.window.resize(width, height)
    kiosk.exit_shortcut.activated.emit()
    assert isinstance(kiosk.window.currentWidget(), KioskAdminExitScreen)
    screenshot(kiosk.window, f"kiosk_admin_exit_{width}x{height}")
    kiosk.window.show_screen(KioskOutageScreen())
    screenshot(kiosk.window, f"kiosk_out_of_service_{width}x{height}")
