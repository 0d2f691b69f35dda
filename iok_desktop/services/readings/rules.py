"""The checks every new or edited reading goes through, and the review context it is stored with.

Residents are refused what clerks are only warned about: a value below the last accepted reading
is usually a typo or a replaced meter, so a resident must ask the office, while a clerk may
confirm it. Windows, legalisation, remote reading and archived meters limit residents only.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import func, select, union_all

from iok_desktop.db.models import Meter, MeterReading, Premises
from iok_desktop.domain.dates import format_date
from iok_desktop.domain.enums import ReadingStatus
from iok_desktop.domain.errors import ValidationError
from iok_desktop.domain.language import core_text
from iok_desktop.domain.readings import (
    AVERAGE_LOOKBACK_DAYS,
    PastReading,
    WindowRule,
    average_daily_consumption,
    consumption_anomaly,
    format_reading_value,
    last_closed_window,
    next_window,
    window_containing,
)
from iok_desktop.services.context import ServiceContext
from iok_desktop.services.settings import get_settings, window_rule_for_building


@dataclass(frozen=True)
class Baseline:
    """What a new reading is compared with: the last accepted reading, or the meter's initial value."""

    reading_date: date
    value: Decimal
    is_reading: bool


@dataclass(frozen=True)
class ReviewContext:
    previous_value: Decimal | None
    previous_reading_date: date | None
    consumption: Decimal | None
    average_daily_consumption: Decimal | None
    anomaly_reason: str | None
    warnings: list[str]


def _fmt(meter: Meter, value: Decimal) -> str:
    return f"{format_reading_value(value, meter.decimal_places)} {meter.unit}"


def last_accepted(
    ctx: ServiceContext, meter_id: int, *, on_or_before: date | None = None, exclude_id: int | None = None
) -> MeterReading | None:
    query = (
        select(MeterReading)
        .where(MeterReading.meter_id == meter_id, MeterReading.status == ReadingStatus.ACCEPTED)
        .order_by(MeterReading.reading_date.desc(), MeterReading.id.desc())
        .limit(1)
    )
    if on_or_before is not None:
        query = query.where(MeterReading.reading_date <= on_or_before)
    if exclude_id is not None:
        query = query.where(MeterReading.id != exclude_id)
    return ctx.session.scalar(query)


class AcceptedReadings:
    """The accepted readings of some meters, read in one query, for many review contexts at once.

    ``review_context(..., accepted=…)`` then answers the same questions as its queries do (the last
    accepted reading on or before a date; the last 12 months and the reading just before them) from
    memory, in the same order (reading date, then id). Used where thousands of pending readings are
    reviewed again in one transaction (``refresh_pending_context`` after a bulk approval).
    """

    def __init__(self, ctx: ServiceContext, meter_ids: Iterable[int], *, earliest: date) -> None:
        """``earliest``: no question will be about a date before it. Only what such questions need is
        read: the readings of the year before ``earliest`` and later, and the last one before that year
        (the "reading just before the 12 months" of ``earliest``; a later date's is among the loaded)."""
        self.earliest = earliest
        self._buildings: dict[int, int] = {}  # premises id → building id
        self._rules: dict[int, WindowRule] = {}  # building id → its window rule
        cutoff = earliest - timedelta(days=AVERAGE_LOOKBACK_DAYS)
        self._rows: dict[int, list[tuple[date, int, Decimal]]] = {}
        ids = sorted(set(meter_ids))
        columns = (MeterReading.meter_id, MeterReading.id, MeterReading.reading_date, MeterReading.value)
        for start in range(0, len(ids), 1000):
            accepted = (
                MeterReading.meter_id.in_(ids[start : start + 1000]),
                MeterReading.status == ReadingStatus.ACCEPTED,
            )
            ranked = (
                select(
                    *columns,
                    func.row_number()
                    .over(
                        partition_by=MeterReading.meter_id,
                        order_by=(MeterReading.reading_date.desc(), MeterReading.id.desc()),
                    )
                    .label("rank"),
                )
                .where(*accepted, MeterReading.reading_date <= cutoff)
                .subquery()
            )
            last_before = select(ranked.c.meter_id, ranked.c.id, ranked.c.reading_date, ranked.c.value).where(
                ranked.c.rank == 1
            )
            recent = select(*columns).where(*accepted, MeterReading.reading_date > cutoff)
            for meter_id, reading_id, reading_date, value in ctx.session.execute(union_all(last_before, recent)):
                self._rows.setdefault(meter_id, []).append((reading_date, reading_id, value))
        for rows in self._rows.values():
            rows.sort(key=lambda row: (row[0], row[1]))

    def window_rule(self, ctx: ServiceContext, premises_id: int) -> WindowRule:
        """The reading window rule of the premises' building, read once per building."""
        building_id = self._buildings.get(premises_id)
        if building_id is None:
            building_id = int(ctx.session.scalar(select(Premises.building_id).where(Premises.id == premises_id)) or 0)
            self._buildings[premises_id] = building_id
        rule = self._rules.get(building_id)
        if rule is None:
            rule = self._rules[building_id] = window_rule_for_building(ctx, building_id)
        return rule

    def on_or_before(self, meter_id: int, day: date, exclude_id: int | None) -> list[tuple[date, Decimal]]:
        """Accepted readings dated ``day`` or earlier, oldest first (by date, then id); of those before
        the year ahead of ``earliest``, only the last one."""
        if day < self.earliest:
            raise ValueError(f"AcceptedReadings was read for dates from {self.earliest}, not {day}")
        rows = self._rows.get(meter_id, [])
        return [(d, v) for d, i, v in rows[: bisect_right(rows, (day, _MAX_ID))] if i != exclude_id]


