"""The cooperative itself, its estates, buildings and premises (lokale)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from iok_desktop.db.base import Base
from iok_desktop.db.columns import enum_type
from iok_desktop.db.types import BigId, ExactDecimal, UtcDateTime
from iok_desktop.domain.enums import PremisesKind


class Cooperative(Base):
    """The one row of cooperative settings (id = 1): identity shown on paper and the policy knobs."""

    __tablename__ = "cooperative"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    address: Mapped[str] = mapped_column(String(300))
    bank_account: Mapped[str] = mapped_column(String(26))
    iok_url: Mapped[str] = mapped_column(String(200))
    # A reading is flagged when its daily consumption exceeds this multiple of the 12-month average.
    anomaly_multiple: Mapped[Decimal] = mapped_column(ExactDecimal(6, 2), default=Decimal("3.00"))
    throttle_after_failures: Mapped[int] = mapped_column(Integer, default=5)
    lockout_after_failures: Mapped[int] = mapped_column(Integer, default=10)
    # 0 means "until the office unlocks it".
    lockout_minutes: Mapped[int] = mapped_column(Integer, default=15)
    kiosk_idle_seconds: Mapped[int] = mapped_column(Integer, default=60)
    updated_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class Estate(Base):
    """Osiedle."""

    __tablename__ = "estates"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(120))


class Building(Base):
    __tablename__ = "buildings"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estates.id"), index=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    street: Mapped[str] = mapped_column(String(120))
    house_number: Mapped[str] = mapped_column(String(20))
    postal_code: Mapped[str] = mapped_column(String(6))
    city: Mapped[str] = mapped_column(String(80))
    # Lower-case, diacritics folded "street number", for search as you type.
    search_key: Mapped[str] = mapped_column(String(160))

    estate: Mapped[Estate] = relationship()

    __table_args__ = (
        Index("ix_buildings_search_key", "search_key", postgresql_ops={"search_key": "varchar_pattern_ops"}),
    )


class Premises(Base):
    """A lokal: the unit residents hold a title to, and the unit the ledger is kept for."""

    __tablename__ = "premises"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    building_id: Mapped[int] = mapped_column(ForeignKey("buildings.id"))
    # Number within the building as written in the address ("12", "12A", "G3").
    number: Mapped[str] = mapped_column(String(20))
    # Cooperative-wide number used by the accounting system and in imports ("01-005-012").
    code: Mapped[str] = mapped_column(String(30), unique=True)
    kind: Mapped[PremisesKind] = mapped_column(enum_type(PremisesKind, "premises_kind"))
    area_m2: Mapped[Decimal] = mapped_column(ExactDecimal(8, 2))
    # Individual NRB (26 digits) residents pay into.
    bank_account: Mapped[str] = mapped_column(String(26), unique=True)

    building: Mapped[Building] = relationship()

    __table_args__ = (Index("ix_premises_building_id_number", "building_id", "number", unique=True),)
