"""Plain data returned by the reading services (never ORM objects)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from iok_desktop.db.models import Meter, MeterReading
from iok_desktop.domain.enums import MeterKind, ReadingSource, ReadingStatus
from iok_desktop.domain.language import localize


@dataclass(frozen=True)
class ReadingRow:
    id: int
    meter_id: int
    premises_id: int
    meter_kind: MeterKind
    serial_number: str
    unit: str
    decimal_places: int
    value: Decimal
    reading_date: date
    source: ReadingSource
    status: ReadingStatus
    anomaly_reason: str | None
    note: str | None
    previous_value: Decimal | None
    previous_reading_date: date | None
    consumption: Decimal | None
    average_daily_consumption: Decimal | None
    submitted_at: datetime
    submitted_by_account_id: int | None
    submitted_by_staff_id: int | None
    updated_at: datetime | None
    reviewed_at: datetime | None
    reviewed_by_staff_id: int | None
    rejection_reason: str | None
    version: int

    @property
    def status_label(self) -> str:
        return self.status.label


@dataclass(frozen=True)
class StatusStep:
    """One line of a reading's status history as the resident sees it."""

    at: datetime
    label: str


def reading_row(reading: MeterReading, meter: Meter) -> ReadingRow:
    return ReadingRow(
        id=reading.id,
        meter_id=meter.id,
        premises_id=meter.premises_id,
        meter_kind=meter.kind,
        serial_number=meter.serial_number,
        unit=meter.unit,
        decimal_places=meter.decimal_places,
        value=reading.value,
        reading_date=reading.reading_date,
        source=reading.source,
        status=reading.status,
        anomaly_reason=localize(reading.anomaly_reason) if reading.anomaly_reason else reading.anomaly_reason,
        note=localize(reading.note) if reading.note else reading.note,
        previous_value=reading.previous_value,
        previous_reading_date=reading.previous_reading_date,
        consumption=reading.consumption,
        average_daily_consumption=reading.average_daily_consumption,
        submitted_at=reading.submitted_at,
        submitted_by_account_id=reading.submitted_by_account_id,
        submitted_by_staff_id=reading.submitted_by_staff_id,
        updated_at=reading.updated_at,
        reviewed_at=reading.reviewed_at,
        reviewed_by_staff_id=reading.reviewed_by_staff_id,
        rejection_reason=reading.rejection_reason,
        version=reading.version,
    )
