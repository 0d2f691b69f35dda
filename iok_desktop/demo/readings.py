"""Reading histories: the ``meter_readings`` rows of one meter, from its premises' sessions.

The busiest code of the demo (about 45 rows per meter, millions at full scale), hence plain tuples,
integer values (thousandths) and day indexes. Each row carries the review context the reading
service would have stored with it (see ``review``). A replaced meter ends with the fitter's final
reading and the meter replacing it starts with its initial reading, as ``services.meters.replace_meter``
writes them: the final one an accepted clerk's reading with its context, the initial one accepted
without any (nothing to compare it with).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import datetime, timedelta
from decimal import Decimal

from iok_desktop.demo import texts
from iok_desktop.demo.meters import MeterPlan
from iok_desktop.demo.review import Context, GapWindows, MeterReview
from iok_desktop.demo.rows import Row
from iok_desktop.demo.sessions import ACCEPTED, CLERK, KIOSK, PENDING, REJECTED, WEB, Session
from iok_desktop.demo.timeline import Timeline
from iok_desktop.domain.enums import MeterKind

HOUR = 3600
# Share of a resident's submissions a clerk rejects (typo, wrong meter) before a corrected one.
REJECTED_SHARE = 0.004
# Share of pending submissions in the open window that a clerk has already rejected.
PENDING_REJECTED_SHARE = 0.03
# Share of pending water readings with a leak behind them (consumption several times the average).
LEAK_SHARE = 0.05
NOTE_SHARE = 0.01


class ReadingHistory:
    """Turns a meter and its premises' sessions into ``meter_readings`` rows."""

    def __init__(
        self, timeline: Timeline, counter: Iterator[int], anomaly_multiple: Decimal, clerk_ids: list[int]
    ) -> None:
        self.tl = timeline
        self.counter = counter
        self.clerks = clerk_ids
        self.multiple = anomaly_multiple
        # Moment and clerk of each replacement (old meter id → …), for the new meter's initial reading.
        self._replacements: dict[int, tuple[datetime, int | None]] = {}

    def rows(
        self,
        rng: random.Random,
        meter: MeterPlan,
        sessions: list[Session],
        gap: GapWindows,
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
        review = MeterReview(tl, meter, gap, self.multiple)
        if meter.replaces is not None:
            self._initial_reading(meter, review, out)
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
                if day < tl.today_index - 1 and random_() < PENDING_REJECTED_SHARE:
                    # Rejected in this window, and not submitted again yet.
                    out.append(self._rejected(rng, meter, session, value, review))
                    continue
            elif (
                session.source in (WEB, KIOSK)
                and day - 1 > meter.first_index
                and (force_rejection or random_() < REJECTED_SHARE)
            ):
                # Rejected the day before; this session's reading is the corrected one.
                out.append(self._rejected(rng, meter, session, value, review))
                force_rejection = False
            out.append(self._row(meter, session, day, value, review.context(day, value), note=note))
            if session.status == ACCEPTED:
                review.add(day, value)
        if meter.replaced_on is not None:
            self._final_reading(rng, meter, value=value, value_day=value_day, review=review, out=out, fitter=fitter_id)

    def _row(self, meter: MeterPlan, s: Session, day: int, value: int, context: Context, *, note: str | None) -> Row:
        previous_value, previous_date, consumption, average, reason = context
        return (
            next(self.counter), meter.id, value, self.tl.days[day], s.source, s.status, reason, note,
            previous_value, previous_date, consumption, average, s.submitted_at, s.account_id, s.staff_id, None,
            s.reviewed_at, s.reviewer_id, None, 1,
        )  # fmt: skip

    def _final_reading(
        self,
        rng: random.Random,
        meter: MeterPlan,
        *,
        value: int,
        value_day: int,
        review: MeterReview,
        out: list[Row],
        fitter: int | None,
    ) -> None:
        """The replaced meter's last reading, from the fitter's protocol, entered by a clerk."""
        day = meter.replaced_on
        if day is None:
            return
        value += int(self.tl.use_between(meter.kind, value_day, day) * meter.rate / meter.quantum + 0.5) * meter.quantum
        at = self.tl.moment(day, rng.randrange(9 * HOUR, 14 * HOUR))
        session = Session(day, ACCEPTED, CLERK, None, fitter, at, at, fitter)
        out.append(self._row(meter, session, day, value, review.context(day, value), note=texts.FINAL_READING_NOTE))
        self._replacements[meter.id] = (at, fitter)

    def _initial_reading(self, meter: MeterPlan, review: MeterReview, out: list[Row]) -> None:
        """The new meter's first reading: its initial value on the day it was fitted, with no context."""
        at, fitter = self._replacements.pop(meter.replaces or 0)
        day, value = meter.first_index, meter.initial_value
        out.append((
            next(self.counter), meter.id, value, self.tl.days[day], CLERK, ACCEPTED, None, texts.INITIAL_READING_NOTE,
            None, None, None, None, at, None, fitter, None, at, fitter, None, 1,
        ))  # fmt: skip
        review.add(day, value)

    def _rejected(self, rng: random.Random, meter: MeterPlan, session: Session, value: int, review: MeterReview) -> Row:
        """A submission a clerk turned down: a digit too many, or a value that does not match."""
        if session.status == PENDING:
            day, submitted = session.day, session.submitted_at
        else:
            day, submitted = max(session.day - 1, 0), session.submitted_at - timedelta(days=1)
        base = review.previous_value(day)
        if rng.random() < 0.6:
            wrong = base + (value - base) * 10 + meter.quantum
            reason = texts.REJECTION_EXTRA_DIGIT
        else:
            wrong = value + rng.randint(1, 40) * meter.quantum
            reason = rng.choice(texts.REJECTION_OTHER)
        reviewed = submitted + timedelta(hours=rng.randint(2, 20))
        previous_value, previous_date, consumption, average, anomaly = review.context(day, wrong)
        return (
            next(self.counter), meter.id, wrong, self.tl.days[day], session.source, REJECTED, anomaly, None,
            previous_value, previous_date, consumption, average, submitted, session.account_id, session.staff_id,
            None, reviewed, rng.choice(self.clerks), reason, 1,
        )  # fmt: skip
