"""A clerk's morning, end to end through the real application: sign in, find a premises in the registry,
register an IOK account for its co-holder, approve and reject the resident's readings with the keyboard,
and find all of it in the event log. Every screen is the real one; on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from iok_desktop.db.database import Database
from iok_desktop.db.models import Meter
from iok_desktop.domain.enums import AccountStatus, ReadingSource, ReadingStatus
from iok_desktop.gui.clerk.accounts.page import APPLICATIONS_TAB, AccountsPage
from iok_desktop.gui.clerk.app import ClerkApp
from iok_desktop.gui.clerk.audit.page import AuditLogPage
from iok_desktop.gui.clerk.queue.page import QueuePage
from iok_desktop.gui.clerk.registry.page import RegistryPage
from iok_desktop.services import accounts, readings
from iok_desktop.services.backend import Backend
from iok_desktop.services.context import FixedClock, ServiceContext, resident_actor
from tests.gui.registry_scene import build_scene
from tests.gui.support import ScriptedDialogs, screenshot, wait_idle
from tests.support.builders import STAFF_PASSWORD, make_staff

TODAY = date(2026, 11, 25)


def _submit_pending(db: Database, clock: FixedClock, premises_id: int, account_id: int, login: str) -> list[int]:
    """The holder sends this quarter's readings from IOK: cold water first, then hot."""
    with db.session() as s:
        meters = s.scalars(select(Meter).where(Meter.premises_id == premises_id).order_by(Meter.id)).all()
        resident = ServiceContext(s, resident_actor(account_id, login, ReadingSource.WEB), clock)
        values = {"woda zimna": "127,5", "woda ciepła": "47,2"}
        ids = [
            readings.submit_reading(resident, m.id, values[m.kind.label], TODAY).reading.id
            for m in sorted(meters, key=lambda m: m.kind.label, reverse=True)
        ]
        s.commit()
    return ids