_MAX_ID = 2**63


def baseline_for(
    ctx: ServiceContext,
    meter: Meter,
    *,
    before_or_on: date,
    exclude_id: int | None = None,
    accepted: AcceptedReadings | None = None,
) -> Baseline:
    if accepted is not None:
        earlier = accepted.on_or_before(meter.id, before_or_on, exclude_id)
        if earlier:
            return Baseline(earlier[-1][0], earlier[-1][1], True)
        return Baseline(meter.installed_on, meter.initial_value, False)
    last = last_accepted(ctx, meter.id, on_or_before=before_or_on, exclude_id=exclude_id)
    if last is not None:
        return Baseline(last.reading_date, last.value, True)
    return Baseline(meter.installed_on, meter.initial_value, False)


def _history(
    ctx: ServiceContext, meter: Meter, as_of: date, exclude_id: int | None, accepted: AcceptedReadings | None = None
) -> list[PastReading]:
    """Accepted readings of the last 12 months plus the one just before them (indexed, small)."""
    since = as_of - timedelta(days=AVERAGE_LOOKBACK_DAYS)
    before: list[tuple[date, Decimal]]
    within: list[tuple[date, Decimal]]
    if accepted is not None:
        earlier = accepted.on_or_before(meter.id, as_of, exclude_id)
        within = [(d, v) for d, v in earlier if d > since]
        before = [(d, v) for d, v in earlier if d <= since][-1:]
    else:
        base = select(MeterReading.reading_date, MeterReading.value).where(
            MeterReading.meter_id == meter.id, MeterReading.status == ReadingStatus.ACCEPTED
        )
        if exclude_id is not None:
            base = base.where(MeterReading.id != exclude_id)
        within = [
            (d, v)
            for d, v in ctx.session.execute(
                base.where(MeterReading.reading_date > since, MeterReading.reading_date <= as_of).order_by(
                    MeterReading.reading_date, MeterReading.id
                )
            )
        ]
        before = [
            (d, v)
            for d, v in ctx.session.execute(
                base.where(MeterReading.reading_date <= since)
                .order_by(MeterReading.reading_date.desc(), MeterReading.id.desc())
                .limit(1)
            )
        ]
    points = [PastReading(d, v) for d, v in [*before, *within]]
    if not before and meter.installed_on > since and (not points or points[0].reading_date > meter.installed_on):
        # A meter installed within the 12 months starts from its initial value (never the replaced meter's).
        points.insert(0, PastReading(meter.installed_on, meter.initial_value))
    return points


def review_context(
    ctx: ServiceContext,
    meter: Meter,
    value: Decimal,
    reading_date: date,
    *,
    exclude_id: int | None = None,
    accepted: AcceptedReadings | None = None,
) -> ReviewContext:
    """``accepted``: the meter's accepted readings already read (``AcceptedReadings``), else queried."""
    baseline = baseline_for(ctx, meter, before_or_on=reading_date, exclude_id=exclude_id, accepted=accepted)
    warnings: list[str] = []
    consumption = value - baseline.value
    average = average_daily_consumption(_history(ctx, meter, reading_date, exclude_id, accepted), reading_date)
    anomaly = None
    if consumption < 0:
        anomaly = core_text(
            f"Stan niższy niż poprzedni odczyt ({_fmt(meter, baseline.value)} z dnia "
            f"{format_date(baseline.reading_date)})."
        )
        warnings.append(anomaly + " " + core_text("Czy licznik wymieniono albo poprzedni odczyt był błędny?"))
    else:
        anomaly = consumption_anomaly(
            consumption=consumption,
            days=(reading_date - baseline.reading_date).days,
            average_daily=average,
            multiple=get_settings(ctx).anomaly_multiple,
            unit=meter.unit,
        )
    if anomaly is None:
        anomaly = _gap_reason(ctx, meter, baseline, reading_date, accepted)
    return ReviewContext(
        previous_value=baseline.value,
        previous_reading_date=baseline.reading_date,
        consumption=consumption,
        average_daily_consumption=average,
        anomaly_reason=anomaly,
        warnings=warnings,
    )


