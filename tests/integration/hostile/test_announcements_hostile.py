"""Hostile announcement titles and bodies: stored exactly as cleaned (and read so by residents) or refused in Polish."""

from __future__ import annotations

import unicodedata
from datetime import timedelta

import pytest
from hypothesis import example, given
from sqlalchemy import func, select

from iok_desktop.db.database import Database
from iok_desktop.db.models import Announcement
from iok_desktop.domain.enums import AnnouncementKind, Audience
from iok_desktop.domain.errors import DomainError, ValidationError
from iok_desktop.services import announcements
from iok_desktop.services.context import FixedClock
from tests.conftest import TEST_NOW
from tests.integration.hostile.hostile_input import (
    DB_SETTINGS,
    HOSTILE,
    assert_polish_refusal,
    has_control,
    hostile_text,
)
from tests.support.builders import Household, make_household

PUBLISHED = TEST_NOW - timedelta(days=1)


@pytest.fixture
def home(db: Database) -> Household:
    with db.session() as s:
        household = make_household(s)
        s.commit()
        return household


def _is_clean_title(text: str) -> bool:
    return text == unicodedata.normalize("NFC", text) and not has_control(text) and text == " ".join(text.split())


def _is_clean_body(text: str) -> bool:
    lines = text.split("\n")
    return (
        text == unicodedata.normalize("NFC", text)
        and not has_control(text.replace("\n", "").replace("\t", ""))
        and all(line == line.rstrip() for line in lines)
        and text == text.strip("\n")
    )


def _create(db: Database, home: Household, clock: FixedClock, title: str, body: str) -> int | DomainError:
    with db.session() as s:
        try:
            row = announcements.create_announcement(
                home.clerk_ctx(s, clock),
                title=title,
                body=body,
                kind=AnnouncementKind.NORMAL,
                publish_from=PUBLISHED,
                valid_until=None,
                audience=Audience.EVERYONE,
                draft=False,
            )
        except DomainError as error:
            s.rollback()
            return error
        s.commit()
        return row.id


def _check_stored(
    db: Database, home: Household, clock: FixedClock, announcement_id: int, title: str, body: str
) -> None:
    with db.session() as s:
        stored = s.get(Announcement, announcement_id)
        assert stored is not None
        assert 0 < len(stored.title) <= announcements.MAX_TITLE and _is_clean_title(stored.title)
        assert stored.body.strip() and len(stored.body) <= announcements.MAX_BODY and _is_clean_body(stored.body)
        if _is_clean_title(title):
            assert stored.title == title  # clean text round-trips exactly
        if _is_clean_body(body):
            assert stored.body == body
        seen = {a.id: a for a in announcements.active_for_resident(home.resident(s, clock))}
        assert (seen[announcement_id].title, seen[announcement_id].body) == (stored.title, stored.body)


def _assert_refused(error: DomainError) -> None:
    assert isinstance(error, ValidationError) and error.field in ("title", "body")
    assert_polish_refusal(error)


@DB_SETTINGS
@given(title=hostile_text, body=hostile_text)
@example(title="Przerwa w dostawie wody", body="Szanowni Mieszkańcy,\n\n\tjutro od 8:00 do 12:00.\n— Zarząd")
@example(title="a" * 200, body="b" * announcements.MAX_BODY)
def test_a_new_announcement_is_stored_clean_or_refused_in_polish(
    db: Database, clock: FixedClock, home: Household, title: str, body: str
) -> None:
    created = _create(db, home, clock, title, body)
    if isinstance(created, DomainError):
        _assert_refused(created)
    else:
        _check_stored(db, home, clock, created, title, body)


@DB_SETTINGS
@given(title=hostile_text, body=hostile_text)
def test_an_edited_announcement_is_stored_clean_or_left_as_it_was(
    db: Database, clock: FixedClock, home: Household, title: str, body: str
) -> None:
    created = _create(db, home, clock, "Ogłoszenie", "Treść ogłoszenia.")
    assert isinstance(created, int)
    with db.session() as s:
        ctx = home.clerk_ctx(s, clock)
        version = s.scalar(select(Announcement.version).where(Announcement.id == created))
        assert version is not None
        try:
            announcements.update_announcement(
                ctx,
                created,
                version,
                title=title,
                body=body,
                kind=AnnouncementKind.URGENT,
                publish_from=PUBLISHED,
                valid_until=None,
                audience=Audience.EVERYONE,
            )
        except DomainError as error:
            _assert_refused(error)
            s.rollback()
            title, body = "Ogłoszenie", "Treść ogłoszenia."
        else:
            s.commit()
    _check_stored(db, home, clock, created, title, body)


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_strings_as_title_and_body(db: Database, clock: FixedClock, home: Household, name: str) -> None:
    text = HOSTILE[name]
    with db.session() as s:
        before = s.scalar(select(func.count()).select_from(Announcement))
    for title, body in ((text, "Treść."), ("Tytuł", text), (text, text)):
        created = _create(db, home, clock, title, body)
        if isinstance(created, DomainError):
            _assert_refused(created)
        else:
            _check_stored(db, home, clock, created, title, body)
    with db.session() as s:
        stored = list(s.scalars(select(Announcement).order_by(Announcement.id)))[before:]
    if name in ("empty", "spaces"):
        assert [a.title for a in stored] == []  # "Tytuł"/"" is refused: no body
    elif name in ("long_10k", "long_1m"):
        assert [a.body for a in stored] == ([] if name == "long_1m" else [text])  # 10k fits, 1M does not
    elif name == "nfd_polish":
        nfc = HOSTILE["nfc_polish"]  # stored composed, whatever the keyboard sent
        assert [(a.title, a.body) for a in stored] == [(nfc, "Treść."), ("Tytuł", nfc), (nfc, nfc)]
    elif name in ("nul", "nul_inside", "escape", "crlf", "rlo_override"):
        # Control and bidi-override characters are replaced by spaces (a title is one line; a body keeps
        # its line breaks as "\n"). PostgreSQL never sees a NUL.
        assert all("\x00" not in a.title + a.body and "\u202e" not in a.title + a.body for a in stored)
        if name == "crlf":
            assert stored[1].body == "pierwsza\ndruga" and stored[0].title == "pierwsza druga"
    elif name in ("sql", "sql_quotes", "html", "percent_format", "emoji", "arabic", "hebrew", "nfc_polish"):
        assert [(a.title, a.body) for a in stored] == [(text, "Treść."), ("Tytuł", text), (text, text)]
