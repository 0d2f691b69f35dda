"""Run something once a window is on the screen, not before.

The start opens the database on the worker thread; begun while the sign-in window is still being
shown, its imports (SQLAlchemy, the services) compete with the window for the GIL and the CPU and delay
it. So the work starts right after Qt first exposes the window — or after ``fallback_ms`` if it never
is (a platform that does not expose hidden or minimised windows), so it always starts.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

FALLBACK_MS = 500


class _OnScreen(QObject):
    def __init__(self, widget: QWidget, work: Callable[[], None], fallback_ms: int) -> None:
        super().__init__(widget)
        self._work: Callable[[], None] | None = work
        handle = widget.windowHandle()
        if handle is not None:
            handle.installEventFilter(self)
        QTimer.singleShot(fallback_ms, self._start)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Expose:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._start)  # after this expose has been painted
        return False

    def _start(self) -> None:
        work, self._work = self._work, None
        if work is not None:
            work()


def when_on_screen(widget: QWidget | None, work: Callable[[], None], fallback_ms: int = FALLBACK_MS) -> None:
    """``work()`` once ``widget`` (shown already) is exposed; at once (next event loop turn) without one."""
    if widget is None or not widget.isVisible():
        QTimer.singleShot(0, work)
    else:
        _OnScreen(widget, work, fallback_ms)
