"""The lazily fetching table model every big table uses (no database: a list stands in for a query)."""

from __future__ import annotations

import threading
from dataclasses import dataclass

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QTableView
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from iok_desktop.gui.operations import OperationRunner
from iok_desktop.gui.paged_model import Column, PagedTableModel
from tests.gui.support import wait_idle


@dataclass(frozen=True)
class Row:
    id: int
    name: str


COLUMNS = [
    Column[Row]("id", "Nr", lambda r: str(r.id), align_right=True),
    Column[Row]("name", "Nazwa", lambda r: r.name),
]


def _source(rows: list[Row]):  # type: ignore[no-untyped-def]
    calls: list[tuple[int, int]] = []

    def fetch(offset: int, limit: int) -> list[Row]:
        calls.append((offset, limit))
        return rows[offset : offset + limit]

    return fetch, calls


def _model(runner: OperationRunner, page: int = 10) -> PagedTableModel[Row]:
    return PagedTableModel(runner, COLUMNS, key=lambda r: r.id, page_size=page)


def test_pages_are_fetched_as_needed_and_the_model_is_sound(
    qtbot: QtBot, runner: OperationRunner, qtmodeltester: ModelTester
) -> None:
    rows = [Row(n, f"lokal {n}") for n in range(25)]
    fetch, calls = _source(rows)
    model = _model(runner)
    model.load(fetch)
    wait_idle(qtbot, runner)
    assert model.rowCount() == 10 and calls == [(0, 10)]
    qtmodeltester.check(model)
    model.fetchMore()
    wait_idle(qtbot, runner)
    model.fetchMore()
    wait_idle(qtbot, runner)
    assert model.rowCount() == 25 and not model.canFetchMore()
    assert [model.row_at(n).id for n in (0, 24)] == [0, 24]
    assert model.data(model.index(3, 0), Qt.ItemDataRole.TextAlignmentRole) is not None
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Nazwa"
    qtmodeltester.check(model)


def test_a_view_scrolled_to_the_end_asks_for_the_next_page(qtbot: QtBot, runner: OperationRunner) -> None:
    fetch, _calls = _source([Row(n, str(n)) for n in range(300)])
    model = _model(runner, page=50)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(400, 300)
    view.show()
    model.load(fetch)
    wait_idle(qtbot, runner)
    view.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() >= 100, timeout=5000)


def test_a_late_page_of_an_older_query_is_dropped(qtbot: QtBot, runner: OperationRunner) -> None:
    release = threading.Event()

    def slow(offset: int, limit: int) -> list[Row]:
        release.wait(5)
        return [Row(1, "stare zapytanie")]

    model = _model(runner)
    model.load(slow)
    fresh, _ = _source([Row(2, "nowe zapytanie")])
    model.load(fresh)  # the filter changed while the first page was still loading
    release.set()
    wait_idle(qtbot, runner)
    assert [r.name for r in model.rows()] == ["nowe zapytanie"]


def test_refresh_keeps_the_selected_row_when_rows_arrive_before_it(qtbot: QtBot, runner: OperationRunner) -> None:
    rows = [Row(n, f"odczyt {n}") for n in (10, 20, 30)]
    fetch, _ = _source(rows)
    model = _model(runner)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    model.load(fetch)
    wait_idle(qtbot, runner)
    view.selectionModel().setCurrentIndex(
        model.index(1, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    )
    rows.insert(0, Row(5, "nowy odczyt"))
    model.refresh()
    wait_idle(qtbot, runner)
    assert model.rowCount() == 4
    current = view.selectionModel().currentIndex()
    assert model.row_at(current.row()).id == 20
    assert [model.row_at(i.row()).id for i in view.selectionModel().selectedRows()] == [20]
