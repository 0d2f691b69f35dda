"""Meters, their readings and the windows in which residents may submit readings."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from iok_desktop.db.base import Base
from iok_desktop.db.columns import enum_type
from iok_desktop.db.models.organisation import Premises
from iok_desktop.db.types import BigId, ExactDecimal, MeterValue, UtcDateTime
from iok_desktop.domain.enums import MeterKind, ReadingSource, ReadingStatus, WindowFrequency


class Meter(Base):
    __tablename__ = "meters"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    premises_id: Mapped[int] = mapped_column(ForeignKey("premises.id"), index=True)
    kind: Mapped[MeterKind] = mapped_column(enum_type(MeterKind, "meter_kind"))
    serial_number: Mapped[str] = mapped_column(String(40))
    unit: Mapped[str] = mapped_column(String(10))
    decimal_places: Mapped[int] = mapped_column(Integer)
    installed_on: Mapped[date] = mapped_column(Date)
    # Legalisation: past this date the premises is billed at a flat rate, residents cannot submit.
    next_verification_on: Mapped[date | None] = mapped_column(Date, index=True)
    archived_on: Mapped[date | None] = mapped_column(Date)
    initial_value: Mapped[Decimal] = mapped_column(MeterValue())
    remote_read: Mapped[bool] = mapped_column(Boolean, default=False)
    replaces_meter_id: Mapped[int | None] = mapped_column(ForeignKey("meters.id"))

    premises: Mapped[Premises] = relationship()

    __table_args__ = (UniqueConstraint("kind", "serial_number"),)


class MeterReading(Base):
    """A reading and, once submitted, the context a clerk reviews it in.

    ``previous_*``, ``consumption`` and ``average_daily_consumption`` are computed by the service
    when the reading is submitted or edited, and refreshed when an earlier reading of the same meter
    is accepted: the approval queue then reads one table instead of recomputing per row. A meter's
    first reading (e.g. after a replacement) has no previous one, so no consumption.
    """

    __tablename__ = "meter_readings"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    meter_id: Mapped[int] = mapped_column(ForeignKey("meters.id"))
    value: Mapped[Decimal] = mapped_column(MeterValue())
    reading_date: Mapped[date] = mapped_column(Date)
    source: Mapped[ReadingSource] = mapped_column(enum_type(ReadingSource, "reading_source"))
    status: Mapped[ReadingStatus] = mapped_column(enum_type(ReadingStatus, "reading_status"))
    anomaly_reason: Mapped[str | None] = mapped_column(String(300))
    note: Mapped[str | None] = mapped_column(String(500))
    previous_value: Mapped[Decimal | None] = mapped_column(MeterValue())
    previous_reading_date: Mapped[date | None] = mapped_column(Date)
    consumption: Mapped[Decimal | None] = mapped_column(MeterValue())
    average_daily_consumption: Mapped[Decimal | None] = mapped_column(ExactDecimal(16, 6))
    submitted_at: Mapped[datetime] = mapped_column(UtcDateTime)
    submitted_by_account_id: Mapped[int | None] = mapped_column(ForeignKey("resident_accounts.id"))
    submitted_by_staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))
    updated_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    reviewed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    reviewed_by_staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))
    rejection_reason: Mapped[str | None] = mapped_column(String(500))
    version: Mapped[int] = mapped_column(Integer, default=1)

    meter: Mapped[Meter] = relationship()

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012

    __table_args__ = (
        Index("ix_meter_readings_meter_id_reading_date", "meter_id", "reading_date"),
        # Exports for the settlement company select a period across all meters.
        Index("ix_meter_readings_reading_date", "reading_date"),
        # The approval queue: only pending rows, in arrival order.
        Index(
            "ix_meter_readings_pending",
            "submitted_at",
            postgresql_where=text("status = 'pending'"),
            sqlite_where=text("status = 'pending'"),
        ),
        # The same meter, date and value submitted twice is one reading (also under a race).
        Index(
            "uq_meter_readings_live_duplicate",
            "meter_id",
            "reading_date",
            "value",
            unique=True,
            postgresql_where=text("status <> 'rejected'"),
            sqlite_where=text("status <> 'rejected'"),
        ),
    )


class ReadingWindow(Base):
    """When residents may submit: around each period end, ``days_before`` to ``days_after``.

    The row with ``building_id`` NULL is the cooperative default; a building's own row overrides it.
    """

    __tablename__ = "reading_windows"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    building_id: Mapped[int | None] = mapped_column(ForeignKey("buildings.id"), unique=True)
    frequency: Mapped[WindowFrequency] = mapped_column(enum_type(WindowFrequency, "window_frequency"))
    days_before: Mapped[int] = mapped_column(Integer)
    days_after: Mapped[int] = mapped_column(Integer)
