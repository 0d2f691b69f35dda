"""Submitting, editing and deleting readings (residents for their own meters, clerks for any)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError

from iok_desktop.db.models import Meter, MeterReading
from iok_desktop.domain.dates import format_date, format_datetime
from iok_desktop.domain.enums import ReadingSource, ReadingStatus
from iok_desktop.domain.errors import (
    ConfirmationRequiredError,
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)
from iok_desktop.domain.language import localize
from iok_desktop.domain.readings import format_reading_value, parse_reading_value
from iok_desktop.domain.text import clean_line
from iok_desktop.services import audit
from iok_desktop.services.access import require_meter_access
from iok_desktop.services.context import ServiceContext
from iok_desktop.services.readings import rules
from iok_desktop.services.readings.context_refresh import refresh_pending_context
from iok_desktop.services.readings.notify import notify_readings
from iok_desktop.services.readings.rows import ReadingRow, reading_row
from iok_desktop.services.readings.staff_names import staff_login


@dataclass(frozen=True)
class SubmitResult:
    reading: ReadingRow
    # False when the same meter, date and value was already there: one reading, not two.
    created: bool
    warnings: list[str] = field(default_factory=list)


def _find_live_duplicate(ctx: ServiceContext, meter_id: int, reading_date: date, value: object) -> MeterReading | None:
    return ctx.session.scalar(
        select(MeterReading).where(
            MeterReading.meter_id == meter_id,
            MeterReading.reading_date == reading_date,
            MeterReading.value == value,
            MeterReading.status != ReadingStatus.REJECTED,
        )
    )


def _check_pending_same_day(
    ctx: ServiceContext, meter: Meter, reading_date: date, *, exclude_id: int | None = None
) -> None:
    query = select(MeterReading).where(
        MeterReading.meter_id == meter.id,
        MeterReading.reading_date == reading_date,
        MeterReading.status == ReadingStatus.PENDING,
    )
    if exclude_id is not None:
        query = query.where(MeterReading.id != exclude_id)
    other = ctx.session.scalars(query).first()
    if other is not None:
        raise ValidationError(
            f"Na dzień {format_date(reading_date)} zgłoszono już odczyt "
            f"{format_reading_value(other.value, meter.decimal_places)} {meter.unit} (oczekujący na akceptację) — "
            "popraw go zamiast zgłaszać nowy.",
            field="reading_date",
        )


def submit_reading(
    ctx: ServiceContext,
    meter_id: int,
    value_text: str,
    reading_date: date,
    *,
    note: str | None = None,
    accept: bool = True,
    acknowledge_warnings: bool = False,
    source: ReadingSource | None = None,
) -> SubmitResult:
    """A resident's reading is pending. A clerk's is accepted at once unless ``accept=False``.

    A clerk entering a value below the last accepted reading gets ``ConfirmationRequiredError``
    first and must call again with ``acknowledge_warnings=True``.
    """
    meter = require_meter_access(ctx, meter_id)
    resident = ctx.actor.is_resident
    if not resident:
        ctx.require_staff_or_system()
    value = parse_reading_value(value_text, decimal_places=meter.decimal_places)
    rules.check_date(ctx, meter, reading_date)
    if resident:
        rules.check_resident_may_submit(ctx, meter, reading_date)
    duplicate = _find_live_duplicate(ctx, meter.id, reading_date, value)
    if duplicate is not None:
        return SubmitResult(reading_row(duplicate, meter), created=False)
    _check_pending_same_day(ctx, meter, reading_date)
    rules.check_against_accepted(ctx, meter, value, reading_date, resident=resident, exclude_id=None)
    review = rules.review_context(ctx, meter, value, reading_date)
    if review.warnings and not acknowledge_warnings:
        raise ConfirmationRequiredError(" ".join(review.warnings), warnings=review.warnings, field="value")
    accepted = not resident and accept
    now = ctx.now()
    reading = MeterReading(
        meter_id=meter.id,
        value=value,
        reading_date=reading_date,
        source=source or (ctx.actor.channel or ReadingSource.WEB if resident else ReadingSource.CLERK),
        status=ReadingStatus.ACCEPTED if accepted else ReadingStatus.PENDING,
        anomaly_reason=review.anomaly_reason,
        note=clean_line(note, max_length=500) or None,
        previous_value=review.previous_value,
        previous_reading_date=review.previous_reading_date,
        consumption=review.consumption,
        average_daily_consumption=review.average_daily_consumption,
        submitted_at=now,
        submitted_by_account_id=ctx.actor.id if resident else None,
        submitted_by_staff_id=ctx.actor.id if ctx.actor.is_staff else None,
        reviewed_at=now if accepted else None,
        reviewed_by_staff_id=ctx.actor.id if accepted and ctx.actor.is_staff else None,
    )
    try:
        # A savepoint: if another desk inserted the same reading a moment ago, only this insert is undone.
        with ctx.session.begin_nested():
            ctx.session.add(reading)
    except IntegrityError:
        duplicate = _find_live_duplicate(ctx, meter.id, reading_date, value)
        if duplicate is None:
            raise
        return SubmitResult(reading_row(duplicate, meter), created=False)
    if accepted:
        refresh_pending_context(ctx, [meter.id])
    audit.record(
        ctx,
        "reading.submit",
        entity_type="meter_readings",
        entity_id=reading.id,
        premises_id=meter.premises_id,
        details={
            "meter_id": meter.id,
            "value": value,
            "reading_date": reading_date,
            "source": reading.source,
            "status": reading.status,
            "anomaly_reason": reading.anomaly_reason,
            "warnings_acknowledged": review.warnings,
        },
    )
    notify_readings(ctx, "submit", [reading.id])
    return SubmitResult(reading_row(reading, meter), created=True, warnings=[localize(w) for w in review.warnings])


def _load_for_change(ctx: ServiceContext, reading_id: int, expected_version: int) -> tuple[MeterReading, Meter]:
    reading = ctx.session.get(MeterReading, reading_id)
    if reading is None:
        raise NotFoundError("Tego odczytu już nie ma — mógł zostać usunięty.")
    meter = require_meter_access(ctx, reading.meter_id)
    if ctx.actor.is_resident and reading.submitted_by_account_id != ctx.actor.id:
        raise PermissionDeniedError("Możesz zmieniać tylko odczyty zgłoszone przez siebie.")
    if not ctx.actor.is_resident:
        ctx.require_staff()
    raise_if_not_pending(ctx, reading, expected_version)
    return reading, meter


def raise_if_not_pending(ctx: ServiceContext, reading: MeterReading, expected_version: int | None) -> None:
    """The conflict message a user sees when someone else got there first."""
    if reading.status is not ReadingStatus.PENDING:
        who = staff_login(ctx, reading.reviewed_by_staff_id)
        when = format_datetime(reading.reviewed_at) if reading.reviewed_at else ""
        verb = "zaakceptował" if reading.status is ReadingStatus.ACCEPTED else "odrzucił"
        raise ConflictError(f"Ten odczyt {verb} już {who} ({when}) — nie można go zmienić.")
    if expected_version is not None and reading.version != expected_version:
        raise ConflictError("Ten odczyt został w międzyczasie zmieniony. Wczytaj go ponownie.")


def _reload_and_explain(ctx: ServiceContext, reading_id: int, expected_version: int) -> None:
    ctx.session.expire_all()
    reading = ctx.session.get(MeterReading, reading_id)
    if reading is None:
        raise NotFoundError("Tego odczytu już nie ma — mógł zostać usunięty.")
    raise_if_not_pending(ctx, reading, expected_version)
    raise ConflictError("Ten odczyt został w międzyczasie zmieniony. Wczytaj go ponownie.")  # pragma: no cover


def edit_reading(
    ctx: ServiceContext,
    reading_id: int,
    expected_version: int,
    value_text: str,
    reading_date: date,
    *,
    acknowledge_warnings: bool = False,
) -> ReadingRow:
    """Change a pending reading (its submitter or a clerk). Compare-and-set on status and version,
    so a clerk's approval and a resident's edit can never both win."""
    reading, meter = _load_for_change(ctx, reading_id, expected_version)
    resident = ctx.actor.is_resident
    value = parse_reading_value(value_text, decimal_places=meter.decimal_places)
    rules.check_date(ctx, meter, reading_date)
    if resident:
        rules.check_resident_may_submit(ctx, meter, reading_date)
    duplicate = _find_live_duplicate(ctx, meter.id, reading_date, value)
    if duplicate is not None and duplicate.id != reading.id:
        raise ValidationError("Taki sam odczyt (licznik, data i stan) już istnieje.", field="value")
    _check_pending_same_day(ctx, meter, reading_date, exclude_id=reading.id)
    # Not against itself: a clerk may accept this very reading while the resident edits it, and then
    # the compare-and-set below answers with the conflict ("already accepted by …"), not a rule.
    rules.check_against_accepted(ctx, meter, value, reading_date, resident=resident, exclude_id=reading.id)
    review = rules.review_context(ctx, meter, value, reading_date, exclude_id=reading.id)
    if review.warnings and not acknowledge_warnings:
        raise ConfirmationRequiredError(" ".join(review.warnings), warnings=review.warnings, field="value")
    old = {"value": reading.value, "reading_date": reading.reading_date}
    result = ctx.session.execute(
        update(MeterReading)
        .where(
            MeterReading.id == reading.id,
            MeterReading.status == ReadingStatus.PENDING,
            MeterReading.version == expected_version,
        )
        .values(
            value=value,
            reading_date=reading_date,
            previous_value=review.previous_value,
            previous_reading_date=review.previous_reading_date,
            consumption=review.consumption,
            average_daily_consumption=review.average_daily_consumption,
            anomaly_reason=review.anomaly_reason,
            updated_at=ctx.now(),
            version=MeterReading.version + 1,
        )
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        _reload_and_explain(ctx, reading.id, expected_version)
    ctx.session.refresh(reading)
    audit.record(
        ctx,
        "reading.edit",
        entity_type="meter_readings",
        entity_id=reading.id,
        premises_id=meter.premises_id,
        details={"changes": audit.changes(old, {"value": value, "reading_date": reading_date})},
    )
    notify_readings(ctx, "edit", [reading.id])
    return reading_row(reading, meter)


def delete_reading(ctx: ServiceContext, reading_id: int, expected_version: int) -> None:
    """Remove a pending reading (its submitter or a clerk); the audit log keeps what it was."""
    reading, meter = _load_for_change(ctx, reading_id, expected_version)
    snapshot = {
        "meter_id": meter.id,
        "value": reading.value,
        "reading_date": reading.reading_date,
        "source": reading.source,
        "submitted_at": reading.submitted_at,
    }
    result = ctx.session.execute(
        delete(MeterReading)
        .where(
            MeterReading.id == reading.id,
            MeterReading.status == ReadingStatus.PENDING,
            MeterReading.version == expected_version,
        )
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        _reload_and_explain(ctx, reading.id, expected_version)
    ctx.session.expunge(reading)
    audit.record(
        ctx,
        "reading.delete",
        entity_type="meter_readings",
        entity_id=reading_id,
        premises_id=meter.premises_id,
        details={"deleted": snapshot},
    )
    notify_readings(ctx, "delete", [reading_id])
