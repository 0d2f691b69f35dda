"""Kiosk "Ogłoszenia": a resident signs in and sees the announcements published for them, urgent ones first and
unread ones marked; opening one shows it in full and notes it as read, which stays after coming back."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from iok_desktop.db.database import Database
from iok_desktop.db.models import AnnouncementRead, LegalTitle, Premises, ResidentAccount, StaffUser
from iok_desktop.domain.enums import AnnouncementKind, Audience, ReadingSource
from iok_desktop.gui.kiosk.app import KioskApp
from iok_desktop.gui.kiosk.pages.announcements import AnnouncementsPage
from iok_desktop.gui.kiosk.shell import KioskShell
from iok_desktop.services import announcements
from iok_desktop.services.context import FixedClock, ServiceContext, resident_actor
from tests.gui.kiosk.conftest import MakeKiosk, Resident, sign_in
from tests.gui.support import screenshot, wait_idle
from tests.support.builders import make_building, staff_of

LONG_BODY = "\n\n".join(
    f"Punkt {n}. Prosimy mieszkańców o zamknięcie zaworów wody w łazience i kuchni, "
    "a po przywróceniu dostawy o spuszczenie wody przez kilka minut, aż będzie czysta."
    for n in range(1, 16)
)


def _at(day: int, hour: int = 8) -> datetime:
    return datetime(2026, 11, day, hour, 0, tzinfo=UTC)


def _publish(
    db: Database,
    clock: FixedClock,
    resident: Resident,
    title: str,
    *,
    body: str = "Szczegóły w biurze spółdzielni.",
    kind: AnnouncementKind = AnnouncementKind.NORMAL,
    published: datetime,
    audience: Audience = Audience.EVERYONE,
    building_id: int | None = None,
    premises_id: int | None = None,
    valid_until: datetime | None = None,
    draft: bool = False,
) -> int:
    with db.session() as s:
        clerk = s.scalar(select(StaffUser).where(StaffUser.login == resident.clerk_login))
        assert clerk is not None
        row = announcements.create_announcement(
            ServiceContext(s, staff_of(clerk), clock),
            title=title,
            body=body,
            kind=kind,
            publish_from=published,
            valid_until=valid_until,
            audience=audience,
            building_id=building_id,
            premises_id=premises_id,
            draft=draft,
        )
        s.commit()
        return row.id


def _home(db: Database, resident: Resident) -> tuple[int, int]:
    """The resident's premises and its building."""
    with db.session() as s:
        account = s.get(ResidentAccount, resident.account_id)
        assert account is not None
        premises = s.scalar(
            select(Premises)
            .join(LegalTitle, LegalTitle.premises_id == Premises.id)
            .where(LegalTitle.person_id == account.person_id)
        )
        assert premises is not None
        return premises.id, premises.building_id


def _other_building(db: Database) -> int:
    with db.session() as s:
        building = make_building(s, street="Malczewskiego", number="14")
        s.commit()
        return building.id


def _read_before(db: Database, clock: FixedClock, resident: Resident, announcement_id: int) -> None:
    """The resident read it earlier (in IOK at home)."""
    with db.session() as s:
        actor = resident_actor(resident.account_id, resident.login, ReadingSource.WEB)
        announcements.mark_read(ServiceContext(s, actor, clock), announcement_id)
        s.commit()


def _reads(db: Database, resident: Resident) -> set[int]:
    with db.session() as s:
        return set(
            s.scalars(
                select(AnnouncementRead.announcement_id).where(AnnouncementRead.account_id == resident.account_id)
            )
        )


def _open_page(qtbot: QtBot, kiosk: KioskApp, shell: KioskShell) -> AnnouncementsPage:
    assert shell.buttons["announcements"].text() == "Ogłoszenia"
    qtbot.mouseClick(shell.buttons["announcements"], Qt.MouseButton.LeftButton)
    wait_idle(qtbot, kiosk.runner)
    page = shell.pages["announcements"]
    assert isinstance(page, AnnouncementsPage) and page.isVisible()
    # The cards are laid out on the next event-loop turns; a click before that lands on an empty card.
    qtbot.waitUntil(lambda: all(not card.geometry().isEmpty() for card in page.cards.values()), timeout=5_000)
    return page


def _titles(page: AnnouncementsPage) -> list[str]:
    cards = sorted(page.cards.values(), key=lambda card: card.y())
    return [card.title_label.text() for card in cards]


def _marked_new(page: AnnouncementsPage) -> set[str]:
    return {
        card.title_label.text()
        for card in page.cards.values()
        if card.new_badge.isVisibleTo(card) and card.title_label.property("unread") == "true"
    }


