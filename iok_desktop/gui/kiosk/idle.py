"""Sign the resident out after a while without touch: a visible countdown first, which a touch cancels."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

COUNTDOWN_SECONDS = 15
_INPUT_EVENTS = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.TouchBegin,
    QEvent.Type.Wheel,
}


class IdleWatch(QObject):
    """Counts idle seconds; ``countdown(left)`` in the last ``countdown_seconds``, then ``expired``."""

    countdown = Signal(int)  # seconds left; 0 hides the warning again
    expired = Signal()

    def __init__(self, idle_seconds: float, countdown_seconds: int = COUNTDOWN_SECONDS, parent: QObject | None = None):
        super().__init__(parent)
        self.idle_ms = int(idle_seconds * 1000)
        self.countdown_ms = min(countdown_seconds * 1000, self.idle_ms)
        self._left_ms = self.idle_ms
        self._tick = QTimer(self)
        self._tick.setInterval(250)
        self._tick.timeout.connect(self._on_tick)
        self._warning = False
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self._tick.start()

    @property
    def seconds_left(self) -> int:
        return max(0, -(-self._left_ms // 1000))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in _INPUT_EVENTS:
            self.reset()
        return False

    def reset(self) -> None:
        self._left_ms = self.idle_ms
        if self._warning:
            self._warning = False
            self.countdown.emit(0)

    def _on_tick(self) -> None:
        self._left_ms -= self._tick.interval()
        if self._left_ms <= 0:
            self.stop()
            self.expired.emit()
        elif self._left_ms <= self.countdown_ms:
            self._warning = True
            self.countdown.emit(self.seconds_left)

    def stop(self) -> None:
        self._tick.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
