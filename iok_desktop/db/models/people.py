"""Persons (kontrahenci), their legal titles to premises and the history of their contact data."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, String, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from iok_desktop.db.base import Base
from iok_desktop.db.columns import enum_type
from iok_desktop.db.models.organisation import Premises
from iok_desktop.db.types import BigId, UtcDateTime
from iok_desktop.domain.enums import ContactField, TitleKind


class Person(Base):
    __tablename__ = "persons"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    first_name: Mapped[str] = mapped_column(String(80))
    last_name: Mapped[str] = mapped_column(String(120))
    # Lower-case, diacritics folded "last first", for search as you type (prefix LIKE).
    search_key: Mapped[str] = mapped_column(String(210))
    # Current contact data; every change also goes to contact_changes.
    landline: Mapped[str | None] = mapped_column(String(20))
    mobile: Mapped[str | None] = mapped_column(String(20))
    email: Mapped[str | None] = mapped_column(String(254))

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    # varchar_pattern_ops: PostgreSQL can use the index for LIKE 'prefix%' under any collation.
    __table_args__ = (
        Index("ix_persons_search_key", "search_key", postgresql_ops={"search_key": "varchar_pattern_ops"}),
    )


class LegalTitle(Base):
    """Tytuł prawny: who holds which premises, on what basis, from when to when (inclusive)."""

    __tablename__ = "legal_titles"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    premises_id: Mapped[int] = mapped_column(ForeignKey("premises.id"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"), index=True)
    kind: Mapped[TitleKind] = mapped_column(enum_type(TitleKind, "title_kind"))
    valid_from: Mapped[date] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)

    person: Mapped[Person] = relationship()
    premises: Mapped[Premises] = relationship()


class ContactChange(Base):
    """One changed contact field; changes by residents are listed for clerks until seen."""

    __tablename__ = "contact_changes"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"))
    field: Mapped[ContactField] = mapped_column(enum_type(ContactField, "contact_field"))
    old_value: Mapped[str | None] = mapped_column(String(254))
    new_value: Mapped[str | None] = mapped_column(String(254))
    changed_at: Mapped[datetime] = mapped_column(UtcDateTime)
    changed_by_account_id: Mapped[int | None] = mapped_column(ForeignKey("resident_accounts.id"))
    changed_by_staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))
    seen_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    seen_by_staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))

    __table_args__ = (
        Index("ix_contact_changes_person_id_changed_at", "person_id", "changed_at"),
        # The clerks' "changed by residents, not yet seen" list.
        Index(
            "ix_contact_changes_unseen",
            "changed_at",
            postgresql_where=text("seen_at IS NULL AND changed_by_account_id IS NOT NULL"),
            sqlite_where=text("seen_at IS NULL AND changed_by_account_id IS NOT NULL"),
        ),
    )
