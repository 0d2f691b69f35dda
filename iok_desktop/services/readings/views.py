"""What residents and clerks read: a premises' meters, its readings, a meter's history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select

from iok_desktop.db.models import Meter, MeterReading
from iok_desktop.domain.enums import MeterKind, ReadingSource, ReadingStatus
from iok_desktop.domain.errors import NotFoundError, ValidationError
from iok_desktop.domain.language import core_text, localize
from iok_desktop.services.access import require_meter_access, require_premises_access
from iok_desktop.services.context import ServiceContext
from iok_desktop.services.readings import rules
from iok_desktop.services.readings.rows import ReadingRow, StatusStep, reading_row


@dataclass(frozen=True)
class MeterRow:
    id: int
    premises_id: int
    kind: MeterKind
    serial_number: str
    unit: str
    decimal_places: int
    installed_on: date
    next_verification_on: date | None
    archived_on: date | None
    remote_read: bool
    replaces_meter_id: int | None
    last_accepted_value: Decimal | None
    last_accepted_date: date | None
    # Whether a resident may submit a reading today, and if not, why (shown instead of the button).
    resident_can_submit: bool
    resident_refusal: str | None


def meter_row(ctx: ServiceContext, meter: Meter) -> MeterRow:
    last = rules.last_accepted(ctx, meter.id)
    refusal = None
    try:
        rules.check_resident_may_submit(ctx, meter, ctx.today())
    except ValidationError as error:
        refusal = error.message
    return MeterRow(
        id=meter.id,
        premises_id=meter.premises_id,
        kind=meter.kind,
        serial_number=meter.serial_number,
        unit=meter.unit,
        decimal_places=meter.decimal_places,
        installed_on=meter.installed_on,
        next_verification_on=meter.next_verification_on,
        archived_on=meter.archived_on,
        remote_read=meter.remote_read,
        replaces_meter_id=meter.replaces_meter_id,
        last_accepted_value=last.value if last else None,
        last_accepted_date=last.reading_date if last else None,
        resident_can_submit=refusal is None,
        resident_refusal=refusal,
    )


def meters_for_premises(ctx: ServiceContext, premises_id: int, *, include_archived: bool = False) -> list[MeterRow]:
    require_premises_access(ctx, premises_id)
    query = select(Meter).where(Meter.premises_id == premises_id)
    if not include_archived:
        query = query.where(Meter.archived_on.is_(None))
    # In the kinds' own order (cold water, hot water, heat…): SQLite would sort the stored names as
    # text and PostgreSQL by its enum, so the same premises would list differently on each.
    kinds = list(MeterKind)
    meters = sorted(ctx.session.scalars(query), key=lambda m: (kinds.index(m.kind), m.serial_number))
    return [meter_row(ctx, m) for m in meters]


def readings_for_premises(ctx: ServiceContext, premises_id: int, *, limit: int = 100) -> list[ReadingRow]:
    """Newest first, every status: residents see their pending, accepted and rejected readings."""
    require_premises_access(ctx, premises_id)
    rows = ctx.session.execute(
        select(MeterReading, Meter)
        .join(Meter, Meter.id == MeterReading.meter_id)
        .where(Meter.premises_id == premises_id)
        .order_by(MeterReading.reading_date.desc(), MeterReading.id.desc())
        .limit(limit)
    ).all()
    return [reading_row(r, m) for r, m in rows]


def meter_history(ctx: ServiceContext, meter_id: int, *, limit: int = 200) -> list[ReadingRow]:
    """A meter's readings in date order (the newest ``limit``), e.g. for the queue's chart."""
    meter = require_meter_access(ctx, meter_id)
    readings = ctx.session.scalars(
        select(MeterReading)
        .where(MeterReading.meter_id == meter_id)
        .order_by(MeterReading.reading_date.desc(), MeterReading.id.desc())
        .limit(limit)
    ).all()
    return [reading_row(r, meter) for r in reversed(readings)]


_SOURCE_TEXT = {
    ReadingSource.WEB: core_text("przez IOK"),
    ReadingSource.KIOSK: core_text("w kiosku"),
    ReadingSource.CLERK: core_text("przez pracownika"),
    ReadingSource.IMPORT: core_text("z importu"),
}


def status_history(ctx: ServiceContext, reading_id: int) -> list[StatusStep]:
    reading = ctx.session.get(MeterReading, reading_id)
    if reading is None:
        raise NotFoundError("Tego odczytu już nie ma.")
    require_meter_access(ctx, reading.meter_id)
    steps = [StatusStep(reading.submitted_at, localize(f"zgłoszony {_SOURCE_TEXT[reading.source]}"))]
    if reading.updated_at is not None:
        steps.append(StatusStep(reading.updated_at, localize("poprawiony przed akceptacją")))
    if reading.reviewed_at is not None:
        if reading.status is ReadingStatus.REJECTED:
            steps.append(StatusStep(reading.reviewed_at, localize(f"odrzucony: {reading.rejection_reason}")))
        else:
            steps.append(StatusStep(reading.reviewed_at, ReadingStatus.ACCEPTED.label))
    else:
        steps.append(StatusStep(reading.updated_at or reading.submitted_at, ReadingStatus.PENDING.label))
    return steps
