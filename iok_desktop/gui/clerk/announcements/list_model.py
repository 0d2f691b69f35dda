"""The clerks' list of announcements: newest first, paged by id on the worker, filtered by state."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QCoreApplication

from iok_desktop.domain.dates import OFFICE_TZ, format_date, format_datetime
from iok_desktop.domain.enums import AnnouncementKind, Audience
from iok_desktop.gui.clerk.audit.keyset import KeysetPages
from iok_desktop.gui.operations import OperationRunner
from iok_desktop.gui.paged_model import Column, PagedTableModel
from iok_desktop.services import announcements, buildings
from iok_desktop.services.announcements import AnnouncementRow, AnnouncementState
from iok_desktop.services.buildings import BuildingRow, PremisesLabel
from iok_desktop.services.context import ServiceContext

PAGE_SIZE = 100


@dataclass(frozen=True)
class AnnouncementLine:
    row: AnnouncementRow
    premises: PremisesLabel | None


def fetch_lines(
    ctx: ServiceContext, state: AnnouncementState | None, before_id: int | None, limit: int
) -> list[AnnouncementLine]:
    """One page with the labels of the premises it addresses (one transaction)."""
    rows = announcements.list_announcements(ctx, state=state, before_id=before_id, limit=limit)
    labels = buildings.premises_labels(ctx, [r.premises_id for r in rows if r.premises_id is not None])
    return [AnnouncementLine(r, labels.get(r.premises_id) if r.premises_id is not None else None) for r in rows]


def keyset(page: Callable[[int | None, int], list[AnnouncementLine]]) -> KeysetPages[AnnouncementLine]:
    return KeysetPages(page, key=lambda line: line.row.id)


def _day(moment: datetime) -> str:
    return format_date(moment.astimezone(OFFICE_TZ).date())


def _street_line(address: str) -> str:
    """ "ul. Zgoda 8/12, 70-001 Szczecin" → "ul. Zgoda 8/12": the list is narrow."""
    return address.split(",", 1)[0]


def make_model(
    runner: OperationRunner, building_rows: Callable[[], dict[int, BuildingRow]]
) -> PagedTableModel[AnnouncementLine]:
    """``building_rows`` gives the buildings known to the page (for the "For" column)."""

    def title(line: AnnouncementLine) -> str:
        if line.row.kind is AnnouncementKind.URGENT:
            return QCoreApplication.translate("AnnouncementList", "URGENT: %1").replace("%1", line.row.title)
        return line.row.title

    def audience(line: AnnouncementLine) -> str:
        row = line.row
        if row.audience is Audience.BUILDING and row.building_id is not None:
            building = building_rows().get(row.building_id)
            where = _street_line(building.address) if building else f"#{row.building_id}"
            return QCoreApplication.translate("AnnouncementList", "building %1").replace("%1", where)
        if row.audience is Audience.PREMISES:
            where = _street_line(line.premises.address) if line.premises else f"#{row.premises_id}"
            return QCoreApplication.translate("AnnouncementList", "premises %1").replace("%1", where)
        return QCoreApplication.translate("AnnouncementList", "everyone")

    columns: list[Column[AnnouncementLine]] = [
        Column("title", QCoreApplication.translate("AnnouncementList", "Title"), title, tooltip=title),
        Column("state", QCoreApplication.translate("AnnouncementList", "Status"), lambda line: line.row.state.label),
        Column("audience", QCoreApplication.translate("AnnouncementList", "For"), audience, tooltip=audience),
        Column(
            "publish_from",
            QCoreApplication.translate("AnnouncementList", "From"),
            lambda line: _day(line.row.publish_from),
            tooltip=lambda line: format_datetime(line.row.publish_from),
        ),
        Column(
            "valid_until",
            QCoreApplication.translate("AnnouncementList", "Until"),
            lambda line: _day(line.row.valid_until) if line.row.valid_until else "—",
            tooltip=lambda line: format_datetime(line.row.valid_until) if line.row.valid_until else None,
        ),
    ]
    return PagedTableModel(runner, columns, key=lambda line: line.row.id, page_size=PAGE_SIZE)
