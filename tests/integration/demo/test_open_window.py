"""The demo residents' building has a reading window open on the demo's "today": they can submit."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from iok_desktop.db.database import Database
from iok_desktop.db.models import ReadingWindow, ResidentAccount
from iok_desktop.demo import DemoResult, generate_demo
from iok_desktop.demo.plan import Credential
from iok_desktop.demo.windows import DEFAULT_WINDOW, MONTHLY_WINDOW, OPEN_FOR_DAYS, showcase_rule
from iok_desktop.domain.enums import ReadingStatus, WindowFrequency
from iok_desktop.domain.errors import PasswordChangeRequiredError
from iok_desktop.domain.readings import format_reading_value, window_containing
from iok_desktop.services.access import held_premises_ids
from iok_desktop.services.context import SYSTEM, FixedClock, ServiceContext, resident_actor
from iok_desktop.services.readings import meters_for_premises, readings_for_premises, submit_reading
from iok_desktop.services.settings import window_rule_for_building
from tests.integration.demo.helpers import TODAY, small_demo

OVER_AVERAGE = "od średniej z 12 miesięcy"


def _resident(session: Session, credential: Credential, clock: FixedClock) -> tuple[ServiceContext, int]:
    account = session.scalar(select(ResidentAccount).where(ResidentAccount.login == credential.login))
    assert account is not None
    return ServiceContext(session, resident_actor(account.id, account.login), clock), account.person_id


def _submit_every_meter(db: Database, demo: DemoResult, clock: FixedClock) -> int:
    """The first demo resident (flat and garage, nothing submitted yet) submits every meter today."""
    today = demo.params.today
    submitted = 0
    with db.session() as session:
        ctx, person_id = _resident(session, demo.residents[0], clock)
        assert ctx.today() == today
        premises_ids = held_premises_ids(ctx, person_id)
        assert len(premises_ids) == len(demo.residents[0].addresses) == 2  # the flat and the garage
        for premises_id in premises_ids:
            assert not [r for r in readings_for_premises(ctx, premises_id) if r.status is ReadingStatus.PENDING]
            for meter in meters_for_premises(ctx, premises_id):
                assert meter.resident_can_submit, meter.resident_refusal
                assert meter.last_accepted_value is not None
                value = meter.last_accepted_value + 7 * Decimal(1).scaleb(-meter.decimal_places)
                result = submit_reading(ctx, meter.id, format_reading_value(value, meter.decimal_places), today)
                assert result.created
                assert result.reading.status is ReadingStatus.PENDING
                assert result.reading.previous_value == meter.last_accepted_value
                submitted += 1
        session.commit()
    return submitted


def test_a_resident_of_the_first_building_can_submit_today(db: Database, clock: FixedClock) -> None:
    demo = small_demo(db)
    with db.session() as session:
        # The default rule applies to the demo residents' building on TODAY: no override.
        assert session.scalars(select(ReadingWindow.building_id)).all() == [None]
        assert window_rule_for_building(ServiceContext(session, SYSTEM, clock), 1) == DEFAULT_WINDOW
    assert _submit_every_meter(db, demo, clock) >= 3
    with db.session() as session:
        # The resident who submitted this window has a cold water reading far above the average waiting.
        ctx, person_id = _resident(session, demo.residents[1], clock)
        pending = [
            r
            for premises_id in held_premises_ids(ctx, person_id)
            for r in readings_for_premises(ctx, premises_id)
            if r.status is ReadingStatus.PENDING
        ]
        assert pending
        assert all(demo.open_window.window.opens <= r.reading_date < TODAY for r in pending)
        assert any(r.anomaly_reason and OVER_AVERAGE in r.anomaly_reason for r in pending)
        # The new account must change its password before anything else.
        ctx, person_id = _resident(session, demo.residents[4], clock)
        [flat_id] = held_premises_ids(ctx, person_id)
        with pytest.raises(PasswordChangeRequiredError):
            meters_for_premises(ctx, flat_id)


@pytest.mark.parametrize(
    "today",
    [
        date(2026, 1, 15),  # neither the default (closed 14.01) nor the monthly window (opens 21.01) is open
        date(2026, 1, 30),  # the monthly one is
        date(2026, 11, 22),  # the default window opened yesterday: too fresh to have submissions in it
    ],
)
def test_on_any_day_the_first_building_has_a_window_open(sqlite_db: Database, today: date) -> None:
    demo = generate_demo(sqlite_db, premises=20, years=1, today=today)
    window = demo.open_window.window
    assert window.opens <= today - timedelta(days=OPEN_FOR_DAYS) and today <= window.closes
    assert not demo.open_window.is_default
    with sqlite_db.session() as session:
        overrides = session.scalars(select(ReadingWindow).where(ReadingWindow.building_id.is_not(None))).all()
        assert [(w.building_id, w.frequency, w.days_before, w.days_after) for w in overrides] == [
            (1, demo.open_window.rule.frequency, demo.open_window.rule.days_before, demo.open_window.rule.days_after)
        ]
    clock = FixedClock(datetime(today.year, today.month, today.day, 9, tzinfo=UTC))
    assert _submit_every_meter(sqlite_db, demo, clock) >= 3


def test_the_showcase_rule_is_open_every_day_of_the_year() -> None:
    first = date(2027, 1, 1)
    for offset in range(2 * 365 + 1):  # 2028 is a leap year
        day = first + timedelta(days=offset)
        rule = showcase_rule(day)
        rule.validate()
        window = window_containing(rule, day)
        assert window is not None, day
        assert (day - window.opens).days >= OPEN_FOR_DAYS, day
        default = window_containing(DEFAULT_WINDOW, day)
        if default is not None and (day - default.opens).days >= OPEN_FOR_DAYS:
            assert rule == DEFAULT_WINDOW
            continue
        assert rule.frequency is WindowFrequency.MONTHLY
        monthly = window_containing(MONTHLY_WINDOW, day)
        if monthly is not None and (day - monthly.opens).days >= OPEN_FOR_DAYS:
            assert rule == MONTHLY_WINDOW
