"""Every database call from the GUI runs here, on one worker thread, never on the UI thread.

``runner.run(work, on_success, on_failure)``: ``work`` runs on the worker; the callbacks run on the
UI thread when it is done (delivered by a queued signal). One worker keeps calls in order, like
Anki's task manager. ``busy_changed`` drives the busy indicator.

The runner also watches the connection: any work that ends in ``DatabaseUnavailableError`` emits
``connection_lost`` (even when its own ``on_failure`` handled the message, e.g. under a form), and the
first work that succeeds afterwards emits ``connection_restored``. The runner never repeats work by
itself: a save is repeated only when the user saves again (see ``CommitOutcomeUnknownError``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, Signal

from iok_desktop.domain.errors import DatabaseUnavailableError, DomainError

if TYPE_CHECKING:
    from concurrent.futures import Future, ThreadPoolExecutor

log = logging.getLogger("iok.gui.operations")
T = TypeVar("T")


class OperationRunner(QObject):
    busy_changed = Signal(bool)
    connection_lost = Signal(str)  # the Polish message of the DatabaseUnavailableError
    connection_restored = Signal()
    _finished = Signal(object)

    def __init__(self, on_unhandled: Callable[[BaseException], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Made with the first work: the sign-in window is shown before any (gui/on_screen.py).
        self._executor: ThreadPoolExecutor | None = None
        self._on_unhandled = on_unhandled
        self._pending = 0
        self._closed = False
        self._offline = False
        self._finished.connect(self._deliver)

    @property
    def busy(self) -> bool:
        return self._pending > 0

    @property
    def offline(self) -> bool:
        """The last work that reached the database found it unavailable."""
        return self._offline

    def run(
        self,
        work: Callable[[], T],
        on_success: Callable[[T], None] | None = None,
        on_failure: Callable[[BaseException], bool | None] | None = None,
    ) -> None:
        """``on_failure`` returns True when it handled the error; otherwise the default handler shows it."""
        if self._closed:  # the window is going away: a late timer's work has nobody to report to
            log.debug("work dropped after shutdown")
            return
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)
        if self._executor is None:
            from concurrent.futures import ThreadPoolExecutor  # noqa: PLC0415 - see __init__

            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="iok-db")
        future = self._executor.submit(work)
        future.add_done_callback(lambda done: self._finished.emit((done, on_success, on_failure)))

    def _deliver(self, payload: tuple[Future[Any], Callable[[Any], None] | None, Any]) -> None:
        future, on_success, on_failure = payload
        self._pending -= 1
        if self._pending == 0:
            self.busy_changed.emit(False)
        if future.cancelled():  # dropped by shutdown(): nobody is waiting for it any more
            return
        error = future.exception()
        if error is None:
            if self._offline:
                self._offline = False
                self.connection_restored.emit()
            if on_success is not None:
                on_success(future.result())
            return
        if isinstance(error, DatabaseUnavailableError):
            self._offline = True
        elif self._offline and isinstance(error, DomainError):
            # A refusal or a conflict came from the server (a refusal, a conflict): the connection is back.
            self._offline = False
            self.connection_restored.emit()
        handled = bool(on_failure(error)) if on_failure is not None else False
        if not handled:
            self._on_unhandled(error)
        if isinstance(error, DatabaseUnavailableError) and not self._closed:
            self.connection_lost.emit(error.message)

    def shutdown(self) -> None:
        self._closed = True
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
