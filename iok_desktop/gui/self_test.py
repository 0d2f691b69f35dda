"""``iok-desktop --self-test``: start as a user would, and end as soon as the first window is on the screen.

It checks an installation (the packaged build's CI run uses it) and times the start (the benchmark
suite). When Qt first exposes the sign-in window, the first-run wizard or the kiosk it prints
``self-test: <window> shown, peak memory <kB> kB`` (the clerk's sign-in window shows before the
database is open); when the database is open too, ``self-test: database open: <description>`` and
``self-test: ok``, and the application ends with exit code 0. A start that fails prints
``self-test: failed: <reason>`` on standard error (exit code 2), one that is not done within a minute
``self-test: timed out`` (exit code 1). No message box is ever shown: there may be nobody to close it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QWindow
from PySide6.QtWidgets import QApplication

# The windows a user sees first (object names).
FIRST_WINDOWS = frozenset({"LoginDialog", "first_run_wizard", "kiosk_window"})
TIMEOUT_MS = 60_000


def peak_rss_kb() -> int:
    """The process's peak resident set size so far (``VmHWM``; ``ru_maxrss`` where there is no /proc;
    0 on Windows, which has neither)."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    try:
        import resource  # noqa: PLC0415 - not on Windows
    except ImportError:
        return 0
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


class SelfTest(QObject):
    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        self._done = False
        self._shown = False
        self._database_open = False
        app.installEventFilter(self)
        QTimer.singleShot(TIMEOUT_MS, self._timed_out)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if not self._shown and event.type() == QEvent.Type.Expose and isinstance(watched, QWindow):
            for widget in QApplication.topLevelWidgets():
                if widget.windowHandle() is watched and widget.isVisible() and widget.objectName() in FIRST_WINDOWS:
                    self._shown = True
                    print(f"self-test: {widget.objectName()} shown, peak memory {peak_rss_kb()} kB", flush=True)
                    self._finish_when_done()
        return False

    def database_opened(self, description: str) -> None:
        print(f"self-test: database open: {description}", flush=True)
        self._database_open = True
        self._finish_when_done()

    def failed(self, message: str) -> None:
        self._done = True
        print(f"self-test: failed: {message}", file=sys.stderr, flush=True)

    def _finish_when_done(self) -> None:
        if self._shown and self._database_open and not self._done:
            self._done = True
            print("self-test: ok", flush=True)
            self._app.exit(0)

    def _timed_out(self) -> None:
        if not self._done:
            self._done = True
            print("self-test: timed out", file=sys.stderr, flush=True)
            self._app.exit(1)
