"""Clerks' review: approve (one, selected or all unflagged in a filter) and reject with a reason.

Every change is a compare-and-set UPDATE (``WHERE status = 'pending' AND version = :seen``) whose
returned ids say what this clerk actually changed; everything else is reported back as a conflict
naming who got there first. Two clerks approving the same reading: exactly one succeeds.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import Exists, exists, select, tuple_, update
from sqlalchemy.orm import aliased

from iok_desktop.db.models import Meter, MeterReading
from iok_desktop.domain.dates import format_date
from iok_desktop.domain.enums import ReadingStatus
from iok_desktop.domain.errors import ConflictError, ValidationError
from iok_desktop.domain.language import localize
from iok_desktop.domain.text import clean_line
from iok_desktop.services import audit
from iok_desktop.services.context import ServiceContext
from iok_desktop.services.readings.context_refresh import refresh_pending_context
from iok_desktop.services.readings.notify import notify_readings
from iok_desktop.services.readings.queue import QueueFilter, filtered_pending
from iok_desktop.services.readings.rules import AcceptedReadings, review_context
from iok_desktop.services.readings.submit import raise_if_not_pending
from iok_desktop.services.settings import load_cooperative

CHUNK = 500
# An approved reading: its id, meter id, premises id and date.
Approved = tuple[int, int, int, date]


@dataclass(frozen=True)
class Conflict:
    reading_id: int
    message: str


@dataclass(frozen=True)
class BulkResult:
    changed: list[int] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)


def _later_accepted_exists() -> Exists:
    later = aliased(MeterReading)
    return exists().where(
        later.meter_id == MeterReading.meter_id,
        later.status == ReadingStatus.ACCEPTED,
        later.reading_date > MeterReading.reading_date,
    )


def _explain(ctx: ServiceContext, ids: Sequence[int], versions: dict[int, int]) -> list[Conflict]:
    if not ids:
        return []
    ctx.session.expire_all()
    found = {r.id: r for r in ctx.session.scalars(select(MeterReading).where(MeterReading.id.in_(ids)))}
    conflicts = []
    for reading_id in ids:
        reading = found.get(reading_id)
        if reading is None:
            conflicts.append(Conflict(reading_id, localize("Tego odczytu już nie ma — mieszkaniec mógł go usunąć.")))
            continue
        try:
            raise_if_not_pending(ctx, reading, versions.get(reading_id))
        except ConflictError as error:
            conflicts.append(Conflict(reading_id, error.message))
            continue
        later = ctx.session.scalar(
            select(MeterReading.reading_date)
            .where(
                MeterReading.meter_id == reading.meter_id,
                MeterReading.status == ReadingStatus.ACCEPTED,
                MeterReading.reading_date > reading.reading_date,
            )
            .order_by(MeterReading.reading_date.desc())
            .limit(1)
        )
        date_text = format_date(later) if later else "?"
        conflicts.append(
            Conflict(
                reading_id,
                localize(f"Zaakceptowano już nowszy odczyt tego licznika ({date_text}) — ten należy odrzucić."),
            )
        )
    return conflicts


def _after_approval(ctx: ServiceContext, rows: Sequence[Approved]) -> None:
    """Audit each approval and keep the stored context right (``rows``: id, meter_id, premises_id, date)."""
    per_meter = Counter(meter_id for _, meter_id, _, _ in rows)
    earliest: dict[int, date] = {}
    for _, meter_id, _, reading_date in rows:
        earliest[meter_id] = min(reading_date, earliest.get(meter_id, reading_date))
    cooperative = load_cooperative(ctx)  # held for the settings every review_context reads
    # Two readings of one meter approved together: the later one's previous is now the earlier one.
    twice = [reading_id for reading_id, meter_id, _, _ in rows if per_meter[meter_id] > 1]
    if twice:
        # populate_existing: the UPDATE above bypassed the session, so loaded copies are stale.
        readings = list(
            ctx.session.scalars(
                select(MeterReading).where(MeterReading.id.in_(twice)).execution_options(populate_existing=True)
            )
        )
        meters = {
            m.id: m
            for m in ctx.session.scalars(select(Meter).where(Meter.id.in_(sorted({r.meter_id for r in readings}))))
        }
        accepted = AcceptedReadings(ctx, meters, earliest=min(r.reading_date for r in readings))
        for reading in readings:
            review = review_context(
                ctx,
                meters[reading.meter_id],
                reading.value,
                reading.reading_date,
                exclude_id=reading.id,
                accepted=accepted,
            )
            reading.previous_value = review.previous_value
            reading.previous_reading_date = review.previous_reading_date
            reading.consumption = review.consumption
    refresh_pending_context(ctx, per_meter, on_or_after=earliest)
    del cooperative
    audit.record_many(
        ctx,
        "reading.approve",
        (
            audit.Entry(
                "meter_readings",
                reading_id,
                premises_id,
                {"meter_id": meter_id, "status": {"old": "pending", "new": "accepted"}},
            )
            for reading_id, meter_id, premises_id, _ in rows
        ),
    )


def _approve_where(ctx: ServiceContext, *conditions) -> list[Approved]:  # type: ignore[no-untyped-def]
    now = ctx.now()
    statement = (
        update(MeterReading)
        .where(MeterReading.status == ReadingStatus.PENDING, ~_later_accepted_exists(), *conditions)
        .values(
            status=ReadingStatus.ACCEPTED,
            reviewed_at=now,
            reviewed_by_staff_id=ctx.actor.id,
            version=MeterReading.version + 1,
        )
        .returning(MeterReading.id, MeterReading.meter_id, MeterReading.reading_date)
        .execution_options(synchronize_session=False)
    )
    approved = [(int(r.id), int(r.meter_id), r.reading_date) for r in ctx.session.execute(statement)]
    if not approved:
        return []
    meter_ids = sorted({m for _, m, _ in approved})
    premises_of = dict(ctx.session.execute(select(Meter.id, Meter.premises_id).where(Meter.id.in_(meter_ids))).all())
    return [(rid, mid, premises_of[mid], day) for rid, mid, day in approved]


def approve_readings(ctx: ServiceContext, items: Sequence[tuple[int, int]]) -> BulkResult:
    """Approve the selected readings, each ``(reading_id, version the clerk saw)``, in one transaction."""
    ctx.require_staff()
    versions = dict(items)
    approved: list[Approved] = []
    pairs = list(versions.items())
    for start in range(0, len(pairs), CHUNK):
        chunk = pairs[start : start + CHUNK]
        approved += _approve_where(ctx, tuple_(MeterReading.id, MeterReading.version).in_(chunk))
    done = {rid for rid, _, _, _ in approved}
    _after_approval(ctx, approved)
    notify_readings(ctx, "approve", sorted(done))
    missed = [rid for rid in versions if rid not in done]
    return BulkResult(changed=sorted(done), conflicts=_explain(ctx, missed, versions))


def approve_all_unflagged(ctx: ServiceContext, queue_filter: QueueFilter) -> BulkResult:
    """Approve every pending reading without an anomaly flag that the clerk's current filter shows."""
    ctx.require_staff()
    ids = filtered_pending(queue_filter).where(MeterReading.anomaly_reason.is_(None))
    approved = _approve_where(ctx, MeterReading.id.in_(ids), MeterReading.anomaly_reason.is_(None))
    _after_approval(ctx, approved)
    notify_readings(ctx, "approve", [rid for rid, _, _, _ in approved])
    return BulkResult(changed=sorted(rid for rid, _, _, _ in approved))


