"""When a household reads its meters: one session per reading window, and who entered it.

Every window of the building's rule gets at most one session, in which all meters of the premises
are read together. Most households read in most windows (``diligence``: 80–97 % of the windows,
most of them near the top), so only a few percent of readings follow a missed window and carry the
service's gap flag. They submit through IOK once they have an account; before that (or without
one) a paper card is typed in by a clerk, or the cooperative's collector reads the meters. In the
window open today, residents with an account may have submitted already: those readings wait for
review (pending). Radio-read meters are read out at every month's end and imported the next night,
whatever the building's window (a month's end is never far from a window, so they never show a gap).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from iok_desktop.demo.timeline import Timeline
from iok_desktop.domain.enums import ReadingSource, ReadingStatus
from iok_desktop.domain.readings import Window

ACCEPTED = ReadingStatus.ACCEPTED.value
PENDING = ReadingStatus.PENDING.value
REJECTED = ReadingStatus.REJECTED.value
WEB = ReadingSource.WEB.value
KIOSK = ReadingSource.KIOSK.value
CLERK = ReadingSource.CLERK.value
IMPORT = ReadingSource.IMPORT.value

HOUR = 3600
# A window that closed this recently may still have readings waiting for review.
BACKLOG_DAYS = 20
# How many windows a household reads in: from LEAST to MOST, skewed towards MOST.
MOST_DILIGENT = 0.97
LEAST_DILIGENT = 0.80
_DILIGENCE_SKEW = 6
# Chance that a household with an account has already submitted in the window open today
# (or, in a window that closed lately, that its submission still waits for review).
SUBMITTED_NOW = 0.5
SUBMITTED_LATELY = 0.3
# Chance that a household without an account has already handed in a card in the window open today.
CARD_NOW = 0.2
KIOSK_SHARE = 0.12
COLLECTOR_SHARE = 0.3


def draw_diligence(rng: random.Random) -> float:
    """Share of windows a household reads in: most near the top, a tail of forgetful ones."""
    return MOST_DILIGENT - (MOST_DILIGENT - LEAST_DILIGENT) * rng.random() ** _DILIGENCE_SKEW


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

    # Chance of a reading in any one window (see ``draw_diligence``).
    diligence: float
    remote: bool
    account_id: int | None
    # Day index from which the account exists (submissions before it came on paper).
    account_since: int
    # In the window open today: None = chance decides, True = has submitted, False = has not yet.
    submits_now: bool | None = None


class SessionPlanner:
    """The sessions of one premises, window by window."""

    def __init__(self, timeline: Timeline, clerk_ids: list[int]) -> None:
        self.tl = timeline
        self.clerks = clerk_ids
        # Nothing is dated today: "now" may be early in the morning.
        self.last_done = timeline.today_index - 1

    def sessions(self, rng: random.Random, windows: list[Window], reader: Reader) -> list[Session]:
        if reader.remote:
            return self._radio(rng)
        tl = self.tl
        last_done = self.last_done
        sessions: list[Session] = []
        for position, window in enumerate(windows):
            opens, closes = tl.index(window.opens), tl.index(window.closes)
            is_last = position == len(windows) - 1
            open_now = is_last and closes >= tl.today_index
            recent = is_last and closes >= tl.today_index - BACKLOG_DAYS
            if recent and reader.account_id is not None:
                submits = reader.submits_now
                if submits is None:
                    submits = rng.random() < (SUBMITTED_NOW if open_now else SUBMITTED_LATELY)
                if submits:
                    pending = self._pending(rng, opens, closes, reader)
                    if pending is not None:
                        sessions.append(pending)
                    continue
                if reader.submits_now is False or open_now:
                    continue
            if rng.random() >= (CARD_NOW if open_now else reader.diligence):
                continue
            low, high = max(opens, 0), min(closes, last_done)
            if low > high:
                continue
            day = rng.randint(low, high)
            sessions.append(self._accepted(rng, day, closes, reader, collector=not open_now))
        return sessions

    def _radio(self, rng: random.Random) -> list[Session]:
        """Radio-read meters: read out at every month's end, imported the next night."""
        tl = self.tl
        sessions = []
        for day in tl.month_ends:
            if 0 < day < self.last_done:
                at = tl.moment(day + 1, 2 * HOUR + rng.randrange(HOUR))
                sessions.append(Session(day, ACCEPTED, IMPORT, None, None, at, at, self.clerks[0]))
        return sessions

    def _pending(self, rng: random.Random, opens: int, closes: int, reader: Reader) -> Session | None:
        """A submission in the window (of its last ten days up to yesterday if it can) that waits for a clerk."""
        tl = self.tl
        low, high = max(opens, 0), min(closes, self.last_done)
        if low > high:
            return None
        day = rng.randint(max(low, min(high, tl.today_index - 10)), high)
        at = tl.moment(day, rng.randrange(7 * HOUR, 23 * HOUR))
        source = KIOSK if rng.random() < KIOSK_SHARE else WEB
        return Session(day, PENDING, source, reader.account_id, None, at, None, None)

    def _accepted(self, rng: random.Random, day: int, closes: int, reader: Reader, *, collector: bool) -> Session:
        tl = self.tl
        last_done = self.last_done
        if reader.account_id is not None and day >= reader.account_since:
            source = KIOSK if rng.random() < KIOSK_SHARE else WEB
            submitted = tl.moment(day, rng.randrange(7 * HOUR, 23 * HOUR))
            reviewed = tl.moment(min(day + rng.randint(0, 3), last_done), rng.randrange(8 * HOUR, 15 * HOUR))
            if reviewed <= submitted:
                reviewed = submitted + timedelta(minutes=rng.randint(15, 90))
            return Session(day, ACCEPTED, source, reader.account_id, None, submitted, reviewed, rng.choice(self.clerks))
        clerk = rng.choice(self.clerks)
        if collector and rng.random() < COLLECTOR_SHARE:
            # Read by the cooperative's collector during the window, imported once it closes.
            at = tl.moment(max(day, min(closes + 1, last_done)), 7 * HOUR + rng.randrange(HOUR))
            return Session(day, ACCEPTED, IMPORT, None, None, at, at, clerk)
        # A paper card from the letterbox, typed in by a clerk: accepted as it is entered.
        at = tl.moment(day, rng.randrange(8 * HOUR, 15 * HOUR))
        return Session(day, ACCEPTED, CLERK, None, clerk, at, at, clerk)
