"""Administration, driven as an administrator would: staff users and their one-time passwords, the
cooperative's settings, reading windows. A clerk never sees the screen."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from iok_desktop.db.database import Database
from iok_desktop.db.models import AuditEntry, StaffUser
from iok_desktop.domain.bank_account import make_nrb
from iok_desktop.domain.enums import StaffRole, WindowFrequency
from iok_desktop.domain.errors import AuthenticationError
from iok_desktop.domain.readings import WindowRule
from iok_desktop.gui.clerk.admin.page import AdministrationPage
from iok_desktop.gui.clerk.admin.password_dialog import OneTimePasswordDialog
from iok_desktop.gui.clerk.context import ClerkContext
from iok_desktop.gui.clerk.main_window import MainWindow
from iok_desktop.gui.clerk.page import Page
from iok_desktop.gui.clerk.pages import PageSpec, all_pages
from iok_desktop.gui.clerk.pages.admin import create
from iok_desktop.services import buildings, settings, staff
from iok_desktop.services.backend import Backend
from tests.conftest import TEST_NOW
from tests.gui.support import ScriptedDialogs, screenshot, wait_idle
from tests.gui.test_announcements import type_text
from tests.support.builders import STAFF_PASSWORD, make_building, make_staff

MY_PAGES = {"announcements", "audit", "admin"}


def _open(qtbot: QtBot, ctx: ClerkContext) -> AdministrationPage:
    page = create(ctx)
    assert isinstance(page, AdministrationPage)
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.show()
    page.activated()
    wait_idle(qtbot, ctx.runner)
    return page


def _click(qtbot: QtBot, ctx: ClerkContext, button: QWidget) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, ctx.runner)


def _texts(widget: QWidget) -> list[str]:
    """Every text a person could read or copy on the widget."""
    found = [label.text() for label in widget.findChildren(QLabel)]
    found += [edit.text() for edit in widget.findChildren(QLineEdit)]
    model = getattr(widget, "model", None)
    if model is not None and hasattr(model, "rowCount"):
        found += [str(model.index(r, c).data()) for r in range(model.rowCount()) for c in range(model.columnCount())]
    return found


def _acknowledge(qtbot: QtBot, dialog: OneTimePasswordDialog) -> str:
    """Read the password, try to close without confirming (refused), then confirm and close."""
    password = dialog.password_label.text()
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    dialog.close()
    assert dialog.isVisible()
    qtbot.mouseClick(dialog.acknowledged_check, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.destroyed, timeout=5000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    return password


def test_an_admin_adds_a_clerk_and_sees_the_one_time_password_once(
    qtbot: QtBot,
    iok_app: QApplication,
    backend: Backend,
    admin_ctx: ClerkContext,
    dialogs: ScriptedDialogs,
    qtmodeltester: object,
) -> None:
    page = _open(qtbot, admin_ctx)
    tab = page.staff_tab
    assert [r.login for r in tab.model.rows()] == ["admin"]

    _click(qtbot, admin_ctx, tab.add_staff_button)
    add = tab.add_dialog
    assert add is not None and add.isVisible()
    type_text(qtbot, add.ui.login_edit, "jnowak")
    type_text(qtbot, add.ui.full_name_edit, "Jan Nowak")
    assert StaffRole(add.ui.role_combo.currentData()) is StaffRole.CLERK
    screenshot(add, "admin_add_staff")
    _click(qtbot, admin_ctx, add.ok_button)
    shown = tab.password_dialog
    assert shown is not None and shown.isVisible()
    assert "Jan Nowak" in shown.findChild(QLabel, "intro_label").text()
    screenshot(shown, "admin_one_time_password")
    password = _acknowledge(qtbot, shown)
    assert len(password) == 10 and tab.password_dialog is None
    wait_idle(qtbot, admin_ctx.runner)
    assert [r.login for r in tab.model.rows()] == ["admin", "jnowak"]
    assert not any(password in text for text in _texts(page))  # shown once, nowhere else
    assert backend.login_staff("jnowak", password).must_change_password

    # The same user ID again: refused next to the field, what was typed stays.
    _click(qtbot, admin_ctx, tab.add_staff_button)
    add = tab.add_dialog
    assert add is not None
    type_text(qtbot, add.ui.login_edit, "JNowak")
    type_text(qtbot, add.ui.full_name_edit, "Jan Nowak drugi")
    _click(qtbot, admin_ctx, add.ok_button)
    assert add.isVisible() and add.ui.login_error_label.text() == "Identyfikator „jnowak” jest już zajęty."
    assert add.ui.full_name_edit.text() == "Jan Nowak drugi"
    add.reject()

    # A new one-time password: the old one stops working.
    tab.select_login("jnowak")
    _click(qtbot, admin_ctx, tab.reset_password_button)
    assert dialogs.messages[-1][0] == "confirm"
    shown = tab.password_dialog
    assert shown is not None
    new_password = _acknowledge(qtbot, shown)
    assert new_password != password
    with pytest.raises(AuthenticationError):
        backend.login_staff("jnowak", password)
    assert backend.login_staff("jnowak", new_password).must_change_password

    # Deactivate, then the refusals about the last administrator and one's own account.
    tab.select_login("jnowak")
    _click(qtbot, admin_ctx, tab.active_button)
    assert tab.model.index(1, 3).data() == "wyłączone"
    assert not tab.model.row_at(1).is_active and tab.active_button.text() == "Włącz &konto"
    tab.select_login("admin")
    _click(qtbot, admin_ctx, tab.role_button)
    assert tab.staff_error_label.text() == (
        "To jedyny administrator — najpierw nadaj uprawnienia administratora komuś innemu."
    )
    assert tab.model.row_at(0).role is StaffRole.ADMIN
    _click(qtbot, admin_ctx, tab.active_button)
    assert tab.staff_error_label.text() == "Nie możesz wyłączyć własnego konta."
    screenshot(page, "admin_staff")
    qtmodeltester.check(tab.model)  # type: ignore[attr-defined]


def test_an_admin_makes_a_clerk_an_administrator_and_back(
    qtbot: QtBot, db: Database, backend: Backend, admin_ctx: ClerkContext, dialogs: ScriptedDialogs
) -> None:
    with db.session() as s:
        clerk = make_staff(s, "jnowak")
        clerk.full_name = "Jan Nowak"
        s.commit()
        clerk_id = clerk.id
    page = _open(qtbot, admin_ctx)
    tab = page.staff_tab
    role = 2
    assert tab.model.headerData(role, Qt.Orientation.Horizontal) == "Rola"
    tab.select_login("jnowak")
    assert tab.model.index(1, role).data() == "pracownik"
    assert tab.role_button.text() == "Nadaj uprawnienia &administratora…"

    # Asked first; "no" changes nothing.
    dialogs.confirm_answers.append(False)
    _click(qtbot, admin_ctx, tab.role_button)
    assert dialogs.messages[-1] == (
        "confirm",
        "Zmiana roli",
        "Nadać Jan Nowak (jnowak) uprawnienia administratora? Będzie zarządzać pracownikami i ustawieniami.",
    )
    assert tab.model.index(1, role).data() == "pracownik"

    dialogs.confirm_answers.append(True)
    _click(qtbot, admin_ctx, tab.role_button)
    assert tab.model.row_at(1).login == "jnowak"
    assert tab.model.index(1, role).data() == "administrator"
    assert tab.selected() is not None and tab.selected().login == "jnowak"  # type: ignore[union-attr]
    assert tab.staff_message_label.text() == "Zmieniono rolę."
    assert tab.role_button.text() == "Zmień rolę na pra&cownika…"
    screenshot(page, "admin_role_changed")
    with db.session() as s:
        assert s.get(StaffUser, clerk_id).role is StaffRole.ADMIN  # type: ignore[union-attr]
        [entry] = s.scalars(select(AuditEntry).where(AuditEntry.action == "staff.role")).all()
        assert (entry.actor_login, entry.entity_type, entry.entity_id) == ("admin", "staff_users", clerk_id)
        assert entry.details == {"role": {"old": "clerk", "new": "admin"}}
    assert backend.login_staff("jnowak", STAFF_PASSWORD).role is StaffRole.ADMIN

    # Now there are two administrators, so either can be made a clerk again.
    tab.select_login("jnowak")
    _click(qtbot, admin_ctx, tab.role_button)
    assert dialogs.messages[-1][2].startswith("Zmienić rolę Jan Nowak (jnowak) na pracownika?")
    assert tab.model.index(1, role).data() == "pracownik"
    with db.session() as s:
        entries = s.scalars(select(AuditEntry).where(AuditEntry.action == "staff.role").order_by(AuditEntry.id))
        assert [e.details["role"]["new"] for e in entries] == ["admin", "clerk"]


def test_a_locked_out_user_is_unlocked(qtbot: QtBot, db: Database, backend: Backend, admin_ctx: ClerkContext) -> None:
    with db.session() as s:
        locked = make_staff(s, "zablok")
        locked.failed_attempts = 10
        locked.locked_until = TEST_NOW + timedelta(days=365 * 100)  # "until the office unlocks it"
        s.commit()
    page = _open(qtbot, admin_ctx)
    tab = page.staff_tab
    tab.select_login("zablok")
    assert tab.unlock_button.isEnabled()
    assert tab.model.index(1, 3).data() == "zablokowane do odblokowania przez biuro"  # not "… do 2126"
    _click(qtbot, admin_ctx, tab.unlock_button)
    assert tab.model.row_at(1).locked_until is None and not tab.unlock_button.isEnabled()
    assert backend.login_staff("zablok", "Urzednik2026x").login == "zablok"


def _with_stubs(pages: list[PageSpec]) -> list[PageSpec]:
    """The real list of screens (keys, titles, who may see them); other screens' contents are not this
    test's business, so they are stand-ins."""
    return [spec if spec.key in MY_PAGES else replace(spec, factory=lambda ctx: Page(ctx, "")) for spec in pages]


