"""Announcements (ogłoszenia) and which resident has read which."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from iok_desktop.db.base import Base
from iok_desktop.db.columns import enum_type
from iok_desktop.db.types import BigId, UtcDateTime
from iok_desktop.domain.enums import AnnouncementKind, Audience


class Announcement(Base):
    __tablename__ = "announcements"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    kind: Mapped[AnnouncementKind] = mapped_column(enum_type(AnnouncementKind, "announcement_kind"))
    publish_from: Mapped[datetime] = mapped_column(UtcDateTime)
    valid_until: Mapped[datetime | None] = mapped_column(UtcDateTime)
    is_draft: Mapped[bool] = mapped_column(Boolean, default=True)
    audience: Mapped[Audience] = mapped_column(enum_type(Audience, "audience"))
    building_id: Mapped[int | None] = mapped_column(ForeignKey("buildings.id"))
    premises_id: Mapped[int | None] = mapped_column(ForeignKey("premises.id"))
    author_staff_id: Mapped[int] = mapped_column(ForeignKey("staff_users.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012

    __table_args__ = (Index("ix_announcements_is_draft_publish_from", "is_draft", "publish_from"),)


class AnnouncementRead(Base):
    __tablename__ = "announcement_reads"

    announcement_id: Mapped[int] = mapped_column(ForeignKey("announcements.id", ondelete="CASCADE"), primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("resident_accounts.id"), primary_key=True)
    read_at: Mapped[datetime] = mapped_column(UtcDateTime)
