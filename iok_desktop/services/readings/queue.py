"""The clerks' approval queue (Kolejka odczytów): pending readings, filtered and sorted, one page at a time.

Everything a row shows is stored on the reading or one join away, so a page costs one query
whatever the size of the queue.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, func, select

from iok_desktop.db.models import Building, Meter, MeterReading, Premises
from iok_desktop.domain.address import street_line
from iok_desktop.domain.enums import MeterKind, ReadingSource, ReadingStatus
from iok_desktop.domain.errors import ValidationError
from iok_desktop.domain.language import localize
from iok_desktop.services.context import ServiceContext

DAYS_PER_MONTH = Decimal(30)


@dataclass(frozen=True)
class QueueFilter:
    building_id: int | None = None
    meter_kind: MeterKind | None = None
    flagged_only: bool = False
    source: ReadingSource | None = None


@dataclass(frozen=True)
class QueueRow:
    reading_id: int
    version: int
    premises_id: int
    premises_code: str
    address: str
    meter_id: int
    meter_kind: MeterKind
    serial_number: str
    unit: str
    decimal_places: int
    previous_value: Decimal | None
    previous_reading_date: date | None
    value: Decimal
    reading_date: date
    consumption: Decimal | None
    # Average use per 30 days over the last 12 months: what "normal" looks like for this meter.
    average_monthly_consumption: Decimal | None
    anomaly_reason: str | None
    source: ReadingSource
    submitted_at: datetime


SORT_COLUMNS: dict[str, Any] = {
    "premises": Premises.code,
    "meter": Meter.serial_number,
    "meter_kind": Meter.kind,
    "previous": MeterReading.previous_value,
    "previous_date": MeterReading.previous_reading_date,
    "value": MeterReading.value,
    "reading_date": MeterReading.reading_date,
    "consumption": MeterReading.consumption,
    "average": MeterReading.average_daily_consumption,
    "anomaly": MeterReading.anomaly_reason,
    "source": MeterReading.source,
    "submitted_at": MeterReading.submitted_at,
}


def _apply_filter(query: Select[Any], f: QueueFilter) -> Select[Any]:
    query = query.where(MeterReading.status == ReadingStatus.PENDING)
    if f.building_id is not None:
        query = query.where(Premises.building_id == f.building_id)
    if f.meter_kind is not None:
        query = query.where(Meter.kind == f.meter_kind)
    if f.flagged_only:
        query = query.where(MeterReading.anomaly_reason.is_not(None))
    if f.source is not None:
        query = query.where(MeterReading.source == f.source)
    return query


def _joined(*columns: Any) -> Select[Any]:
    return (
        select(*columns)
        .select_from(MeterReading)
        .join(Meter, Meter.id == MeterReading.meter_id)
        .join(Premises, Premises.id == Meter.premises_id)
        .join(Building, Building.id == Premises.building_id)
    )


# Sorts on these columns need the meter (and the premises) joined to the readings.
_METER_SORTS = {"meter", "meter_kind"}
_PREMISES_SORTS = {"premises"}


def _narrow(f: QueueFilter, sort: str, *columns: Any) -> Select[Any]:
    """Readings with only the joins the filter and the sort need."""
    query = select(*columns).select_from(MeterReading)
    needs_premises = f.building_id is not None or sort in _PREMISES_SORTS
    if needs_premises or f.meter_kind is not None or sort in _METER_SORTS:
        query = query.join(Meter, Meter.id == MeterReading.meter_id)
    if needs_premises:
        query = query.join(Premises, Premises.id == Meter.premises_id)
    return query


def filtered_pending(f: QueueFilter) -> Select[Any]:
    """The ids of the pending readings a filter shows (for "approve all unflagged")."""
    return _apply_filter(_joined(MeterReading.id), f)


def queue_count(ctx: ServiceContext, f: QueueFilter) -> int:
    ctx.require_staff()
    return int(ctx.session.scalar(_apply_filter(_narrow(f, "", func.count()), f)) or 0)


def queue_page(
    ctx: ServiceContext,
    f: QueueFilter,
    *,
    sort: str = "submitted_at",
    descending: bool = False,
    offset: int = 0,
    limit: int = 200,
) -> list[QueueRow]:
    ctx.require_staff()
    column = SORT_COLUMNS.get(sort)
    if column is None:
        raise ValidationError("Nieznana kolumna sortowania.", field="sort")
    order = column.desc() if descending else column.asc()
    tiebreak = MeterReading.id.desc() if descending else MeterReading.id.asc()
    # Two steps: order the ids on the readings table alone (joined only where the filter or the sort
    # needs it), then read the page's rows. Sorting 100,000 narrow rows is what takes the time; the
    # joins and wide rows are paid for the 200 shown only.
    ids_query = _apply_filter(_narrow(f, sort, MeterReading.id), f).order_by(order.nulls_last(), tiebreak)
    ids = list(ctx.session.scalars(ids_query.offset(offset).limit(limit)))
    if not ids:
        return []
    query = _joined(
        MeterReading,
        Meter.kind,
        Meter.serial_number,
        Meter.unit,
        Meter.decimal_places,
        Meter.premises_id,
        Premises.code,
        Premises.number,
        Building.street,
        Building.house_number,
    ).where(MeterReading.id.in_(ids))
    position = {reading_id: i for i, reading_id in enumerate(ids)}
    rows = sorted(ctx.session.execute(query).all(), key=lambda r: position[r[0].id])
    result = []
    for r in rows:
        reading: MeterReading = r[0]
        avg = reading.average_daily_consumption
        result.append(
            QueueRow(
                reading_id=reading.id,
                version=reading.version,
                premises_id=r.premises_id,
                premises_code=r.code,
                address=street_line(r.street, r.house_number, r.number),
                meter_id=reading.meter_id,
                meter_kind=r.kind,
                serial_number=r.serial_number,
                unit=r.unit,
                decimal_places=r.decimal_places,
                previous_value=reading.previous_value,
                previous_reading_date=reading.previous_reading_date,
                value=reading.value,
                reading_date=reading.reading_date,
                consumption=reading.consumption,
                average_monthly_consumption=None if avg is None else (avg * DAYS_PER_MONTH).quantize(Decimal("0.001")),
                anomaly_reason=localize(reading.anomaly_reason) if reading.anomaly_reason else None,
                source=reading.source,
                submitted_at=reading.submitted_at,
            )
        )
    return result
