"""The reference of the cold-start figure: a bare PySide6 window, shown and closed when it is exposed.

    python benchmarks/bare_window.py

Run as a new process by ``benchmarks/startup.py`` (offscreen). It imports the Qt modules the
application's window needs (QtCore, QtGui, QtWidgets), makes a ``QApplication``, shows a ``QWidget``,
and when Qt first exposes the window (it can be drawn) prints ``EXPOSED <peak RSS in kB>`` and quits.
"""

from __future__ import annotations

import resource
import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QWindow
from PySide6.QtWidgets import QApplication, QWidget


def peak_rss_kb() -> int:
    """The process's peak resident set size so far (``VmHWM``; ``ru_maxrss`` where there is no /proc)."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


class QuitWhenExposed(QObject):
    """Application-wide event filter: the first expose of a window whose widget passes ``wanted``."""

    def __init__(self, app: QApplication, wanted: object = None) -> None:
        super().__init__(app)
        self.app = app
        self.wanted = wanted
        self.done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if not self.done and event.type() == QEvent.Type.Expose and isinstance(watched, QWindow):
            widget = next((w for w in QApplication.topLevelWidgets() if w.windowHandle() is watched), None)
            if widget is not None and widget.isVisible() and (self.wanted is None or self.wanted(widget)):  # type: ignore[operator]
                self.done = True
                print(f"EXPOSED {peak_rss_kb()} {widget.objectName()}", flush=True)
                self.app.exit(0)
        return False


def main() -> int:
    app = QApplication(sys.argv[:1])
    app.installEventFilter(QuitWhenExposed(app))
    window = QWidget()
    window.setWindowTitle("bare")
    window.resize(400, 300)
    window.show()
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
