"""The reading-approval queue (Kolejka odczytów), driven as a clerk would: keys, clicks, filters.

On SQLite and PostgreSQL. Pending readings are submitted through the reading service by residents
(and a few by a clerk), over a year of accepted history written directly.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from iok_desktop.db.database import Database
from iok_desktop.db.models import AuditEntry, Building, Meter, MeterReading
from iok_desktop.domain.dates import format_datetime
from iok_desktop.domain.enums import MeterKind, ReadingSource, ReadingStatus
from iok_desktop.gui.clerk.context import ClerkContext
from iok_desktop.gui.clerk.main_window import MainWindow
from iok_desktop.gui.clerk.pages import PageSpec
from iok_desktop.gui.clerk.pages.queue import create
from iok_desktop.gui.clerk.queue.chart import ChartMode
from iok_desktop.gui.clerk.queue.page import QueuePage
from iok_desktop.services import readings
from iok_desktop.services.backend import Backend
from iok_desktop.services.context import FixedClock
from tests.gui.support import ScriptedDialogs, screenshot, wait_idle
from tests.support.builders import (
    Household,
    accepted_reading,
    grant_title,
    make_account,
    make_building,
    make_meter,
    make_person,
    make_premises,
    make_staff,
    staff_of,
)

TODAY = date(2026, 11, 25)
NAMES = [
    ("Anna", "Kowalska"),
    ("Jan", "Wiśniewski"),
    ("Ewa", "Zając"),
    ("Piotr", "Wójcik"),
    ("Maria", "Kamińska"),
    ("Tomasz", "Lewandowski"),
    ("Zofia", "Dąbrowska"),
    ("Krzysztof", "Szymański"),
]
STREETS = [("Bałtycka", "12"), ("Zgoda", "8"), ("Wojska Polskiego", "104A"), ("Akacjowa", "3")]
MONTH_ENDS = [
    date(2025, 10, 31),
    date(2025, 11, 30),
    date(2025, 12, 31),
    date(2026, 1, 31),
    date(2026, 2, 28),
    date(2026, 3, 31),
    date(2026, 4, 30),
    date(2026, 5, 31),
    date(2026, 6, 30),
    date(2026, 7, 31),
    date(2026, 8, 31),
    date(2026, 9, 30),
    date(2026, 10, 31),
]


@dataclass
class Queue:
    pending: list[readings.ReadingRow] = field(default_factory=list)
    households: list[Household] = field(default_factory=list)
    buildings: list[int] = field(default_factory=list)

    @property
    def flagged(self) -> list[readings.ReadingRow]:
        return [r for r in self.pending if r.anomaly_reason]

    @property
    def ids(self) -> list[int]:
        return [r.id for r in self.pending]


def build_queue(
    db: Database,
    clock: FixedClock,
    count: int = 6,
    *,
    flagged: set[int] | None = None,
    kinds: tuple[MeterKind, ...] = (MeterKind.COLD_WATER, MeterKind.HOT_WATER, MeterKind.HEAT),
    streets: int = 2,
    history_months: int = len(MONTH_ENDS),
    read_early: frozenset[int] = frozenset(),
) -> Queue:
    """``count`` premises, each one meter with monthly accepted history and one pending reading.

    Readings number ``flagged`` jump far above the meter's average (flagged). Every fifth reading is
    entered by a clerk on a resident's behalf, the others come from IOK or the kiosk in turn. Meters
    number ``read_early`` had their last monthly reading four days early (27.10.2026, still in the window).
    """
    flagged = {2, 5} if flagged is None else flagged
    queue = Queue()
    with db.session() as s:
        office = make_staff(s, "bnowak")
        buildings = [make_building(s, street=street, number=number) for street, number in STREETS[:streets]]
        queue.buildings = [b.id for b in buildings]
        s.commit()
        for i in range(count):
            building = buildings[i % len(buildings)]
            premises = make_premises(s, building, number=str(i + 1))
            first, last = NAMES[i % len(NAMES)]
            person = make_person(s, first, last)
            grant_title(s, person, premises)
            account = make_account(s, person)
            kind = kinds[i % len(kinds)]
            meter = make_meter(s, premises, kind=kind)
            step = Decimal("0.9") if kind is MeterKind.HEAT else Decimal("2.8") + Decimal(i % 3) / 10
            value = Decimal(100 + 7 * i)
            months = MONTH_ENDS[len(MONTH_ENDS) - history_months :]
            if i in read_early:
                months = [*months[:-1], months[-1] - timedelta(days=4)]
            for number, day in enumerate(months):
                value += step if number else 0
                accepted_reading(s, meter, day, str(value))
            s.commit()
            household = Household(building, premises, person, account, office)
            queue.households.append(household)
            new_value = value + (step * 8 if i in flagged else step * Decimal("0.7"))
            text = f"{new_value:.3f}".replace(".", ",")
            if i % 5 == 4:
                ctx = household.clerk_ctx(s, clock)
                result = readings.submit_reading(ctx, meter.id, text, TODAY, accept=False)
            else:
                channel = ReadingSource.KIOSK if i % 2 else ReadingSource.WEB
                result = readings.submit_reading(household.resident(s, clock, channel), meter.id, text, TODAY)
            s.commit()
            queue.pending.append(result.reading)
            clock.advance(minutes=7)
    return queue


@pytest.fixture
def open_pages() -> Iterator[list[QueuePage]]:
    """Pages a test made; their live refresh is stopped before the database goes away."""
    pages: list[QueuePage] = []
    yield pages
    for page in pages:
        page.deactivated()


def open_queue(
    qtbot: QtBot,
    ctx: ClerkContext,
    pages: list[QueuePage],
    *,
    live: bool = False,
    poll_interval_ms: int = 60_000,
    size: tuple[int, int] = (1250, 760),
) -> QueuePage:
    page = QueuePage(ctx, live=live, poll_interval_ms=poll_interval_ms)
    pages.append(page)
    qtbot.addWidget(page)
    page.resize(*size)
    page.show()
    page.activated()
    wait_idle(qtbot, ctx.runner)
    return page


def cell(page: QueuePage, row: int, key: str, role: Qt.ItemDataRole = Qt.ItemDataRole.DisplayRole) -> object:
    return page.model.data(page.model.index(row, page.model.column_of_key(key)), role)


def shown_ids(page: QueuePage) -> list[int]:
    return [r.reading_id for r in page.model.rows()]


def current_id(page: QueuePage) -> int | None:
    row = page.current_row()
    return row.reading_id if row else None


def back_to(qtbot: QtBot, page: QueuePage) -> None:
    """The window system gives the screen back its activation when a dialog closes; offscreen, we do."""
    page.activateWindow()
    qtbot.waitUntil(page.table.hasFocus, timeout=2000)


def choose(qtbot: QtBot, combo: QComboBox, text: str) -> None:
    index = combo.findText(text)
    assert index >= 0, f"{text!r} not in {[combo.itemText(i) for i in range(combo.count())]}"
    combo.setCurrentIndex(index)


# --- what the clerk sees --------------------------------------------------------------------------------


def test_the_table_shows_every_column_formatted_for_a_polish_clerk(
    qtbot: QtBot, db: Database, clock: FixedClock, clerk_ctx: ClerkContext, open_pages: list[QueuePage]
) -> None:
    queue = build_queue(db, clock, count=3, flagged={1})
    page = open_queue(qtbot, clerk_ctx, open_pages)
    assert shown_ids(page) == queue.ids  # oldest first
    assert page.count_label.text().endswith(": 3")
    first, flagged = queue.pending[0], queue.pending[1]
    assert cell(page, 0, "premises") == f"ul. Bałtycka 12/1 · {page.model.row_at(0).premises_code}"
    assert cell(page, 0, "meter_kind") == "woda zimna (m³)"
    assert cell(page, 0, "meter") == first.serial_number
    assert cell(page, 0, "previous") == "133,600"  # 100 + 12 × 2,8
    assert cell(page, 0, "previous_date") == "31.10.2026"
    assert cell(page, 0, "value") == "135,560"
    assert cell(page, 0, "reading_date") == "25.11.2026"
    assert cell(page, 0, "consumption") == "1,960"
    assert cell(page, 0, "average") == "2,762"  # 33,6 m³ in 365 days, per 30 days
    assert cell(page, 0, "source") == "IOK (internet)"
    assert cell(page, 0, "submitted_at") == "25.11.2026 10:00"
    assert cell(page, 0, "anomaly") == ""
    assert cell(page, 0, "anomaly", Qt.ItemDataRole.DecorationRole) is None
    right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    for key in ("previous", "value", "consumption", "average", "reading_date"):
        assert cell(page, 0, key, Qt.ItemDataRole.TextAlignmentRole) == right
    # A flagged reading: a warning icon on a tinted cell, the reason as its tooltip, the consumption in amber.
    assert flagged.anomaly_reason and "wyższe od średniej" in flagged.anomaly_reason
    assert cell(page, 1, "anomaly") == ""  # the icon only; the reason:
    assert cell(page, 1, "anomaly", Qt.ItemDataRole.ToolTipRole) == flagged.anomaly_reason
    assert cell(page, 1, "anomaly", Qt.ItemDataRole.DecorationRole) is not None
    assert cell(page, 1, "anomaly", Qt.ItemDataRole.BackgroundRole) is not None
    assert cell(page, 1, "consumption", Qt.ItemDataRole.ForegroundRole) is not None
    assert cell(page, 0, "consumption", Qt.ItemDataRole.ForegroundRole) is None
    assert page.model.column_of_key("anomaly") == 0
    assert cell(page, 1, "source") == "kiosk"
    assert cell(page, 2, "meter_kind") == "ciepło (GJ)"
    # The first row is chosen at once, so the keys work straight away.
    assert current_id(page) == first.id and page.table.hasFocus()


def test_the_model_passes_the_qt_model_tester(
    qtbot: QtBot, qtmodeltester: object, db: Database, clock: FixedClock, clerk_ctx: ClerkContext
) -> None:
    build_queue(db, clock, count=5)
    from iok_desktop.gui.clerk.queue.model import QueueModel  # noqa: PLC0415

    model = QueueModel(clerk_ctx.runner, page_size=2)
    call = clerk_ctx.call
    model.load(lambda offset, limit: call(readings.queue_page, readings.QueueFilter(), offset=offset, limit=limit)())
    wait_idle(qtbot, clerk_ctx.runner)
    assert model.rowCount() == 2 and model.canFetchMore()
    model.fetchMore()
    wait_idle(qtbot, clerk_ctx.runner)
    assert model.rowCount() == 4
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    wait_idle(qtbot, clerk_ctx.runner)  # the tester asks for more rows too
    assert model.rowCount() == 5 and not model.canFetchMore()
    # A live refresh after a reading left the queue: the tester (still attached) watches the change.
    gone = model.row_at(1)
    clerk_ctx.backend.call(clerk_ctx.actor, readings.approve_readings, [(gone.reading_id, gone.version)])
    model.refresh()
    wait_idle(qtbot, clerk_ctx.runner)
    assert model.rowCount() == 4 and model.row_of_key(gone.reading_id) is None


# --- filters, sort, saved filters -------------------------------------------------------------------------


def test_filters_and_sorting_change_the_rows(
    qtbot: QtBot, db: Database, clock: FixedClock, clerk_ctx: ClerkContext, open_pages: list[QueuePage]
) -> None:
    queue = build_queue(db, clock, count=6, flagged={2, 5}, read_early=frozenset({1, 4}))
    page = open_queue(qtbot, clerk_ctx, open_pages)
    bar = page.filter_bar.ui
    choose(qtbot, bar.kind_combo, "ciepło")
    wait_idle(qtbot, clerk_ctx.runner)
    assert shown_ids(page) == [queue.ids[2], queue.ids[5]]
    assert page.count_label.text().endswith(": 2")
    choose(qtbot, bar.kind_combo, "Wszystkie liczniki")
    qtbot.mouseClick(bar.flagged_only_check, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, clerk_ctx.runner)
    assert shown_ids(page) == [queue.ids[2], queue.ids[5]]
    qtbot.mouseClick(bar.flagged_only_check, Qt.MouseButton.LeftButton)
    choose(qtbot, bar.building_combo, "Zgoda 8")
    wait_idle(qtbot, clerk_ctx.runner)
    assert shown_ids(page) == queue.ids[1::2]
    choose(qtbot, bar.building_combo, "Wszystkie budynki")
    choose(qtbot, bar.source_combo, "pracownik")
    wait_idle(qtbot, clerk_ctx.runner)
    assert shown_ids(page) == [queue.ids[4]]
    choose(qtbot, bar.source_combo, "Wszystkie źródła")
    wait_idle(qtbot, clerk_ctx.runner)
    assert page.count_label.text().endswith(": 6")

    # Clicking a header sorts on the server, ascending first; clicking again turns the order round.
    # Equal values keep the order they were submitted in (and its reverse when descending).
    header = page.table.horizontalHeader()

    def click_header(key: str) -> None:
        x = header.sectionViewportPosition(page.model.column_of_key(key)) + 10
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
        wait_idle(qtbot, clerk_ctx.runner)

    ids = queue.ids
    click_header("consumption")  # 1,960 (cold) < 2,030 (hot) < 7,200 (flagged heat)
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    assert [cell(page, row, "consumption") for row in range(6)] == [
        "1,960", "1,960", "2,030", "2,030", "7,200", "7,200"
    ]  # fmt: skip
    assert shown_ids(page) == [ids[0], ids[3], ids[1], ids[4], ids[2], ids[5]]
    click_header("consumption")
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert shown_ids(page) == [ids[5], ids[2], ids[4], ids[1], ids[3], ids[0]]
    # The previous reading's date too: the meters read early in October come first.
    click_header("previous_date")
    assert header.sortIndicatorSection() == page.model.column_of_key("previous_date")
    assert [cell(page, row, "previous_date") for row in range(6)] == ["27.10.2026"] * 2 + ["31.10.2026"] * 4
    assert shown_ids(page) == [ids[1], ids[4], ids[0], ids[2], ids[3], ids[5]]
    click_header("previous_date")
    assert [cell(page, row, "previous_date") for row in range(6)] == ["31.10.2026"] * 4 + ["27.10.2026"] * 2
    assert shown_ids(page) == [ids[5], ids[3], ids[2], ids[0], ids[4], ids[1]]


def test_a_named_filter_is_saved_and_picked_later(
    qtbot: QtBot,
    db: Database,
    clock: FixedClock,
    clerk_ctx: ClerkContext,
    dialogs: ScriptedDialogs,
    settings: QSettings,
    open_pages: list[QueuePage],
) -> None:
    queue = build_queue(db, clock, count=6, flagged={2, 5})
    page = open_queue(qtbot, clerk_ctx, open_pages)
    bar = page.filter_bar.ui
    choose(qtbot, bar.building_combo, "Bałtycka 12")
    qtbot.mouseClick(bar.flagged_only_check, Qt.MouseButton.LeftButton)
    dialogs.text_answers.append("Bałtycka — do sprawdzenia")
    qtbot.mouseClick(bar.save_filter_button, Qt.MouseButton.LeftButton)
    assert bar.saved_filter_combo.currentText() == "Bałtycka — do sprawdzenia"
    wait_idle(qtbot, clerk_ctx.runner)
    assert shown_ids(page) == [queue.ids[2]]

    # Another day, another window: pick it from the list.
    later = open_queue(qtbot, clerk_ctx, open_pages)
    assert shown_ids(later) == queue.ids
    combo = later.filter_bar.ui.saved_filter_combo
    assert [combo.itemText(i) for i in range(combo.count())] == ["Bałtycka — do sprawdzenia"]
    later.filter_bar.choose_saved("Bałtycka — do sprawdzenia")
    wait_idle(qtbot, clerk_ctx.runner)
    assert shown_ids(later) == [queue.ids[2]]
    assert later.filter_bar.ui.building_combo.currentText() == "Bałtycka 12"
    assert later.filter_bar.ui.flagged_only_check.isChecked()
    # Changing a filter by hand leaves the saved one; deleting asks first.
    qtbot.mouseClick(later.filter_bar.ui.flagged_only_check, Qt.MouseButton.LeftButton)
    assert combo.currentIndex() == -1 and not later.filter_bar.ui.delete_filter_button.isEnabled()
    later.filter_bar.choose_saved("Bałtycka — do sprawdzenia")
    dialogs.confirm_answers.append(True)
    qtbot.mouseClick(later.filter_bar.ui.delete_filter_button, Qt.MouseButton.LeftButton)
    assert combo.count() == 0 and later.filter_bar.saved.names() == []


def test_the_column_layout_is_remembered(
    qtbot: QtBot, db: Database, clerk_ctx: ClerkContext, settings: QSettings, open_pages: list[QueuePage]
) -> None:
    page = open_queue(qtbot, clerk_ctx, open_pages)
    header = page.table.horizontalHeader()
    header.resizeSection(page.model.column_of_key("premises"), 333)
    header.moveSection(page.model.column_of_key("anomaly"), 0)
    page.sort_by("consumption", descending=True)
    wait_idle(qtbot, clerk_ctx.runner)
    again = open_queue(qtbot, clerk_ctx, open_pages)
    header = again.table.horizontalHeader()
    assert header.sectionSize(again.model.column_of_key("premises")) == 333
    assert header.visualIndex(again.model.column_of_key("anomaly")) == 0
    assert again._sort == ("consumption", True)
    assert header.sortIndicatorSection() == again.model.column_of_key("consumption")


# --- approving and rejecting ------------------------------------------------------------------------------


def _audit_count(db: Database, action: str) -> int:
    with db.session() as s:
        return int(s.scalar(select(func.count()).where(AuditEntry.action == action)) or 0)


def test_approving_with_the_keyboard_selects_the_next_row_and_is_audited(
    qtbot: QtBot, db: Database, clock: FixedClock, clerk_ctx: ClerkContext, open_pages: list[QueuePage]
) -> None:
    queue = build_queue(db, clock, count=6)
    page = open_queue(qtbot, clerk_ctx, open_pages)
    table = page.table
    assert current_id(page) == queue.ids[0]
    qtbot.keyClick(table, Qt.Key.Key_N)
    assert current_id(page) == queue.ids[1]
    qtbot.keyClick(table, Qt.Key.Key_Down)
    assert current_id(page) == queue.ids[2]
    qtbot.keyClick(table, Qt.Key.Key_A)
    wait_idle(qtbot, clerk_ctx.runner)
    assert queue.ids[2] not in shown_ids(page)
    assert current_id(page) == queue.ids[3]
    assert page.status_label.text().endswith(": 1")
    # Several at once: Shift+Down extends the selection; the row after the last one is next.
    qtbot.keyClick(table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert [page.model.row_at(r).reading_id for r in page.selected_rows()] == [queue.ids[3], queue.ids[4]]
    qtbot.keyClick(table, Qt.Key.Key_A)
    wait_idle(qtbot, clerk_ctx.runner)
    assert shown_ids(page) == [queue.ids[0], queue.ids[1], queue.ids[5]]
    assert current_id(page) == queue.ids[5]
    assert [page.model.row_at(r).reading_id for r in page.selected_rows()] == [queue.ids[5]]
    assert page.count_label.text().endswith(": 3")
    # The last row approved: the one before it is chosen.
    qtbot.keyClick(table, Qt.Key.Key_A)
    wait_idle(qtbot, clerk_ctx.runner)
    assert current_id(page) == queue.ids[1]
    assert _audit_count(db, "reading.approve") == 4
    with db.session() as s:
        approved = s.scalars(select(AuditEntry).where(AuditEntry.action == "reading.approve")).all()
        assert {e.actor_login for e in approved} == {"akowalska"}
        assert sorted(e.entity_id for e in approved) == sorted(queue.ids[2:])  # type: ignore[type-var]


def test_a_letter_typed_in_a_filter_is_not_an_approval(
    qtbot: QtBot, db: Database, clock: FixedClock, clerk_ctx: ClerkContext, open_pages: list[QueuePage]
) -> None:
    build_queue(db, clock, count=2)
    page = open_queue(qtbot, clerk_ctx, open_pages)
    page.filter_bar.ui.kind_combo.setFocus()
    qtbot.keyClick(page.filter_bar.ui.kind_combo, Qt.Key.Key_A)
    wait_idle(qtbot, clerk_ctx.runner)
    assert _audit_count(db, "reading.approve") == 0


def test_rejecting_needs_a_reason_which_the_resident_then_sees(
    qtbot: QtBot, db: Database, clock: FixedClock, clerk_ctx: ClerkContext, open_pages: list[QueuePage]
) -> None:
    queue = build_queue(db, clock, count=3)
    page = open_queue(qtbot, clerk_ctx, open_pages)
    qtbot.keyClick(page.table, Qt.Key.Key_N)
    qtbot.keyClick(page.table, Qt.Key.Key_R)
    dialog = page.reject_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.ui.summary_label.text().startswith("ul. Zgoda 8/2 · woda ciepła (m³) SN")
    assert dialog.ui.summary_label.text().endswith("m³ (25.11.2026)")
    qtbot.keyClicks(dialog.ui.reason_edit, "   ")
    qtbot.keyClick(dialog.ui.reason_edit, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.ui.error_label.isVisibleTo(dialog)
    assert _audit_count(db, "reading.reject") == 0
    screenshot(dialog, "queue_reject_dialog_refused")
    dialog.ui.reason_edit.clear()
    assert not dialog.ui.error_label.isVisibleTo(dialog)
    dialog.ui.reason_edit.insertPlainText("Stan nie zgadza się ze zdjęciem licznika")  # QTest types ASCII only
    qtbot.keyClick(dialog.ui.reason_edit, Qt.Key.Key_Return)
    wait_idle(qtbot, clerk_ctx.runner)
    assert page.reject_dialog is None  # closed (and deleted)
    assert shown_ids(page) == [queue.ids[0], queue.ids[2]] and current_id(page) == queue.ids[2]
    resident = queue.households[1]
    with db.session() as s:
        ctx = resident.resident(s, clock)
        seen = [r for r in readings.readings_for_premises(ctx, resident.premises.id) if r.id == queue.ids[1]]
        assert seen[0].status is ReadingStatus.REJECTED
        assert seen[0].rejection_reason == "Stan nie zgadza się ze zdjęciem licznika"
        assert readings.status_history(ctx, queue.ids[1])[-1].label == (
            "odrzucony: Stan nie zgadza się ze zdjęciem licznika"
        )
    # The reason is offered again next time.
    back_to(qtbot, page)
    qtbot.keyClick(page.table, Qt.Key.Key_R)
    again = page.reject_dialog
    assert again is not None and again is not dialog
    combo = again.ui.recent_reasons_combo
    assert combo.isVisibleTo(again) and combo.itemText(0) == "Stan nie zgadza się ze zdjęciem licznika"
    combo.activated.emit(0)
    assert again.reason() == "Stan nie zgadza się ze zdjęciem licznika"
    qtbot.keyClick(again, Qt.Key.Key_Escape)
    assert page.reject_dialog is None and _audit_count(db, "reading.reject") == 1


def test_approve_all_unflagged_names_how_many_and_leaves_the_flagged(
    qtbot: QtBot,
    db: Database,
    clock: FixedClock,
    clerk_ctx: ClerkContext,
    dialogs: ScriptedDialogs,
    open_pages: list[QueuePage],
) -> None:
    queue = build_queue(db, clock, count=7, flagged={2, 5})
    page = open_queue(qtbot, clerk_ctx, open_pages)
    # Declined: nothing happens.
    dialogs.confirm_answers.append(False)
    qtbot.mouseClick(page.approve_unflagged_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, clerk_ctx.runner)
    assert "5" in dialogs.texts("confirm")[-1]
    assert len(shown_ids(page)) == 7
    # Within a filter (hot water): only that filter's unflagged readings.
    choose(qtbot, page.filter_bar.ui.kind_combo, "woda ciepła")
    wait_idle(qtbot, clerk_ctx.runner)
    assert shown_ids(page) == [queue.ids[1], queue.ids[4]]
    dialogs.confirm_answers.append(True)
    qtbot.keyClick(page.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    wait_idle(qtbot, clerk_ctx.runner)
    assert re.search(r"\b2\b", dialogs.texts("confirm")[-1])
    assert shown_ids(page) == []
    choose(qtbot, page.filter_bar.ui.kind_combo, "Wszystkie liczniki")
    wait_idle(qtbot, clerk_ctx.runner)
    dialogs.confirm_answers.append(True)
    qtbot.mouseClick(page.approve_unflagged_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, clerk_ctx.runner)
    assert shown_ids(page) == [r.id for r in queue.flagged]
    assert current_id(page) == queue.flagged[0].id
    assert _audit_count(db, "reading.approve") == 5
    # Nothing left to approve: it says so instead of asking.
    qtbot.mouseClick(page.approve_unflagged_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, clerk_ctx.runner)
    assert dialogs.messages[-1][0] == "info"


def test_a_reading_another_clerk_approved_first_is_a_clear_conflict(
    qtbot: QtBot,
    db: Database,
    clock: FixedClock,
    backend: Backend,
    clerk_ctx: ClerkContext,
    dialogs: ScriptedDialogs,
    open_pages: list[QueuePage],
) -> None:
    queue = build_queue(db, clock, count=3)
    page = open_queue(qtbot, clerk_ctx, open_pages)
    with db.session() as s:
        colleague = staff_of(make_staff(s, "mzielinska"))
        s.commit()
    target = queue.pending[1]
    backend.call(colleague, readings.approve_readings, [(target.id, target.version)])
    assert page.select_reading(target.id)
    qtbot.keyClick(page.table, Qt.Key.Key_A)
    wait_idle(qtbot, clerk_ctx.runner)
    [warning] = dialogs.texts("warning")
    assert "Ten odczyt zaakceptował już Anna Łęcka (mzielinska)" in warning
    assert shown_ids(page) == [queue.ids[0], queue.ids[2]]
    assert current_id(page) == queue.ids[2]
    assert page.status_label.text().endswith(": 0")
    assert _audit_count(db, "reading.approve") == 1


@pytest.mark.parametrize(("colleague_did", "verb"), [("reject", "odrzucił"), ("approve", "zaakceptował")])
def test_rejecting_a_reading_another_clerk_reviewed_first_is_a_clear_conflict(
    qtbot: QtBot,
    db: Database,
    clock: FixedClock,
    backend: Backend,
    clerk_ctx: ClerkContext,
    dialogs: ScriptedDialogs,
    open_pages: list[QueuePage],
    colleague_did: str,
    verb: str,
) -> None:
    queue = build_queue(db, clock, count=3)
    page = open_queue(qtbot, clerk_ctx, open_pages)
    with db.session() as s:
        colleague = staff_of(make_staff(s, "mzielinska"))
        s.commit()
    target = queue.pending[1]
    assert page.select_reading(target.id)
    # The colleague acts while this clerk is still looking at the row.
    if colleague_did == "reject":
        backend.call(colleague, readings.reject_reading, target.id, target.version, "Zdjęcie nieczytelne")
    else:
        backend.call(colleague, readings.approve_readings, [(target.id, target.version)])
    reviewed_at = format_datetime(clock.now())
    qtbot.keyClick(page.table, Qt.Key.Key_R)
    dialog = page.reject_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.ui.reason_edit.insertPlainText("Stan nie zgadza się ze zdjęciem licznika")
    qtbot.keyClick(dialog.ui.reason_edit, Qt.Key.Key_Return)
    wait_idle(qtbot, clerk_ctx.runner)
    assert page.reject_dialog is None
    assert dialogs.messages == [
        (
            "warning",
            "Nie odrzucono",
            f"Ten odczyt {verb} już Anna Łęcka (mzielinska) ({reviewed_at}) — nie można go zmienić.",
        )
    ]
    # The row leaves the queue, the next one is chosen, and nothing was rejected by this clerk.
    assert shown_ids(page) == [queue.ids[0], queue.ids[2]]
    assert current_id(page) == queue.ids[2]
    assert page.status_label.text() == "Odrzucono: 0"
    assert _audit_count(db, "reading.reject") == (1 if colleague_did == "reject" else 0)
    with db.session() as s:
        stored = s.get(MeterReading, target.id)
        assert stored is not None
        if colleague_did == "reject":
            assert stored.status is ReadingStatus.REJECTED and stored.rejection_reason == "Zdjęcie nieczytelne"
        else:
            assert stored.status is ReadingStatus.ACCEPTED and stored.rejection_reason is None


# --- detail pane ------------------------------------------------------------------------------------------


def test_the_detail_pane_charts_the_meters_history_with_the_new_reading_marked(
    qtbot: QtBot, db: Database, clock: FixedClock, clerk_ctx: ClerkContext, open_pages: list[QueuePage]
) -> None:
    queue = build_queue(db, clock, count=3, flagged={1})
    page = open_queue(qtbot, clerk_ctx, open_pages)
    detail = page.detail
    chart = detail.chart
    qtbot.waitUntil(lambda: chart.pending_series.count() == 1, timeout=5000)
    # Consumption per 30 days: 13 accepted readings make 12 periods; the average as a line.
    assert detail.mode is ChartMode.CONSUMPTION
    assert chart.accepted_series.count() == 12
    assert chart.average_series.count() == 2
    assert chart.link_series.count() == 2
    with qtbot.waitSignal(detail.history_shown, timeout=5000):
        qtbot.keyClick(page.table, Qt.Key.Key_N)
    flagged = queue.pending[1]
    assert detail.anomaly_label.isVisibleTo(detail) and flagged.anomaly_reason in detail.anomaly_label.text()
    point = chart.pending_series.at(0)
    highest = max(chart.accepted_series.at(i).y() for i in range(chart.accepted_series.count()))
    assert point.y() > 3 * highest  # the spike shows at a glance
    choose(qtbot, detail.mode_combo, "Stany licznika")
    assert chart.accepted_series.count() == 13 and chart.pending_series.count() == 1
    assert chart.pending_series.at(0).y() == pytest.approx(float(flagged.value))
    assert detail.facts_label.text().split("<br>") == [
        "Nowy odczyt: <b>165,000 m³</b> z dnia 25.11.2026",  # 141,8 + 8 × 2,9
        "Poprzedni: 141,800 m³ z dnia 31.10.2026",  # 107 + 12 × 2,9
        "Zużycie: <b>23,200 m³</b> (liczba dni: 25)",
        "Średnio: 2,860 m³ na 30 dni",
        "Zgłoszono 25.11.2026 10:07 (kiosk)",
    ]
    with qtbot.waitSignal(detail.history_shown, timeout=5000):
        qtbot.keyClick(page.table, Qt.Key.Key_N)
    assert not detail.anomaly_label.isVisibleTo(detail)


def test_a_meter_without_accepted_readings_still_charts_the_new_one(
    qtbot: QtBot, db: Database, clock: FixedClock, clerk_ctx: ClerkContext, open_pages: list[QueuePage]
) -> None:
    """Its baseline is the meter's value at installation (no accepted reading yet)."""
    build_queue(db, clock, count=1, history_months=0)
    page = open_queue(qtbot, clerk_ctx, open_pages)
    qtbot.waitUntil(lambda: page.detail.history_loaded, timeout=5000)
    chart = page.detail.chart
    assert chart.accepted_series.count() == 0 and chart.pending_series.count() == 1
    assert chart.average_series.count() == 0  # no average without a year of readings
    choose(qtbot, page.detail.mode_combo, "Stany licznika")
    assert chart.accepted_series.count() == 0 and chart.pending_series.count() == 1
    assert chart.link_series.count() == 2  # from the installation value to the new reading


