"""Live updates of the approval queue: NOTIFY at commit (PostgreSQL), the listener thread, the queue stamp."""

from __future__ import annotations

import json
import queue
import time
from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy.orm import Session

from iok_desktop.db.database import Database
from iok_desktop.db.models import Meter
from iok_desktop.services import readings
from iok_desktop.services.backend import Backend
from iok_desktop.services.context import FixedClock
from iok_desktop.services.notifications import Notice, NotificationListener, conninfo_of, readings_listener
from iok_desktop.services.readings.notify import queue_stamp
from iok_desktop.services.readings.review import reject_readings
from tests.support.builders import Household, accepted_reading, make_household, make_meter
from tests.support.postgres import PostgresCluster

TODAY = date(2026, 11, 25)


def _scene(s: Session, meters: int = 1) -> tuple[Household, list[Meter]]:
    household = make_household(s)
    made = []
    for _ in range(meters):
        meter = make_meter(s, household.premises)
        accepted_reading(s, meter, date(2026, 10, 31), "10")
        made.append(meter)
    s.commit()
    return household, made


class Inbox:
    """What a listener delivered, for a test to wait on."""

    def __init__(self) -> None:
        self.notices: queue.Queue[Notice] = queue.Queue()

    def __call__(self, notice: Notice) -> None:
        self.notices.put(notice)

    def next(self, timeout: float = 5.0) -> Notice:
        return self.notices.get(timeout=timeout)

    def next_event(self, timeout: float = 5.0) -> dict[str, object]:
        """The next real notification (skipping "connected again" notices)."""
        deadline = time.monotonic() + timeout
        while True:
            notice = self.next(max(deadline - time.monotonic(), 0.01))
            if not notice.resync:
                payload: dict[str, object] = json.loads(notice.payload)
                return payload

    def quiet_for(self, seconds: float) -> bool:
        try:
            notice = self.notices.get(timeout=seconds)
        except queue.Empty:
            return True
        self.notices.put(notice)
        return False


@pytest.fixture
def listening(pg_db: Database) -> Iterator[tuple[NotificationListener, Inbox]]:
    inbox = Inbox()
    listener = readings_listener(Backend(pg_db), inbox, retry_delay=0.1, max_retry_delay=0.5)
    assert listener is not None
    listener.start()
    assert listener.connected.wait(5)
    assert inbox.next().resync  # connected: whoever listens re-reads once
    yield listener, inbox
    listener.stop()


def test_sqlite_has_no_listener_and_submitting_there_sends_nothing(sqlite_db: Database, clock: FixedClock) -> None:
    assert readings_listener(Backend(sqlite_db), Inbox()) is None
    assert conninfo_of(Backend(sqlite_db)) is None
    with sqlite_db.session() as s:
        household, [meter] = _scene(s)
        readings.submit_reading(household.resident(s, clock), meter.id, "11", TODAY)
        s.commit()


def test_a_notification_arrives_at_commit_and_never_after_a_rollback(
    pg_db: Database, clock: FixedClock, listening: tuple[NotificationListener, Inbox]
) -> None:
    _listener, inbox = listening
    with pg_db.session() as s:
        household, [meter] = _scene(s)
        readings.submit_reading(household.resident(s, clock), meter.id, "11", TODAY)
        assert inbox.quiet_for(0.5)  # not before commit
        s.rollback()
        assert inbox.quiet_for(0.5)  # nor after a rollback
        pending = readings.submit_reading(household.resident(s, clock), meter.id, "11", TODAY).reading
        s.commit()
    assert inbox.next_event() == {"event": "submit", "count": 1, "ids": [pending.id]}


def test_every_change_to_a_reading_is_announced(
    pg_db: Database, clock: FixedClock, listening: tuple[NotificationListener, Inbox]
) -> None:
    _listener, inbox = listening
    with pg_db.session() as s:
        household, meters = _scene(s, meters=4)
        resident = household.resident(s, clock)
        clerk = household.clerk_ctx(s, clock)
        rows = [readings.submit_reading(resident, m.id, "12", TODAY).reading for m in meters]
        s.commit()
        assert [inbox.next_event()["ids"] for _ in rows] == [[r.id] for r in rows]
        edited = readings.edit_reading(resident, rows[0].id, rows[0].version, "13", TODAY)
        s.commit()
        assert inbox.next_event() == {"event": "edit", "count": 1, "ids": [rows[0].id]}
        readings.delete_reading(resident, edited.id, edited.version)
        s.commit()
        assert inbox.next_event()["event"] == "delete"
        reject_readings(clerk, [(rows[1].id, rows[1].version)], "Nieczytelne zdjęcie")
        s.commit()
        assert inbox.next_event() == {"event": "reject", "count": 1, "ids": [rows[1].id]}
        readings.approve_readings(clerk, [(rows[2].id, rows[2].version)])
        s.commit()
        assert inbox.next_event() == {"event": "approve", "count": 1, "ids": [rows[2].id]}
        readings.approve_all_unflagged(clerk, readings.QueueFilter())
        s.commit()
        assert inbox.next_event() == {"event": "approve", "count": 1, "ids": [rows[3].id]}
        # Nothing changed, nothing said.
        readings.approve_all_unflagged(clerk, readings.QueueFilter())
        s.commit()
    assert inbox.quiet_for(0.3)


