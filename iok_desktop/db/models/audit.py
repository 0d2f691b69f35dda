"""The append-only audit log: who did what, when, to which record, with old and new values.

Database triggers (migration 0002) refuse UPDATE and DELETE on this table.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from iok_desktop.db.base import Base
from iok_desktop.db.columns import enum_type
from iok_desktop.db.types import BigId, UtcDateTime
from iok_desktop.domain.enums import ActorKind

JsonDocument = JSON().with_variant(JSONB(), "postgresql")


class AuditEntry(Base):
    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    occurred_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    actor_kind: Mapped[ActorKind] = mapped_column(enum_type(ActorKind, "actor_kind"))
    actor_staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))
    actor_account_id: Mapped[int | None] = mapped_column(ForeignKey("resident_accounts.id"))
    # Snapshot of the login at the time, so the entry reads well even after renames.
    actor_login: Mapped[str | None] = mapped_column(String(64))
    # Dotted action code, e.g. "reading.approve", "auth.login_failed".
    action: Mapped[str] = mapped_column(String(60))
    entity_type: Mapped[str | None] = mapped_column(String(40))
    entity_id: Mapped[int | None] = mapped_column(BigId)
    premises_id: Mapped[int | None] = mapped_column(ForeignKey("premises.id"))
    # Which desk or kiosk the action came from.
    workstation: Mapped[str | None] = mapped_column(String(100))
    details: Mapped[dict[str, Any]] = mapped_column(JsonDocument, default=dict)

    __table_args__ = (
        Index("ix_audit_log_actor_staff_id_occurred_at", "actor_staff_id", "occurred_at"),
        Index("ix_audit_log_actor_account_id_occurred_at", "actor_account_id", "occurred_at"),
        Index("ix_audit_log_action_occurred_at", "action", "occurred_at"),
        Index("ix_audit_log_premises_id_occurred_at", "premises_id", "occurred_at"),
    )
