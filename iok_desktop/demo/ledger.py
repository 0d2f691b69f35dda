"""A premises' ledger (kartoteka): monthly charges, payments, yearly settlements, corrections.

About two rows a month per premises (one combined charge, one payment), which lands near the 233
rows per premises over 10 years the full-scale target asks for. Amounts are in grosze (integers).

Decisions:

* One combined monthly charge per premises, booked on the 1st, due on the 10th; rates rise by
  about 4.5 % each January (so older years are cheaper).
* How a premises pays is a trait drawn once: a standing order of exactly the charge (most), paying
  off the balance by hand, paying late, rounding up (overpaid), irregular lump sums, or stopping
  a few months ago (arrears).
* Flats get a yearly water settlement in March (a correction, either sign); a few charges are
  corrected later in the month (``corrects_entry_id`` set, entered by a clerk).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime

from iok_desktop.demo import texts
from iok_desktop.demo.rows import Row
from iok_desktop.demo.timeline import Timeline
from iok_desktop.domain.enums import LedgerKind, PremisesKind

SOURCE = "demo"
CHARGE = LedgerKind.CHARGE.value
PAYMENT = LedgerKind.PAYMENT.value
CORRECTION = LedgerKind.CORRECTION.value
YEARLY_RISE = 1.045
CORRECTED_SHARE = 0.003
HOUR = 3600

# Payment habits and how common they are.
STANDING_ORDER, BY_HAND, LATE, ROUNDS_UP, IRREGULAR, ARREARS = range(6)
_HABITS = ((STANDING_ORDER, 0.55), (BY_HAND, 0.22), (LATE, 0.09), (ROUNDS_UP, 0.05), (IRREGULAR, 0.04), (ARREARS, 0.05))


@dataclass(frozen=True)
class Month:
    """What every premises shares for one history month; built once per run."""

    year: int
    month: int
    first_index: int  # day index of the 1st
    booked_on: date
    due_on: date
    charged_at: datetime
    period: str  # "11/2026"


def months(timeline: Timeline) -> list[Month]:
    result = []
    for year, month in timeline.months():
        first = date(year, month, 1)
        index = timeline.index(first)
        result.append(
            Month(
                year=year,
                month=month,
                first_index=index,
                booked_on=first,
                due_on=first.replace(day=10),
                # The monthly charge run happens at night.
                charged_at=timeline.moment(index, 2 * HOUR),
                period=f"{month:02d}/{year}",
            )
        )
    return result


def pick_habit(rng: random.Random) -> int:
    draw = rng.random()
    for habit, share in _HABITS:
        if draw < share:
            return habit
        draw -= share
    return STANDING_ORDER


def monthly_charge(rng: random.Random, kind: PremisesKind, area_m2: float, occupants: int) -> int:
    """Today's monthly charge in grosze."""
    if kind is PremisesKind.GARAGE:
        zloty = rng.uniform(95, 160)
    elif kind is PremisesKind.COMMERCIAL:
        zloty = area_m2 * rng.uniform(38, 55)
    else:
        # Maintenance, repair fund and heating advance per m²; water, sewage and waste per person.
        zloty = area_m2 * rng.uniform(6.2, 7.6) + occupants * rng.uniform(85, 100) + 6.0
    return round(zloty * 100)


class LedgerWriter:
    """One premises' ledger at a time; the months (dates, titles' periods) are shared by all."""

    def __init__(self, timeline: Timeline, counter: Iterator[int], clerk_ids: list[int]) -> None:
        self.tl = timeline
        self.months = months(timeline)
        self.counter = counter
        self.clerks = clerk_ids

    def rows(
        self,
        rng: random.Random,
        premises_id: int,
        *,
        kind: PremisesKind,
        charge_now: int,
        habit: int,
        out: list[Row],
    ) -> None:
        tl = self.tl
        days = tl.days
        moment = tl.moment
        counter = self.counter
        random_ = rng.random
        last_done = tl.today_index - 1
        current_year = tl.today.year
        title = {
            PremisesKind.FLAT: texts.CHARGE_TITLE_FLAT,
            PremisesKind.GARAGE: texts.CHARGE_TITLE_GARAGE,
            PremisesKind.COMMERCIAL: texts.CHARGE_TITLE_COMMERCIAL,
        }[kind]
        pid = f"{premises_id:06d}"
        # Arrears: payments stop a few months before today.
        stop_after = len(self.months) - rng.randint(2, 6) if habit == ARREARS else len(self.months)
        balance = 0
        payments = 0
        rates: dict[int, int] = {}

        for position, month in enumerate(self.months):
            charge = rates.get(month.year)
            if charge is None:
                charge = round(charge_now / YEARLY_RISE ** (current_year - month.year))
                rates[month.year] = charge
            charge_id = next(counter)
            out.append((
                charge_id, premises_id, month.booked_on, month.due_on, CHARGE, title.format(period=month.period),
                charge, SOURCE, f"N/{month.year}/{month.month:02d}/{pid}", None, month.charged_at, None,
            ))  # fmt: skip
            balance += charge

            if kind is PremisesKind.FLAT and month.month == 3 and month.year > tl.start.year:
                # Last year's water settlement: a top-up to pay or a refund credited.
                amount = round(rng.uniform(-150, 120) * 100)
                day = month.first_index + rng.randint(14, 24)
                if day <= last_done:
                    out.append((
                        next(counter), premises_id, days[day], days[day + 14] if amount > 0 else None, CORRECTION,
                        texts.SETTLEMENT_TITLE.format(year=month.year - 1), amount, SOURCE,
                        f"R/{month.year}/{pid}", None, moment(day, 10 * HOUR), rng.choice(self.clerks),
                    ))  # fmt: skip
                    balance += amount

            if random_() < CORRECTED_SHARE:
                day = month.first_index + rng.randint(11, 20)
                if day <= last_done:
                    amount = -round(charge * rng.uniform(0.05, 0.2))
                    out.append((
                        next(counter), premises_id, days[day], None, CORRECTION,
                        texts.CORRECTION_TITLE.format(period=month.period), amount, SOURCE,
                        f"K/{month.year}/{month.month:02d}/{pid}", charge_id, moment(day, 11 * HOUR),
                        rng.choice(self.clerks),
                    ))  # fmt: skip
                    balance += amount

            if position >= stop_after:
                continue
            amount, offset = self._payment(rng, habit, charge, balance, position)
            day = month.first_index + offset
            if amount <= 0 or day > last_done:
                continue
            payments += 1
            out.append((
                next(counter), premises_id, days[day], None, PAYMENT,
                rng.choice(texts.PAYMENT_TITLES), -amount, SOURCE,
                f"W/{days[day].year}/{days[day].month:02d}/{pid}/{payments}", None,
                moment(day, 7 * HOUR + int(random_() * HOUR)), None,
            ))  # fmt: skip
            balance -= amount

    @staticmethod
    def _payment(rng: random.Random, habit: int, charge: int, balance: int, position: int) -> tuple[int, int]:
        """(amount in grosze, days after the 1st) of this month's payment; amount 0 = none."""
        on_time = rng.randint(1, 9)
        if habit == STANDING_ORDER:
            return charge, (on_time if rng.random() > 0.03 else rng.randint(11, 25))
        if habit == BY_HAND:
            return max(balance, 0), on_time
        if habit == LATE:
            return charge, rng.randint(12, 40)
        if habit == ROUNDS_UP:
            return -(-charge // 5000) * 5000, on_time
        if habit == IRREGULAR:
            return (max(balance, 0), on_time) if position % 3 == 2 else (0, 0)
        # ARREARS, before the payments stopped: on time.
        return charge, on_time