def test_a_clerk_cannot_open_administration_and_an_admin_can(
    qtbot: QtBot, clerk_ctx: ClerkContext, admin_ctx: ClerkContext
) -> None:
    pages = _with_stubs(all_pages())
    assert [p.key for p in pages if p.admin_only] == ["admin"]
    clerk_window = MainWindow(clerk_ctx, pages)
    qtbot.addWidget(clerk_window)
    assert "admin" not in clerk_window.page_keys()
    assert {"announcements", "audit"} <= set(clerk_window.page_keys())
    titles = [clerk_window.navigation.item(i).text() for i in range(clerk_window.navigation.count())]
    admin_title = next(p.title for p in pages if p.key == "admin")
    assert admin_title not in titles
    with pytest.raises(StopIteration):
        clerk_window.open_page("admin")

    admin_window = MainWindow(admin_ctx, pages)
    qtbot.addWidget(admin_window)
    admin_window.resize(1280, 800)
    admin_window.show()
    page = admin_window.open_page("admin")
    wait_idle(qtbot, admin_ctx.runner)
    assert isinstance(page, AdministrationPage) and page.isVisible()
    screenshot(admin_window, "admin_main_window")
    admin_window.open_page("announcements")
    admin_window.open_page("audit")
    wait_idle(qtbot, admin_ctx.runner)
    screenshot(admin_window, "audit_main_window")
    admin_window.open_page("announcements")
    wait_idle(qtbot, admin_ctx.runner)
    screenshot(admin_window, "announcements_main_window")
    admin_window.close()


