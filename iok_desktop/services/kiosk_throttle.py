"""Failed resident logins throttled per kiosk, not only per account.

Per-account throttling and lockout (``auth``) stop guessing one login's password; at a public kiosk
someone may instead try many logins, and unknown logins have no row to count on. So a kiosk that saw
``KIOSK_FAILURE_LIMIT`` failed resident logins within ``KIOSK_WINDOW`` refuses further attempts until
the oldest of them leaves the window. The failures are the ``auth.login_failed`` entries the login
already writes to the audit log, with the kiosk's workstation name: nothing extra is stored.

A kiosk's database role may not read the audit log (``iok-desktop db roles``): on PostgreSQL, where the
SECURITY DEFINER function ``iok_kiosk_login_failures`` is installed, it gives just the count and the
oldest time for one workstation (db/roles.py).
"""

from __future__ import annotations

from datetime import UTC, timedelta

from sqlalchemy import func, select, text

from iok_desktop.db.models import AuditEntry
from iok_desktop.domain.enums import ActorKind
from iok_desktop.domain.errors import ThrottledError
from iok_desktop.services.context import ServiceContext

KIOSK_FAILURE_LIMIT = 10
KIOSK_WINDOW = timedelta(minutes=15)


def kiosk_refusal(ctx: ServiceContext) -> ThrottledError | None:
    """The refusal for this workstation when it has had too many failed resident logins, else None."""
    workstation = ctx.actor.workstation
    if not workstation:
        return None
    since = ctx.now() - KIOSK_WINDOW
    if _has_failures_function(ctx):
        count, oldest = ctx.session.execute(
            text("SELECT failures, oldest FROM iok_kiosk_login_failures(:workstation, :since)"),
            {"workstation": workstation, "since": since},
        ).one()
    else:
        count, oldest = ctx.session.execute(
            select(func.count(), func.min(AuditEntry.occurred_at)).where(
                AuditEntry.action == "auth.login_failed",
                AuditEntry.occurred_at >= since,
                AuditEntry.workstation == workstation,
                AuditEntry.actor_kind == ActorKind.RESIDENT,
            )
        ).one()
    if count < KIOSK_FAILURE_LIMIT or oldest is None:
        return None
    if oldest.tzinfo is None:  # SQLite gives naive UTC
        oldest = oldest.replace(tzinfo=UTC)
    wait = max(1, int((oldest + KIOSK_WINDOW - ctx.now()).total_seconds()))
    minutes = max(1, -(-wait // 60))
    return ThrottledError(
        f"Zbyt wiele nieudanych prób logowania w tym kiosku. Spróbuj ponownie za {minutes} min "
        "albo zapytaj w biurze spółdzielni.",
        retry_after_seconds=wait,
    )


_FAILURES_FUNCTION = "iok_kiosk_login_failures(text, timestamptz)"


def _has_failures_function(ctx: ServiceContext) -> bool:
    if ctx.session.get_bind().dialect.name != "postgresql":
        return False
    return bool(
        ctx.session.scalar(
            text(
                "SELECT CASE WHEN to_regprocedure(:f) IS NULL THEN false "
                "ELSE has_function_privilege(to_regprocedure(:f), 'EXECUTE') END"
            ),
            {"f": _FAILURES_FUNCTION},
        )
    )
