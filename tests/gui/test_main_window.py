"""The clerk's main window itself: it comes back where the clerk left it, and shows when it is working.

On SQLite and PostgreSQL (the ``db`` under the signed-in clerk).
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QPoint, QSettings, QSize
from PySide6.QtWidgets import QProgressBar
from pytestqt.qtbot import QtBot

from iok_desktop.gui.clerk.context import ClerkContext
from iok_desktop.gui.clerk.main_window import MainWindow
from iok_desktop.gui.clerk.page import Page
from iok_desktop.gui.clerk.pages import PageSpec
from tests.gui.support import screenshot, wait_idle


class _EmptyPage(Page):
    def __init__(self, ctx: ClerkContext) -> None:
        super().__init__(ctx, "")


def _window(qtbot: QtBot, ctx: ClerkContext) -> MainWindow:
    window = MainWindow(ctx, [PageSpec("queue", "Kolejka odczytów", "queue", _EmptyPage)])
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_a_new_window_opens_with_the_size_and_place_the_last_one_was_closed_with(
    qtbot: QtBot, clerk_ctx: ClerkContext, settings: QSettings
) -> None:
    # The offscreen screen is 800 × 800: a size and place inside it, unlike the first start's 1280 × 800.
    first = _window(qtbot, clerk_ctx)
    assert first.size() == QSize(1280, 800)
    first.resize(720, 530)
    first.move(35, 45)
    qtbot.waitUntil(lambda: first.pos() == QPoint(35, 45) and first.size() == QSize(720, 530))
    first.close()
    assert settings.value("clerk/geometry") is not None

    second = _window(qtbot, clerk_ctx)
    assert second.size() == QSize(720, 530)
    assert second.pos() == QPoint(35, 45)
    second.close()


def test_the_busy_bar_shows_while_the_database_works_and_hides_after(qtbot: QtBot, clerk_ctx: ClerkContext) -> None:
    window = _window(qtbot, clerk_ctx)
    bar = window.findChild(QProgressBar, "busy_bar")
    assert bar is not None and not bar.isVisible()
    release = threading.Event()
    started = threading.Event()
    results: list[str] = []

    def slow_work() -> str:
        started.set()
        assert release.wait(10), "the test never let the work finish"
        return "gotowe"

    clerk_ctx.runner.run(slow_work, results.append)
    try:
        assert started.wait(5)
        assert bar.isVisible() and clerk_ctx.runner.busy
        screenshot(window, "main_window_busy")
    finally:
        release.set()
    wait_idle(qtbot, clerk_ctx.runner)
    assert results == ["gotowe"]
    assert not bar.isVisible()

    # A failure the caller handled hides it too.
    def failing_work() -> None:
        raise RuntimeError("awaria")

    failures: list[BaseException] = []

    def handled(error: BaseException) -> bool:
        failures.append(error)
        return True

    clerk_ctx.runner.run(failing_work, None, handled)
    assert bar.isVisible()
    wait_idle(qtbot, clerk_ctx.runner)
    assert [str(f) for f in failures] == ["awaria"] and not bar.isVisible()
    window.idle_lock.stop()
