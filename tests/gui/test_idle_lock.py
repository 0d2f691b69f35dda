"""The clerk's desk locks after a while without input; the password unlocks it and the open form stays."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from iok_desktop.gui.clerk.context import ClerkContext
from iok_desktop.gui.clerk.main_window import MainWindow
from iok_desktop.gui.clerk.page import Page
from iok_desktop.gui.clerk.pages import PageSpec
from tests.gui.support import screenshot, wait_idle
from tests.support.builders import STAFF_PASSWORD


class _FormPage(Page):
    def __init__(self, ctx: ClerkContext) -> None:
        super().__init__(ctx, "")
        self.edit = QLineEdit(self)
        self.layout_.addWidget(self.edit)


def _window(qtbot: QtBot, ctx: ClerkContext) -> MainWindow:
    window = MainWindow(ctx, [PageSpec("queue", "Kolejka odczytów", "queue", _FormPage)], idle_minutes=0.003)
    qtbot.addWidget(window)
    window.show()
    return window


def test_idle_desk_locks_and_unlocks_with_the_password_keeping_the_form(qtbot: QtBot, clerk_ctx: ClerkContext) -> None:
    window = _window(qtbot, clerk_ctx)
    page = window.page("queue")
    assert isinstance(page, _FormPage)
    page.edit.setText("wpisany tekst")
    qtbot.waitUntil(lambda: window.idle_lock.dialog is not None, timeout=5000)
    dialog = window.idle_lock.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.password_edit.setText("Zle-haslo-1")
    dialog.submit()
    wait_idle(qtbot, clerk_ctx.runner)
    assert dialog.isVisible() and "Nieprawidłowy" in dialog.error_label.text()
    screenshot(dialog, "idle_lock")
    dialog.password_edit.setText(STAFF_PASSWORD)
    dialog.submit()
    wait_idle(qtbot, clerk_ctx.runner)
    assert window.idle_lock.dialog is None and not dialog.isVisible()
    assert page.edit.text() == "wpisany tekst"
    window.idle_lock.stop()


def test_log_out_from_the_lock(qtbot: QtBot, clerk_ctx: ClerkContext) -> None:
    window = _window(qtbot, clerk_ctx)
    with qtbot.waitSignal(window.logged_out, timeout=5000):
        qtbot.waitUntil(lambda: window.idle_lock.dialog is not None, timeout=5000)
        assert window.idle_lock.dialog is not None
        window.idle_lock.dialog.log_out_button.click()
