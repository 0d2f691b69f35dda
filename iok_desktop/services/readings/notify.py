"""What the approval queue needs to stay live: change notifications and a cheap "queue stamp".

- On PostgreSQL every change to a reading (submitted, edited, deleted, approved, rejected) sends
  ``pg_notify('iok_readings', payload)`` inside the same transaction, so it is delivered when the
  change commits and never when it rolls back. Listeners: ``services/notifications.py``.
- SQLite has no notifications: the queue polls ``queue_stamp`` (a few aggregates over the pending
  readings) and re-reads its rows only when the stamp changed.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from iok_desktop.db.models import MeterReading
from iok_desktop.domain.enums import ReadingStatus
from iok_desktop.services.context import ServiceContext

CHANNEL = "iok_readings"
# PostgreSQL refuses payloads of 8000 bytes or more; a bulk approval names at most this many ids.
MAX_IDS_IN_PAYLOAD = 200

EVENTS = ("submit", "edit", "delete", "approve", "reject")


def notify_readings(ctx: ServiceContext, event: str, reading_ids: Sequence[int]) -> None:
    """Tell listening desks that these readings changed (PostgreSQL only; delivered at commit)."""
    if not reading_ids or ctx.session.get_bind().dialect.name != "postgresql":
        return
    ids = sorted(reading_ids)
    payload = json.dumps({"event": event, "count": len(ids), "ids": ids[:MAX_IDS_IN_PAYLOAD]})
    ctx.session.execute(select(func.pg_notify(CHANNEL, payload)))


@dataclass(frozen=True)
class QueueStamp:
    """Changes whenever a pending reading arrives, is edited, or leaves the queue."""

    count: int
    max_id: int | None
    id_sum: int
    version_sum: int
    last_updated_at: datetime | None


def queue_stamp(ctx: ServiceContext) -> QueueStamp:
    ctx.require_staff()
    row = ctx.session.execute(
        select(
            func.count(),
            func.max(MeterReading.id),
            func.coalesce(func.sum(MeterReading.id), 0),
            func.coalesce(func.sum(MeterReading.version), 0),
            func.max(MeterReading.updated_at),
        ).where(MeterReading.status == ReadingStatus.PENDING)
    ).one()
    return QueueStamp(int(row[0]), row[1], int(row[2]), int(row[3]), row[4])


__all__ = [
    "CHANNEL",
    "EVENTS",
    "QueueStamp",
    "notify_readings",
    "queue_stamp",
]
