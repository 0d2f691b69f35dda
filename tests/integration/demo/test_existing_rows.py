"""A database without premises may still hold a few rows: the demo works around them."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import delete, select

from iok_desktop.db.database import Database
from iok_desktop.db.models import Cooperative, ReadingWindow, StaffUser
from iok_desktop.domain.enums import StaffRole, WindowFrequency
from iok_desktop.domain.passwords import verify_password
from tests.integration.demo.helpers import small_demo


def test_a_staff_user_created_before_the_demo_is_kept(db: Database) -> None:
    with db.session() as session:
        session.add(
            StaffUser(
                login="admin",
                full_name="Jan Kowalski",
                role=StaffRole.ADMIN,
                password_hash="not-a-hash",
                must_change_password=False,
                created_at=datetime(2026, 1, 5, 8, tzinfo=UTC),
            )
        )
        session.commit()
    result = small_demo(db)
    assert [c.login for c in result.staff] == ["admin2", "m.wisniewska", "p.kaczmarek"]
    with db.session() as session:
        staff = session.scalars(select(StaffUser).order_by(StaffUser.id)).all()
    assert [(s.id, s.login) for s in staff] == [(1, "admin"), (2, "admin2"), (3, "m.wisniewska"), (4, "p.kaczmarek")]
    assert verify_password(staff[1].password_hash, result.staff[0].password)


def test_missing_cooperative_row_is_inserted_and_an_existing_default_window_updated(db: Database) -> None:
    with db.session() as session:
        session.execute(delete(Cooperative))
        session.add(ReadingWindow(building_id=None, frequency=WindowFrequency.YEARLY, days_before=3, days_after=3))
        session.commit()
    small_demo(db)
    with db.session() as session:
        cooperative = session.get(Cooperative, 1)
        windows = session.scalars(select(ReadingWindow).where(ReadingWindow.building_id.is_(None))).all()
    assert cooperative is not None
    assert cooperative.name == "Spółdzielnia Mieszkaniowa „Bałtyk”"
    assert [(w.frequency, w.days_before, w.days_after) for w in windows] == [(WindowFrequency.QUARTERLY, 40, 14)]
