"""Listen for PostgreSQL notifications (LISTEN/NOTIFY) on a connection of its own, in a background thread.

No Qt here: the listener calls a plain callback from its thread; a user interface turns that into
an event of its own (the clerk application queues it to the UI thread). A lost connection (server
restart, network) is retried with a growing pause; each time the listener is connected again it
reports a ``resync`` notice, because notifications sent while it was away are lost for good and
whatever it shows should be read again. ``stop()`` ends the thread within a fraction of a second.

SQLite has no notifications: ``readings_listener`` returns ``None`` there and the caller polls.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import psycopg
from psycopg import sql

from iok_desktop.services.backend import Backend
from iok_desktop.services.readings.notify import CHANNEL as READINGS_CHANNEL

log = logging.getLogger("iok.notifications")


@dataclass(frozen=True)
class Notice:
    channel: str
    payload: str
    # True when the listener has just connected (again): anything may have changed meanwhile.
    resync: bool = False


class NotificationListener:
    def __init__(
        self,
        conninfo: str,
        channels: Sequence[str],
        callback: Callable[[Notice], None],
        *,
        retry_delay: float = 0.5,
        max_retry_delay: float = 15.0,
        poll_interval: float = 0.25,
        health_interval: float = 30.0,
        connect_timeout: int = 5,
    ) -> None:
        self._conninfo = conninfo
        self._channels = list(channels)
        self._callback = callback
        self._retry_delay = retry_delay
        self._max_retry_delay = max_retry_delay
        self._poll_interval = poll_interval
        self._health_interval = health_interval
        self._connect_timeout = connect_timeout
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self.connected = threading.Event()
        # How many times a connection was made (the first one included); tests watch it grow.
        self.connections = 0

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> NotificationListener:
        if not self.running:
            self._stopping.clear()
            self._thread = threading.Thread(target=self._run, name="iok-listen", daemon=True)
            self._thread.start()
        return self

    def stop(self, timeout: float = 10.0) -> None:
        self._stopping.set()
        thread, self._thread = self._thread, None
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)

    def _run(self) -> None:
        delay = self._retry_delay
        while not self._stopping.is_set():
            try:
                self._listen()
                delay = self._retry_delay
            except psycopg.Error as error:
                log.warning("notification listener lost its connection (%s); retrying", type(error).__name__)
            finally:
                self.connected.clear()
            if self._stopping.wait(delay):
                break
            delay = min(delay * 2, self._max_retry_delay)

    def _listen(self) -> None:
        with psycopg.connect(self._conninfo, autocommit=True, connect_timeout=self._connect_timeout) as conn:
            for channel in self._channels:
                conn.execute(sql.SQL("LISTEN {}").format(sql.Identifier(channel)))
            self.connections += 1
            self.connected.set()
            for channel in self._channels:
                self._deliver(Notice(channel, "", resync=True))
            checked = time.monotonic()
            while not self._stopping.is_set():
                for notification in conn.notifies(timeout=self._poll_interval):
                    self._deliver(Notice(notification.channel, notification.payload))
                    if self._stopping.is_set():
                        break
                if time.monotonic() - checked > self._health_interval:
                    # A silently dropped network path shows only when something is sent.
                    conn.execute("SELECT 1")
                    checked = time.monotonic()

    def _deliver(self, notice: Notice) -> None:
        try:
            self._callback(notice)
        except Exception:
            log.exception("notification callback failed")


def conninfo_of(backend: Backend) -> str | None:
    """A libpq connection string for the backend's PostgreSQL database (None on SQLite)."""
    url = backend.database.engine.url
    if url.get_backend_name() != "postgresql":
        return None
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


def readings_listener(
    backend: Backend, callback: Callable[[Notice], None], *, retry_delay: float = 0.5, max_retry_delay: float = 15.0
) -> NotificationListener | None:
    """A (not yet started) listener for changes to meter readings, or None when the database is SQLite."""
    conninfo = conninfo_of(backend)
    if conninfo is None:
        return None
    return NotificationListener(
        conninfo, [READINGS_CHANNEL], callback, retry_delay=retry_delay, max_retry_delay=max_retry_delay
    )


__all__ = ["Notice", "NotificationListener", "conninfo_of", "readings_listener"]