def test_a_clerks_morning_from_sign_in_to_the_event_log(
    qtbot: QtBot,
    iok_app: QApplication,
    db: Database,
    clock: FixedClock,
    backend: Backend,
    settings: QSettings,
    dialogs: ScriptedDialogs,
) -> None:
    scene = build_scene(db, clock)
    pending = _submit_pending(db, clock, scene.premises_id, scene.account_id, scene.login)
    with db.session() as s:
        make_staff(s, "akowalska")
        s.commit()

    # Sign in.
    app = ClerkApp(backend, settings, dialogs)
    app.start()
    wait_idle(qtbot, app.runner)
    login_dialog = app.login_dialog
    assert login_dialog is not None and login_dialog.isVisible()
    qtbot.keyClicks(login_dialog.ui.login_edit, "akowalska")
    qtbot.keyClicks(login_dialog.ui.password_edit, STAFF_PASSWORD)
    qtbot.keyClick(login_dialog.ui.password_edit, Qt.Key.Key_Return)
    wait_idle(qtbot, app.runner)
    window = app.main_window
    assert window is not None
    qtbot.addWidget(window)
    window.resize(1366, 860)
    assert "admin" not in window.page_keys()  # a clerk, not an administrator

    # Registry: search as you type, open the card.
    registry = window.open_page("registry")
    assert isinstance(registry, RegistryPage)
    with qtbot.waitSignal(registry.search.results_shown, timeout=5000):
        qtbot.keyClicks(registry.search.search_edit, "Zgoda 8/12")
    wait_idle(qtbot, app.runner)
    qtbot.keyClick(registry.search.search_edit, Qt.Key.Key_Return)
    wait_idle(qtbot, app.runner)
    assert registry.card_view is not None
    assert registry.card_view.address_label.text() == "ul. Zgoda 8/12, 70-001 Szczecin"

    # Konta IOK: the co-holder's application, approved; the credentials shown once.
    accounts_page = window.open_page("accounts")
    assert isinstance(accounts_page, AccountsPage)
    accounts_page.tabs.setCurrentIndex(APPLICATIONS_TAB)
    qtbot.mouseClick(accounts_page.applications.new_button, Qt.MouseButton.LeftButton)
    form = accounts_page.application_dialog
    assert form is not None and form.isVisible()
    with qtbot.waitSignal(form.search.results_shown, timeout=5000):
        qtbot.keyClicks(form.search.search_edit, "Zgoda 8/12")
    wait_idle(qtbot, app.runner)
    qtbot.keyClick(form.search.search_edit, Qt.Key.Key_Return)
    wait_idle(qtbot, app.runner)
    people = form.ui.person_combo
    people.setCurrentIndex(next(i for i in range(people.count()) if people.itemText(i).startswith("Piotr")))
    qtbot.mouseClick(form.ok_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, app.runner)
    qtbot.waitUntil(lambda: accounts_page.applications.current_application() is not None)
    qtbot.mouseClick(accounts_page.applications.approve_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, app.runner)
    credentials = accounts_page.credentials_dialog
    assert credentials is not None and credentials.isVisible()
    new_login = credentials.login_label.text()
    assert new_login.startswith("wroblews") and new_login != scene.login
    credentials.acknowledge_check.setChecked(True)
    qtbot.mouseClick(credentials.close_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, app.runner)

    # Kolejka odczytów: A approves the first reading, R rejects the next with a reason.
    queue = window.open_page("queue")
    assert isinstance(queue, QueuePage)
    wait_idle(qtbot, app.runner)
    assert [r.reading_id for r in queue.model.rows()] == pending
    window.activateWindow()  # the window system would, when the dialog closed; offscreen, we do
    queue.table.setFocus()
    qtbot.waitUntil(queue.table.hasFocus, timeout=2000)
    qtbot.keyClick(queue.table, Qt.Key.Key_A)
    wait_idle(qtbot, app.runner)
    assert [r.reading_id for r in queue.model.rows()] == pending[1:]
    assert queue.current_row() is not None and queue.current_row().reading_id == pending[1]  # type: ignore[union-attr]
    qtbot.keyClick(queue.table, Qt.Key.Key_R)
    reject = queue.reject_dialog
    assert reject is not None and reject.isVisible()
    reject.ui.reason_edit.insertPlainText("Proszę podać stan z całego licznika")
    qtbot.keyClick(reject.ui.reason_edit, Qt.Key.Key_Return)
    wait_idle(qtbot, app.runner)
    assert queue.model.rowCount() == 0

    # Dziennik zdarzeń: all of the morning is there, newest first, under the clerk's name.
    audit = window.open_page("audit")
    assert isinstance(audit, AuditLogPage)
    wait_idle(qtbot, app.runner)
    mine = [(line.row.action, line.row.entity_id) for line in audit.model.rows() if line.row.actor_login == "akowalska"]
    assert ("reading.approve", pending[0]) in mine
    assert ("reading.reject", pending[1]) in mine
    actions = [action for action, _ in mine]
    assert "application.record" in actions and "account.create" in actions and "auth.login" in actions
    assert mine.index(("reading.reject", pending[1])) < mine.index(("reading.approve", pending[0]))
    screenshot(window, "clerk_journey_event_log")

    # And the database agrees with what the screens said.
    with db.session() as s:
        resident = ServiceContext(s, resident_actor(scene.account_id, scene.login, ReadingSource.WEB), clock)
        states = {r.id: r for r in readings.readings_for_premises(resident, scene.premises_id)}
        assert states[pending[0]].status is ReadingStatus.ACCEPTED
        assert states[pending[1]].status is ReadingStatus.REJECTED
        assert states[pending[1]].rejection_reason == "Proszę podać stan z całego licznika"
    clerk = window.ctx.call(accounts.list_accounts)()
    assert [a.status for a in clerk if a.login == new_login] == [AccountStatus.ACTIVE]
    assert [m for m in dialogs.messages if m[0] in {"warning", "error"}] == []
    window.log_out()
