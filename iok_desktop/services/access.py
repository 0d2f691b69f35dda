"""Who may see and change which premises: enforced here, not by hiding buttons.

A resident reaches a premises only through a legal title that is current today. Staff reach all.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import ColumnElement, and_, or_, select

from iok_desktop.db.models import LegalTitle, Meter, ResidentAccount
from iok_desktop.domain.enums import AccountStatus
from iok_desktop.domain.errors import NotFoundError, PasswordChangeRequiredError, PermissionDeniedError
from iok_desktop.services.context import ServiceContext

NO_ACCESS = "Nie masz dostępu do tego lokalu."


def title_is_current(today: date) -> ColumnElement[bool]:
    return and_(LegalTitle.valid_from <= today, or_(LegalTitle.valid_to.is_(None), LegalTitle.valid_to >= today))


def resident_person_id(ctx: ServiceContext) -> int:
    """The logged-in resident's person, checked on every call: an account the office locked, or
    whose password must still be changed, can do nothing even in a session opened before."""
    if not ctx.actor.is_resident or ctx.actor.id is None:
        raise PermissionDeniedError("Ta czynność jest dostępna tylko dla mieszkańca zalogowanego do IOK.")
    row = ctx.session.execute(
        select(ResidentAccount.person_id, ResidentAccount.status, ResidentAccount.must_change_password).where(
            ResidentAccount.id == ctx.actor.id
        )
    ).one_or_none()
    if row is None:
        raise PermissionDeniedError("Konto IOK nie istnieje.")
    if row.status is not AccountStatus.ACTIVE:
        raise PermissionDeniedError("Konto IOK jest zablokowane. Zgłoś się do biura spółdzielni.")
    if row.must_change_password:
        raise PasswordChangeRequiredError("Najpierw ustaw własne hasło.")
    return int(row.person_id)


def held_premises_ids(ctx: ServiceContext, person_id: int) -> list[int]:
    """Premises the person holds a current title to, in a stable order."""
    rows = ctx.session.scalars(
        select(LegalTitle.premises_id)
        .where(LegalTitle.person_id == person_id, title_is_current(ctx.today()))
        .distinct()
        .order_by(LegalTitle.premises_id)
    )
    return list(rows)


def require_premises_access(ctx: ServiceContext, premises_id: int) -> None:
    if ctx.actor.is_staff:
        return
    person_id = resident_person_id(ctx)
    if premises_id not in held_premises_ids(ctx, person_id):
        raise PermissionDeniedError(NO_ACCESS)


def require_meter_access(ctx: ServiceContext, meter_id: int) -> Meter:
    meter = ctx.session.get(Meter, meter_id)
    if meter is None:
        raise NotFoundError("Nie ma takiego licznika.")
    require_premises_access(ctx, meter.premises_id)
    return meter