def test_settings_form_shows_refusals_next_to_the_field_and_keeps_what_was_typed(
    qtbot: QtBot, backend: Backend, admin_ctx: ClerkContext, dialogs: ScriptedDialogs
) -> None:
    page = _open(qtbot, admin_ctx)
    page.tabs.setCurrentWidget(page.settings_tab)
    form = page.settings_tab
    ui = form.ui
    assert ui.name_edit.text() == "Spółdzielnia Mieszkaniowa" and ui.anomaly_multiple_edit.text() == "3,00"
    assert ui.lockout_minutes_spin.value() == 15

    ui.name_edit.clear()
    type_text(qtbot, ui.name_edit, "SM „Bałtyk”")
    type_text(qtbot, ui.address_edit, "ul. Zgoda 8, 70-001 Szczecin")
    type_text(qtbot, ui.bank_account_edit, "61 1090 1014")
    type_text(qtbot, ui.iok_url_edit, "https://iok.baltyk.pl")
    ui.anomaly_multiple_edit.clear()
    type_text(qtbot, ui.anomaly_multiple_edit, "2,5")
    ui.lockout_minutes_spin.setValue(0)
    ui.kiosk_idle_spin.setValue(90)
    _click(qtbot, admin_ctx, ui.save_settings_button)

    assert ui.bank_account_error_label.text() == "Numer rachunku musi mieć 26 cyfr."
    assert ui.bank_account_error_label.isVisibleTo(form) and not ui.name_error_label.isVisibleTo(form)
    typed = (
        ui.name_edit.text(),
        ui.address_edit.text(),
        ui.bank_account_edit.text(),
        ui.iok_url_edit.text(),
        ui.anomaly_multiple_edit.text(),
        ui.lockout_minutes_spin.value(),
        ui.kiosk_idle_spin.value(),
    )
    assert typed == (
        "SM „Bałtyk”",
        "ul. Zgoda 8, 70-001 Szczecin",
        "61 1090 1014",
        "https://iok.baltyk.pl",
        "2,5",
        0,
        90,
    )
    assert backend.system(settings.get_settings).name == "Spółdzielnia Mieszkaniowa"
    screenshot(page, "admin_settings_refused")

    # Slowing down must start no later than the lock.
    ui.bank_account_edit.clear()
    type_text(qtbot, ui.bank_account_edit, make_nrb("109010140000071219812874"))
    ui.throttle_spin.setValue(12)
    _click(qtbot, admin_ctx, ui.save_settings_button)
    assert ui.lockout_after_error_label.text().startswith("Spowalnianie musi zaczynać się")
    assert not ui.bank_account_error_label.isVisibleTo(form)
    ui.throttle_spin.setValue(5)
    _click(qtbot, admin_ctx, ui.save_settings_button)

    saved = backend.system(settings.get_settings)
    assert (
        saved.name,
        saved.bank_account,
        saved.anomaly_multiple,
        saved.lockout_minutes,
        saved.kiosk_idle_seconds,
    ) == (
        "SM „Bałtyk”",
        make_nrb("109010140000071219812874"),
        Decimal("2.5"),
        0,
        90,
    )
    assert ui.bank_account_edit.text() == "61 1090 1014 0000 0712 1981 2874"
    assert not form.is_dirty() and dialogs.messages == []
    screenshot(page, "admin_settings_saved")

    # Someone else saves first: the conflict is shown and the form shows their settings.
    backend.call(admin_ctx.actor, settings.update_settings, replace(saved, name="SM Bałtyk (nowa nazwa)"))
    ui.kiosk_idle_spin.setValue(120)
    _click(qtbot, admin_ctx, ui.save_settings_button)
    assert dialogs.messages[-1][0] == "warning" and "ktoś inny" in dialogs.messages[-1][2]
    assert ui.name_edit.text() == "SM Bałtyk (nowa nazwa)" and ui.kiosk_idle_spin.value() == 90
    assert backend.system(settings.get_settings).kiosk_idle_seconds == 90


