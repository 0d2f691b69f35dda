"""The kiosk shell over a real database: sign-in, forced password change, idle logout, no way out but admin."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from iok_desktop.db.database import Database
from iok_desktop.db.models import AuditEntry, ResidentAccount
from iok_desktop.domain.enums import StaffRole
from iok_desktop.domain.errors import DatabaseUnavailableError
from iok_desktop.gui.kiosk.admin_exit import KioskAdminExitScreen
from iok_desktop.gui.kiosk.app import KioskApp
from iok_desktop.gui.kiosk.login_screen import KioskLoginScreen
from iok_desktop.gui.kiosk.password_screen import KioskPasswordScreen
from iok_desktop.gui.kiosk.shell import KioskShell
from iok_desktop.services.context import FixedClock
from tests.gui.kiosk.conftest import MakeKiosk, Resident
from tests.gui.support import screenshot, wait_idle
from tests.support.builders import RESIDENT_PASSWORD, STAFF_PASSWORD, make_staff

NEW_PASSWORD = "Brzoza-Kiosk-48"


def _login(qtbot: QtBot, kiosk: KioskApp, login: str, password: str) -> None:
    screen = kiosk.window.currentWidget()
    assert isinstance(screen, KioskLoginScreen)
    qtbot.keyClicks(screen.login_edit, login)
    qtbot.keyClicks(screen.password_edit, password)
    qtbot.mouseClick(screen.sign_in_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, kiosk.runner)


def _actions(db: Database, account_id: int) -> list[str]:
    with db.session() as s:
        return list(
            s.scalars(
                select(AuditEntry.action)
                .where(AuditEntry.action.like("kiosk.%"), AuditEntry.entity_id == account_id)
                .order_by(AuditEntry.id)
            )
        )


def test_resident_signs_in_sees_navigation_and_logs_out_leaving_nothing(
    qtbot: QtBot, db: Database, make_kiosk: MakeKiosk, resident: Resident
) -> None:
    kiosk = make_kiosk()
    kiosk.window.resize(1920, 1080)
    screenshot(kiosk.window, "kiosk_login_1920x1080")
    _login(qtbot, kiosk, resident.login, RESIDENT_PASSWORD)
    shell = kiosk.window.currentWidget()
    assert isinstance(shell, KioskShell)
    assert shell.name_label.text() == resident.full_name
    assert set(shell.buttons) == {"home", "contacts", "readings", "announcements"}
    assert shell.current_key == "home"
    qtbot.mouseClick(shell.buttons["readings"], Qt.MouseButton.LeftButton)
    assert shell.current_key == "readings" and shell.buttons["readings"].isChecked()
    qtbot.mouseClick(shell.buttons["home"], Qt.MouseButton.LeftButton)
    screenshot(kiosk.window, "kiosk_home_1920x1080")
    kiosk.window.resize(1280, 1024)
    screenshot(kiosk.window, "kiosk_home_1280x1024")

    qtbot.mouseClick(shell.log_out_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, kiosk.runner)
    login = kiosk.window.currentWidget()
    assert isinstance(login, KioskLoginScreen)
    assert login.login_edit.text() == "" and login.password_edit.text() == "" and login.message.text() == ""
    assert kiosk.session is None and kiosk.shell is None
    qtbot.waitUntil(lambda: kiosk.window.findChild(KioskShell) is None)
    assert _actions(db, resident.account_id) == ["kiosk.session_start", "kiosk.session_end"]


def test_wrong_password_shows_the_service_message_and_clears_the_password(
    qtbot: QtBot, make_kiosk: MakeKiosk, resident: Resident
) -> None:
    kiosk = make_kiosk()
    _login(qtbot, kiosk, resident.login, "Zle-haslo-1")
    screen = kiosk.window.currentWidget()
    assert isinstance(screen, KioskLoginScreen)
    assert screen.message.text() == "Nieprawidłowy identyfikator lub hasło."
    assert screen.password_edit.text() == "" and screen.sign_in_button.isEnabled()


def test_locked_account_shows_the_lockout_message_naming_the_office(
    qtbot: QtBot, db: Database, clock: FixedClock, make_kiosk: MakeKiosk, resident: Resident
) -> None:
    with db.session() as s:
        account = s.get(ResidentAccount, resident.account_id)
        assert account is not None
        account.locked_until = clock.now() + timedelta(minutes=15)
        s.commit()
    kiosk = make_kiosk()
    kiosk.window.resize(1280, 1024)
    _login(qtbot, kiosk, resident.login, RESIDENT_PASSWORD)
    screen = kiosk.window.currentWidget()
    assert isinstance(screen, KioskLoginScreen)
    assert "biura" in screen.message.text()
    screenshot(kiosk.window, "kiosk_login_locked_1280x1024")
    assert kiosk.session is None


def test_first_login_forces_a_new_password_with_rules_ticked_off(
    qtbot: QtBot, db: Database, make_kiosk: MakeKiosk, resident: Resident
) -> None:
    with db.session() as s:
        account = s.get(ResidentAccount, resident.account_id)
        assert account is not None
        account.must_change_password = True
        s.commit()
    kiosk = make_kiosk()
    _login(qtbot, kiosk, resident.login, RESIDENT_PASSWORD)
    screen = kiosk.window.currentWidget()
    assert isinstance(screen, KioskPasswordScreen)
    assert not screen.save_button.isEnabled()
    qtbot.keyClicks(screen.new_edit, "krotkie")
    assert screen.rule_labels["length"].property("role") == "rule-unmet"
    assert screen.rule_labels["lower"].property("role") == "rule-met"
    screen.new_edit.clear()
    qtbot.keyClicks(screen.new_edit, NEW_PASSWORD)
    qtbot.keyClicks(screen.repeat_edit, NEW_PASSWORD)
    assert all(label.property("role") == "rule-met" for label in screen.rule_labels.values())
    kiosk.window.resize(1920, 1080)
    screenshot(kiosk.window, "kiosk_password_1920x1080")
    kiosk.window.resize(1280, 1024)
    screenshot(kiosk.window, "kiosk_password_1280x1024")
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, kiosk.runner)
    assert isinstance(kiosk.window.currentWidget(), KioskShell)
    with db.session() as s:
        account = s.get(ResidentAccount, resident.account_id)
        assert account is not None and not account.must_change_password
    # The new password is the one that works now.
    qtbot.mouseClick(kiosk.shell.log_out_button, Qt.MouseButton.LeftButton)  # type: ignore[union-attr]
    wait_idle(qtbot, kiosk.runner)
    _login(qtbot, kiosk, resident.login, NEW_PASSWORD)
    assert isinstance(kiosk.window.currentWidget(), KioskShell)


def test_idle_countdown_can_be_cancelled_then_logs_out_and_is_audited(
    qtbot: QtBot, db: Database, make_kiosk: MakeKiosk, resident: Resident
) -> None:
    kiosk = make_kiosk(idle_seconds=3, countdown_seconds=2)
    _login(qtbot, kiosk, resident.login, RESIDENT_PASSWORD)
    shell = kiosk.shell
    assert shell is not None
    qtbot.waitUntil(shell.warning.isVisible, timeout=3_000)
    assert kiosk.idle is not None and 1 <= kiosk.idle.seconds_left <= 2
    screenshot(kiosk.window, "kiosk_idle_countdown")
    qtbot.mouseClick(shell.stay_button, Qt.MouseButton.LeftButton)
    assert not shell.warning.isVisible()
    assert isinstance(kiosk.window.currentWidget(), KioskShell)
    qtbot.waitUntil(lambda: isinstance(kiosk.window.currentWidget(), KioskLoginScreen), timeout=6_000)
    wait_idle(qtbot, kiosk.runner)
    assert kiosk.session is None
    assert _actions(db, resident.account_id) == ["kiosk.session_start", "kiosk.idle_logout"]


def test_escape_and_close_do_not_leave_the_kiosk(qtbot: QtBot, make_kiosk: MakeKiosk, resident: Resident) -> None:
    kiosk = make_kiosk()
    _login(qtbot, kiosk, resident.login, RESIDENT_PASSWORD)
    qtbot.keyClick(kiosk.window, Qt.Key.Key_Escape)
    event = QCloseEvent()
    kiosk.window.closeEvent(event)
    assert not event.isAccepted()
    kiosk.window.close()
    assert kiosk.window.isVisible()
    assert isinstance(kiosk.window.currentWidget(), KioskShell)
    flags = kiosk.window.windowFlags()
    assert flags & Qt.WindowType.FramelessWindowHint and flags & Qt.WindowType.WindowStaysOnTopHint


def test_only_an_administrator_closes_the_kiosk_after_the_key_sequence(
    qtbot: QtBot, db: Database, make_kiosk: MakeKiosk, resident: Resident
) -> None:
    with db.session() as s:
        make_staff(s, "admin", role=StaffRole.ADMIN)
        s.commit()
    kiosk = make_kiosk()
    _login(qtbot, kiosk, resident.login, RESIDENT_PASSWORD)
    kiosk.exit_shortcut.activated.emit()  # Ctrl+Alt+Shift+K (offscreen windows get no real shortcut)
    wait_idle(qtbot, kiosk.runner)
    screen = kiosk.window.currentWidget()
    assert isinstance(screen, KioskAdminExitScreen)
    assert kiosk.session is None  # the resident was signed out first
    assert _actions(db, resident.account_id) == ["kiosk.session_start", "kiosk.session_end"]
    # A clerk is not enough.
    qtbot.keyClicks(screen.login_edit, resident.clerk_login)
    qtbot.keyClicks(screen.password_edit, STAFF_PASSWORD)
    qtbot.mouseClick(screen.close_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, kiosk.runner)
    assert kiosk.window.isVisible() and screen.message.text() != ""
    with qtbot.waitSignal(kiosk.closed, timeout=5_000):
        screen.login_edit.clear()
        qtbot.keyClicks(screen.login_edit, "admin")
        qtbot.keyClicks(screen.password_edit, STAFF_PASSWORD)
        qtbot.mouseClick(screen.close_button, Qt.MouseButton.LeftButton)
    assert not kiosk.window.isVisible()


def test_back_from_the_administrator_screen_returns_to_sign_in(qtbot: QtBot, make_kiosk: MakeKiosk) -> None:
    kiosk = make_kiosk()
    kiosk.exit_shortcut.activated.emit()
    screen = kiosk.window.currentWidget()
    assert isinstance(screen, KioskAdminExitScreen)
    qtbot.mouseClick(screen.back_button, Qt.MouseButton.LeftButton)
    assert isinstance(kiosk.window.currentWidget(), KioskLoginScreen)
    assert kiosk.window.isVisible()


def test_a_lost_database_shows_out_of_service_and_recovers_by_itself(
    qtbot: QtBot, make_kiosk: MakeKiosk, resident: Resident
) -> None:
    kiosk = make_kiosk(retry_ms=200)
    _login(qtbot, kiosk, resident.login, RESIDENT_PASSWORD)

    def lost() -> None:
        # What Backend.call raises when the server is gone (a real outage is left to the reliability issue).
        raise DatabaseUnavailableError("Brak połączenia z bazą danych.")

    kiosk.runner.run(lost)
    qtbot.waitUntil(lambda: kiosk.out_of_service, timeout=3_000)
    assert kiosk.session is None and kiosk.retry_timer.isActive()
    screenshot(kiosk.window, "kiosk_out_of_service")
    qtbot.waitUntil(lambda: isinstance(kiosk.window.currentWidget(), KioskLoginScreen), timeout=5_000)
