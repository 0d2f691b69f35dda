"""Account applications a page at a time (keyset), for the clerks' list on the "Konta IOK" screen.

``accounts.list_applications`` returns only the newest ``limit`` rows; a cooperative with
thousands of applications needs the next page too. Same order (newest filing date first, then
newest id), so the key of a page's last row, ``(filed_on, id)``, starts the next page.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import joinedload

from iok_desktop.db.models import AccountApplication, Premises
from iok_desktop.domain.enums import ApplicationStatus
from iok_desktop.domain.errors import ValidationError
from iok_desktop.services.accounts import ApplicationRow, _application_row
from iok_desktop.services.context import ServiceContext

MAX_PAGE = 1000


def applications_page(
    ctx: ServiceContext,
    *,
    status: ApplicationStatus | None = None,
    before: tuple[date, int] | None = None,
    limit: int = 200,
) -> list[ApplicationRow]:
    """One page, newest first; ``before`` is ``(filed_on, id)`` of the previous page's last row."""
    ctx.require_staff()
    if not 1 <= limit <= MAX_PAGE:
        raise ValidationError(f"Na stronie może być od 1 do {MAX_PAGE} wierszy.", field="limit")
    query = (
        select(AccountApplication)
        .options(
            joinedload(AccountApplication.person),
            joinedload(AccountApplication.premises).joinedload(Premises.building),
        )
        .order_by(AccountApplication.filed_on.desc(), AccountApplication.id.desc())
        .limit(limit)
    )
    if status is not None:
        query = query.where(AccountApplication.status == status)
    if before is not None:
        filed_on, application_id = before
        query = query.where(
            or_(
                AccountApplication.filed_on < filed_on,
                and_(AccountApplication.filed_on == filed_on, AccountApplication.id < application_id),
            )
        )
    return [_application_row(a) for a in ctx.session.scalars(query)]
