"""Python's cycle collector runs on the UI thread only.

Left automatic, the collector runs on whichever thread allocates when a threshold is crossed: also the
database worker or the print thread. Collecting a cycle that holds a Qt object there destroys that
object on the wrong thread. Seen in the GUI tests: a deadlock (the worker inside ``~QObject`` waiting for
the GIL, the UI thread holding the GIL and waiting for Qt's connection lock) and crashes (the UI thread
delivering an event to an object just destroyed). So, as qutebrowser does for the same reason, automatic
collection is switched off and a timer on the UI thread collects, by the collector's own thresholds.
Reference counting still frees everything that is not in a cycle at once, on any thread.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 1000


class UiThreadGarbageCollector(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.setObjectName("ui_thread_garbage_collector")
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.collect_if_due)
        self.start()

    def start(self) -> None:
        gc.disable()
        self._timer.start()

    def collect_if_due(self) -> None:
        """Collect the oldest generation whose count is over its threshold, as the automatic one would."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        for generation in (2, 1, 0):
            if counts[generation] > thresholds[generation]:
                gc.collect(generation)
                return

    def stop(self) -> None:
        """Automatic collection again (the test suite, after its GUI tests)."""
        self._timer.stop()
        gc.enable()


def collect_on_ui_thread(app: QObject) -> UiThreadGarbageCollector:
    """Install the collector on ``app`` (once: a second call returns the first one, running again)."""
    existing = app.findChild(UiThreadGarbageCollector, "ui_thread_garbage_collector")
    if isinstance(existing, UiThreadGarbageCollector):
        existing.start()
        return existing
    return UiThreadGarbageCollector(app)
