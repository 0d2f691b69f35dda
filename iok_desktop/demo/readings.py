"""Reading histories: when a household reads its meters, and the rows each meter gets.

The busiest code of the demo (about 40 rows per meter, millions at full scale), hence plain tuples,
integer arithmetic and day indexes. Every row is filled the way the reading service fills it when
a reading is submitted:

* ``previous_value`` / ``previous_reading_date``: the meter's latest *accepted* reading before it;
* ``consumption``: value minus that previous value, ``None`` for the meter's first reading;
* ``average_daily_consumption``: ``domain.readings.average_daily_consumption`` over the accepted
  readings before it, as of its reading date, computed here incrementally (a pointer walks the
  365-day horizon forward) with the same half-even rounding to 0.000001;
* ``anomaly_reason``: ``domain.readings.consumption_anomaly``'s text when consumption since the
  previous reading exceeds the cooperative's multiple of that average. An exact integer test decides
  first, so the Decimal-based domain function only runs for the few rows that are flagged.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from iok_desktop.demo import texts
from iok_desktop.demo.meters import MeterPlan
from iok_desktop.demo.rows import Row
from iok_desktop.demo.timeline import Timeline
from iok_desktop.domain.enums import MeterKind, ReadingSource, ReadingStatus
from iok_desktop.domain.readings import AVERAGE_LOOKBACK_DAYS, MIN_AVERAGE_SPAN_DAYS, Window, consumption_anomaly

ACCEPTED = ReadingStatus.ACCEPTED.value
PENDING = ReadingStatus.PENDING.value
REJECTED = ReadingStatus.REJECTED.value
WEB = ReadingSource.WEB.value
KIOSK = ReadingSource.KIOSK.value
CLERK = ReadingSource.CLERK.value
IMPORT = ReadingSource.IMPORT.value

HOUR = 3600
# Share of a resident's submissions a clerk rejects (typo, wrong meter) before a corrected one.
REJECTED_SHARE = 0.004
# Share of pending water readings with a leak behind them (consumption several times the average).
LEAK_SHARE = 0.05
NOTE_SHARE = 0.01
# A window that closed this recently may still have readings waiting for review.
BACKLOG_DAYS = 20


@dataclass(slots=True)
class Session:
    """One occasion on which all meters of a premises were read (or submitted) together."""

    day: int
    status: str
    source: str
    account_id: int | None
    staff_id: int | None
    submitted_at: datetime
    reviewed_at: datetime | None
    reviewer_id: int | None


@dataclass(frozen=True)
class Reader:
    """Who reads a premises' meters and how eagerly."""

    # Chance of a reading in any one window (about one in three monthly windows: ~4 a year).
    diligence: float
    remote: bool
    account_id: int | None
    # Day index from which the account exists (submissions before it came on paper).
    account_since: int
    # In the window open today: None = chance decides, True = has submitted, False = has not yet.
    submits_now: bool | None = None


