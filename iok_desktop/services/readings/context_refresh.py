"""Keep pending readings' review context right after an earlier reading of the same meter is accepted.

The context (previous reading, consumption, average, anomaly) is stored with each pending reading
so the queue reads one table. When another reading of that meter is accepted, the stored context
of the meter's other pending readings is recomputed here. This is derived data, so it is written
with a plain UPDATE that does not bump ``version``: a clerk who loaded the reading may still
approve it (the value they reviewed did not change).

A bulk approval touches up to thousands of meters, so the work is shaped for that: only the pending
readings the acceptance can change are recomputed (``on_or_after``: a reading dated before every
newly accepted one of its meter keeps its previous reading and its 12-month average, which look only
at readings on or before its own date), the meters and the cooperative's settings are read once
(and held, so the session's identity map keeps them), their accepted readings are read in one
query (``rules.AcceptedReadings``) instead of three queries per reading, and the UPDATEs go to the
server as one ``executemany``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any, cast

from sqlalchemy import Table, bindparam, select

from iok_desktop.db.models import Meter, MeterReading
from iok_desktop.domain.enums import ReadingStatus
from iok_desktop.services.context import ServiceContext
from iok_desktop.services.readings import rules
from iok_desktop.services.settings import load_cooperative

_readings = cast(Table, MeterReading.__table__)
_UPDATE = (
    _readings.update()
    .where(_readings.c.id == bindparam("reading_id"), _readings.c.status == ReadingStatus.PENDING)
    .values(
        previous_value=bindparam("previous_value"),
        previous_reading_date=bindparam("previous_reading_date"),
        consumption=bindparam("consumption"),
        average_daily_consumption=bindparam("average_daily_consumption"),
        anomaly_reason=bindparam("anomaly_reason"),
    )
)


def refresh_pending_context(
    ctx: ServiceContext, meter_ids: Iterable[int], *, on_or_after: Mapping[int, date] | None = None
) -> int:
    """Recompute the stored context of the meters' pending readings; returns how many were recomputed.

    ``on_or_after``: meter id → the date of its earliest newly accepted reading; pending readings
    dated before it are left as they are (nothing they are compared with changed).
    """
    ids = sorted(set(meter_ids))
    if not ids:
        return 0
    pending = [
        row
        for row in ctx.session.execute(
            select(MeterReading.id, MeterReading.meter_id, MeterReading.value, MeterReading.reading_date)
            .where(MeterReading.status == ReadingStatus.PENDING, MeterReading.meter_id.in_(ids))
            .order_by(MeterReading.meter_id, MeterReading.reading_date)
        )
        if on_or_after is None or row.reading_date >= on_or_after.get(row.meter_id, row.reading_date)
    ]
    if not pending:
        return 0
    cooperative = load_cooperative(ctx)  # held: review_context reads the settings for every reading
    meters = {
        m.id: m for m in ctx.session.scalars(select(Meter).where(Meter.id.in_(sorted({r.meter_id for r in pending}))))
    }
    accepted = rules.AcceptedReadings(ctx, meters, earliest=min(r.reading_date for r in pending))
    changes: list[dict[str, Any]] = []
    for row in pending:
        meter = meters[row.meter_id]
        review = rules.review_context(ctx, meter, row.value, row.reading_date, exclude_id=row.id, accepted=accepted)
        changes.append(
            {
                "reading_id": row.id,
                "previous_value": review.previous_value,
                "previous_reading_date": review.previous_reading_date,
                "consumption": review.consumption,
                "average_daily_consumption": review.average_daily_consumption,
                "anomaly_reason": review.anomaly_reason,
            }
        )
    ctx.session.execute(_UPDATE, changes)
    del cooperative
    return len(pending)
