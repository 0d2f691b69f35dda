"""Keep pending readings' review context right after an earlier reading of the same meter is accepted.

The context (previous reading, consumption, average, anomaly) is stored with each pending reading
so the queue reads one table. When another reading of that meter is accepted, the stored context
of the meter's other pending readings is recomputed here. This is derived data, so it is written
with a plain UPDATE that does not bump ``version``: a clerk who loaded the reading may still
approve it (the value they reviewed did not change).
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select, update

from iok_desktop.db.models import Meter, MeterReading
from iok_desktop.domain.enums import ReadingStatus
from iok_desktop.services.context import ServiceContext
from iok_desktop.services.readings import rules


def refresh_pending_context(ctx: ServiceContext, meter_ids: Iterable[int]) -> int:
    ids = sorted(set(meter_ids))
    if not ids:
        return 0
    pending = ctx.session.execute(
        select(MeterReading.id, MeterReading.meter_id, MeterReading.value, MeterReading.reading_date)
        .where(MeterReading.status == ReadingStatus.PENDING, MeterReading.meter_id.in_(ids))
        .order_by(MeterReading.meter_id, MeterReading.reading_date)
    ).all()
    meters: dict[int, Meter] = {}
    for row in pending:
        meter = meters.get(row.meter_id) or ctx.session.get(Meter, row.meter_id)
        assert meter is not None  # noqa: S101 - a foreign key guarantees it
        meters[row.meter_id] = meter
        review = rules.review_context(ctx, meter, row.value, row.reading_date, exclude_id=row.id)
        ctx.session.execute(
            update(MeterReading)
            .where(MeterReading.id == row.id, MeterReading.status == ReadingStatus.PENDING)
            .values(
                previous_value=review.previous_value,
                previous_reading_date=review.previous_reading_date,
                consumption=review.consumption,
                average_daily_consumption=review.average_daily_consumption,
                anomaly_reason=review.anomaly_reason,
            )
            .execution_options(synchronize_session=False)
        )
    return len(pending)
