"""The clerk application's flow, driven as a person would: first start, sign in, forced password change,
the main window, log out. On SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QWizard
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from iok_desktop.db.database import Database
from iok_desktop.db.models import Premises, StaffUser
from iok_desktop.demo import DemoResult
from iok_desktop.domain.enums import StaffRole
from iok_desktop.gui.clerk.app import ClerkApp
from iok_desktop.gui.clerk.context import ClerkContext
from iok_desktop.gui.clerk.page import Page
from iok_desktop.gui.clerk.pages import PageSpec
from iok_desktop.services.backend import Backend
from tests.gui.support import ScriptedDialogs, screenshot, wait_idle
from tests.support.builders import STAFF_PASSWORD, make_staff


class _EmptyPage(Page):
    pass


def _pages() -> list[PageSpec]:
    def factory(ctx: ClerkContext) -> Page:
        return _EmptyPage(ctx, "")

    return [
        PageSpec("queue", "Kolejka odczytów", "queue", factory),
        PageSpec("admin", "Administracja", "admin", factory, admin_only=True),
    ]


def _app(backend: Backend, settings: QSettings, dialogs: ScriptedDialogs) -> ClerkApp:
    return ClerkApp(backend, settings, dialogs, pages=_pages())


def _sign_in(qtbot: QtBot, app: ClerkApp, login: str, password: str) -> None:
    dialog = app.login_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.ui.login_edit.setText(login)
    dialog.ui.password_edit.setText(password)
    qtbot.keyClick(dialog.ui.password_edit, Qt.Key.Key_Return)
    wait_idle(qtbot, app.runner)


def test_first_start_creates_the_administrator_who_then_signs_in(
    qtbot: QtBot, iok_app: QApplication, backend: Backend, settings: QSettings, dialogs: ScriptedDialogs
) -> None:
    app = _app(backend, settings, dialogs)
    app.start()
    wait_idle(qtbot, app.runner)
    wizard = app.wizard
    assert wizard is not None and wizard.isVisible()
    qtbot.addWidget(wizard)
    wizard.next()
    page = wizard.admin_page
    page.ui.full_name_edit.setText("Ewa Żak")
    page.ui.login_edit.setText("ezak")
    page.ui.password_edit.setText("short")
    assert not page.isComplete()
    assert page.rules.labels["length"].text().startswith("•")
    page.ui.password_edit.setText("Bursztyn-Fala26")
    page.ui.repeat_edit.setText("Bursztyn-Fala26")
    assert page.isComplete() and all(label.text().startswith("✓") for label in page.rules.labels.values())
    screenshot(wizard, "first_run_admin")
    wizard.next()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    wait_idle(qtbot, app.runner)
    assert not wizard.isVisible()
    _sign_in(qtbot, app, "ezak", "Bursztyn-Fala26")
    window = app.main_window
    assert window is not None and window.isVisible()
    qtbot.addWidget(window)
    assert window.page_keys() == ["queue", "admin"]
    assert "Ewa Żak (ezak)" in window.user_label.text()


def test_first_start_with_the_demo_ticked_loads_the_demo_cooperative_and_the_administrator(
    qtbot: QtBot,
    iok_app: QApplication,
    db: Database,
    backend: Backend,
    settings: QSettings,
    dialogs: ScriptedDialogs,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The wizard loads the full demo (600 premises, 3 years); the same generator at a small size here.
    real_load_demo = backend.load_demo
    sizes: list[tuple[int, int]] = []

    def small_demo(*, premises: int = 600, years: int = 3) -> DemoResult:
        sizes.append((premises, years))
        return real_load_demo(premises=12, years=1)

    monkeypatch.setattr(backend, "load_demo", small_demo)
    app = _app(backend, settings, dialogs)
    app.start()
    wait_idle(qtbot, app.runner)
    wizard = app.wizard
    assert wizard is not None and wizard.isVisible()
    qtbot.addWidget(wizard)
    wizard.next()
    page = wizard.admin_page
    page.ui.full_name_edit.setText("Ewa Żak")
    page.ui.login_edit.setText("ezak")
    page.ui.password_edit.setText("Bursztyn-Fala26")
    page.ui.repeat_edit.setText("Bursztyn-Fala26")
    wizard.next()
    assert wizard.demo_check.text() == "Wczytaj spółdzielnię demonstracyjną (600 lokali, historia z 3 lat)"
    assert not wizard.demo_check.isChecked()
    qtbot.mouseClick(wizard.demo_check, Qt.MouseButton.LeftButton)
    assert wizard.demo_check.isChecked()
    screenshot(wizard, "first_run_demo")
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.status_label.text() == "Tworzę… (dane demonstracyjne zajmą kilka sekund)"
    wait_idle(qtbot, app.runner, timeout=120_000)
    assert sizes == [(600, 3)]  # called as the wizard calls it: the default size
    assert not wizard.isVisible()
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Premises)) == 12
        admin = s.scalars(select(StaffUser).where(StaffUser.login == "ezak")).one()
        assert admin.role is StaffRole.ADMIN and admin.full_name == "Ewa Żak"
        demo_staff = s.scalars(select(StaffUser.login).where(StaffUser.login != "ezak")).all()
    # The demo's staff accounts are shown once, to try the application out with.
    [(kind, title, text)] = dialogs.messages
    assert (kind, title) == ("info", "Wczytano spółdzielnię demonstracyjną")
    assert text.startswith("Konta pracowników demonstracyjnych (tylko do wypróbowania):")
    assert demo_staff and all(login in text for login in demo_staff)
    _sign_in(qtbot, app, "ezak", "Bursztyn-Fala26")
    window = app.main_window
    assert window is not None and window.isVisible()
    qtbot.addWidget(window)
    assert window.page_keys() == ["queue", "admin"]


def test_wrong_password_keeps_the_login_and_says_why(
    qtbot: QtBot,
    iok_app: QApplication,
    db: Database,
    backend: Backend,
    settings: QSettings,
    dialogs: ScriptedDialogs,
) -> None:
    with db.session() as s:
        make_staff(s, "akowalska")
        s.commit()
    app = _app(backend, settings, dialogs)
    app.start()
    wait_idle(qtbot, app.runner)
    dialog = app.login_dialog
    assert dialog is not None
    qtbot.addWidget(dialog)
    _sign_in(qtbot, app, "akowalska", "Zle-haslo-1")
    assert dialog.isVisible()
    assert dialog.ui.error_label.text() == "Nieprawidłowy identyfikator lub hasło."
    assert dialog.ui.login_edit.text() == "akowalska"
    assert dialog.ui.password_edit.hasSelectedText()
    screenshot(dialog, "login_refused")
    dialog.ui.login_edit.clear()
    qtbot.keyClick(dialog.ui.password_edit, Qt.Key.Key_Return)
    assert dialog.ui.error_label.isVisibleTo(dialog)
    assert app.main_window is None


def test_new_staff_must_set_a_password_with_the_rules_ticked_off(
    qtbot: QtBot,
    iok_app: QApplication,
    db: Database,
    backend: Backend,
    settings: QSettings,
    dialogs: ScriptedDialogs,
) -> None:
    with db.session() as s:
        make_staff(s, "jnowak", must_change=True)
        s.commit()
    app = _app(backend, settings, dialogs)
    app.start()
    wait_idle(qtbot, app.runner)
    _sign_in(qtbot, app, "jnowak", STAFF_PASSWORD)
    change = app.password_dialog
    assert change is not None and change.isVisible()
    qtbot.addWidget(change)
    ok = change.ui.button_box.button(QDialogButtonBox.StandardButton.Ok)
    change.ui.current_edit.setText(STAFF_PASSWORD)
    change.ui.new_edit.setText("jnowak-Abc1")
    change.ui.repeat_edit.setText("jnowak-Abc1")
    labels: dict[str, QLabel] = {k: change.findChild(QLabel, f"rule_{k}_label") for k in ("login", "upper")}
    assert labels["login"].text().startswith("•") and labels["upper"].text().startswith("✓")
    assert not ok.isEnabled()
    change.ui.new_edit.setText("Zmiana-Hasla-7")
    change.ui.repeat_edit.setText("Zmiana-Hasla-7")
    assert ok.isEnabled()
    screenshot(change, "password_change")
    ok.click()
    wait_idle(qtbot, app.runner)
    window = app.main_window
    assert window is not None and window.isVisible()
    qtbot.addWidget(window)
    assert window.page_keys() == ["queue"]  # a clerk does not see Administration


def test_main_window_shows_who_and_where_and_logs_out(
    qtbot: QtBot,
    iok_app: QApplication,
    db: Database,
    backend: Backend,
    settings: QSettings,
    dialogs: ScriptedDialogs,
) -> None:
    with db.session() as s:
        make_staff(s, "admin", role=StaffRole.ADMIN)
        s.commit()
    app = _app(backend, settings, dialogs)
    app.start()
    wait_idle(qtbot, app.runner)
    _sign_in(qtbot, app, "admin", STAFF_PASSWORD)
    window = app.main_window
    assert window is not None
    qtbot.addWidget(window)
    assert window.database_label.text().endswith(backend.description)
    assert backend.description.split()[0] in {"SQLite", "PostgreSQL"}
    window.resize(1111, 777)
    screenshot(window, "main_window_shell")
    window.logout_action.trigger()
    assert app.main_window is None
    assert app.login_dialog is not None and app.login_dialog.isVisible()
    qtbot.addWidget(app.login_dialog)
    assert settings.value("clerk/geometry") is not None
