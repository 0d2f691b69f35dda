"""Ledger entries (kartoteka finansowa lokalu). Posted entries are never changed or deleted."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Date, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from iok_desktop.db.base import Base
from iok_desktop.db.columns import enum_type
from iok_desktop.db.types import BigId, Money, UtcDateTime
from iok_desktop.domain.enums import LedgerKind


class LedgerEntry(Base):
    """One posted entry.

    ``amount`` is the change of what the resident owes: a charge is positive, a payment negative,
    a correction either. The balance of a premises is therefore ``SUM(amount)``: above zero it is
    "do zapłaty", below zero "nadpłata".
    """

    __tablename__ = "ledger_entries"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    premises_id: Mapped[int] = mapped_column(ForeignKey("premises.id"))
    booking_date: Mapped[date] = mapped_column(Date)
    # When a charge falls due; payments have none.
    due_date: Mapped[date | None] = mapped_column(Date)
    kind: Mapped[LedgerKind] = mapped_column(enum_type(LedgerKind, "ledger_kind"))
    title: Mapped[str] = mapped_column(String(200))
    amount: Mapped[Decimal] = mapped_column(Money())
    # Where the entry came from ("clerk", "import", "demo") and that system's document number:
    # importing the same document twice is refused by the unique constraint.
    source: Mapped[str] = mapped_column(String(20))
    document_id: Mapped[str | None] = mapped_column(String(60))
    corrects_entry_id: Mapped[int | None] = mapped_column(ForeignKey("ledger_entries.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    created_by_staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))

    __table_args__ = (
        UniqueConstraint("source", "document_id"),
        Index("ix_ledger_entries_premises_id_booking_date", "premises_id", "booking_date", "id"),
    )
