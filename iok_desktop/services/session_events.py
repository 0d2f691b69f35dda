"""Audit entries for events that change no business data but the office must be able to trace:
kiosk sessions (start, end, idle logout). Printed or saved statements: services/statements.py."""

from __future__ import annotations

from enum import StrEnum

from iok_desktop.domain.errors import PermissionDeniedError
from iok_desktop.services import audit
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
