"""Staff users: the first admin, admins managing clerks, the last admin protected."""

from __future__ import annotations

import pytest

from iok_desktop.db.database import Database
from iok_desktop.domain.enums import StaffRole
from iok_desktop.domain.errors import PermissionDeniedError, ValidationError
from iok_desktop.services import auth, staff
from iok_desktop.services.context import SYSTEM, FixedClock, ServiceContext
from tests.support.builders import make_staff, staff_of


def test_first_admin_is_created_by_the_system_with_their_own_password(db: Database, clock: FixedClock) -> None:
    with db.session() as s:
        ctx = ServiceContext(s, SYSTEM, clock)
        assert staff.staff_count(ctx) == 0
        created = staff.create_staff_user(
            ctx, login="Admin", full_name="Ewa Żak", role=StaffRole.ADMIN, password="Bursztyn-Fala26"
        )
        s.commit()
        assert created.initial_password is None and created.staff.login == "admin"
        session = auth.login_staff(ctx, "admin", "Bursztyn-Fala26").unwrap()
        assert session.role is StaffRole.ADMIN and not session.must_change_password


def test_admin_creates_a_clerk_with_a_one_time_password(db: Database, clock: FixedClock) -> None:
    with db.session() as s:
        admin = make_staff(s, "admin", role=StaffRole.ADMIN)
        ctx = ServiceContext(s, staff_of(admin), clock)
        created = staff.create_staff_user(ctx, login="jnowak", full_name="Jan Nowak", role=StaffRole.CLERK)
        s.commit()
        assert created.initial_password is not None
        session = auth.login_staff(ctx, "jnowak", created.initial_password).unwrap()
        assert session.must_change_password
        with pytest.raises(ValidationError, match="zajęty"):
            staff.create_staff_user(ctx, login="JNowak", full_name="Inny", role=StaffRole.CLERK)
        with pytest.raises(ValidationError) as bad:
            staff.create_staff_user(ctx, login="1 zły login", full_name="x", role=StaffRole.CLERK)
        assert bad.value.field == "login"


def test_clerks_cannot_manage_staff(db: Database, clock: FixedClock) -> None:
    with db.session() as s:
        clerk = make_staff(s, "clerk")
        ctx = ServiceContext(s, staff_of(clerk), clock)
        with pytest.raises(PermissionDeniedError):
            staff.create_staff_user(ctx, login="x123", full_name="x", role=StaffRole.ADMIN)
        with pytest.raises(PermissionDeniedError):
            staff.reset_staff_password(ctx, clerk.id)


def test_the_last_admin_cannot_be_demoted_or_deactivated(db: Database, clock: FixedClock) -> None:
    with db.session() as s:
        admin = make_staff(s, "admin", role=StaffRole.ADMIN)
        other = make_staff(s, "admin2", role=StaffRole.ADMIN)
        ctx = ServiceContext(s, staff_of(admin), clock)
        with pytest.raises(ValidationError, match="własnego"):
            staff.set_staff_active(ctx, admin.id, False)
        staff.set_staff_active(ctx, other.id, False)
        with pytest.raises(ValidationError, match="jedyny administrator"):
            staff.set_staff_role(ctx, admin.id, StaffRole.CLERK)


def test_deactivated_staff_cannot_log_in_and_reset_forces_a_change(db: Database, clock: FixedClock) -> None:
    with db.session() as s:
        admin = make_staff(s, "admin", role=StaffRole.ADMIN)
        clerk = make_staff(s, "clerk")
        ctx = ServiceContext(s, staff_of(admin), clock)
        reset = staff.reset_staff_password(ctx, clerk.id)
        assert reset.initial_password
        assert auth.login_staff(ctx, "clerk", reset.initial_password).unwrap().must_change_password
        staff.set_staff_active(ctx, clerk.id, False)
        outcome = auth.login_staff(ctx, "clerk", reset.initial_password)
        assert "nieaktywne" in str(outcome.error)
        assert [r.login for r in staff.list_staff(ctx)] == ["admin", "clerk"]
