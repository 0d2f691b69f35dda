"""How a reviewer is named in messages: "Anna Łęcka (alecka)"."""

from __future__ import annotations

from sqlalchemy import select

from iok_desktop.db.models import StaffUser
from iok_desktop.services.context import ServiceContext


def staff_login(ctx: ServiceContext, staff_id: int | None) -> str:
    if staff_id is None:
        return "system"
    row = ctx.session.execute(
        select(StaffUser.full_name, StaffUser.login).where(StaffUser.id == staff_id)
    ).one_or_none()
    if row is None:
        return "inny pracownik"
    return f"{row.full_name} ({row.login})"