def test_urgent_first_unread_marked_opening_marks_read_and_other_buildings_stay_hidden(
    qtbot: QtBot, db: Database, clock: FixedClock, make_kiosk: MakeKiosk, resident: Resident
) -> None:
    premises_id, building_id = _home(db, resident)
    elsewhere = _other_building(db)
    inspection = _publish(db, clock, resident, "Przegląd instalacji gazowej", published=_at(10))
    _publish(
        db,
        clock,
        resident,
        "Awaria wody — przerwa w dostawie",
        body=LONG_BODY,
        kind=AnnouncementKind.URGENT,
        published=_at(20),
        audience=Audience.BUILDING,
        building_id=building_id,
        valid_until=_at(30),
    )
    meeting = _publish(
        db,
        clock,
        resident,
        "Zebranie mieszkańców: żłobek, źródełko, ścieżki",
        published=_at(24),
        audience=Audience.PREMISES,
        premises_id=premises_id,
    )
    # Not for this resident: another building (even urgent), a draft, one not yet published.
    _publish(
        db,
        clock,
        resident,
        "Malowanie klatek schodowych",
        kind=AnnouncementKind.URGENT,
        published=_at(22),
        audience=Audience.BUILDING,
        building_id=elsewhere,
    )
    _publish(db, clock, resident, "Szkic ogłoszenia", published=_at(21), draft=True)
    _publish(db, clock, resident, "Wymiana wodomierzy w grudniu", published=_at(28))
    _read_before(db, clock, resident, inspection)

    kiosk = make_kiosk()
    kiosk.window.resize(1920, 1080)
    shell = sign_in(qtbot, kiosk, resident.login)
    page = _open_page(qtbot, kiosk, shell)
    assert _titles(page) == [
        "Awaria wody — przerwa w dostawie",
        "Zebranie mieszkańców: żłobek, źródełko, ścieżki",
        "Przegląd instalacji gazowej",
    ]
    assert _marked_new(page) == {
        "Awaria wody — przerwa w dostawie",
        "Zebranie mieszkańców: żłobek, źródełko, ścieżki",
    }
    cards = {card.title_label.text(): card for card in page.cards.values()}
    urgent = cards["Awaria wody — przerwa w dostawie"]
    assert urgent.urgent_badge.isVisibleTo(urgent) and urgent.urgent_badge.text() == "PILNE"
    assert urgent.new_badge.text() == "Nowe"
    assert not cards["Przegląd instalacji gazowej"].urgent_badge.isVisibleTo(cards["Przegląd instalacji gazowej"])
    assert urgent.meta_label.text() == "Opublikowano 20.11.2026 · ważne do 30.11.2026"
    assert page.summary_label.text().startswith("Nieprzeczytane: 2.")
    screenshot(kiosk.window, "kiosk_announcements_1920x1080")
    kiosk.window.resize(1280, 1024)
    screenshot(kiosk.window, "kiosk_announcements_1280x1024")

    # Tap the meeting: it opens in full and is noted as read.
    qtbot.mouseClick(cards["Zebranie mieszkańców: żłobek, źródełko, ścieżki"], Qt.MouseButton.LeftButton)
    wait_idle(qtbot, kiosk.runner)
    assert page.views.currentIndex() == 1
    assert page.detail_title.text() == "Zebranie mieszkańców: żłobek, źródełko, ścieżki"
    assert page.body_view.toPlainText() == "Szczegóły w biurze spółdzielni."
    assert not page.detail_urgent.isVisibleTo(page)
    assert _reads(db, resident) == {inspection, meeting}
    qtbot.mouseClick(page.back_button, Qt.MouseButton.LeftButton)
    assert page.views.currentIndex() == 0
    assert _marked_new(page) == {"Awaria wody — przerwa w dostawie"}
    assert page.summary_label.text().startswith("Nieprzeczytane: 1.")

    # Away and back: the list comes fresh from the database and the mark stays off.
    qtbot.mouseClick(shell.buttons["home"], Qt.MouseButton.LeftButton)
    page = _open_page(qtbot, kiosk, shell)
    assert _marked_new(page) == {"Awaria wody — przerwa w dostawie"}
    assert len(page.cards) == 3

    # The long urgent one: large type, scrolled by the arrow buttons.
    qtbot.mouseClick(page.cards[min(page.cards, key=lambda i: page.cards[i].y())], Qt.MouseButton.LeftButton)
    wait_idle(qtbot, kiosk.runner)
    assert page.detail_urgent.isVisibleTo(page) and page.detail_title.property("urgent") == "true"
    assert "Punkt 15." in page.body_view.toPlainText()
    bar = page.body_view.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0
    assert page.body_scroll.isVisibleTo(page) and not page.body_scroll.up_button.isEnabled()
    screenshot(kiosk.window, "kiosk_announcement_open_1280x1024")
    qtbot.mouseClick(page.body_scroll.down_button, Qt.MouseButton.LeftButton)
    assert bar.value() > 0 and page.body_scroll.up_button.isEnabled()
    kiosk.window.resize(1920, 1080)
    screenshot(kiosk.window, "kiosk_announcement_open_1920x1080")
    qtbot.mouseClick(page.back_button, Qt.MouseButton.LeftButton)
    assert _marked_new(page) == set()
    assert page.summary_label.text().startswith("Wszystkie ogłoszenia są przeczytane")
    assert len(_reads(db, resident)) == 3


def test_no_announcements_says_so(qtbot: QtBot, make_kiosk: MakeKiosk, resident: Resident) -> None:
    kiosk = make_kiosk()
    shell = sign_in(qtbot, kiosk, resident.login)
    page = _open_page(qtbot, kiosk, shell)
    assert page.cards == {}
    assert page.summary_label.text() == "Nie ma teraz żadnych ogłoszeń dla Ciebie."


def test_an_announcement_ended_meanwhile_says_so_and_leaves_the_list(
    qtbot: QtBot, db: Database, clock: FixedClock, make_kiosk: MakeKiosk, resident: Resident
) -> None:
    ended = _publish(db, clock, resident, "Odczyty wodomierzy", published=_at(20))
    kiosk = make_kiosk()
    shell = sign_in(qtbot, kiosk, resident.login)
    page = _open_page(qtbot, kiosk, shell)
    with db.session() as s:
        clerk = s.scalar(select(StaffUser).where(StaffUser.login == resident.clerk_login))
        assert clerk is not None
        announcements.expire(ServiceContext(s, staff_of(clerk), clock), ended)
        s.commit()
    qtbot.mouseClick(page.cards[ended], Qt.MouseButton.LeftButton)
    wait_idle(qtbot, kiosk.runner)
    assert page.detail_message.isVisibleTo(page) and "nie jest już dostępne" in page.detail_message.text()
    qtbot.mouseClick(page.back_button, Qt.MouseButton.LeftButton)
    assert page.cards == {}
