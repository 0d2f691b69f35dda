"""Meters: replacing one (final + initial reading in one step) and the clerks' worklists.

Consumption is never computed across a replacement: the new meter is a new row whose first
reading is its initial value, and every consumption is computed within one meter.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select, update

from iok_desktop.db.models import Meter, MeterReading
from iok_desktop.domain.dates import format_date
from iok_desktop.domain.enums import ReadingSource, ReadingStatus
from iok_desktop.domain.errors import NotFoundError, ValidationError
from iok_desktop.domain.language import core_text
from iok_desktop.domain.readings import parse_reading_value
from iok_desktop.domain.text import clean_line
from iok_desktop.services import audit
from iok_desktop.services.context import ServiceContext
from iok_desktop.services.readings import SubmitResult, submit_reading
from iok_desktop.services.readings.rows import ReadingRow, reading_row
from iok_desktop.services.readings.views import MeterRow, meter_row


@dataclass(frozen=True)
class Replacement:
    old_final: ReadingRow
    new_meter: MeterRow
    new_initial: ReadingRow
    rejected_pending: list[int]


def replace_meter(
    ctx: ServiceContext,
    old_meter_id: int,
    *,
    replacement_date: date,
    final_value_text: str,
    new_serial_number: str,
    new_initial_value_text: str,
    new_next_verification_on: date | None,
    new_decimal_places: int | None = None,
    new_remote_read: bool | None = None,
    acknowledge_warnings: bool = False,
) -> Replacement:
    """All of it or none of it: the caller commits once (``Database.run``)."""
    ctx.require_staff()
    old = ctx.session.get(Meter, old_meter_id)
    if old is None:
        raise NotFoundError("Nie ma takiego licznika.")
    if old.archived_on is not None:
        raise ValidationError(f"Ten licznik został już zdjęty {format_date(old.archived_on)}.", field="meter")
    serial = clean_line(new_serial_number, max_length=40).upper()
    if not serial:
        raise ValidationError("Podaj numer fabryczny nowego licznika.", field="new_serial_number")
    if ctx.session.scalar(select(Meter.id).where(Meter.kind == old.kind, Meter.serial_number == serial)):
        raise ValidationError(
            f"Licznik {old.kind.label} o numerze {serial} już jest w ewidencji.", field="new_serial_number"
        )
    decimals = old.decimal_places if new_decimal_places is None else new_decimal_places
    if not 0 <= decimals <= 3:
        raise ValidationError("Liczba miejsc po przecinku: od 0 do 3.", field="new_decimal_places")
    initial = parse_reading_value(new_initial_value_text, decimal_places=decimals, field="new_initial_value")
    if new_next_verification_on is not None and new_next_verification_on <= replacement_date:
        raise ValidationError(
            "Data następnej legalizacji musi być późniejsza niż data wymiany.", field="new_next_verification_on"
        )

    final: SubmitResult = submit_reading(
        ctx,
        old.id,
        final_value_text,
        replacement_date,
        note=core_text("odczyt końcowy przy wymianie licznika"),
        acknowledge_warnings=acknowledge_warnings,
    )
    # Pending readings dated after the swap belong to no meter that exists any more.
    stale = list(
        ctx.session.scalars(
            update(MeterReading)
            .where(
                MeterReading.meter_id == old.id,
                MeterReading.status == ReadingStatus.PENDING,
                MeterReading.reading_date >= replacement_date,
            )
            .values(
                status=ReadingStatus.REJECTED,
                reviewed_at=ctx.now(),
                reviewed_by_staff_id=ctx.actor.id,
                rejection_reason=f"Licznik wymieniono {format_date(replacement_date)}.",
                version=MeterReading.version + 1,
            )
            .returning(MeterReading.id)
            .execution_options(synchronize_session=False)
        )
    )
    old.archived_on = replacement_date
    new = Meter(
        premises_id=old.premises_id,
        kind=old.kind,
        serial_number=serial,
        unit=old.unit,
        decimal_places=decimals,
        installed_on=replacement_date,
        next_verification_on=new_next_verification_on,
        initial_value=initial,
        remote_read=old.remote_read if new_remote_read is None else new_remote_read,
        replaces_meter_id=old.id,
    )
    ctx.session.add(new)
    ctx.session.flush()
    now = ctx.now()
    first = MeterReading(
        meter_id=new.id,
        value=initial,
        reading_date=replacement_date,
        source=ReadingSource.CLERK,
        status=ReadingStatus.ACCEPTED,
        note=core_text("odczyt początkowy nowego licznika"),
        submitted_at=now,
        submitted_by_staff_id=ctx.actor.id,
        reviewed_at=now,
        reviewed_by_staff_id=ctx.actor.id,
    )
    ctx.session.add(first)
    ctx.session.flush()
    audit.record(
        ctx,
        "meter.replace",
        entity_type="meters",
        entity_id=new.id,
        premises_id=old.premises_id,
        details={
            "old_meter_id": old.id,
            "old_serial": old.serial_number,
            "final_value": final.reading.value,
            "new_serial": serial,
            "initial_value": initial,
            "date": replacement_date,
            "rejected_pending": stale,
        },
    )
    return Replacement(final.reading, meter_row(ctx, new), reading_row(first, new), stale)


@dataclass(frozen=True)
class VerificationDue:
    meter_id: int
    premises_id: int
    serial_number: str
    next_verification_on: date
    expired: bool


def meters_due_for_verification(ctx: ServiceContext, *, within_days: int, limit: int = 500) -> list[VerificationDue]:
    """Worklist: meters whose legalisation has expired or expires within ``within_days``."""
    ctx.require_staff()
    today = ctx.today()
    horizon = today + timedelta(days=within_days)
    rows = ctx.session.execute(
        select(Meter.id, Meter.premises_id, Meter.serial_number, Meter.next_verification_on)
        .where(Meter.archived_on.is_(None), Meter.next_verification_on <= horizon)
        .order_by(Meter.next_verification_on, Meter.id)
        .limit(limit)
    ).all()
    return [
        VerificationDue(r.id, r.premises_id, r.serial_number, r.next_verification_on, r.next_verification_on < today)
        for r in rows
    ]
