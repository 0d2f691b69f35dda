"""Search as you type in the registry widget: typed, debounced, chosen with the keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from iok_desktop.db.database import Database
from iok_desktop.gui.clerk.context import ClerkContext
from iok_desktop.gui.clerk.premises_search import PremisesSearch
from iok_desktop.services.registry import PremisesHit
from tests.gui.support import screenshot, wait_idle
from tests.support.builders import grant_title, make_building, make_person, make_premises


def test_typing_a_surname_lists_premises_and_enter_chooses(qtbot: QtBot, db: Database, clerk_ctx: ClerkContext) -> None:
    with db.session() as s:
        building = make_building(s, street="Łąkowa", number="3A")
        for number, (first, last) in enumerate([("Anna", "Kowalska"), ("Jan", "Kowalski"), ("Ewa", "Nowak")], 1):
            grant_title(s, make_person(s, first, last), make_premises(s, building, number=str(number)))
        s.commit()
    widget = PremisesSearch(clerk_ctx)
    qtbot.addWidget(widget)
    widget.resize(520, 300)
    widget.show()
    with qtbot.waitSignal(widget.results_shown, timeout=5000):
        qtbot.keyClicks(widget.search_edit, "kowal")
    wait_idle(qtbot, clerk_ctx.runner)
    assert [h.holders for h in widget.hits()] == [["Anna Kowalska"], ["Jan Kowalski"]]
    screenshot(widget, "premises_search")
    qtbot.keyClick(widget.search_edit, Qt.Key.Key_Down)
    with qtbot.waitSignal(widget.premises_chosen) as chosen:
        qtbot.keyClick(widget.search_edit, Qt.Key.Key_Return)
    hit: PremisesHit = chosen.args[0]
    assert hit.address == "ul. Łąkowa 3A/2, 70-001 Szczecin"


def test_a_search_with_no_result_says_so(qtbot: QtBot, clerk_ctx: ClerkContext) -> None:
    widget = PremisesSearch(clerk_ctx)
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.results_shown, timeout=5000):
        qtbot.keyClicks(widget.search_edit, "nikogo takiego")
    assert widget.hits() == [] and widget.status_label.text() != ""