class SessionPlanner:
    """When a premises' meters were read, window by window, and by whom.

    Every window of the building's rule gets at most one session: radio-read premises are imported
    at each period end; others read in a window by chance (``diligence``), through IOK once they
    have an account, on a paper card typed in by a clerk or by the collector before that. In the
    window open today, residents with an account may have submitted already: those readings wait
    for review (pending).
    """

    def __init__(self, timeline: Timeline, clerk_ids: list[int]) -> None:
        self.tl = timeline
        self.clerks = clerk_ids

    def sessions(self, rng: random.Random, windows: list[Window], reader: Reader) -> list[Session]:
        tl = self.tl
        last_done = tl.today_index - 1  # nothing is dated today: "now" may be early in the morning
        sessions: list[Session] = []
        for position, window in enumerate(windows):
            opens, closes = tl.index(window.opens), tl.index(window.closes)
            is_last = position == len(windows) - 1
            open_now = is_last and closes >= tl.today_index
            recent = is_last and closes >= tl.today_index - BACKLOG_DAYS
            if reader.remote:
                # Radio-read meters are read out at every period end and imported the next night.
                day = tl.index(window.period_end)
                if 0 < day < last_done:
                    at = tl.moment(day + 1, 2 * HOUR + rng.randrange(HOUR))
                    sessions.append(Session(day, ACCEPTED, IMPORT, None, None, at, at, self.clerks[0]))
                continue
            has_account = reader.account_id is not None
            if recent and has_account:
                submits = reader.submits_now
                if submits is None:
                    submits = rng.random() < (0.5 if open_now else 0.3)
                if submits:
                    low = max(opens, tl.today_index - 10, 0)
                    if low > last_done:
                        low = max(opens, 0)
                    if low <= last_done:
                        day = rng.randint(low, min(closes, last_done))
                        at = tl.moment(day, rng.randrange(7 * HOUR, 23 * HOUR))
                        source = KIOSK if rng.random() < 0.12 else WEB
                        sessions.append(Session(day, PENDING, source, reader.account_id, None, at, None, None))
                    continue
                if reader.submits_now is False or open_now:
                    continue
            if rng.random() >= (0.2 if open_now else reader.diligence):
                continue
            low, high = max(opens, 0), min(closes, last_done)
            if low > high:
                continue
            day = rng.randint(low, high)
            sessions.append(self._accepted(rng, day, closes, reader, collector=not open_now))
        return sessions

    def _accepted(self, rng: random.Random, day: int, closes: int, reader: Reader, *, collector: bool) -> Session:
        tl = self.tl
        last_done = tl.today_index - 1
        if reader.account_id is not None and day >= reader.account_since:
            source = KIOSK if rng.random() < 0.12 else WEB
            submitted = tl.moment(day, rng.randrange(7 * HOUR, 23 * HOUR))
            reviewed = tl.moment(min(day + rng.randint(0, 3), last_done), rng.randrange(8 * HOUR, 15 * HOUR))
            if reviewed <= submitted:
                reviewed = submitted + timedelta(minutes=rng.randint(15, 90))
            return Session(day, ACCEPTED, source, reader.account_id, None, submitted, reviewed, rng.choice(self.clerks))
        clerk = rng.choice(self.clerks)
        if collector and rng.random() < 0.3:
            # Read by the cooperative's collector during the window, imported once it closes.
            at = tl.moment(max(day, min(closes + 1, last_done)), 7 * HOUR + rng.randrange(HOUR))
            return Session(day, ACCEPTED, IMPORT, None, None, at, at, clerk)
        # A paper card from the letterbox, typed in by a clerk: accepted as it is entered.
        at = tl.moment(day, rng.randrange(8 * HOUR, 15 * HOUR))
        return Session(day, ACCEPTED, CLERK, None, clerk, at, at, clerk)


@dataclass(slots=True)
class Context:
    """What the service stores with a reading for review, in integer units (see ``rows``)."""

    previous_value: int | None = None
    previous_date: date | None = None
    average: int | None = None
    elapsed: int = 0  # days since the previous reading

    def consumption(self, value: int) -> int | None:
        return None if self.previous_value is None else value - self.previous_value


class Accepted:
    """A meter's accepted readings so far, and the review context a new reading gets from them."""

    __slots__ = ("days", "horizon", "timeline", "values")

    def __init__(self, timeline: Timeline) -> None:
        self.timeline = timeline
        self.days: list[int] = []
        self.values: list[int] = []
        # Index of the latest reading at least 365 days before the reading being added (the
        # average's starting point); only ever moves forward, as readings come in date order.
        self.horizon = -1

    def add(self, day: int, value: int) -> None:
        self.days.append(day)
        self.values.append(value)

    def context(self, day: int) -> Context:
        days = self.days
        if not days:
            return Context()
        limit = day - AVERAGE_LOOKBACK_DAYS
        while self.horizon + 1 < len(days) and days[self.horizon + 1] <= limit:
            self.horizon += 1
        return Context(
            self.values[-1], self.timeline.days[days[-1]], self._average(max(self.horizon, 0)), day - days[-1]
        )

    def _average(self, first: int) -> int | None:
        """``average_daily_consumption`` in millionths, from reading ``first`` to the latest."""
        days, values = self.days, self.values
        if len(days) - first < 2:
            return None
        span = days[-1] - days[first]
        rise = values[-1] - values[first]
        if span < MIN_AVERAGE_SPAN_DAYS or rise < 0:
            return None
        # Thousandths → millionths, per day, rounded half to even like Decimal.quantize.
        quotient, remainder = divmod(rise * 1000, span)
        if remainder * 2 > span or (remainder * 2 == span and quotient % 2 == 1):
            quotient += 1
        return quotient


