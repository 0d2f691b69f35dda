"""Announcements (ogłoszenia): written and scheduled by clerks, read by residents in IOK.

An announcement reaches everyone, one building, or one premises. Residents see it while it is
published (not a draft), after ``publish_from`` and before ``valid_until``, and only when its
audience includes a premises they currently hold a title to.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, and_, case, false, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from iok_desktop.db.models import Announcement, AnnouncementRead, Building, Premises
from iok_desktop.domain.enums import AnnouncementKind, Audience
from iok_desktop.domain.errors import ConflictError, NotFoundError, PermissionDeniedError, ValidationError
from iok_desktop.domain.language import core_text, localize
from iok_desktop.domain.text import clean_line
from iok_desktop.services import audit
from iok_desktop.services.access import held_premises_ids, resident_person_id
from iok_desktop.services.context import ServiceContext

MAX_TITLE = 200
MAX_BODY = 20_000
MAX_PAGE = 1000
STALE = "Ogłoszenie zmienił w międzyczasie ktoś inny. Wczytaj je ponownie i wprowadź zmiany jeszcze raz."


class AnnouncementState(StrEnum):
    """Where an announcement is in its life, as the clerks' list shows it."""

    DRAFT = "draft"
    SCHEDULED = "scheduled"
    ACTIVE = "active"
    EXPIRED = "expired"

    @property
    def label(self) -> str:
        return localize(
            {
                AnnouncementState.DRAFT: core_text("szkic"),
                AnnouncementState.SCHEDULED: core_text("zaplanowane"),
                AnnouncementState.ACTIVE: core_text("opublikowane"),
                AnnouncementState.EXPIRED: core_text("wygasłe"),
            }[self]
        )


@dataclass(frozen=True)
class AnnouncementRow:
    id: int
    title: str
    body: str
    kind: AnnouncementKind
    publish_from: datetime
    valid_until: datetime | None
    is_draft: bool
    audience: Audience
    building_id: int | None
    premises_id: int | None
    author_staff_id: int
    created_at: datetime
    updated_at: datetime | None
    # Pass back to update_announcement: the optimistic lock.
    version: int
    state: AnnouncementState


@dataclass(frozen=True)
class ResidentAnnouncement:
    id: int
    title: str
    body: str
    kind: AnnouncementKind
    publish_from: datetime
    valid_until: datetime | None
    is_read: bool

    @property
    def is_urgent(self) -> bool:
        return self.kind is AnnouncementKind.URGENT


def _state(row: Announcement, now: datetime) -> AnnouncementState:
    # Expired wins over draft: a cancelled draft is finished business, not work in progress.
    if row.valid_until is not None and row.valid_until <= now:
        return AnnouncementState.EXPIRED
    if row.is_draft:
        return AnnouncementState.DRAFT
    if row.publish_from > now:
        return AnnouncementState.SCHEDULED
    return AnnouncementState.ACTIVE


def _to_row(row: Announcement, now: datetime) -> AnnouncementRow:
    return AnnouncementRow(
        id=row.id,
        title=row.title,
        body=row.body,
        kind=row.kind,
        publish_from=row.publish_from,
        valid_until=row.valid_until,
        is_draft=row.is_draft,
        audience=row.audience,
        building_id=row.building_id,
        premises_id=row.premises_id,
        author_staff_id=row.author_staff_id,
        created_at=row.created_at,
        updated_at=row.updated_at,
        version=row.version,
        state=_state(row, now),
    )


def _snapshot(row: Announcement) -> dict[str, Any]:
    """The fields a clerk edits, for the audit trail's old/new values."""
    return {
        "title": row.title,
        "body": row.body,
        "kind": row.kind,
        "publish_from": row.publish_from,
        "valid_until": row.valid_until,
        "is_draft": row.is_draft,
        "audience": row.audience,
        "building_id": row.building_id,
        "premises_id": row.premises_id,
    }


# --- checking what the clerk typed -----------------------------------------------------------


def _title(text: str) -> str:
    title = clean_line(text, max_length=MAX_TITLE + 1)
    if not title:
        raise ValidationError("Podaj tytuł ogłoszenia.", field="title")
    if len(title) > MAX_TITLE:
        raise ValidationError(f"Tytuł ogłoszenia może mieć najwyżej {MAX_TITLE} znaków.", field="title")
    return title