def test_a_bulk_change_keeps_the_payload_small(
    pg_db: Database, clock: FixedClock, listening: tuple[NotificationListener, Inbox]
) -> None:
    _listener, inbox = listening
    with pg_db.session() as s:
        household, meters = _scene(s, meters=300)
        resident = household.resident(s, clock)
        rows = [readings.submit_reading(resident, m.id, "12", TODAY).reading for m in meters]
        s.commit()
        for _ in rows:
            inbox.next_event()
        readings.approve_readings(household.clerk_ctx(s, clock), [(r.id, r.version) for r in rows])
        s.commit()
    event = inbox.next_event()
    assert event["count"] == 300 and len(event["ids"]) == 200  # type: ignore[arg-type]


def test_stop_ends_the_listening_thread(pg_db: Database) -> None:
    listener = readings_listener(Backend(pg_db), Inbox())
    assert listener is not None
    listener.start()
    assert listener.connected.wait(5)
    started = time.monotonic()
    listener.stop()
    assert not listener.running and time.monotonic() - started < 2


def _restart(cluster: PostgresCluster) -> None:
    """``cluster.restart()`` without ``-l`` leaves the new server holding the pipes ``subprocess.run``
    captures, so it never returns; the same restart with the server's output sent to its log file."""
    cluster._run("pg_ctl", "-D", str(cluster.datadir), "-l", str(cluster.logfile), "-m", "fast", "-w", "restart")


def test_the_listener_reconnects_after_a_server_restart(
    pg_db: Database, pg_cluster: PostgresCluster, clock: FixedClock, listening: tuple[NotificationListener, Inbox]
) -> None:
    listener, inbox = listening
    with pg_db.session() as s:
        household, [meter] = _scene(s)
    _restart(pg_cluster)
    pg_cluster.wait_ready()
    assert inbox.next(15).resync  # connected again: re-read what may have been missed
    assert listener.connections == 2
    with pg_db.session() as s:
        pending = readings.submit_reading(household.resident(s, clock), meter.id, "11", TODAY).reading
        s.commit()
    assert inbox.next_event() == {"event": "submit", "count": 1, "ids": [pending.id]}


def test_a_failing_callback_does_not_stop_the_listener(pg_db: Database, clock: FixedClock) -> None:
    inbox = Inbox()
    calls = []

    def flaky(notice: Notice) -> None:
        calls.append(notice)
        if len(calls) == 2:
            raise RuntimeError("the window is gone")
        inbox(notice)

    listener = readings_listener(Backend(pg_db), flaky)
    assert listener is not None
    listener.start()
    try:
        assert inbox.next().resync
        with pg_db.session() as s:
            household, meters = _scene(s, meters=2)
            for meter in meters:
                readings.submit_reading(household.resident(s, clock), meter.id, "11", TODAY)
                s.commit()
        assert inbox.next_event()["event"] == "submit"
        assert len(calls) == 3
    finally:
        listener.stop()


def test_the_queue_stamp_changes_with_every_change_to_the_queue(db: Database, clock: FixedClock) -> None:
    with db.session() as s:
        household, meters = _scene(s, meters=3)
        resident = household.resident(s, clock)
        clerk = household.clerk_ctx(s, clock)
        stamps = [queue_stamp(clerk)]
        assert stamps[0].count == 0 and stamps[0].max_id is None
        rows = [readings.submit_reading(resident, m.id, "12", TODAY).reading for m in meters]
        stamps.append(queue_stamp(clerk))
        assert stamps[-1].count == 3
        assert queue_stamp(clerk) == stamps[-1]  # nothing changed, same stamp
        clock.advance(minutes=1)
        edited = readings.edit_reading(resident, rows[0].id, rows[0].version, "13", TODAY)
        stamps.append(queue_stamp(clerk))
        readings.approve_readings(clerk, [(rows[1].id, rows[1].version)])
        stamps.append(queue_stamp(clerk))
        # One leaves and another arrives: the count is the same, the stamp is not.
        readings.delete_reading(resident, edited.id, edited.version)
        readings.submit_reading(resident, meters[0].id, "14", TODAY)
        stamps.append(queue_stamp(clerk))
        reject_readings(clerk, [(rows[2].id, rows[2].version)], "Błędny numer licznika")
        stamps.append(queue_stamp(clerk))
        s.commit()
    assert len(set(stamps)) == len(stamps)
