"""Tell the queue when readings changed elsewhere (a resident submitted, another clerk approved).

- PostgreSQL: a listener thread (``services/notifications.py``) on its own connection; each notice
  is re-emitted as a Qt signal, which Qt queues to the UI thread.
- SQLite: every ``poll_interval_ms`` the cheap ``queue_stamp`` query runs on the worker; only a
  different stamp counts as a change.

Either way ``changed`` is emitted once per burst (debounced), so fifty approvals by a colleague
cause one refresh. ``start``/``stop`` follow the screen being shown.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QTimer, Signal

from iok_desktop.domain.errors import DatabaseUnavailableError
from iok_desktop.gui.clerk.context import ClerkContext
from iok_desktop.services import notifications
from iok_desktop.services.notifications import Notice, NotificationListener
from iok_desktop.services.readings.notify import QueueStamp, queue_stamp

POLL_INTERVAL_MS = 10_000
DEBOUNCE_MS = 300


class LiveRefresh(QObject):
    changed = Signal()
    _noticed = Signal(object)  # Notice, from the listener thread

    def __init__(
        self,
        ctx: ClerkContext,
        *,
        poll_interval_ms: int = POLL_INTERVAL_MS,
        debounce_ms: int = DEBOUNCE_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.listener: NotificationListener | None = None
        self._listening = threading.Event()
        self._running = False
        self._checking = False
        self._generation = 0
        self._stamp: QueueStamp | None = None
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(debounce_ms)
        self._debounce.timeout.connect(self.changed)
        self._poll = QTimer(self)
        self._poll.setInterval(poll_interval_ms)
        self._poll.timeout.connect(self.check_now)
        self._noticed.connect(self._notice)

    @property
    def running(self) -> bool:
        return self._running

    @property
    def polling(self) -> bool:
        return self._poll.isActive()

    def start(self) -> None:
        if self._running:
            return
        self._running = True
        self._generation += 1
        if self.ctx.backend.dialect == "postgresql":
            listening = self._listening = threading.Event()
            listening.set()

            def forward(notice: Notice) -> None:
                if listening.is_set():  # nothing reaches the screen after stop()
                    self._noticed.emit(notice)

            self.listener = notifications.readings_listener(self.ctx.backend, forward)
            if self.listener is not None:
                self.listener.start()
                return
        self._stamp = None
        self.check_now()
        self._poll.start()

    def stop(self) -> None:
        self._running = False
        self._generation += 1
        self._checking = False
        self._poll.stop()
        self._debounce.stop()
        self._listening.clear()
        if self.listener is not None:
            # The thread ends by itself within a fraction of a second; leaving the screen does not wait.
            self.listener.stop(timeout=0)
            self.listener = None

    def _notice(self, _notice: Notice) -> None:
        if self._running:
            self._debounce.start()

    def check_now(self) -> None:
        """Compare the queue stamp with the last one (SQLite); a difference is a change."""
        if self._checking or not self._running:
            return
        self._checking = True
        generation = self._generation
        self.ctx.run(
            self.ctx.call(queue_stamp),
            lambda stamp: self._stamped(generation, stamp),
            lambda error: self._check_failed(generation, error),
        )

    def _stamped(self, generation: int, stamp: QueueStamp) -> None:
        if generation != self._generation:
            return
        self._checking = False
        if self._stamp is not None and stamp != self._stamp:
            self._debounce.start()
        self._stamp = stamp

    def _check_failed(self, generation: int, error: BaseException) -> bool:
        if generation != self._generation:
            return True
        self._checking = False
        if isinstance(error, DatabaseUnavailableError):
            # A background check says so in the banner only; a dialog every few seconds would not help.
            self.ctx.errors.database_unavailable.emit(error.message)
            return True
        self._poll.stop()
        return False
