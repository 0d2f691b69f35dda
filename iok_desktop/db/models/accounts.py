"""Staff users, resident IOK accounts and the applications (wnioski) they are created from."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from iok_desktop.db.base import Base
from iok_desktop.db.columns import enum_type
from iok_desktop.db.models.organisation import Premises
from iok_desktop.db.models.people import Person
from iok_desktop.db.types import BigId, UtcDateTime
from iok_desktop.domain.enums import AccountStatus, ApplicationStatus, StaffRole


class StaffUser(Base):
    __tablename__ = "staff_users"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    login: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[StaffRole] = mapped_column(enum_type(StaffRole, "staff_role"))
    password_hash: Mapped[str] = mapped_column(String(200))
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_failed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    locked_until: Mapped[datetime | None] = mapped_column(UtcDateTime)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    last_login_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class ResidentAccount(Base):
    """One IOK login per person; it covers every premises the person holds a current title to."""

    __tablename__ = "resident_accounts"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"), unique=True)
    login: Mapped[str] = mapped_column(String(64), unique=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_failed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    locked_until: Mapped[datetime | None] = mapped_column(UtcDateTime)
    status: Mapped[AccountStatus] = mapped_column(enum_type(AccountStatus, "account_status"), index=True)
    status_reason: Mapped[str | None] = mapped_column(String(300))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    password_changed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    last_login_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)

    person: Mapped[Person] = relationship()

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class AccountApplication(Base):
    """Wniosek o założenie konta w IOK, filed at the office and checked against an ID document."""

    __tablename__ = "account_applications"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"), index=True)
    premises_id: Mapped[int] = mapped_column(ForeignKey("premises.id"), index=True)
    filed_on: Mapped[date] = mapped_column(Date)
    office: Mapped[str] = mapped_column(String(200))
    status: Mapped[ApplicationStatus] = mapped_column(enum_type(ApplicationStatus, "application_status"))
    recorded_by_staff_id: Mapped[int] = mapped_column(ForeignKey("staff_users.id"))
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime)
    verified_by_staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))
    decided_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    refusal_reason: Mapped[str | None] = mapped_column(String(500))
    account_id: Mapped[int | None] = mapped_column(ForeignKey("resident_accounts.id"))

    person: Mapped[Person] = relationship()
    premises: Mapped[Premises] = relationship()

    __table_args__ = (Index("ix_account_applications_status_filed_on", "status", "filed_on"),)
