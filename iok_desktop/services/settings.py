"""Cooperative settings (one row) and reading windows (a default, overridable per building)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm.exc import StaleDataError

from iok_desktop.db.models import Building, Cooperative, ReadingWindow
from iok_desktop.domain.bank_account import normalise_nrb
from iok_desktop.domain.enums import WindowFrequency
from iok_desktop.domain.errors import ConflictError, NotFoundError, ValidationError
from iok_desktop.domain.readings import WindowRule
from iok_desktop.domain.text import clean_line
from iok_desktop.services import audit
from iok_desktop.services.context import ServiceContext

COOPERATIVE_ID = 1
DEFAULT_WINDOW = WindowRule(WindowFrequency.MONTHLY, days_before=7, days_after=7)


@dataclass(frozen=True)
class CooperativeSettings:
    name: str
    address: str
    bank_account: str
    iok_url: str
    anomaly_multiple: Decimal
    throttle_after_failures: int
    lockout_after_failures: int
    lockout_minutes: int
    kiosk_idle_seconds: int
    version: int


def _to_settings(row: Cooperative) -> CooperativeSettings:
    return CooperativeSettings(
        name=row.name,
        address=row.address,
        bank_account=row.bank_account,
        iok_url=row.iok_url,
        anomaly_multiple=row.anomaly_multiple,
        throttle_after_failures=row.throttle_after_failures,
        lockout_after_failures=row.lockout_after_failures,
        lockout_minutes=row.lockout_minutes,
        kiosk_idle_seconds=row.kiosk_idle_seconds,
        version=row.version,
    )


def load_cooperative(ctx: ServiceContext) -> Cooperative:
    row = ctx.session.get(Cooperative, COOPERATIVE_ID)
    if row is None:  # pragma: no cover - migration 0003 creates it
        raise RuntimeError("the cooperative settings row is missing: run `iok-desktop db upgrade`")
    return row


def get_settings(ctx: ServiceContext) -> CooperativeSettings:
    return _to_settings(load_cooperative(ctx))


def update_settings(ctx: ServiceContext, new: CooperativeSettings) -> CooperativeSettings:
    """Admin only; ``new.version`` must be the version the admin started from."""
    ctx.require_staff_or_system()
    if ctx.actor.is_staff:
        ctx.require_admin()
    row = load_cooperative(ctx)
    if new.version != row.version:
        raise ConflictError("Ustawienia zmienił w międzyczasie ktoś inny. Wczytaj je ponownie.")
    name = clean_line(new.name, max_length=200)
    if not name:
        raise ValidationError("Podaj nazwę spółdzielni.", field="name")
    bank = normalise_nrb(new.bank_account) if new.bank_account.strip() else ""
    if not Decimal("1.5") <= new.anomaly_multiple <= Decimal("20"):
        raise ValidationError("Krotność średniego zużycia musi być między 1,5 a 20.", field="anomaly_multiple")
    if not 1 <= new.throttle_after_failures <= new.lockout_after_failures <= 100:
        raise ValidationError(
            "Spowalnianie musi zaczynać się nie później niż blokada (1–100 prób).", field="lockout_after_failures"
        )
    if not 0 <= new.lockout_minutes <= 7 * 24 * 60:
        raise ValidationError("Czas blokady: od 0 (do odblokowania) do 10080 minut.", field="lockout_minutes")
    if not 20 <= new.kiosk_idle_seconds <= 3600:
        raise ValidationError("Czas bezczynności kiosku: od 20 do 3600 sekund.", field="kiosk_idle_seconds")
    before = asdict(_to_settings(row))
    row.name = name
    row.address = clean_line(new.address, max_length=300)
    row.bank_account = bank
    row.iok_url = clean_line(new.iok_url, max_length=200)
    row.anomaly_multiple = new.anomaly_multiple
    row.throttle_after_failures = new.throttle_after_failures
    row.lockout_after_failures = new.lockout_after_failures
    row.lockout_minutes = new.lockout_minutes
    row.kiosk_idle_seconds = new.kiosk_idle_seconds
    row.updated_at = ctx.now()
    try:
        ctx.session.flush()
    except StaleDataError as exc:
        raise ConflictError("Ustawienia zmienił w międzyczasie ktoś inny. Wczytaj je ponownie.") from exc
    after = _to_settings(row)
    audit.record(
        ctx,
        "settings.update",
        entity_type="cooperative",
        entity_id=COOPERATIVE_ID,
        details={"changes": audit.changes(before, asdict(after))},
    )
    return after


def window_rule_for_building(ctx: ServiceContext, building_id: int) -> WindowRule:
    """The building's own window if it has one, else the cooperative default."""
    rows = {
        row.building_id: row
        for row in ctx.session.scalars(
            select(ReadingWindow).where(
                (ReadingWindow.building_id == building_id) | ReadingWindow.building_id.is_(None)
            )
        )
    }
    row = rows.get(building_id) or rows.get(None)
    if row is None:
        return DEFAULT_WINDOW
    return WindowRule(row.frequency, row.days_before, row.days_after)


def set_window_rule(ctx: ServiceContext, rule: WindowRule, *, building_id: int | None = None) -> None:
    """Set the cooperative default (``building_id`` None) or a building's override."""
    ctx.require_staff_or_system()
    if ctx.actor.is_staff:
        ctx.require_admin()
    rule.validate()
    if building_id is not None and ctx.session.get(Building, building_id) is None:
        raise NotFoundError("Nie ma takiego budynku.")
    row = ctx.session.scalar(
        select(ReadingWindow).where(
            ReadingWindow.building_id.is_(None) if building_id is None else ReadingWindow.building_id == building_id
        )
    )
    old = (
        None
        if row is None
        else {"frequency": row.frequency, "days_before": row.days_before, "days_after": row.days_after}
    )
    if row is None:
        row = ReadingWindow(building_id=building_id)
        ctx.session.add(row)
    row.frequency = rule.frequency
    row.days_before = rule.days_before
    row.days_after = rule.days_after
    ctx.session.flush()
    audit.record(
        ctx,
        "settings.reading_window",
        entity_type="reading_window",
        entity_id=row.id,
        details={
            "building_id": building_id,
            "old": old,
            "new": {"frequency": rule.frequency, "days_before": rule.days_before, "days_after": rule.days_after},
        },
    )


def clear_building_window(ctx: ServiceContext, building_id: int) -> None:
    """Remove a building's override so the cooperative default applies again."""
    ctx.require_admin()
    row = ctx.session.scalar(select(ReadingWindow).where(ReadingWindow.building_id == building_id))
    if row is not None:
        ctx.session.delete(row)
        audit.record(
            ctx,
            "settings.reading_window_cleared",
            entity_type="reading_window",
            entity_id=row.id,
            details={"building_id": building_id},
        )
