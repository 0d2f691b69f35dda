"""Announcements: clerks write, schedule, publish and expire them; residents see the ones meant for them."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from iok_desktop.db.database import Database
from iok_desktop.db.models import Announcement, AnnouncementRead, AuditEntry, LegalTitle
from iok_desktop.domain.dates import OFFICE_TZ
from iok_desktop.domain.enums import ActorKind, AnnouncementKind, Audience
from iok_desktop.domain.errors import ConflictError, NotFoundError, PermissionDeniedError, ValidationError
from iok_desktop.services import announcements as ann
from iok_desktop.services.announcements import AnnouncementState
from iok_desktop.services.context import FixedClock, ServiceContext
from tests.conftest import TEST_NOW
from tests.support.builders import Household, make_household, make_premises

NOW = TEST_NOW


def announce(
    clerk: ServiceContext,
    title: str,
    *,
    audience: Audience = Audience.EVERYONE,
    building_id: int | None = None,
    premises_id: int | None = None,
    kind: AnnouncementKind = AnnouncementKind.NORMAL,
    publish_from: datetime = NOW - timedelta(days=1),
    valid_until: datetime | None = None,
    draft: bool = False,
) -> ann.AnnouncementRow:
    return ann.create_announcement(
        clerk,
        title=title,
        body=f"Treść: {title}.",
        kind=kind,
        publish_from=publish_from,
        valid_until=valid_until,
        audience=audience,
        building_id=building_id,
        premises_id=premises_id,
        draft=draft,
    )


def titles(rows: list[ann.ResidentAnnouncement]) -> list[str]:
    return [row.title for row in rows]


def audit_actions(session: Session) -> list[str]:
    return list(session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))


# --- writing ---------------------------------------------------------------------------------


def test_a_new_announcement_is_a_draft_and_is_audited(clerk: ServiceContext, home: Household, session: Session) -> None:
    row = ann.create_announcement(
        clerk,
        title="  Przegląd  instalacji gazowej ",
        body="Szanowni Państwo,\r\n\r\nw dniach 1–3 grudnia…\x07  \n",
        kind=AnnouncementKind.NORMAL,
        publish_from=NOW,
        valid_until=NOW + timedelta(days=10),
        audience=Audience.BUILDING,
        building_id=home.building.id,
    )

    assert row.is_draft is True
    assert row.state is AnnouncementState.DRAFT
    assert row.title == "Przegląd instalacji gazowej"
    assert row.body == "Szanowni Państwo,\n\nw dniach 1–3 grudnia…"
    assert row.author_staff_id == home.clerk.id
    assert row.version == 1
    entry = session.scalars(select(AuditEntry)).one()
    assert (entry.action, entry.entity_id, entry.actor_kind) == ("announcement.create", row.id, ActorKind.STAFF)
    assert entry.details["new"]["title"] == "Przegląd instalacji gazowej"
    assert entry.details["new"]["building_id"] == home.building.id


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"title": "  \x00 "}, "title"),
        ({"title": "T" * 201}, "title"),
        ({"body": " \n\t\n "}, "body"),
        ({"body": "x" * 20_001}, "body"),
        ({"valid_until": NOW - timedelta(days=2)}, "valid_until"),
        ({"valid_until": NOW - timedelta(days=1)}, "valid_until"),
        ({"publish_from": datetime(2026, 12, 1, 8, 0)}, "publish_from"),  # noqa: DTZ001 - naive on purpose
        ({"audience": Audience.BUILDING}, "building_id"),
        ({"audience": Audience.PREMISES}, "premises_id"),
        ({"audience": Audience.BUILDING, "building_id": 987_654}, "building_id"),
        ({"audience": Audience.PREMISES, "premises_id": 987_654}, "premises_id"),
        ({"audience": Audience.EVERYONE, "premises_id": 1}, "audience"),
    ],
)
def test_invalid_announcements_are_refused_naming_the_field(
    clerk: ServiceContext, session: Session, changes: dict[str, object], field: str
) -> None:
    typed: dict[str, object] = {
        "title": "Ogłoszenie",
        "body": "Treść",
        "kind": AnnouncementKind.NORMAL,
        "publish_from": NOW - timedelta(days=1),
        "valid_until": None,
        "audience": Audience.EVERYONE,
    } | changes

    with pytest.raises(ValidationError) as refused:
        ann.create_announcement(clerk, **typed)  # type: ignore[arg-type]

    assert refused.value.field == field
    assert refused.value.message.endswith(".")
    assert audit_actions(session) == []


def test_an_end_already_past_is_refused_even_after_the_start(clerk: ServiceContext) -> None:
    with pytest.raises(ValidationError) as refused:
        announce(clerk, "Stare", publish_from=NOW - timedelta(days=5), valid_until=NOW - timedelta(hours=1))
    assert refused.value.field == "valid_until"
    assert "minął" in refused.value.message


def test_audience_must_match_the_building_or_premises_given(clerk: ServiceContext, home: Household) -> None:
    with pytest.raises(ValidationError) as refused:
        announce(
            clerk,
            "Dla lokalu",
            audience=Audience.PREMISES,
            premises_id=home.premises.id,
            building_id=home.building.id,
        )
    assert refused.value.field == "building_id"
    with pytest.raises(ValidationError) as refused:
        announce(
            clerk, "Dla budynku", audience=Audience.BUILDING, building_id=home.building.id, premises_id=home.premises.id
        )
    assert refused.value.field == "premises_id"


def test_residents_cannot_write_announcements(resident: ServiceContext) -> None:
    with pytest.raises(PermissionDeniedError):
        announce(resident, "Sprzedam rower")


# --- editing, publishing, expiring -----------------------------------------------------------


def test_editing_needs_the_version_the_clerk_started_from(
    clerk: ServiceContext, session: Session, home: Household, clock: FixedClock
) -> None:
    row = announce(clerk, "Odczyt wodomierzy", draft=True)
    # Another clerk saves first.
    other = ServiceContext(session, clerk.actor, clock)
    edited = ann.update_announcement(
        other,
        row.id,
        row.version,
        title="Odczyt wodomierzy 30 listopada",
        body=row.body,
        kind=row.kind,
        publish_from=row.publish_from,
        valid_until=row.valid_until,
        audience=row.audience,
    )
    assert edited.version == row.version + 1

    with pytest.raises(ConflictError) as refused:
        ann.update_announcement(
            clerk,
            row.id,
            row.version,
            title="Odczyt wodomierzy 1 grudnia",
            body=row.body,
            kind=row.kind,
            publish_from=row.publish_from,
            valid_until=row.valid_until,
            audience=row.audience,
        )

    assert "ktoś inny" in refused.value.message
    assert ann.list_announcements(clerk)[0].title == "Odczyt wodomierzy 30 listopada"


def test_a_concurrent_edit_from_another_desk_is_a_conflict(db: Database, clock: FixedClock) -> None:
    with db.session() as setup:
        home = make_household(setup)
        row = announce(home.clerk_ctx(setup, clock), "Wymiana domofonów")
        setup.commit()

    def edit(title: str, version: int) -> ann.AnnouncementRow:
        with db.session() as desk:
            result = ann.update_announcement(
                home.clerk_ctx(desk, clock),
                row.id,
                version,
                title=title,
                body=row.body,
                kind=row.kind,
                publish_from=row.publish_from,
                valid_until=row.valid_until,
                audience=row.audience,
            )
            desk.commit()
            return result

    assert edit("Wymiana domofonów w klatce A", row.version).version == 2
    with pytest.raises(ConflictError):
        edit("Wymiana domofonów w klatce B", row.version)


def test_an_edit_is_audited_with_what_changed(clerk: ServiceContext, session: Session, home: Household) -> None:
    row = announce(clerk, "Awaria windy")

    ann.update_announcement(
        clerk,
        row.id,
        row.version,
        title="Awaria windy usunięta",
        body=row.body,
        kind=AnnouncementKind.URGENT,
        publish_from=row.publish_from,
        valid_until=row.valid_until,
        audience=Audience.BUILDING,
        building_id=home.building.id,
    )

    entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "announcement.update")).one()
    assert entry.details["changes"] == {
        "title": {"old": "Awaria windy", "new": "Awaria windy usunięta"},
        "kind": {"old": "normal", "new": "urgent"},
        "audience": {"old": "everyone", "new": "building"},
        "building_id": {"old": None, "new": home.building.id},
    }


def test_saving_an_unchanged_announcement_changes_nothing(clerk: ServiceContext, session: Session) -> None:
    row = announce(clerk, "Bez zmian")

    same = ann.update_announcement(
        clerk,
        row.id,
        row.version,
        title=" Bez zmian ",
        body=row.body,
        kind=row.kind,
        publish_from=row.publish_from,
        valid_until=row.valid_until,
        audience=row.audience,
    )

    assert same.version == row.version
    session.flush()
    assert session.scalar(select(Announcement.version).where(Announcement.id == row.id)) == row.version
    assert audit_actions(session) == ["announcement.create"]


def test_publishing_a_draft_shows_it_to_residents(
    clerk: ServiceContext, resident: ServiceContext, session: Session
) -> None:
    row = announce(clerk, "Zebranie mieszkańców", draft=True)
    assert ann.active_for_resident(resident) == []

    published = ann.publish(clerk, row.id)

    assert (published.is_draft, published.state) == (False, AnnouncementState.ACTIVE)
    assert titles(ann.active_for_resident(resident)) == ["Zebranie mieszkańców"]
    assert audit_actions(session) == ["announcement.create", "announcement.publish"]
    with pytest.raises(ConflictError):
        ann.publish(clerk, row.id)


def test_publishing_with_a_stale_version_is_a_conflict(clerk: ServiceContext) -> None:
    row = announce(clerk, "Szkic", draft=True)
    ann.update_announcement(
        clerk,
        row.id,
        row.version,
        title="Szkic poprawiony",
        body=row.body,
        kind=row.kind,
        publish_from=row.publish_from,
        valid_until=row.valid_until,
        audience=row.audience,
    )

    with pytest.raises(ConflictError):
        ann.publish(clerk, row.id, expected_version=row.version)


def test_expiring_ends_the_announcement_now(
    clerk: ServiceContext, resident: ServiceContext, session: Session, clock: FixedClock
) -> None:
    row = announce(clerk, "Zamknięcie placu zabaw", valid_until=NOW + timedelta(days=30))

    expired = ann.expire(clerk, row.id)

    assert expired.valid_until == clock.now()
    assert expired.state is AnnouncementState.EXPIRED
    assert ann.active_for_resident(resident) == []
    entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "announcement.expire")).one()
    assert entry.details["changes"]["valid_until"]["old"] == (NOW + timedelta(days=30)).isoformat()
    # Expiring again changes nothing and writes nothing.
    assert ann.expire(clerk, row.id).valid_until == clock.now()
    assert audit_actions(session).count("announcement.expire") == 1


def test_a_missing_announcement_is_reported(clerk: ServiceContext) -> None:
    with pytest.raises(NotFoundError):
        ann.publish(clerk, 31_337)


def test_clerks_list_filters_by_state_newest_first(clerk: ServiceContext, clock: FixedClock) -> None:
    draft = announce(clerk, "Szkic", draft=True)
    active = announce(clerk, "Aktywne")
    scheduled = announce(clerk, "Zaplanowane", publish_from=NOW + timedelta(days=3))
    ending = announce(clerk, "Kończy się", valid_until=NOW + timedelta(hours=1))
    clock.advance(hours=2)

    assert [r.id for r in ann.list_announcements(clerk)] == [ending.id, scheduled.id, active.id, draft.id]
    assert [r.id for r in ann.list_announcements(clerk, state=AnnouncementState.DRAFT)] == [draft.id]
    assert [r.id for r in ann.list_announcements(clerk, state=AnnouncementState.ACTIVE)] == [active.id]
    assert [r.id for r in ann.list_announcements(clerk, state=AnnouncementState.SCHEDULED)] == [scheduled.id]
    assert [r.id for r in ann.list_announcements(clerk, state=AnnouncementState.EXPIRED)] == [ending.id]
    assert [r.id for r in ann.list_announcements(clerk, limit=2, before_id=scheduled.id)] == [active.id, draft.id]
    assert {r.state for r in ann.list_announcements(clerk)} == set(AnnouncementState)


def test_residents_cannot_use_the_clerks_list(resident: ServiceContext) -> None:
    with pytest.raises(PermissionDeniedError):
        ann.list_announcements(resident)


# --- what residents see ----------------------------------------------------------------------


def test_resident_sees_only_published_current_announcements_meant_for_them(
    clerk: ServiceContext, resident: ServiceContext, home: Household, session: Session, clock: FixedClock
) -> None:
    neighbour = make_household(session)  # another building
    same_building_other_flat = make_premises(session, home.building)
    announce(clerk, "wszyscy")
    announce(clerk, "mój budynek", audience=Audience.BUILDING, building_id=home.building.id)
    announce(clerk, "inny budynek", audience=Audience.BUILDING, building_id=neighbour.building.id)
    announce(clerk, "mój lokal", audience=Audience.PREMISES, premises_id=home.premises.id)
    announce(clerk, "lokal sąsiada", audience=Audience.PREMISES, premises_id=same_building_other_flat.id)
    announce(clerk, "lokal w innym budynku", audience=Audience.PREMISES, premises_id=neighbour.premises.id)
    announce(clerk, "szkic", draft=True)
    announce(clerk, "od jutra", publish_from=NOW + timedelta(days=1) + timedelta(hours=2))
    announce(clerk, "od teraz", publish_from=NOW + timedelta(hours=2))
    announce(clerk, "wygasło", valid_until=NOW + timedelta(hours=1))
    announce(clerk, "wygasa dokładnie teraz", valid_until=NOW + timedelta(hours=2))
    announce(clerk, "jeszcze ważne", valid_until=NOW + timedelta(hours=2, seconds=1))
    clock.advance(hours=2)

    seen = set(titles(ann.active_for_resident(resident)))

    assert seen == {"wszyscy", "mój budynek", "mój lokal", "od teraz", "jeszcze ważne"}


def test_a_resident_without_a_current_title_sees_only_announcements_for_everyone(
    clerk: ServiceContext, resident: ServiceContext, home: Household, session: Session
) -> None:
    announce(clerk, "wszyscy")
    announce(clerk, "mój budynek", audience=Audience.BUILDING, building_id=home.building.id)
    announce(clerk, "mój lokal", audience=Audience.PREMISES, premises_id=home.premises.id)
    title = session.scalars(select(LegalTitle).where(LegalTitle.person_id == home.person.id)).one()
    title.valid_to = date(2026, 10, 31)
    session.flush()

    assert titles(ann.active_for_resident(resident)) == ["wszyscy"]


def test_urgent_announcements_come_first_then_the_newest(clerk: ServiceContext, resident: ServiceContext) -> None:
    announce(clerk, "zwykłe starsze", publish_from=NOW - timedelta(days=5))
    announce(clerk, "pilne starsze", kind=AnnouncementKind.URGENT, publish_from=NOW - timedelta(days=4))
    announce(clerk, "zwykłe nowsze", publish_from=NOW - timedelta(days=1))
    announce(clerk, "pilne nowsze", kind=AnnouncementKind.URGENT, publish_from=NOW - timedelta(days=2))

    rows = ann.active_for_resident(resident)

    assert titles(rows) == ["pilne nowsze", "pilne starsze", "zwykłe nowsze", "zwykłe starsze"]
    assert [row.is_urgent for row in rows] == [True, True, False, False]


def test_marking_read_is_idempotent_and_shown_only_to_that_resident(
    clerk: ServiceContext, resident: ServiceContext, session: Session, clock: FixedClock
) -> None:
    neighbour = make_household(session)
    row = announce(clerk, "Wymiana liczników")
    assert [r.is_read for r in ann.active_for_resident(resident)] == [False]

    ann.mark_read(resident, row.id)
    ann.mark_read(resident, row.id)

    assert [r.is_read for r in ann.active_for_resident(resident)] == [True]
    assert [r.is_read for r in ann.active_for_resident(neighbour.resident(session, clock))] == [False]
    assert session.scalar(select(func.count()).select_from(AnnouncementRead)) == 1
    assert audit_actions(session).count("announcement.read") == 1


def test_a_resident_cannot_mark_read_what_is_not_shown_to_them(
    clerk: ServiceContext, resident: ServiceContext, session: Session
) -> None:
    neighbour = make_household(session)
    theirs = announce(clerk, "Tylko dla sąsiadów", audience=Audience.BUILDING, building_id=neighbour.building.id)
    draft = announce(clerk, "Szkic", draft=True)

    for announcement_id in (theirs.id, draft.id, 999_999):
        with pytest.raises(NotFoundError):
            ann.mark_read(resident, announcement_id)
    assert session.scalar(select(func.count()).select_from(AnnouncementRead)) == 0


def test_clerks_have_no_resident_announcement_view(clerk: ServiceContext) -> None:
    with pytest.raises(PermissionDeniedError):
        ann.active_for_resident(clerk)


def test_times_are_compared_as_moments_whatever_the_time_zone(clerk: ServiceContext, resident: ServiceContext) -> None:
    # 10:30 in Warsaw is 09:30 UTC: half an hour after the test clock's 09:00 UTC.
    announce(clerk, "za pół godziny", publish_from=datetime(2026, 11, 25, 10, 30, tzinfo=OFFICE_TZ))
    announce(clerk, "pół godziny temu", publish_from=datetime(2026, 11, 25, 9, 30, tzinfo=OFFICE_TZ))
    announce(clerk, "już", publish_from=NOW)

    assert titles(ann.active_for_resident(resident)) == ["już", "pół godziny temu"]
