"""Hostile reading values (and notes) from residents and clerks: stored as a valid Decimal or refused in Polish.

Every example runs in its own transaction, rolled back at the end, on SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.orm import Session

from iok_desktop.db.database import Database
from iok_desktop.db.models import MeterReading
from iok_desktop.domain.errors import DomainError
from iok_desktop.domain.readings import MAX_INTEGER_DIGITS
from iok_desktop.services import readings
from iok_desktop.services.context import FixedClock, ServiceContext
from tests.integration.hostile.hostile_input import (
    DB_SETTINGS,
    HOSTILE,
    assert_polish_refusal,
    has_control,
    hostile_text,
)
from tests.support.builders import Household, accepted_reading, make_household, make_meter

TODAY = date(2026, 11, 25)  # the test clock's day; the default window around 30.11 is open

# Numbers as people type them, and almost-numbers.
number_like = st.from_regex(r"\A[ \u00a0]{0,2}[-+]?[0-9]{0,14}([.,][0-9]{0,5})?[ ]{0,2}\Z") | st.from_regex(
    r"\A[0-9 .,\u00a0eE+\-١٢٣０-９]{1,20}\Z"
)
reading_text = st.one_of(number_like, hostile_text)


@dataclass
class Scene:
    home: Household
    meter_id: int
    pending_id: int
    pending_version: int

    def resident(self, s: Session, clock: FixedClock) -> ServiceContext:
        return self.home.resident(s, clock)

    def clerk(self, s: Session, clock: FixedClock) -> ServiceContext:
        return self.home.clerk_ctx(s, clock)


@pytest.fixture
def scene(db: Database, clock: FixedClock) -> Iterator[Scene]:
    with db.session() as s:
        home = make_household(s)
        meter = make_meter(s, home.premises, decimal_places=3)
        accepted_reading(s, meter, date(2026, 9, 30), "93.000", clerk=home.clerk)
        accepted_reading(s, meter, date(2026, 10, 31), "96.000", clerk=home.clerk)
        s.commit()
        pending = readings.submit_reading(home.resident(s, clock), meter.id, "97,5", date(2026, 11, 24)).reading
        s.commit()
        yield Scene(home, meter.id, pending.id, pending.version)


def _stored_value(s: Session, reading_id: int) -> Decimal:
    s.expire_all()  # read what the database holds, not the session's copy
    value = s.scalar(select(MeterReading.value).where(MeterReading.id == reading_id))
    assert isinstance(value, Decimal)
    return value


def _assert_valid_value(value: Decimal) -> None:
    assert value.is_finite()
    assert Decimal(0) <= value < Decimal(10) ** MAX_INTEGER_DIGITS
    assert value == value.quantize(Decimal("0.001"))  # the meter shows 3 decimal places


def _try(call: Callable[[], object]) -> object | None:
    """Run ``call``; a refusal must be a Polish ``DomainError``; anything else fails the test."""
    try:
        return call()
    except DomainError as error:
        assert_polish_refusal(error)
        return None


@DB_SETTINGS
@given(text=reading_text, as_clerk=st.booleans(), acknowledge=st.booleans())
@example(text="1" + "0" * 10_000, as_clerk=True, acknowledge=True)
@example(text=" 98,5 ", as_clerk=False, acknowledge=False)
@example(text="99999999999,999", as_clerk=True, acknowledge=True)
def test_a_submitted_value_is_stored_as_a_valid_decimal_or_refused_in_polish(
    db: Database, clock: FixedClock, scene: Scene, text: str, as_clerk: bool, acknowledge: bool
) -> None:
    with db.session() as s:
        ctx = scene.clerk(s, clock) if as_clerk else scene.resident(s, clock)
        try:
            result = _try(
                lambda: readings.submit_reading(ctx, scene.meter_id, text, TODAY, acknowledge_warnings=acknowledge)
            )
            if result is not None:
                assert isinstance(result, readings.SubmitResult)
                stored = _stored_value(s, result.reading.id)
                _assert_valid_value(stored)
                assert stored == result.reading.value
                typed = text.strip().replace("\u00a0", "").replace(" ", "").replace(",", ".")
                assert stored == Decimal(typed)
        finally:
            s.rollback()


@DB_SETTINGS
@given(text=reading_text, as_clerk=st.booleans())
@example(text="98,123", as_clerk=False)
def test_an_edited_value_is_stored_as_a_valid_decimal_or_refused_in_polish(
    db: Database, clock: FixedClock, scene: Scene, text: str, as_clerk: bool
) -> None:
    with db.session() as s:
        ctx = scene.clerk(s, clock) if as_clerk else scene.resident(s, clock)
        try:
            row = _try(
                lambda: readings.edit_reading(
                    ctx, scene.pending_id, scene.pending_version, text, TODAY, acknowledge_warnings=True
                )
            )
            stored = _stored_value(s, scene.pending_id)
            _assert_valid_value(stored)
            if row is None:
                assert stored == Decimal("97.500")  # a refused edit changes nothing
            else:
                assert isinstance(row, readings.ReadingRow)
                assert stored == row.value
        finally:
            s.rollback()


@DB_SETTINGS
@given(note=hostile_text)
def test_a_clerks_note_is_stored_as_one_clean_line(db: Database, clock: FixedClock, scene: Scene, note: str) -> None:
    with db.session() as s:
        try:
            ctx = scene.clerk(s, clock)
            result = _try(lambda: readings.submit_reading(ctx, scene.meter_id, "99", TODAY, note=note))
            assert isinstance(result, readings.SubmitResult)
            s.expire_all()
            stored = s.scalar(select(MeterReading.note).where(MeterReading.id == result.reading.id))
            assert stored is None or (0 < len(stored) <= 500 and not has_control(stored) and stored == stored.strip())
        finally:
            s.rollback()


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_strings_as_a_reading_value_are_refused_in_polish(
    db: Database, clock: FixedClock, scene: Scene, name: str
) -> None:
    with db.session() as s:
        for ctx in (scene.resident(s, clock), scene.clerk(s, clock)):
            with pytest.raises(DomainError) as refused:
                readings.submit_reading(ctx, scene.meter_id, HOSTILE[name], TODAY)
            assert_polish_refusal(refused.value)
            assert refused.value.field == "value"
            with pytest.raises(DomainError) as refused:
                readings.edit_reading(ctx, scene.pending_id, scene.pending_version, HOSTILE[name], TODAY)
            assert_polish_refusal(refused.value)
        s.rollback()
        assert _stored_value(s, scene.pending_id) == Decimal("97.500")


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_strings_as_a_note_are_stored_clean(db: Database, clock: FixedClock, scene: Scene, name: str) -> None:
    with db.session() as s:
        result = readings.submit_reading(scene.clerk(s, clock), scene.meter_id, "99", TODAY, note=HOSTILE[name])
        s.commit()
    with db.session() as s:
        stored = s.scalar(select(MeterReading.note).where(MeterReading.id == result.reading.id))
        assert stored is None or (len(stored) <= 500 and not has_control(stored))
        if name in ("sql", "emoji", "arabic", "hebrew", "nfc_polish", "html", "percent_format"):
            assert stored == HOSTILE[name]  # ordinary (if odd) text comes back exactly
        if name == "nfd_polish":
            assert stored == HOSTILE["nfc_polish"]  # stored composed, as typed on any keyboard