def _body(text: str) -> str:
    """Multi-line text: paragraphs kept, control characters (other than new lines and tabs) removed."""
    normalised = unicodedata.normalize("NFC", text or "").replace("\r\n", "\n").replace("\r", "\n")
    visible = "".join(ch if ch in "\n\t" or not unicodedata.category(ch).startswith("C") else " " for ch in normalised)
    body = "\n".join(line.rstrip() for line in visible.split("\n")).strip("\n")
    if not body.strip():
        raise ValidationError("Wpisz treść ogłoszenia.", field="body")
    if len(body) > MAX_BODY:
        raise ValidationError(
            f"Treść ogłoszenia może mieć najwyżej {MAX_BODY} znaków (ma {len(body)}). Skróć ją.", field="body"
        )
    return body


def _aware(value: datetime, field: str) -> datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        # A naive time is ambiguous (office time? UTC?); the GUI must say which.
        raise ValidationError("Podaj datę i godzinę ze strefą czasową.", field=field)
    return value


def _check_dates(
    ctx: ServiceContext, publish_from: datetime, valid_until: datetime | None, previous_until: datetime | None
) -> None:
    _aware(publish_from, "publish_from")
    if valid_until is None:
        return
    _aware(valid_until, "valid_until")
    if valid_until <= publish_from:
        raise ValidationError("Termin ważności musi być późniejszy niż początek publikacji.", field="valid_until")
    # An end already in the past is a typo on a new date; an unchanged one (an expired
    # announcement whose text is being fixed) is left alone.
    if valid_until != previous_until and valid_until <= ctx.now():
        raise ValidationError("Termin ważności już minął. Podaj datę w przyszłości.", field="valid_until")


def _check_audience(ctx: ServiceContext, audience: Audience, building_id: int | None, premises_id: int | None) -> None:
    if audience is Audience.EVERYONE:
        if building_id is not None or premises_id is not None:
            raise ValidationError("Ogłoszenie dla wszystkich nie może wskazywać budynku ani lokalu.", field="audience")
    elif audience is Audience.BUILDING:
        if building_id is None:
            raise ValidationError("Wybierz budynek, do którego jest ogłoszenie.", field="building_id")
        if premises_id is not None:
            raise ValidationError("Ogłoszenie dla budynku nie może jednocześnie wskazywać lokalu.", field="premises_id")
        if ctx.session.get(Building, building_id) is None:
            raise ValidationError("Wybrany budynek nie istnieje.", field="building_id")
    else:
        if premises_id is None:
            raise ValidationError("Wybierz lokal, do którego jest ogłoszenie.", field="premises_id")
        if building_id is not None:
            raise ValidationError("Ogłoszenie dla lokalu nie może jednocześnie wskazywać budynku.", field="building_id")
        if ctx.session.get(Premises, premises_id) is None:
            raise ValidationError("Wybrany lokal nie istnieje.", field="premises_id")


def _load(ctx: ServiceContext, announcement_id: int, expected_version: int | None) -> Announcement:
    # populate_existing: compare against the version in the database, not a stale copy in the session.
    row = ctx.session.get(Announcement, announcement_id, populate_existing=True)
    if row is None:
        raise NotFoundError("Nie ma takiego ogłoszenia. Mogło zostać usunięte.")
    if expected_version is not None and row.version != expected_version:
        raise ConflictError(STALE)
    return row


def _flush(ctx: ServiceContext) -> None:
    try:
        ctx.session.flush()
    except StaleDataError as exc:
        # Someone changed the row between our read and our write: the version column caught it.
        raise ConflictError(STALE) from exc


# --- clerks ----------------------------------------------------------------------------------


def create_announcement(
    ctx: ServiceContext,
    *,
    title: str,
    body: str,
    kind: AnnouncementKind,
    publish_from: datetime,
    valid_until: datetime | None,
    audience: Audience,
    building_id: int | None = None,
    premises_id: int | None = None,
    draft: bool = True,
) -> AnnouncementRow:
    """Write a new announcement; a draft until published, unless ``draft`` is False."""
    actor = ctx.require_staff()
    clean_title = _title(title)
    clean_body = _body(body)
    _check_dates(ctx, publish_from, valid_until, None)
    _check_audience(ctx, audience, building_id, premises_id)
    row = Announcement(
        title=clean_title,
        body=clean_body,
        kind=kind,
        publish_from=publish_from,
        valid_until=valid_until,
        is_draft=draft,
        audience=audience,
        building_id=building_id,
        premises_id=premises_id,
        author_staff_id=actor.id,
        created_at=ctx.now(),
    )
    ctx.session.add(row)
    ctx.session.flush()
    audit.record(
        ctx,
        "announcement.create",
        entity_type="announcement",
        entity_id=row.id,
        premises_id=premises_id,
        details={"old": None, "new": _snapshot(row)},
    )
    return _to_row(row, ctx.now())


