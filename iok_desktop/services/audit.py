"""Writing to the audit log (append-only) and reading it back for the clerks' viewer."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from sqlalchemy import insert, select

from iok_desktop.db.models import AuditEntry
from iok_desktop.domain.enums import ActorKind
from iok_desktop.services.context import ServiceContext


def _json_safe(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Mapping):
        return {str(k): _json_safe(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_json_safe(v) for v in value]
    return value


def record(
    ctx: ServiceContext,
    action: str,
    *,
    entity_type: str | None = None,
    entity_id: int | None = None,
    premises_id: int | None = None,
    details: Mapping[str, Any] | None = None,
    actor_override: tuple[ActorKind, int | None, str | None] | None = None,
) -> None:
    """Add one audit row in the caller's transaction (it commits or rolls back with the change).

    ``actor_override`` is for events whose actor is not the context's (a failed login: nobody is
    logged in yet, but the entry should name the login that was tried).
    """
    actor = ctx.actor
    kind, actor_id, login = actor_override or (actor.kind, actor.id, actor.login)
    ctx.session.add(
        AuditEntry(
            occurred_at=ctx.now(),
            actor_kind=kind,
            actor_staff_id=actor_id if kind is ActorKind.STAFF else None,
            actor_account_id=actor_id if kind is ActorKind.RESIDENT else None,
            actor_login=login,
            action=action,
            entity_type=entity_type,
            entity_id=entity_id,
            premises_id=premises_id,
            workstation=actor.workstation,
            details=_json_safe(dict(details or {})),
        )
    )


@dataclass(frozen=True)
class Entry:
    """One of many audit rows of the same action (``record_many``)."""

    entity_type: str | None = None
    entity_id: int | None = None
    premises_id: int | None = None
    details: Mapping[str, Any] | None = None


def record_many(ctx: ServiceContext, action: str, entries: Iterable[Entry]) -> int:
    """Add many audit rows of one action by the context's actor, as one bulk INSERT (a bulk approval
    audits a thousand readings: one ``record`` each would make a thousand ORM objects to flush).
    Same rows as ``record`` writes, in the caller's transaction. Returns how many."""
    actor = ctx.actor
    common = {
        "occurred_at": ctx.now(),
        "actor_kind": actor.kind,
        "actor_staff_id": actor.id if actor.kind is ActorKind.STAFF else None,
        "actor_account_id": actor.id if actor.kind is ActorKind.RESIDENT else None,
        "actor_login": actor.login,
        "action": action,
        "workstation": actor.workstation,
    }
    rows = [
        common
        | {
            "entity_type": e.entity_type,
            "entity_id": e.entity_id,
            "premises_id": e.premises_id,
            "details": _json_safe(dict(e.details or {})),
        }
        for e in entries
    ]
    if rows:
        ctx.session.execute(insert(AuditEntry), rows)
    return len(rows)


def changes(old: Mapping[str, Any], new: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """``{"field": {"old": …, "new": …}}`` for the fields that differ."""
    return {
        key: {"old": _json_safe(old.get(key)), "new": _json_safe(new.get(key))}
        for key in new
        if old.get(key) != new.get(key)
    }


@dataclass(frozen=True)
class AuditRow:
    id: int
    occurred_at: datetime
    actor_kind: ActorKind
    actor_login: str | None
    action: str
    entity_type: str | None
    entity_id: int | None
    premises_id: int | None
    workstation: str | None
    details: dict[str, Any]


def list_entries(
    ctx: ServiceContext,
    *,
    action: str | None = None,
    actor_login: str | None = None,
    premises_id: int | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    before_id: int | None = None,
    limit: int = 200,
) -> list[AuditRow]:
    """Newest first, one page at a time (``before_id`` = the last id of the previous page)."""
    ctx.require_staff()
    query = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
    if action:
        query = query.where(AuditEntry.action == action)
    if actor_login:
        query = query.where(AuditEntry.actor_login == actor_login)
    if premises_id is not None:
        query = query.where(AuditEntry.premises_id == premises_id)
    if since is not None:
        query = query.where(AuditEntry.occurred_at >= since)
    if until is not None:
        query = query.where(AuditEntry.occurred_at < until)
    if before_id is not None:
        query = query.where(AuditEntry.id < before_id)
    return [
        AuditRow(
            id=e.id,
            occurred_at=e.occurred_at,
            actor_kind=e.actor_kind,
            actor_login=e.actor_login,
            action=e.action,
            entity_type=e.entity_type,
            entity_id=e.entity_id,
            premises_id=e.premises_id,
            workstation=e.workstation,
            details=dict(e.details or {}),
        )
        for e in ctx.session.scalars(query)
    ]
