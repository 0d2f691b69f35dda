"""The event log: entries made by earlier actions appear, newest first; filters narrow them; paging by id."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from iok_desktop.db.database import Database
from iok_desktop.domain.bank_account import make_nrb
from iok_desktop.domain.enums import ActorKind, AnnouncementKind, Audience, LedgerKind, ReadingStatus
from iok_desktop.gui.clerk.audit.actions import action_descriptions, describe
from iok_desktop.gui.clerk.audit.details import details_html
from iok_desktop.gui.clerk.audit.page import PAGE_SIZE, AuditLogPage
from iok_desktop.gui.clerk.context import ClerkContext
from iok_desktop.gui.clerk.pages.audit import create
from iok_desktop.services import announcements, audit, readings
from iok_desktop.services.audit import AuditRow
from iok_desktop.services.backend import Backend
from iok_desktop.services.context import Actor, FixedClock, ServiceContext, resident_actor
from iok_desktop.services.session_events import KioskEvent
from iok_desktop.services.statements import OUTPUT_ACTIONS
from tests.conftest import TEST_NOW
from tests.gui.support import screenshot, wait_idle
from tests.gui.test_announcements import type_text
from tests.support.builders import (
    accepted_reading,
    grant_title,
    make_account,
    make_household,
    make_meter,
    make_person,
    make_premises,
    make_staff,
    staff_of,
)


def _open(qtbot: QtBot, ctx: ClerkContext) -> AuditLogPage:
    page = create(ctx)
    assert isinstance(page, AuditLogPage)
    qtbot.addWidget(page)
    page.resize(1180, 760)
    page.show()
    page.activated()
    wait_idle(qtbot, ctx.runner)
    return page


def _actions(page: AuditLogPage) -> list[tuple[str, str | None]]:
    return [(line.row.action, line.row.actor_login) for line in page.lines()]


def _submit_and_approve(
    backend: Backend, resident: Actor, clerk: Actor, meter_id: int, day: date, value: str, approve: bool = True
) -> None:
    pending = backend.call(resident, readings.submit_reading, meter_id, value, day).reading
    assert pending.status is ReadingStatus.PENDING
    if approve:
        backend.call(clerk, readings.approve_readings, [(pending.id, pending.version)])


def test_an_approval_made_earlier_shows_in_the_log_with_readable_details(
    qtbot: QtBot, iok_app: QApplication, db: Database, backend: Backend, clerk_ctx: ClerkContext
) -> None:
    with db.session() as s:
        home = make_household(s)
        meter = make_meter(s, home.premises)
        accepted_reading(s, meter, date(2026, 10, 31), "96.000")
        s.commit()
        resident = resident_actor(home.account.id, home.account.login)
        meter_id, premises_code, resident_login = meter.id, home.premises.code, home.account.login
        home_number = home.premises.number
    _submit_and_approve(backend, resident, clerk_ctx.actor, meter_id, date(2026, 11, 25), "99,5")

    page = _open(qtbot, clerk_ctx)

    assert _actions(page) == [("reading.approve", "akowalska"), ("reading.submit", resident_login)]
    what = page.model.column_of_key("action")
    assert page.model.index(0, what).data() == describe("reading.approve")
    premises_cell = page.model.index(0, page.model.column_of_key("premises"))
    assert premises_cell.data() == "ul. Zgoda 8/" + home_number
    assert premises_cell.data(Qt.ItemDataRole.ToolTipRole).endswith(premises_code)
    page.view.selectRow(0)
    shown = page.details_view.toPlainText()
    assert describe("reading.approve") in shown and "akowalska" in shown and "test-desk" in shown
    assert ReadingStatus.PENDING.label in shown and ReadingStatus.ACCEPTED.label in shown
    assert "{" not in shown and '"old"' not in shown
    screenshot(page, "audit_log")
    page.view.selectRow(1)
    shown = page.details_view.toPlainText()
    assert "99,500" in shown and "25.11.2026" in shown and "IOK (internet)" in shown
    assert "{" not in shown


def test_filters_by_action_user_date_and_premises_narrow_the_rows(
    qtbot: QtBot, db: Database, backend: Backend, clock: FixedClock, clerk_ctx: ClerkContext
) -> None:
    with db.session() as s:
        home = make_household(s)
        meter = make_meter(s, home.premises)
        accepted_reading(s, meter, date(2026, 10, 31), "96.000")
        neighbour_flat = make_premises(s, home.building, number="99")
        neighbour = make_person(s, "Ewa", "Sąsiadka")
        grant_title(s, neighbour, neighbour_flat)
        neighbour_account = make_account(s, neighbour)
        neighbour_meter = make_meter(s, neighbour_flat)
        accepted_reading(s, neighbour_meter, date(2026, 10, 31), "10.000")
        jnowak = staff_of(make_staff(s, "jnowak"))
        s.commit()
        resident = resident_actor(home.account.id, home.account.login)
        other_resident = resident_actor(neighbour_account.id, neighbour_account.login)
        meter_id, neighbour_meter_id, neighbour_code = meter.id, neighbour_meter.id, neighbour_flat.code
    # 25.11: akowalska writes an announcement; 26.11: readings, one approved by jnowak.
    backend.call(
        clerk_ctx.actor,
        announcements.create_announcement,
        title="Zebranie",
        body="Treść.",
        kind=AnnouncementKind.NORMAL,
        publish_from=TEST_NOW,
        valid_until=None,
        audience=Audience.EVERYONE,
    )
    clock.advance(days=1)
    _submit_and_approve(backend, resident, jnowak, meter_id, date(2026, 11, 26), "99")
    _submit_and_approve(backend, other_resident, jnowak, neighbour_meter_id, date(2026, 11, 26), "11", approve=False)
    page = _open(qtbot, clerk_ctx)
    assert len(page.lines()) == 4

    page.action_filter_combo.setCurrentIndex(page.action_filter_combo.findData("reading.approve"))
    wait_idle(qtbot, clerk_ctx.runner)
    assert _actions(page) == [("reading.approve", "jnowak")]
    page.action_filter_combo.setCurrentIndex(0)
    wait_idle(qtbot, clerk_ctx.runner)

    type_text(qtbot, page.user_filter_edit, "akowalska")
    qtbot.keyClick(page.user_filter_edit, Qt.Key.Key_Return)
    wait_idle(qtbot, clerk_ctx.runner)
    assert _actions(page) == [("announcement.create", "akowalska")]
    page.user_filter_edit.clear()

    type_text(qtbot, page.date_from_edit, "26.11.2026")
    qtbot.keyClick(page.date_from_edit, Qt.Key.Key_Return)
    wait_idle(qtbot, clerk_ctx.runner)
    assert [a for a, _ in _actions(page)] == ["reading.submit", "reading.approve", "reading.submit"]
    page.date_from_edit.clear()
    type_text(qtbot, page.date_to_edit, "25.11.2026")
    qtbot.keyClick(page.date_to_edit, Qt.Key.Key_Return)
    wait_idle(qtbot, clerk_ctx.runner)
    assert [a for a, _ in _actions(page)] == ["announcement.create"]

    page.date_to_edit.clear()
    type_text(qtbot, page.date_to_edit, "31.02.2026")
    qtbot.keyClick(page.date_to_edit, Qt.Key.Key_Return)
    wait_idle(qtbot, clerk_ctx.runner)
    assert page.filter_error_label.text() == "Data 31.02.2026 nie istnieje w kalendarzu."
    assert [a for a, _ in _actions(page)] == ["announcement.create"]  # the list stays as it was
    screenshot(page, "audit_log_bad_date")
    page.date_to_edit.clear()
    qtbot.keyClick(page.date_to_edit, Qt.Key.Key_Return)
    wait_idle(qtbot, clerk_ctx.runner)
    assert not page.filter_error_label.isVisibleTo(page) and len(page.lines()) == 4

    qtbot.mouseClick(page.premises_filter_button, Qt.MouseButton.LeftButton)
    chooser = page.chooser
    assert chooser is not None and chooser.isVisible()
    with qtbot.waitSignal(chooser.search.results_shown, timeout=5000):
        type_text(qtbot, chooser.search.search_edit, "Sąsiadka")
    wait_idle(qtbot, clerk_ctx.runner)
    qtbot.keyClick(chooser.search.search_edit, Qt.Key.Key_Return)
    wait_idle(qtbot, clerk_ctx.runner)
    assert not chooser.isVisible()
    assert neighbour_code in page.premises_filter_label.text()
    assert _actions(page) == [("reading.submit", other_resident.login)]
    screenshot(page, "audit_log_premises_filter")

    qtbot.mouseClick(page.clear_filters_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, clerk_ctx.runner)
    assert len(page.lines()) == 4


def test_the_log_is_fetched_a_page_at_a_time_as_the_clerk_scrolls(
    qtbot: QtBot, db: Database, clock: FixedClock, clerk_ctx: ClerkContext, qtmodeltester: object
) -> None:
    total = PAGE_SIZE + 60
    with db.session() as s:
        ctx = ServiceContext(s, clerk_ctx.actor, clock)
        for number in range(total):
            audit.record(ctx, "announcement.update", entity_type="announcement", entity_id=number + 1, details={})
            clock.advance(seconds=1)
        s.commit()
    page = _open(qtbot, clerk_ctx)
    assert len(page.lines()) == PAGE_SIZE
    assert page.model.canFetchMore()
    ids = [line.row.id for line in page.lines()]
    assert ids == sorted(ids, reverse=True)  # newest first

    page.view.scrollToBottom()
    page.view.verticalScrollBar().setValue(page.view.verticalScrollBar().maximum())
    qtbot.waitUntil(lambda: len(page.lines()) == total, timeout=10_000)
    wait_idle(qtbot, clerk_ctx.runner)
    ids = [line.row.id for line in page.lines()]
    assert len(set(ids)) == total and ids == sorted(ids, reverse=True)
    assert not page.model.canFetchMore()
    assert page.lines()[-1].row.entity_id == 1
    qtmodeltester.check(page.model)  # type: ignore[attr-defined]
    wait_idle(qtbot, clerk_ctx.runner)
    assert clock.now() - TEST_NOW == timedelta(seconds=total)


def test_the_column_layout_is_remembered_for_the_next_log(
    qtbot: QtBot, iok_app: QApplication, clerk_ctx: ClerkContext, settings: QSettings
) -> None:
    page = _open(qtbot, clerk_ctx)
    header = page.view.horizontalHeader()
    action, premises, who = (page.model.column_of_key(k) for k in ("action", "premises", "who"))
    assert header.sectionSize(action) != 260 and header.visualIndex(premises) != 0
    header.resizeSection(action, 260)
    header.moveSection(header.visualIndex(premises), 0)
    assert settings.value("tables/audit") is not None
    page.deactivated()
    page.close()

    again = _open(qtbot, clerk_ctx)
    header = again.view.horizontalHeader()
    assert header.sectionSize(action) == 260
    assert header.visualIndex(premises) == 0
    assert header.visualIndex(who) == 2  # the others keep their order after it
    screenshot(again, "audit_layout_remembered")


def test_every_action_the_services_write_has_a_description() -> None:
    services = Path(__file__).resolve().parents[2] / "iok_desktop" / "services"
    written = set()
    for path in services.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        written |= set(re.findall(r'audit\.record(?:_many)?\(\s*ctx,\s*"([a-z_]+\.[a-z_]+)"', text))
        written |= set(re.findall(r'action = "([a-z_]+\.[a-z_]+)"', text))
    written |= {f"ledger.{kind.value}" for kind in LedgerKind} | {event.value for event in KioskEvent}
    written |= {f"statement.{action}" for action in OUTPUT_ACTIONS}
    assert {"reading.approve", "staff.create", "account.create"} <= written
    assert sorted(written - set(action_descriptions())) == []


@pytest.mark.parametrize(
    ("action", "details", "shown", "hidden"),
    [
        (
            "settings.update",
            {"changes": {"bank_account": {"old": "", "new": make_nrb("109010140000071219812874")}}},
            ["61 1090 1014 0000 0712 1981 2874", "—"],
            ["109010140000071219812874"],
        ),
        (
            "announcement.create",
            {"old": None, "new": {"title": "Zebranie", "kind": "urgent", "is_draft": True, "valid_until": None}},
            ["Zebranie", AnnouncementKind.URGENT.label],
            ["urgent", "None", "True"],
        ),
        (
            "announcement.expire",
            {"changes": {"valid_until": {"old": "2026-12-25T09:00:00+00:00", "new": "2026-11-25T09:00:00+00:00"}}},
            ["25.12.2026 10:00", "25.11.2026 10:00"],
            ["T09:00"],
        ),
        (
            "account.unlock",
            {"reason": "Wniosek", "old": {"status": "locked", "failed_attempts": 10, "locked_until": None}},
            ["Wniosek", "zablokowane", "10"],
            ["locked_until", "'status'"],
        ),
        (
            "ledger.payment",
            {"old": None, "new": {"amount": "-1234.50", "kind": "payment"}},
            ["-1 234,50 zł"],  # QTextDocument shows the non-breaking spaces as spaces
            [],
        ),
        (
            "statement.print",
            {"date_from": "2026-01-01", "date_to": "2026-06-30", "variant": "anonymous", "copies": 2},
            ["01.01.2026", "30.06.2026", "bez danych osobowych", "Liczba kopii"],
            ["anonymous", "variant"],
        ),
        (
            "ledger.import",
            {"file": "fk.csv", "rows": 3, "created": 2, "payments_total": "1234.5", "cancelled": False},
            ["fk.csv", "Wpłaty razem", "1 234,50 zł", "nie"],
            ["payments_total", "False"],
        ),
        ("staff.password_reset", {}, [], ["{"]),
    ],
)
def test_details_read_as_words_not_json(
    iok_app: QApplication, action: str, details: dict[str, Any], shown: list[str], hidden: list[str]
) -> None:
    row = AuditRow(1, TEST_NOW, ActorKind.STAFF, "admin", action, "x", 1, None, "test-desk", details)
    document = QTextDocument()
    document.setHtml(details_html(row))
    text = document.toPlainText()
    assert describe(action) in text
    for expected in shown:
        assert expected in text
    for unexpected in [*hidden, "{", '"']:
        assert unexpected not in text