def update_announcement(
    ctx: ServiceContext,
    announcement_id: int,
    expected_version: int,
    *,
    title: str,
    body: str,
    kind: AnnouncementKind,
    publish_from: datetime,
    valid_until: datetime | None,
    audience: Audience,
    building_id: int | None = None,
    premises_id: int | None = None,
) -> AnnouncementRow:
    """Replace what a clerk edits; ``expected_version`` is the version the clerk started from.

    Publishing and expiring have their own functions, so an edit never changes ``is_draft``.
    Saving an unchanged form changes nothing (no new version, no audit entry).
    """
    ctx.require_staff()
    row = _load(ctx, announcement_id, expected_version)
    clean_title = _title(title)
    clean_body = _body(body)
    _check_dates(ctx, publish_from, valid_until, row.valid_until)
    _check_audience(ctx, audience, building_id, premises_id)
    before = _snapshot(row)
    row.title = clean_title
    row.body = clean_body
    row.kind = kind
    row.publish_from = publish_from
    row.valid_until = valid_until
    row.audience = audience
    row.building_id = building_id
    row.premises_id = premises_id
    changes = audit.changes(before, _snapshot(row))
    if not changes:
        return _to_row(row, ctx.now())
    row.updated_at = ctx.now()
    _flush(ctx)
    audit.record(
        ctx,
        "announcement.update",
        entity_type="announcement",
        entity_id=row.id,
        premises_id=row.premises_id,
        details={"changes": changes, "version": row.version},
    )
    return _to_row(row, ctx.now())


def publish(ctx: ServiceContext, announcement_id: int, *, expected_version: int | None = None) -> AnnouncementRow:
    """Draft → published. Residents see it from ``publish_from`` on (at once if that has passed)."""
    ctx.require_staff()
    row = _load(ctx, announcement_id, expected_version)
    if not row.is_draft:
        raise ConflictError("To ogłoszenie jest już opublikowane.")
    if row.valid_until is not None and row.valid_until <= ctx.now():
        raise ValidationError(
            "Termin ważności tego ogłoszenia już minął. Zmień go przed publikacją.", field="valid_until"
        )
    row.is_draft = False
    row.updated_at = ctx.now()
    _flush(ctx)
    audit.record(
        ctx,
        "announcement.publish",
        entity_type="announcement",
        entity_id=row.id,
        premises_id=row.premises_id,
        details={"changes": {"is_draft": {"old": True, "new": False}}, "version": row.version},
    )
    return _to_row(row, ctx.now())


def expire(ctx: ServiceContext, announcement_id: int, *, expected_version: int | None = None) -> AnnouncementRow:
    """End the announcement now (``valid_until`` = now). Expiring an expired one changes nothing."""
    ctx.require_staff()
    row = _load(ctx, announcement_id, expected_version)
    now = ctx.now()
    if row.valid_until is not None and row.valid_until <= now:
        return _to_row(row, now)
    old_until = row.valid_until
    row.valid_until = now
    row.updated_at = now
    _flush(ctx)
    audit.record(
        ctx,
        "announcement.expire",
        entity_type="announcement",
        entity_id=row.id,
        premises_id=row.premises_id,
        details={"changes": {"valid_until": {"old": old_until, "new": now}}, "version": row.version},
    )
    return _to_row(row, now)


def _state_condition(state: AnnouncementState, now: datetime) -> ColumnElement[bool]:
    """The SQL twin of ``_state``."""
    expired = and_(Announcement.valid_until.is_not(None), Announcement.valid_until <= now)
    not_expired = or_(Announcement.valid_until.is_(None), Announcement.valid_until > now)
    if state is AnnouncementState.EXPIRED:
        return expired
    if state is AnnouncementState.DRAFT:
        return and_(Announcement.is_draft.is_(True), not_expired)
    if state is AnnouncementState.SCHEDULED:
        return and_(Announcement.is_draft.is_(False), Announcement.publish_from > now, not_expired)
    return and_(Announcement.is_draft.is_(False), Announcement.publish_from <= now, not_expired)


