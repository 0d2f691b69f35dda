"""The meter clerks' worklists: no reading in the window (flat rate) and legalisation due."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy.orm import Session

from iok_desktop.db.database import Database
from iok_desktop.db.models import Meter, MeterReading
from iok_desktop.domain.enums import ReadingSource, ReadingStatus, WindowFrequency
from iok_desktop.domain.errors import PermissionDeniedError, ValidationError
from iok_desktop.services import readings, worklists
from iok_desktop.services.context import FixedClock, ServiceContext
from tests.support.builders import (
    CREATED,
    Household,
    accepted_reading,
    make_building,
    make_household,
    make_meter,
    make_premises,
    set_window,
)

# 25.11.2026: the default window (monthly, 7 days either side of 30.11) is 23.11–07.12.2026, open.
TODAY = date(2026, 11, 25)


def _reading(s: Session, meter: Meter, day: date, value: str, status: ReadingStatus) -> None:
    s.add(
        MeterReading(
            meter_id=meter.id,
            value=Decimal(value),
            reading_date=day,
            source=ReadingSource.WEB,
            status=status,
            submitted_at=CREATED,
        )
    )
    s.flush()


class Scene:
    """Three buildings: the default window, a quarterly override (open), a yearly one (closed)."""

    def __init__(self, s: Session) -> None:
        self.home: Household = make_household(s)
        premises = self.home.premises
        self.read = make_meter(s, premises)
        accepted_reading(s, self.read, date(2026, 11, 24), "10")
        self.missing = make_meter(s, premises)
        accepted_reading(s, self.missing, date(2026, 10, 31), "10")
        self.pending = make_meter(s, premises)
        _reading(s, self.pending, date(2026, 11, 23), "5", ReadingStatus.PENDING)
        self.rejected = make_meter(s, premises)
        _reading(s, self.rejected, date(2026, 11, 24), "5", ReadingStatus.REJECTED)
        self.archived = make_meter(s, premises, archived_on=date(2026, 6, 1))
        self.new = make_meter(s, premises, installed_on=date(2026, 11, 24))
        self.remote = make_meter(s, premises, remote_read=True)

        quarterly = make_building(s, street="Bałtycka", number="2")
        set_window(s, WindowFrequency.QUARTERLY, 40, 14, quarterly)  # 21.11.2026–14.01.2027, open
        q_premises = make_premises(s, quarterly, number="1")
        self.q_read = make_meter(s, q_premises)
        accepted_reading(s, self.q_read, date(2026, 11, 22), "7")  # outside the default window, inside its own
        self.q_missing = make_meter(s, q_premises)
        accepted_reading(s, self.q_missing, date(2026, 11, 20), "7")

        yearly = make_building(s, street="Cicha", number="5")
        set_window(s, WindowFrequency.YEARLY, 10, 10, yearly)  # last closed: 21.12.2025–10.01.2026
        y_premises = make_premises(s, yearly, number="3")
        self.y_read = make_meter(s, y_premises)
        accepted_reading(s, self.y_read, date(2026, 1, 5), "3")
        self.y_missing = make_meter(s, y_premises)
        accepted_reading(s, self.y_missing, date(2026, 6, 15), "3")
        s.commit()


@pytest.fixture
def scene(session: Session) -> Scene:
    return Scene(session)


def _clerk(session: Session, scene: Scene, clock: FixedClock) -> ServiceContext:
    return scene.home.clerk_ctx(session, clock)


def test_lists_meters_with_no_accepted_or_pending_reading_in_their_buildings_window(
    session: Session, scene: Scene, clock: FixedClock
) -> None:
    clerk = _clerk(session, scene, clock)
    rows = worklists.meters_without_reading(clerk)
    # Address order: Bałtycka, Cicha, Zgoda.
    assert [r.meter_id for r in rows] == [
        scene.q_missing.id,
        scene.y_missing.id,
        *sorted([scene.missing.id, scene.rejected.id, scene.remote.id]),
    ]
    by_id = {r.meter_id: r for r in rows}
    missing = by_id[scene.missing.id]
    assert missing.address == "ul. Zgoda 8/" + scene.home.premises.number + ", 70-001 Szczecin"
    assert missing.premises_code == scene.home.premises.code
    assert (missing.window_opens, missing.window_closes, missing.window_open) == (
        date(2026, 11, 23),
        date(2026, 12, 7),
        True,
    )
    assert missing.last_accepted_date == date(2026, 10, 31)
    assert by_id[scene.rejected.id].last_accepted_date is None
    assert by_id[scene.remote.id].remote_read and not missing.remote_read
    q = by_id[scene.q_missing.id]
    assert (q.window_opens, q.window_closes, q.window_open) == (date(2026, 11, 21), date(2027, 1, 14), True)
    y = by_id[scene.y_missing.id]
    assert (y.window_opens, y.window_closes, y.window_open) == (date(2025, 12, 21), date(2026, 1, 10), False)
    assert worklists.count_meters_without_reading(clerk) == worklists.NoReadingCount(meters=5, premises=3)


def test_remote_read_meters_can_be_left_out(session: Session, scene: Scene, clock: FixedClock) -> None:
    clerk = _clerk(session, scene, clock)
    rows = worklists.meters_without_reading(clerk, include_remote_read=False)
    assert scene.remote.id not in [r.meter_id for r in rows] and len(rows) == 4
    assert worklists.count_meters_without_reading(clerk, include_remote_read=False).meters == 4


def test_a_meter_leaves_the_list_once_a_reading_arrives_and_pages_add_up(
    session: Session, scene: Scene, clock: FixedClock
) -> None:
    clerk = _clerk(session, scene, clock)
    everything = worklists.meters_without_reading(clerk)
    pages = [worklists.meters_without_reading(clerk, offset, 2) for offset in (0, 2, 4, 6)]
    assert [r for page in pages for r in page] == everything and pages[-1] == []
    readings.submit_reading(clerk, scene.missing.id, "12", TODAY)
    resident = scene.home.resident(session, clock)
    readings.submit_reading(resident, scene.rejected.id, "6", TODAY)  # pending counts too
    session.commit()
    left = [r.meter_id for r in worklists.meters_without_reading(clerk)]
    assert scene.missing.id not in left and scene.rejected.id not in left and len(left) == 3
    assert worklists.count_meters_without_reading(clerk).meters == 3


def test_the_window_overview_names_the_default_and_the_buildings_rules(
    session: Session, scene: Scene, clock: FixedClock
) -> None:
    overview = worklists.window_overview(_clerk(session, scene, clock))
    assert [(w.is_default, w.rule.frequency, w.window.opens, w.is_open, w.buildings) for w in overview] == [
        (True, WindowFrequency.MONTHLY, date(2026, 11, 23), True, 0),
        (False, WindowFrequency.QUARTERLY, date(2026, 11, 21), True, 1),
        (False, WindowFrequency.YEARLY, date(2025, 12, 21), False, 1),
    ]


def test_a_cooperative_default_row_replaces_the_built_in_window(db: Database, clock: FixedClock) -> None:
    with db.session() as s:
        home = make_household(s)
        meter = make_meter(s, home.premises)
        accepted_reading(s, meter, date(2026, 11, 22), "1")  # inside 21.11–14.01, outside 23.11–07.12
        set_window(s, WindowFrequency.QUARTERLY, 40, 14)
        s.commit()
        clerk = home.clerk_ctx(s, clock)
        assert worklists.meters_without_reading(clerk) == []
        assert worklists.default_rule(clerk).frequency is WindowFrequency.QUARTERLY


def test_legalisation_worklist_is_paged_with_the_address_and_days_left(db: Database, clock: FixedClock) -> None:
    with db.session() as s:
        home = make_household(s)
        expired = make_meter(s, home.premises, next_verification_on=date(2026, 10, 1))
        soon = make_meter(s, home.premises, next_verification_on=date(2026, 12, 15))
        later = make_meter(s, home.premises, next_verification_on=date(2027, 1, 20))
        make_meter(s, home.premises, next_verification_on=date(2028, 1, 1))
        make_meter(s, home.premises, next_verification_on=None)
        make_meter(s, home.premises, next_verification_on=date(2026, 1, 1), archived_on=date(2026, 2, 1))
        s.commit()
        clerk = home.clerk_ctx(s, clock)
        rows = worklists.meters_due_for_verification(clerk, within_days=60)
        assert [(r.meter_id, r.expired, r.days_left) for r in rows] == [
            (expired.id, True, -55),
            (soon.id, False, 20),
            (later.id, False, 56),
        ]
        assert rows[0].address.startswith("ul. Zgoda 8/") and rows[0].premises_code == home.premises.code
        assert worklists.meters_due_for_verification(clerk, 1, 1, within_days=60) == rows[1:2]
        assert worklists.count_meters_due_for_verification(clerk, within_days=60) == 3
        assert worklists.count_meters_due_for_verification(clerk, within_days=0) == 1
        with pytest.raises(ValidationError) as refused:
            worklists.meters_due_for_verification(clerk, within_days=-1)
        assert refused.value.field == "within_days"


def test_residents_get_no_worklists(db: Database, clock: FixedClock) -> None:
    with db.session() as s:
        home = make_household(s)
        s.commit()
        resident = home.resident(s, clock)
        with pytest.raises(PermissionDeniedError):
            worklists.meters_without_reading(resident)
        with pytest.raises(PermissionDeniedError):
            worklists.count_meters_due_for_verification(resident)