def reject_readings(ctx: ServiceContext, items: Sequence[tuple[int, int]], reason: str) -> BulkResult:
    """Reject with a reason the resident will see (required)."""
    ctx.require_staff()
    text = clean_line(reason, max_length=500)
    if not text:
        raise ValidationError("Podaj powód odrzucenia — mieszkaniec go zobaczy.", field="reason")
    versions = dict(items)
    changed: list[tuple[int, int]] = []
    pairs = list(versions.items())
    for start in range(0, len(pairs), CHUNK):
        chunk = pairs[start : start + CHUNK]
        statement = (
            update(MeterReading)
            .where(
                MeterReading.status == ReadingStatus.PENDING, tuple_(MeterReading.id, MeterReading.version).in_(chunk)
            )
            .values(
                status=ReadingStatus.REJECTED,
                rejection_reason=text,
                reviewed_at=ctx.now(),
                reviewed_by_staff_id=ctx.actor.id,
                version=MeterReading.version + 1,
            )
            .returning(MeterReading.id, MeterReading.meter_id)
            .execution_options(synchronize_session=False)
        )
        changed += [(int(r.id), int(r.meter_id)) for r in ctx.session.execute(statement)]
    premises_of = dict(
        ctx.session.execute(select(Meter.id, Meter.premises_id).where(Meter.id.in_({m for _, m in changed}))).all()
    )
    audit.record_many(
        ctx,
        "reading.reject",
        (
            audit.Entry("meter_readings", reading_id, premises_of[meter_id], {"reason": text})
            for reading_id, meter_id in changed
        ),
    )
    done = {rid for rid, _ in changed}
    notify_readings(ctx, "reject", sorted(done))
    missed = [rid for rid in versions if rid not in done]
    return BulkResult(changed=sorted(done), conflicts=_explain(ctx, missed, versions))


def reject_reading(ctx: ServiceContext, reading_id: int, expected_version: int, reason: str) -> None:
    result = reject_readings(ctx, [(reading_id, expected_version)], reason)
    if result.conflicts:
        raise ConflictError(result.conflicts[0].message)


__all__ = ["BulkResult", "Conflict", "approve_all_unflagged", "approve_readings", "reject_reading", "reject_readings"]