def _gap_reason(
    ctx: ServiceContext, meter: Meter, baseline: Baseline, reading_date: date, accepted: AcceptedReadings | None = None
) -> str | None:
    """Flag a meter that had no reading in the last closed window (it was billed at a flat rate)."""
    if accepted is not None:
        rule = accepted.window_rule(ctx, meter.premises_id)
    else:
        building_id = ctx.session.scalar(select(Premises.building_id).where(Premises.id == meter.premises_id))
        rule = window_rule_for_building(ctx, int(building_id or 0))
    previous = last_closed_window(rule, reading_date)
    if meter.installed_on >= previous.opens or baseline.reading_date >= previous.opens:
        return None
    return core_text(
        f"Brak odczytu w poprzednim okresie odczytowym ({format_date(previous.opens)}–"
        f"{format_date(previous.closes)}); ostatni z dnia {format_date(baseline.reading_date)}."
    )


def check_date(ctx: ServiceContext, meter: Meter, reading_date: date) -> None:
    if reading_date > ctx.today():
        raise ValidationError("Data odczytu nie może być w przyszłości.", field="reading_date")
    if reading_date < meter.installed_on:
        raise ValidationError(
            f"Data odczytu jest wcześniejsza niż montaż licznika ({format_date(meter.installed_on)}).",
            field="reading_date",
        )
    if meter.archived_on is not None and reading_date > meter.archived_on:
        raise ValidationError(
            f"Licznik został zdjęty {format_date(meter.archived_on)} — nie można zgłosić późniejszego odczytu.",
            field="meter",
        )


def check_resident_may_submit(ctx: ServiceContext, meter: Meter, reading_date: date) -> None:
    """Refusals that apply to residents only (clerks may enter readings at any time)."""
    today = ctx.today()
    if meter.archived_on is not None:
        raise ValidationError(
            f"Licznik {meter.serial_number} został zdjęty {format_date(meter.archived_on)} — nie przyjmuje odczytów.",
            field="meter",
        )
    if meter.remote_read:
        raise ValidationError(
            f"Licznik {meter.serial_number} jest odczytywany zdalnie — nie trzeba zgłaszać jego odczytu.",
            field="meter",
        )
    if meter.next_verification_on is not None and meter.next_verification_on < today:
        raise ValidationError(
            f"Licznik {meter.serial_number} jest po terminie legalizacji ({format_date(meter.next_verification_on)}). "
            "Do czasu wymiany zużycie rozliczane jest ryczałtem — skontaktuj się z administracją.",
            field="meter",
        )
    building_id = ctx.session.scalar(select(Premises.building_id).where(Premises.id == meter.premises_id))
    rule = window_rule_for_building(ctx, int(building_id or 0))
    window = window_containing(rule, today)
    if window is None:
        upcoming = next_window(rule, today)
        raise ValidationError(
            "Odczyty można zgłaszać tylko w okresie odczytowym. Najbliższy: od "
            f"{format_date(upcoming.opens)} do {format_date(upcoming.closes)}.",
            field="reading_date",
        )
    if reading_date < window.opens:
        raise ValidationError(
            f"Data odczytu musi przypadać w bieżącym okresie odczytowym (od {format_date(window.opens)}).",
            field="reading_date",
        )


def check_against_accepted(
    ctx: ServiceContext, meter: Meter, value: Decimal, reading_date: date, *, resident: bool, exclude_id: int | None
) -> None:
    """Refuse dates before the last accepted reading; residents also a lower value or a same-day one."""
    last = last_accepted(ctx, meter.id, exclude_id=exclude_id)
    if last is None:
        if resident and value < meter.initial_value:
            raise ValidationError(
                f"Podany stan ({_fmt(meter, value)}) jest niższy niż stan początkowy licznika "
                f"({_fmt(meter, meter.initial_value)}). Sprawdź liczbę.",
                field="value",
            )
        return
    when = format_date(last.reading_date)
    if reading_date < last.reading_date:
        raise ValidationError(
            f"Data odczytu jest wcześniejsza niż ostatni zaakceptowany odczyt ({when}).", field="reading_date"
        )
    if resident and reading_date == last.reading_date and value != last.value:
        raise ValidationError(
            f"Na dzień {when} jest już zaakceptowany odczyt ({_fmt(meter, last.value)}).", field="reading_date"
        )
    if resident and value < last.value:
        raise ValidationError(
            f"Podany stan ({_fmt(meter, value)}) jest niższy niż ostatni zaakceptowany odczyt "
            f"({_fmt(meter, last.value)} z dnia {when}). Sprawdź liczbę — jeśli licznik wymieniono, "
            "zgłoś to w administracji.",
            field="value",
        )