class ReadingHistory:
    """Turns a meter and its premises' sessions into ``meter_readings`` rows."""

    def __init__(
        self, timeline: Timeline, counter: Iterator[int], anomaly_multiple: Decimal, clerk_ids: list[int]
    ) -> None:
        self.tl = timeline
        self.counter = counter
        self.clerks = clerk_ids
        self.multiple = anomaly_multiple
        # The multiple in hundredths, for the exact integer pre-check.
        self.multiple_hundredths = int(anomaly_multiple * 100)

    def rows(
        self,
        rng: random.Random,
        meter: MeterPlan,
        sessions: list[Session],
        out: list[Row],
        *,
        force_leak: bool = False,
        force_rejection: bool = False,
        fitter_id: int | None = None,
    ) -> None:
        tl = self.tl
        random_ = rng.random
        is_water = meter.kind in (MeterKind.COLD_WATER, MeterKind.HOT_WATER)
        value = meter.start_value
        value_day = meter.first_index
        accepted = Accepted(tl)
        for session in sessions:
            day = session.day
            if day <= meter.first_index or day > meter.last_index:
                continue
            use = tl.use_between(meter.kind, value_day, day) * meter.rate * (0.8 + 0.4 * random_())
            note = rng.choice(texts.RESIDENT_NOTES) if random_() < NOTE_SHARE else None
            if session.status == PENDING and is_water and (force_leak or random_() < LEAK_SHARE):
                use *= rng.uniform(4.0, 7.0)
                note = texts.LEAK_NOTE
            value += int(use / meter.quantum + 0.5) * meter.quantum
            value_day = day
            if session.status == PENDING:
                if day < tl.today_index - 1 and random_() < 0.03:
                    # Rejected in this window, and not submitted again yet.
                    out.append(self._rejected(rng, meter, session, value, accepted.context(day)))
                    continue
            elif (
                session.source in (WEB, KIOSK)
                and day - 1 > meter.first_index
                and (force_rejection or random_() < REJECTED_SHARE)
            ):
                # Rejected the day before; this session's reading is the corrected one.
                out.append(self._rejected(rng, meter, session, value, accepted.context(day - 1)))
                force_rejection = False
            out.append(self._row(meter, session, day, value, accepted.context(day), note=note))
            if session.status == ACCEPTED:
                accepted.add(day, value)
        if meter.replaced_on is not None:
            self._final_reading(
                rng, meter, value=value, value_day=value_day, accepted=accepted, out=out, fitter_id=fitter_id
            )

    def _row(self, meter: MeterPlan, s: Session, day: int, value: int, context: Context, *, note: str | None) -> Row:
        consumption = context.consumption(value)
        return (
            next(self.counter), meter.id, value, self.tl.days[day], s.source, s.status,
            self._anomaly(meter, consumption, context), note, context.previous_value, context.previous_date,
            consumption, context.average, s.submitted_at, s.account_id, s.staff_id, None, s.reviewed_at,
            s.reviewer_id, None, 1,
        )  # fmt: skip

    def _final_reading(
        self,
        rng: random.Random,
        meter: MeterPlan,
        *,
        value: int,
        value_day: int,
        accepted: Accepted,
        out: list[Row],
        fitter_id: int | None,
    ) -> None:
        """The replaced meter's last reading, from the fitter's protocol, entered by a clerk."""
        day = meter.replaced_on
        if day is None:
            return
        value += int(self.tl.use_between(meter.kind, value_day, day) * meter.rate / meter.quantum + 0.5) * meter.quantum
        at = self.tl.moment(day, rng.randrange(9 * HOUR, 14 * HOUR))
        session = Session(day, ACCEPTED, CLERK, None, fitter_id, at, at, fitter_id)
        out.append(self._row(meter, session, day, value, accepted.context(day), note=texts.FITTER_NOTE))

    def _rejected(self, rng: random.Random, meter: MeterPlan, session: Session, value: int, context: Context) -> Row:
        """A submission a clerk turned down: a digit too many, or a value that does not match."""
        base = context.previous_value if context.previous_value is not None else meter.start_value
        if rng.random() < 0.6:
            wrong = base + (value - base) * 10 + meter.quantum
            reason = texts.REJECTION_EXTRA_DIGIT
        else:
            wrong = value + rng.randint(1, 40) * meter.quantum
            reason = rng.choice(texts.REJECTION_OTHER)
        if session.status == PENDING:
            day, submitted = session.day, session.submitted_at
        else:
            day, submitted = max(session.day - 1, 0), session.submitted_at - timedelta(days=1)
        reviewed = submitted + timedelta(hours=rng.randint(2, 20))
        consumption = context.consumption(wrong)
        return (
            next(self.counter), meter.id, wrong, self.tl.days[day], session.source, REJECTED,
            self._anomaly(meter, consumption, context), None, context.previous_value, context.previous_date,
            consumption, context.average, submitted, session.account_id, session.staff_id, None, reviewed,
            rng.choice(self.clerks), reason, 1,
        )  # fmt: skip

    def _anomaly(self, meter: MeterPlan, consumption: int | None, context: Context) -> str | None:
        # Consumption in thousandths × 1000 is millionths like the average; both sides × 100 for the
        # multiple's two decimals: exactly ``consumption > average × days × multiple``.
        average = context.average
        if consumption is None or average is None or average <= 0 or consumption <= 0:
            return None
        if consumption * 100_000 <= average * max(context.elapsed, 1) * self.multiple_hundredths:
            return None
        return consumption_anomaly(
            consumption=Decimal(consumption).scaleb(-3),
            days=context.elapsed,
            average_daily=Decimal(average).scaleb(-6),
            multiple=self.multiple,
            unit=meter.unit,
        )
