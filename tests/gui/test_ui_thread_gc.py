"""Garbage cycles are collected on the UI thread, never on the database worker or the print thread."""

from __future__ import annotations

import gc
import threading
import weakref

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from iok_desktop.gui.ui_thread_gc import INTERVAL_MS, UiThreadGarbageCollector


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_a_cycle_made_and_dropped_on_a_worker_is_collected_on_the_ui_thread(
    qtbot: QtBot, iok_app: QApplication
) -> None:
    assert isinstance(iok_app.findChild(UiThreadGarbageCollector), UiThreadGarbageCollector)
    assert not gc.isenabled()
    collected_on: list[int] = []
    refs: list[weakref.ref[_Cycle]] = []

    def on_a_worker() -> None:
        cycle = _Cycle()
        refs.append(weakref.ref(cycle, lambda _ref: collected_on.append(threading.get_ident())))
        del cycle
        # Far more allocations than the youngest generation's threshold: automatic collection would run here.
        junk = [_Cycle() for _ in range(gc.get_threshold()[0] * 5)]
        del junk

    worker = threading.Thread(target=on_a_worker)
    worker.start()
    worker.join()
    assert collected_on == []  # not on the worker
    qtbot.waitUntil(lambda: bool(collected_on), timeout=INTERVAL_MS * 5)
    assert collected_on == [threading.get_ident()]


def test_stop_gives_automatic_collection_back(iok_app: QApplication) -> None:
    collector = iok_app.findChild(UiThreadGarbageCollector)
    assert isinstance(collector, UiThreadGarbageCollector)
    collector.stop()
    try:
        assert gc.isenabled()
    finally:
        collector.start()
    assert not gc.isenabled()