def list_announcements(
    ctx: ServiceContext,
    *,
    state: AnnouncementState | None = None,
    audience: Audience | None = None,
    building_id: int | None = None,
    premises_id: int | None = None,
    before_id: int | None = None,
    limit: int = 200,
) -> list[AnnouncementRow]:
    """The clerks' list, newest first, one page at a time (``before_id`` = last id of the previous page)."""
    ctx.require_staff()
    if not 1 <= limit <= MAX_PAGE:
        raise ValidationError(f"Na stronie może być od 1 do {MAX_PAGE} wierszy.", field="limit")
    now = ctx.now()
    query = select(Announcement).order_by(Announcement.id.desc()).limit(limit)
    if state is not None:
        query = query.where(_state_condition(state, now))
    if audience is not None:
        query = query.where(Announcement.audience == audience)
    if building_id is not None:
        query = query.where(Announcement.building_id == building_id)
    if premises_id is not None:
        query = query.where(Announcement.premises_id == premises_id)
    if before_id is not None:
        query = query.where(Announcement.id < before_id)
    return [_to_row(row, now) for row in ctx.session.scalars(query)]


# --- residents -------------------------------------------------------------------------------


def _account_id(ctx: ServiceContext) -> int:
    """The resident's account id (``resident_person_id`` has already refused anyone else)."""
    resident_person_id(ctx)
    if ctx.actor.id is None:  # pragma: no cover - resident_person_id refuses this first
        raise PermissionDeniedError("Ta czynność jest dostępna tylko dla mieszkańca zalogowanego do IOK.")
    return ctx.actor.id


def _visible_to_resident(ctx: ServiceContext) -> ColumnElement[bool]:
    """Published, in its time window, and addressed to this resident (now, not when they moved in)."""
    now = ctx.now()
    premises_ids = held_premises_ids(ctx, resident_person_id(ctx))
    building_ids = (
        list(ctx.session.scalars(select(Premises.building_id).where(Premises.id.in_(premises_ids)).distinct()))
        if premises_ids
        else []
    )
    addressed = or_(
        Announcement.audience == Audience.EVERYONE,
        and_(Announcement.audience == Audience.BUILDING, Announcement.building_id.in_(building_ids))
        if building_ids
        else false(),
        and_(Announcement.audience == Audience.PREMISES, Announcement.premises_id.in_(premises_ids))
        if premises_ids
        else false(),
    )
    return and_(_state_condition(AnnouncementState.ACTIVE, now), addressed)


def active_for_resident(ctx: ServiceContext, *, limit: int = 200) -> list[ResidentAnnouncement]:
    """What the resident sees in IOK: urgent first, then the newest; each says whether it was read."""
    account_id = _account_id(ctx)
    query = (
        select(Announcement, AnnouncementRead.read_at)
        .outerjoin(
            AnnouncementRead,
            and_(AnnouncementRead.announcement_id == Announcement.id, AnnouncementRead.account_id == account_id),
        )
        .where(_visible_to_resident(ctx))
        .order_by(
            case((Announcement.kind == AnnouncementKind.URGENT, 0), else_=1),
            Announcement.publish_from.desc(),
            Announcement.id.desc(),
        )
        .limit(limit)
    )
    return [
        ResidentAnnouncement(
            id=row.id,
            title=row.title,
            body=row.body,
            kind=row.kind,
            publish_from=row.publish_from,
            valid_until=row.valid_until,
            is_read=read_at is not None,
        )
        for row, read_at in ctx.session.execute(query)
    ]


def mark_read(ctx: ServiceContext, announcement_id: int) -> None:
    """Note that the resident has read the announcement; reading it again changes nothing."""
    account_id = _account_id(ctx)
    visible = ctx.session.scalar(
        select(Announcement.id).where(Announcement.id == announcement_id, _visible_to_resident(ctx))
    )
    if visible is None:
        # Also for another building's announcement: the resident learns nothing about it.
        raise NotFoundError("To ogłoszenie nie jest już dostępne. Odśwież listę ogłoszeń.")
    if ctx.session.get(AnnouncementRead, (announcement_id, account_id)) is not None:
        return
    now = ctx.now()
    try:
        # A double click from two windows: the primary key refuses the second, which is fine.
        with ctx.session.begin_nested():
            ctx.session.add(AnnouncementRead(announcement_id=announcement_id, account_id=account_id, read_at=now))
            ctx.session.flush()
    except IntegrityError:
        return
    audit.record(
        ctx,
        "announcement.read",
        entity_type="announcement",
        entity_id=announcement_id,
        details={"old": {"read_at": None}, "new": {"read_at": now}},
    )
