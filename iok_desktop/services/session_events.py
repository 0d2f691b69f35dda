"""Audit entries for events that change no business data but the office must be able to trace:
kiosk sessions (start, end, idle logout) and printed or saved statements."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from iok_desktop.domain.errors import PermissionDeniedError
from iok_desktop.services import audit
from iok_desktop.services.access import require_premises_access
from iok_desktop.services.context import ServiceContext


class KioskEvent(StrEnum):
    STARTED = "kiosk.session_start"
    ENDED = "kiosk.session_end"
    IDLE_LOGOUT = "kiosk.idle_logout"


def record_kiosk_session(ctx: ServiceContext, event: KioskEvent) -> None:
    """Called by the kiosk with the resident's context (``workstation`` names the kiosk)."""
    if not ctx.actor.is_resident:
        raise PermissionDeniedError("Sesja kiosku dotyczy zalogowanego mieszkańca.")
    audit.record(ctx, event.value, entity_type="resident_accounts", entity_id=ctx.actor.id)


def record_statement_output(
    ctx: ServiceContext,
    premises_id: int,
    *,
    date_from: date,
    date_to: date,
    with_personal_data: bool,
    output: str,
) -> None:
    """``output``: "print", "pdf" or "kiosk_print" — who produced which statement, and how."""
    require_premises_access(ctx, premises_id)
    audit.record(
        ctx,
        "statement.output",
        entity_type="premises",
        entity_id=premises_id,
        premises_id=premises_id,
        details={"from": date_from, "to": date_to, "with_personal_data": with_personal_data, "output": output},
    )
