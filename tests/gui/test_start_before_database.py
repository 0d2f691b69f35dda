"""The clerk's start: the sign-in window is on the screen before the database is open.

``ClerkApp.open`` shows the window at once and opens the database on the worker thread (the real
start imports SQLAlchemy and the services there, see benchmarks/README.md). Here the opening is held
on an event, so each step can be looked at: what the clerk sees while it waits, a sign-in typed
meanwhile, the first run found only then, and an opening that fails.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from iok_desktop.db.database import Database
from iok_desktop.domain.errors import DomainError
from iok_desktop.gui.clerk.app import ClerkApp
from iok_desktop.gui.clerk.context import ClerkContext
from iok_desktop.gui.clerk.page import Page
from iok_desktop.gui.clerk.pages import PageSpec
from iok_desktop.services.backend import Backend
from tests.gui.support import ScriptedDialogs, screenshot, wait_idle
from tests.support.builders import STAFF_PASSWORD, make_staff


class _EmptyPage(Page):
    pass


def _app(settings: QSettings, dialogs: ScriptedDialogs) -> ClerkApp:
    def factory(ctx: ClerkContext) -> Page:
        return _EmptyPage(ctx, "")

    return ClerkApp(None, settings, dialogs, pages=[PageSpec("queue", "Kolejka odczytów", "queue", factory)])


def _held(backend: Backend) -> tuple[Callable[[], Backend], threading.Event]:
    gate = threading.Event()

    def opener() -> Backend:
        if not gate.wait(10):
            raise TimeoutError("the test never let the database open")
        return backend

    return opener, gate


def test_the_sign_in_window_shows_at_once_and_a_sign_in_typed_meanwhile_goes_when_the_database_opens(
    qtbot: QtBot, iok_app: QApplication, db: Database, backend: Backend, settings: QSettings, dialogs: ScriptedDialogs
) -> None:
    with db.session() as s:
        make_staff(s, "akowalska")
        s.commit()
    app = _app(settings, dialogs)
    opener, gate = _held(backend)
    app.open(opener)
    dialog = app.login_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.addWidget(dialog)
    assert dialog.ui.database_label.text() == "Baza danych: łączenie…"
    screenshot(dialog, "login_connecting")
    # The clerk types and presses Enter before the database is open: nothing is lost, nothing fails.
    qtbot.keyClicks(dialog.ui.login_edit, "akowalska")
    qtbot.keyClicks(dialog.ui.password_edit, STAFF_PASSWORD)
    qtbot.keyClick(dialog.ui.password_edit, Qt.Key.Key_Return)
    assert not dialog.ui.sign_in_button.isEnabled()
    assert app.main_window is None and app.backend is None
    gate.set()
    qtbot.waitUntil(lambda: app.main_window is not None, timeout=10_000)
    wait_idle(qtbot, app.runner)
    assert app.backend is backend
    assert app.main_window is not None and app.main_window.isVisible()
    qtbot.addWidget(app.main_window)
    assert not dialog.isVisible()


def test_an_empty_database_found_after_the_window_showed_brings_the_first_run_wizard_instead(
    qtbot: QtBot, iok_app: QApplication, backend: Backend, settings: QSettings, dialogs: ScriptedDialogs
) -> None:
    app = _app(settings, dialogs)
    opener, gate = _held(backend)
    app.open(opener)
    dialog = app.login_dialog
    assert dialog is not None and dialog.isVisible()
    gate.set()
    qtbot.waitUntil(lambda: app.wizard is not None, timeout=10_000)
    wait_idle(qtbot, app.runner)
    assert app.wizard is not None
    qtbot.addWidget(app.wizard)
    assert app.wizard.isVisible()
    assert app.login_dialog is None
    qtbot.waitUntil(lambda: not isValid(dialog), timeout=5_000)  # closed and deleted


def test_when_no_sign_in_is_expected_only_the_wizard_appears(
    qtbot: QtBot, iok_app: QApplication, backend: Backend, settings: QSettings, dialogs: ScriptedDialogs
) -> None:
    app = _app(settings, dialogs)
    app.open(lambda: backend, sign_in_expected=False)
    assert app.login_dialog is None
    qtbot.waitUntil(lambda: app.wizard is not None, timeout=10_000)
    wait_idle(qtbot, app.runner)
    assert app.wizard is not None
    qtbot.addWidget(app.wizard)
    assert app.login_dialog is None


def test_an_opening_that_fails_is_reported_in_polish_with_the_reason(
    qtbot: QtBot, iok_app: QApplication, settings: QSettings, dialogs: ScriptedDialogs
) -> None:
    def refused() -> Backend:
        raise DomainError("Baza danych (x) nie ma aktualnej struktury.")

    def broken() -> Backend:
        raise ConnectionRefusedError("connection to server at 10.0.0.5 refused\nmore driver detail")

    for opener, expected in (
        (refused, "Baza danych (x) nie ma aktualnej struktury."),
        (
            broken,
            "Nie można otworzyć bazy danych. Sprawdź, czy serwer bazy danych działa i czy jego adres jest "
            "poprawny.\n\nSzczegóły: connection to server at 10.0.0.5 refused",
        ),
    ):
        app = _app(settings, dialogs)
        reasons: list[str] = []
        app.failed_to_open.connect(reasons.append)
        app.open(opener)
        assert app.login_dialog is not None
        qtbot.addWidget(app.login_dialog)
        qtbot.waitUntil(lambda reasons=reasons: bool(reasons), timeout=10_000)
        assert reasons == [expected]
        assert app.backend is None
