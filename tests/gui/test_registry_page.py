"""The "Lokale i mieszkańcy" screen, driven as a clerk would: search, the card, contact data, residents'
changes. On SQLite and PostgreSQL."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QTableWidget, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from iok_desktop.db.database import Database
from iok_desktop.gui.clerk.context import ClerkContext
from iok_desktop.gui.clerk.pages import registry as registry_page
from iok_desktop.gui.clerk.registry.page import RegistryPage
from iok_desktop.services import contacts
from iok_desktop.services.context import FixedClock
from tests.gui.registry_scene import Scene, build_scene
from tests.gui.support import screenshot, wait_idle
from tests.support.builders import grant_title, make_building, make_person, make_premises


def _shot(widget: QWidget, name: str) -> None:
    """Let the layouts settle (scroll areas adjust on posted events), then save what the clerk sees."""
    for _ in range(3):
        QApplication.processEvents()
    screenshot(widget, name)


def _table_texts(table: QTableWidget) -> list[list[str]]:
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]  # type: ignore[union-attr]
        for r in range(table.rowCount())
    ]


def _open(qtbot: QtBot, ctx: ClerkContext) -> RegistryPage:
    page = registry_page.create(ctx)
    assert isinstance(page, RegistryPage)
    qtbot.addWidget(page)
    page.resize(1280, 900)
    page.show()
    page.activated()
    wait_idle(qtbot, ctx.runner)
    return page


def _choose(qtbot: QtBot, page: RegistryPage, text: str) -> None:
    with qtbot.waitSignal(page.search.results_shown, timeout=5000):
        qtbot.keyClicks(page.search.search_edit, text)
    wait_idle(qtbot, page.ctx.runner)
    qtbot.keyClick(page.search.search_edit, Qt.Key.Key_Return)
    wait_idle(qtbot, page.ctx.runner)


def _label(page: RegistryPage, name: str) -> str:
    label = page.findChild(QLabel, name)
    assert label is not None, name
    return label.text()


def test_search_shows_the_card_with_titles_holders_meters_and_balance(
    qtbot: QtBot, iok_app: QApplication, db: Database, clock: FixedClock, clerk_ctx: ClerkContext
) -> None:
    scene = build_scene(db, clock)
    page = _open(qtbot, clerk_ctx)
    _choose(qtbot, page, "wrobl")
    card = page.card_view
    assert card is not None and card.isVisible()
    assert card.address_label.text() == "ul. Zgoda 8/12, 70-001 Szczecin"
    assert card.area_label.text() == "48,30\u00a0m²"
    assert card.kind_label.text() == "mieszkanie"
    assert re.fullmatch(r"\d{2}( \d{4}){6}", card.bank_account_label.text())
    assert card.balance_label.text() == "do zapłaty 1\u00a0234,56\u00a0zł"
    titles = _table_texts(card.titles_table)
    assert [row[0] for row in titles] == ["Małgorzata Wróblewska", "Piotr Wróblewski", "Jan Kowalczyk"]
    assert titles[2][1:4] == ["spółdzielcze lokatorskie prawo do lokalu", "01.05.2001", "28.02.2015"]
    assert titles[0][2:4] == ["01.03.2015", "—"]
    assert titles[0][4] != titles[2][4]  # current vs past
    meters = _table_texts(card.meters_table)
    assert {row[0] for row in meters} == {"woda zimna", "woda ciepła"}
    assert "123,456\u00a0m³" in [row[2] for row in meters] and "45,100\u00a0m³" in [row[2] for row in meters]
    assert {row[3] for row in meters} == {"31.10.2026"}
    # Contact data and IOK account of each current holder (the past holder has no box).
    assert set(card.holder_boxes) == {scene.holder_id, scene.co_holder_id}
    assert _label(page, f"holder_{scene.holder_id}_mobile_label") == "+48 601 234 567"
    assert _label(page, f"holder_{scene.holder_id}_email_label") == "m.wroblewska@poczta.pl"
    assert _label(page, f"holder_{scene.holder_id}_account_label") == "wroblews4821 — aktywne"
    assert _label(page, f"holder_{scene.co_holder_id}_account_label") != "wroblews4821 — aktywne"
    history = page.findChild(QTableWidget, f"holder_{scene.holder_id}_history_table")
    assert history is not None
    assert [row[1:4] for row in _table_texts(history)] == [["adres e-mail", "—", "m.wroblewska@poczta.pl"]]
    assert "wroblews4821" in _table_texts(history)[0][4]
    _shot(page, "registry_card")


def test_typing_the_start_of_an_iok_login_finds_the_premises(
    qtbot: QtBot, iok_app: QApplication, db: Database, clock: FixedClock, clerk_ctx: ClerkContext
) -> None:
    scene = build_scene(db, clock)
    with db.session() as s:  # a neighbour whose surname starts like the login, with no IOK account
        building = make_building(s, street="Bałtycka", number="12")
        grant_title(s, make_person(s, "Adam", "Wroblewski"), make_premises(s, building, number="14"))
        s.commit()
    page = _open(qtbot, clerk_ctx)
    search = page.search
    with qtbot.waitSignal(search.results_shown, timeout=5000):
        qtbot.keyClicks(search.search_edit, "wroblews")
    wait_idle(qtbot, clerk_ctx.runner)
    assert len(search.hits()) == 2  # by surname: both flats
    # More of the login than any surname has: only the flat of the account's holder is left.
    with qtbot.waitSignal(search.results_shown, timeout=5000):
        qtbot.keyClicks(search.search_edit, "48")
    wait_idle(qtbot, clerk_ctx.runner)
    assert search.search_edit.text() == "wroblews48"
    assert [h.premises_id for h in search.hits()] == [scene.premises_id]
    assert search.results_list.item(0).text() == (
        "ul. Zgoda 8/12, 70-001 Szczecin  ·  " + search.hits()[0].code + "\nMałgorzata Wróblewska, Piotr Wróblewski"
    )
    assert search.hits()[0].logins == [scene.login]
    _shot(page, "registry_search_by_login")
    qtbot.keyClick(search.search_edit, Qt.Key.Key_Return)
    wait_idle(qtbot, clerk_ctx.runner)
    card = page.card_view
    assert card is not None and card.isVisible()
    assert card.address_label.text() == "ul. Zgoda 8/12, 70-001 Szczecin"
    assert _label(page, f"holder_{scene.holder_id}_account_label") == "wroblews4821 — aktywne"


def _edit_dialog(qtbot: QtBot, page: RegistryPage, scene: Scene):  # type: ignore[no-untyped-def]
    button = page.findChild(QPushButton, f"edit_contact_{scene.holder_id}_button")
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = page.contact_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_bad_contact_data_is_reported_next_to_each_field_and_nothing_typed_is_lost(
    qtbot: QtBot, iok_app: QApplication, db: Database, clock: FixedClock, clerk_ctx: ClerkContext
) -> None:
    scene = build_scene(db, clock)
    page = _open(qtbot, clerk_ctx)
    _choose(qtbot, page, "Zgoda 8/12")
    dialog = _edit_dialog(qtbot, page, scene)
    ui = dialog.ui
    assert ui.mobile_edit.text() == "+48 601 234 567"
    for edit, text in ((ui.landline_edit, "91 433 22 11"), (ui.mobile_edit, "601 234"), (ui.email_edit, "m.wrob@")):
        edit.clear()
        qtbot.keyClicks(edit, text)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, clerk_ctx.runner)
    assert dialog.isVisible()
    assert ui.mobile_error_label.isVisible()
    assert ui.mobile_error_label.text().startswith("Telefon komórkowy: ")
    assert "9 cyfr" in ui.mobile_error_label.text()
    assert ui.email_error_label.text().startswith("Adres e-mail: ")
    assert not ui.landline_error_label.isVisible()
    assert ui.mobile_edit.property("invalid") == "true" and ui.landline_edit.property("invalid") == "false"
    assert (ui.landline_edit.text(), ui.mobile_edit.text(), ui.email_edit.text()) == (
        "91 433 22 11",
        "601 234",
        "m.wrob@",
    )
    assert ui.mobile_edit.hasFocus() or QApplication.focusWidget() is ui.mobile_edit
    _shot(dialog, "registry_contact_form_error")

    ui.mobile_edit.setText("602 345 678")
    ui.email_edit.setText("m.wroblewska@poczta.pl")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, clerk_ctx.runner)
    assert not dialog.isVisible()
    assert _label(page, f"holder_{scene.holder_id}_mobile_label") == "+48 602 345 678"
    assert _label(page, f"holder_{scene.holder_id}_landline_label") == "+48 91 433 22 11"
    history = page.findChild(QTableWidget, f"holder_{scene.holder_id}_history_table")
    assert history is not None
    rows = _table_texts(history)
    assert {(r[1], r[2], r[3]) for r in rows[:2]} == {
        ("telefon stacjonarny", "—", "+48 91 433 22 11"),
        ("telefon komórkowy", "+48 601 234 567", "+48 602 345 678"),
    }
    assert all("akowalska" in r[4] for r in rows[:2])
    _shot(page, "registry_card_after_change")


def test_residents_changes_are_listed_and_marked_seen(
    qtbot: QtBot,
    iok_app: QApplication,
    db: Database,
    clock: FixedClock,
    clerk_ctx: ClerkContext,
    qtmodeltester: ModelTester,
) -> None:
    build_scene(db, clock)
    page = _open(qtbot, clerk_ctx)
    page.tabs.setCurrentIndex(1)
    view = page.changes
    model = view.model
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    qtmodeltester.check(model)
    texts = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    assert texts[1:] == [
        "Małgorzata Wróblewska",
        "Zgoda 8/12, Szczecin",
        "adres e-mail",
        "—",
        "m.wroblewska@poczta.pl",
        "wroblews4821",
    ]
    assert texts[0] == "25.11.2026 10:00"
    assert not view.mark_seen_button.isEnabled()
    view.table.selectRow(0)
    assert view.mark_seen_button.isEnabled()
    _shot(page, "registry_resident_changes")
    qtbot.mouseClick(view.mark_seen_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, clerk_ctx.runner)
    qtbot.waitUntil(lambda: model.rowCount() == 0)
    assert view.status_label.text() != ""
    assert clerk_ctx.call(contacts.unseen_resident_changes)() == []