# The building completer's popup: the offscreen platform cannot raise it or grab the keyboard for it.
@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")
def test_reading_windows_default_and_a_building_override(
    qtbot: QtBot, db: Database, backend: Backend, admin_ctx: ClerkContext, qtmodeltester: object
) -> None:
    with db.session() as s:
        make_building(s, street="Akacjowa", number="2")
        target = make_building(s, street="Łąkowa", number="3A")
        s.commit()
        target_id = target.id
    page = _open(qtbot, admin_ctx)
    page.tabs.setCurrentWidget(page.windows_tab)
    tab = page.windows_tab
    ui = tab.ui
    assert WindowFrequency(ui.default_frequency_combo.currentData()) is settings.DEFAULT_WINDOW.frequency
    assert tab.model.rowCount() == 0 and not ui.set_override_button.isEnabled()

    ui.default_frequency_combo.setCurrentIndex(ui.default_frequency_combo.findData(WindowFrequency.QUARTERLY))
    ui.default_days_before_spin.setValue(40)
    ui.default_days_after_spin.setValue(14)
    _click(qtbot, admin_ctx, ui.save_default_button)
    assert backend.call(admin_ctx.actor, buildings.reading_windows).default == WindowRule(
        WindowFrequency.QUARTERLY, 40, 14
    )

    type_text(qtbot, tab.building_combo, "lakowa")
    qtbot.keyClick(tab.building_combo, Qt.Key.Key_Return)
    assert tab.building_combo.building_id() == target_id and ui.set_override_button.isEnabled()
    ui.override_frequency_combo.setCurrentIndex(ui.override_frequency_combo.findData(WindowFrequency.MONTHLY))
    ui.override_days_before_spin.setValue(20)
    ui.override_days_after_spin.setValue(20)
    _click(qtbot, admin_ctx, ui.set_override_button)
    assert ui.override_error_label.text() == "Okno odczytów może trwać najwyżej 28 dni przy tej częstotliwości."
    assert tab.model.rowCount() == 0

    ui.override_days_before_spin.setValue(5)
    ui.override_days_after_spin.setValue(5)
    _click(qtbot, admin_ctx, ui.set_override_button)
    assert not ui.override_error_label.isVisibleTo(tab)
    assert [(w.building.id, w.rule) for w in tab.model.rows()] == [
        (target_id, WindowRule(WindowFrequency.MONTHLY, 5, 5))
    ]
    assert backend.call(admin_ctx.actor, settings.window_rule_for_building, target_id) == WindowRule(
        WindowFrequency.MONTHLY, 5, 5
    )
    assert tab.model.index(0, 0).data().startswith("ul. Łąkowa 3A")
    qtmodeltester.check(tab.model)  # type: ignore[attr-defined]
    screenshot(page, "admin_windows")

    ui.overrides_view.selectRow(0)
    assert ui.clear_override_button.isEnabled()
    _click(qtbot, admin_ctx, ui.clear_override_button)
    assert tab.model.rowCount() == 0
    assert backend.call(admin_ctx.actor, settings.window_rule_for_building, target_id) == WindowRule(
        WindowFrequency.QUARTERLY, 40, 14
    )


def test_the_last_admin_cannot_be_demoted_even_with_two_desks(
    qtbot: QtBot, db: Database, backend: Backend, admin_ctx: ClerkContext
) -> None:
    """Two admins; one is demoted from another desk meanwhile: the refusal still comes from the service."""
    with db.session() as s:
        other = make_staff(s, "kierownik", role=StaffRole.ADMIN)
        s.commit()
        other_id = other.id
    page = _open(qtbot, admin_ctx)
    tab = page.staff_tab
    backend.call(admin_ctx.actor, staff.set_staff_role, other_id, StaffRole.CLERK)
    tab.select_login("admin")
    _click(qtbot, admin_ctx, tab.role_button)
    assert tab.staff_error_label.text().startswith("To jedyny administrator")
    with db.session() as s:
        assert s.get(StaffUser, other_id).role is StaffRole.CLERK  # type: ignore[union-attr]
