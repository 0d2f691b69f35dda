"""Staff users: created by an admin (or, for the very first admin, by the command line / set-up)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from iok_desktop.db.models import StaffUser
from iok_desktop.domain.enums import StaffRole
from iok_desktop.domain.errors import NotFoundError, ValidationError
from iok_desktop.domain.login_ids import check_staff_login
from iok_desktop.domain.passwords import check_policy, generate_initial_password, hash_password
from iok_desktop.domain.text import clean_line
from iok_desktop.services import audit
from iok_desktop.services.context import ServiceContext


@dataclass(frozen=True)
class StaffRow:
    id: int
    login: str
    full_name: str
    role: StaffRole
    is_active: bool
    must_change_password: bool
    locked_until: datetime | None
    last_login_at: datetime | None


@dataclass(frozen=True)
class StaffCredentials:
    """Shown once to the admin; the password is never stored in clear or logged."""

    staff: StaffRow
    initial_password: str | None


def _row(s: StaffUser) -> StaffRow:
    return StaffRow(
        s.id, s.login, s.full_name, s.role, s.is_active, s.must_change_password, s.locked_until, s.last_login_at
    )


def _require_admin_or_bootstrap(ctx: ServiceContext) -> None:
    # The first admin is created by the command line or the first-run set-up (system actor).
    if ctx.actor.is_staff:
        ctx.require_admin()
    else:
        ctx.require_staff_or_system()


def staff_count(ctx: ServiceContext) -> int:
    return int(ctx.session.scalar(select(func.count()).select_from(StaffUser)) or 0)


def create_staff_user(
    ctx: ServiceContext, *, login: str, full_name: str, role: StaffRole, password: str | None = None
) -> StaffCredentials:
    """With ``password`` (typed by the person themselves) no change is forced; without, a one-time
    password is generated and must be changed at first login."""
    _require_admin_or_bootstrap(ctx)
    login = check_staff_login(login)
    name = clean_line(full_name, max_length=200) or login
    if ctx.session.scalar(select(StaffUser.id).where(StaffUser.login == login)) is not None:
        raise ValidationError(f"Identyfikator „{login}” jest już zajęty.", field="login")
    initial = None
    if password is None:
        initial = generate_initial_password()
        secret = initial
    else:
        secret = check_policy(password, login=login)
    staff = StaffUser(
        login=login,
        full_name=name,
        role=role,
        password_hash=hash_password(secret),
        must_change_password=password is None,
        created_at=ctx.now(),
    )
    ctx.session.add(staff)
    ctx.session.flush()
    audit.record(
        ctx,
        "staff.create",
        entity_type="staff_users",
        entity_id=staff.id,
        details={"login": login, "full_name": name, "role": role},
    )
    return StaffCredentials(_row(staff), initial)


def _get(ctx: ServiceContext, staff_id: int) -> StaffUser:
    staff = ctx.session.get(StaffUser, staff_id)
    if staff is None:
        raise NotFoundError("Nie ma takiego pracownika.")
    return staff


def _active_admins(ctx: ServiceContext) -> int:
    return int(
        ctx.session.scalar(select(func.count()).where(StaffUser.role == StaffRole.ADMIN, StaffUser.is_active.is_(True)))
        or 0
    )


def reset_staff_password(ctx: ServiceContext, staff_id: int) -> StaffCredentials:
    ctx.require_admin()
    staff = _get(ctx, staff_id)
    initial = generate_initial_password()
    staff.password_hash = hash_password(initial)
    staff.must_change_password = True
    staff.failed_attempts = 0
    staff.locked_until = None
    ctx.session.flush()
    audit.record(ctx, "staff.password_reset", entity_type="staff_users", entity_id=staff.id)
    return StaffCredentials(_row(staff), initial)


def set_staff_role(ctx: ServiceContext, staff_id: int, role: StaffRole) -> StaffRow:
    ctx.require_admin()
    staff = _get(ctx, staff_id)
    if staff.role is StaffRole.ADMIN and role is not StaffRole.ADMIN and _active_admins(ctx) <= 1:
        raise ValidationError(
            "To jedyny administrator — najpierw nadaj uprawnienia administratora komuś innemu.", field="role"
        )
    old = staff.role
    staff.role = role
    ctx.session.flush()
    audit.record(
        ctx, "staff.role", entity_type="staff_users", entity_id=staff.id, details={"role": {"old": old, "new": role}}
    )
    return _row(staff)


def set_staff_active(ctx: ServiceContext, staff_id: int, active: bool) -> StaffRow:
    ctx.require_admin()
    staff = _get(ctx, staff_id)
    if not active and staff.id == ctx.actor.id:
        raise ValidationError("Nie możesz wyłączyć własnego konta.", field="is_active")
    if not active and staff.role is StaffRole.ADMIN and staff.is_active and _active_admins(ctx) <= 1:
        raise ValidationError("Nie można wyłączyć jedynego administratora.", field="is_active")
    staff.is_active = active
    ctx.session.flush()
    audit.record(ctx, "staff.activate" if active else "staff.deactivate", entity_type="staff_users", entity_id=staff.id)
    return _row(staff)


def unlock_staff(ctx: ServiceContext, staff_id: int) -> StaffRow:
    ctx.require_admin()
    staff = _get(ctx, staff_id)
    staff.failed_attempts = 0
    staff.locked_until = None
    ctx.session.flush()
    audit.record(ctx, "staff.unlock", entity_type="staff_users", entity_id=staff.id)
    return _row(staff)


def list_staff(ctx: ServiceContext) -> list[StaffRow]:
    ctx.require_staff()
    return [_row(s) for s in ctx.session.scalars(select(StaffUser).order_by(StaffUser.login))]