# --- live refresh -----------------------------------------------------------------------------------------


def test_a_reading_arriving_appears_and_the_selection_stays(
    qtbot: QtBot, db: Database, clock: FixedClock, clerk_ctx: ClerkContext, open_pages: list[QueuePage]
) -> None:
    """SQLite: the queue stamp polled by a timer; PostgreSQL: NOTIFY from another connection."""
    queue = build_queue(db, clock, count=4)
    with db.session() as s:
        spare = make_meter(s, s.get(type(queue.households[0].premises), queue.households[0].premises.id))
        accepted_reading(s, spare, date(2026, 10, 31), "5")
        s.commit()
        spare_id = spare.id
    page = open_queue(qtbot, clerk_ctx, open_pages, live=True, poll_interval_ms=50)
    assert page.live.polling == (db.dialect == "sqlite")
    if db.dialect == "postgresql":
        assert page.live.listener is not None
        assert page.live.listener.connected.wait(5)
    page.sort_by("submitted_at", descending=True)  # the newest on top: the new one pushes the rows down
    wait_idle(qtbot, clerk_ctx.runner)
    assert page.select_reading(queue.ids[1])
    qtbot.keyClick(page.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    selected_before = [page.model.row_at(r).reading_id for r in page.selected_rows()]
    assert selected_before == [queue.ids[1], queue.ids[0]]

    clock.advance(minutes=30)
    with db.session() as s:  # the resident, on another connection
        household = queue.households[0]
        arrived = readings.submit_reading(household.resident(s, clock), spare_id, "7,5", TODAY).reading
        s.commit()
    qtbot.waitUntil(lambda: arrived.id in shown_ids(page), timeout=10_000)
    wait_idle(qtbot, clerk_ctx.runner)
    assert shown_ids(page)[0] == arrived.id
    assert current_id(page) == queue.ids[0]
    assert [page.model.row_at(r).reading_id for r in page.selected_rows()] == selected_before
    qtbot.waitUntil(lambda: page.count_label.text().endswith(": 5"), timeout=5000)

    # Leaving the screen stops it; nothing is polled or listened to any more.
    page.deactivated()
    assert not page.live.running and not page.live.polling and page.live.listener is None


def test_approvals_elsewhere_leave_the_queue_without_a_restart(
    qtbot: QtBot,
    db: Database,
    clock: FixedClock,
    backend: Backend,
    clerk_ctx: ClerkContext,
    open_pages: list[QueuePage],
) -> None:
    queue = build_queue(db, clock, count=3)
    page = open_queue(qtbot, clerk_ctx, open_pages, live=True, poll_interval_ms=50)
    if db.dialect == "postgresql":
        assert page.live.listener is not None and page.live.listener.connected.wait(5)
    assert page.select_reading(queue.ids[2])
    with db.session() as s:
        colleague = staff_of(make_staff(s, "mzielinska"))
        s.commit()
    first = queue.pending[0]
    backend.call(colleague, readings.approve_readings, [(first.id, first.version)])
    qtbot.waitUntil(lambda: first.id not in shown_ids(page), timeout=10_000)
    assert current_id(page) == queue.ids[2]
    # The colleague takes the very reading this clerk is on: the one now in its place is chosen.
    assert page.select_reading(queue.ids[1])
    second = queue.pending[1]
    backend.call(colleague, readings.approve_readings, [(second.id, second.version)])
    qtbot.waitUntil(lambda: second.id not in shown_ids(page), timeout=10_000)
    wait_idle(qtbot, clerk_ctx.runner)
    assert current_id(page) == queue.ids[2]


def test_a_live_refresh_keeps_the_scroll_position(
    qtbot: QtBot,
    db: Database,
    clock: FixedClock,
    backend: Backend,
    clerk_ctx: ClerkContext,
    open_pages: list[QueuePage],
) -> None:
    queue = build_queue(db, clock, count=40, history_months=2)
    page = open_queue(qtbot, clerk_ctx, open_pages, live=True, poll_interval_ms=50, size=(1250, 560))
    if db.dialect == "postgresql":
        assert page.live.listener is not None and page.live.listener.connected.wait(5)
    bar = page.table.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(bar.maximum() // 2)
    scrolled_to = bar.value()
    top = page.table.indexAt(QPoint(1, 1)).row()
    top_id = page.model.row_at(top).reading_id
    assert top > 0
    with db.session() as s:
        colleague = staff_of(make_staff(s, "mzielinska"))
        s.commit()
    last = queue.pending[-1]  # below what the clerk looks at
    backend.call(colleague, readings.approve_readings, [(last.id, last.version)])
    qtbot.waitUntil(lambda: last.id not in shown_ids(page), timeout=10_000)
    wait_idle(qtbot, clerk_ctx.runner)
    assert bar.value() == scrolled_to
    assert page.model.row_at(page.table.indexAt(QPoint(1, 1)).row()).reading_id == top_id


# --- the whole screen -------------------------------------------------------------------------------------


def _inside_a_combo(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QComboBox):
            return True
        parent = parent.parentWidget()
    return False


def test_every_interactive_widget_has_a_snake_case_name(
    qtbot: QtBot, db: Database, clock: FixedClock, clerk_ctx: ClerkContext, open_pages: list[QueuePage]
) -> None:
    build_queue(db, clock, count=1)
    page = open_queue(qtbot, clerk_ctx, open_pages)
    qtbot.keyClick(page.table, Qt.Key.Key_R)
    dialog = page.reject_dialog
    assert dialog is not None
    interactive = (QAbstractButton, QComboBox, QLineEdit, QPlainTextEdit, QAbstractItemView)
    widgets = [*page.findChildren(QWidget), *dialog.findChildren(QWidget)]
    unnamed = [
        f"{type(w).__name__} {w.objectName()!r}"
        for w in widgets
        if isinstance(w, interactive)
        and not isinstance(w, QHeaderView)
        and not _inside_a_combo(w)  # a combo's own popup list
        and not re.fullmatch(r"[a-z][a-z0-9_]*", w.objectName())
    ]
    assert unnamed == [], unnamed
    for action in (page.approve_action, page.reject_action, page.next_action, page.approve_unflagged_action):
        assert re.fullmatch(r"[a-z_]+", action.objectName()) and not action.shortcut().isEmpty()
    assert "(A)" in page.approve_button.text() and "(R)" in page.reject_button.text()
    dialog.reject()


def test_the_screen_opens_from_the_main_window_and_looks_right(
    qtbot: QtBot, db: Database, clock: FixedClock, clerk_ctx: ClerkContext
) -> None:
    build_queue(db, clock, count=24, flagged={2, 9, 13, 20}, streets=4)
    window = MainWindow(clerk_ctx, [PageSpec("queue", "Kolejka odczytów", "queue", create)])
    qtbot.addWidget(window)
    window.resize(1366, 820)
    window.show()
    page = window.page("queue")
    assert isinstance(page, QueuePage)
    wait_idle(qtbot, clerk_ctx.runner)
    try:
        qtbot.keyClick(page.table, Qt.Key.Key_N)
        qtbot.keyClick(page.table, Qt.Key.Key_N)
        qtbot.waitUntil(lambda: page.detail.chart.pending_series.count() == 1, timeout=5000)
        wait_idle(qtbot, clerk_ctx.runner)
        assert page.current_row() is not None and page.current_row().anomaly_reason  # type: ignore[union-attr]
        screenshot(window, f"queue_main_window_{db.dialect}")
        choose(qtbot, page.detail.mode_combo, "Stany licznika")
        qtbot.keyClick(page.table, Qt.Key.Key_N)
        qtbot.waitUntil(lambda: not clerk_ctx.runner.busy and page.detail.chart.pending_series.count() == 1)
        screenshot(page.detail, f"queue_detail_values_{db.dialect}")
    finally:
        window.log_out()


@pytest.mark.slow
def test_a_hundred_thousand_pending_readings_open_at_once(
    qtbot: QtBot, db: Database, clock: FixedClock, clerk_ctx: ClerkContext, open_pages: list[QueuePage]
) -> None:
    """Only the first page is read; the count comes after it."""
    with db.session() as s:
        building = make_building(s)
        premises = make_premises(s, building)
        meters = [make_meter(s, premises) for _ in range(100)]
        s.commit()
        submitted = clock.now()
        rows = [
            {
                "meter_id": meters[i % 100].id,
                "value": Decimal(i // 100),
                "reading_date": date(2020, 1, 1).fromordinal(date(2020, 1, 1).toordinal() + i // 100),
                "source": ReadingSource.WEB,
                "status": ReadingStatus.PENDING,
                "submitted_at": submitted,
                "version": 1,
            }
            for i in range(100_000)
        ]
        s.execute(MeterReading.__table__.insert(), rows)
        s.commit()
        assert s.scalar(select(func.count()).select_from(Building)) == 1
        assert s.scalar(select(func.count()).select_from(Meter)) == 100
    page = open_queue(qtbot, clerk_ctx, open_pages)
    assert page.model.rowCount() == 200
    assert page.count_label.text().endswith("100\u00a0000")
    page.table.scrollToBottom()
    wait_idle(qtbot, clerk_ctx.runner)
    assert page.model.rowCount() == 400
