"""Kiosk "Dane kontaktowe": a resident signs in, sees their phones and e-mail, changes them, and the office
sees the change as made by the resident; a mistake is shown next to its field and what was typed stays."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from iok_desktop.db.database import Database
from iok_desktop.db.models import Person, ResidentAccount, StaffUser
from iok_desktop.domain.enums import ActorKind, ContactField
from iok_desktop.gui.kiosk.app import KioskApp
from iok_desktop.gui.kiosk.keyboard import OnScreenKeyboard
from iok_desktop.gui.kiosk.pages.contacts import ContactsPage
from iok_desktop.services import contacts
from iok_desktop.services.context import FixedClock, ServiceContext
from tests.gui.kiosk.conftest import MakeKiosk, Resident, sign_in
from tests.gui.support import screenshot, wait_idle
from tests.support.builders import staff_of

LANDLINE = "+48 91 433 22 11"
MOBILE = "+48 601 234 567"
EMAIL = "zazolc.jazn@example.pl"


def _person_id(db: Database, resident: Resident) -> int:
    with db.session() as s:
        account = s.get(ResidentAccount, resident.account_id)
        assert account is not None
        return account.person_id


def _set_contacts(
    db: Database, resident: Resident, landline: str | None, mobile: str | None, email: str | None
) -> None:
    person_id = _person_id(db, resident)
    with db.session() as s:
        person = s.get(Person, person_id)
        assert person is not None
        person.landline, person.mobile, person.email = landline, mobile, email
        s.commit()


def _open_contacts(qtbot: QtBot, kiosk: KioskApp, resident: Resident) -> ContactsPage:
    shell = sign_in(qtbot, kiosk, resident.login)
    assert shell.buttons["contacts"].text() == "Dane kontaktowe"
    qtbot.mouseClick(shell.buttons["contacts"], Qt.MouseButton.LeftButton)
    wait_idle(qtbot, kiosk.runner)
    page = shell.pages["contacts"]
    assert isinstance(page, ContactsPage) and page.isVisible()
    return page


def _shown(page: ContactsPage) -> dict[ContactField, str]:
    return {field: row.value.text() for field, row in page.rows.items() if row.value.isVisible()}


def _retype(qtbot: QtBot, page: ContactsPage, field: ContactField, text: str) -> None:
    edit = page.rows[field].edit
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(edit, text)


def _in_sight(page: ContactsPage, widget: QWidget) -> bool:
    """Inside the form's visible area and above a floating on-screen keyboard, if one shows."""
    viewport = page.form_area.viewport()
    top, bottom = widget.mapToGlobal(QPoint(0, 0)).y(), widget.mapToGlobal(QPoint(0, widget.height())).y()
    limit = viewport.mapToGlobal(QPoint(0, viewport.height())).y()
    for board in widget.window().findChildren(OnScreenKeyboard):
        if board.isVisible():
            limit = min(limit, board.mapToGlobal(QPoint(0, 0)).y())
    return viewport.mapToGlobal(QPoint(0, 0)).y() <= top and bottom <= limit


def _history(db: Database, clock: FixedClock, resident: Resident) -> list[contacts.ContactChangeRow]:
    """What a clerk sees in the person's contact history."""
    person_id = _person_id(db, resident)
    with db.session() as s:
        clerk = s.scalar(select(StaffUser).where(StaffUser.login == resident.clerk_login))
        assert clerk is not None
        return contacts.history(ServiceContext(s, staff_of(clerk), clock), person_id)


def test_resident_sees_and_changes_contact_details_and_the_office_sees_who_changed_them(
    qtbot: QtBot, db: Database, clock: FixedClock, make_kiosk: MakeKiosk, resident: Resident
) -> None:
    _set_contacts(db, resident, LANDLINE, MOBILE, None)
    kiosk = make_kiosk()
    kiosk.window.resize(1920, 1080)
    page = _open_contacts(qtbot, kiosk, resident)
    assert _shown(page) == {
        ContactField.LANDLINE: LANDLINE,
        ContactField.MOBILE: MOBILE,
        ContactField.EMAIL: "nie podano",
    }
    assert [row.caption.text() for row in page.rows.values()] == [
        "Telefon stacjonarny",
        "Telefon komórkowy",
        "Adres e-mail",
    ]
    assert page.note_label.text() == "Powyższe dane służą Spółdzielni do ewentualnego kontaktu z Państwem."
    assert page.change_button.text() == "Zmień dane" and page.change_button.isVisible()
    assert not page.save_button.isVisible() and not any(row.edit.isVisible() for row in page.rows.values())
    screenshot(kiosk.window, "kiosk_contacts_1920x1080")

    qtbot.mouseClick(page.change_button, Qt.MouseButton.LeftButton)
    assert all(row.edit.isVisible() for row in page.rows.values())
    assert page.rows[ContactField.MOBILE].edit.text() == MOBILE  # starts from what is stored
    assert page.save_button.text() == "Zapisz" and page.cancel_button.text() == "Anuluj"
    _retype(qtbot, page, ContactField.MOBILE, "602-345-678")
    qtbot.keyClicks(page.rows[ContactField.EMAIL].edit, "Nowy.Adres@Example.PL")
    screenshot(kiosk.window, "kiosk_contacts_editing_1920x1080")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, kiosk.runner)

    assert page.status_label.isVisible() and page.status_label.text().startswith("Zapisano")
    assert _shown(page) == {
        ContactField.LANDLINE: LANDLINE,
        ContactField.MOBILE: "+48 602 345 678",  # stored in one form whatever was typed
        ContactField.EMAIL: "Nowy.Adres@example.pl",
    }
    assert page.change_button.isVisible() and not page.save_button.isVisible()
    screenshot(kiosk.window, "kiosk_contacts_saved_1920x1080")

    changes = {row.field: row for row in _history(db, clock, resident)}
    assert set(changes) == {ContactField.MOBILE, ContactField.EMAIL}
    assert changes[ContactField.MOBILE].old_value == MOBILE
    assert changes[ContactField.MOBILE].new_value == "+48 602 345 678"
    assert changes[ContactField.EMAIL].old_value is None
    for change in changes.values():
        assert change.changed_by is ActorKind.RESIDENT and change.changed_by_login == resident.login
        assert change.seen_at is None  # waits on the clerks' list

    kiosk.window.resize(1280, 1024)
    screenshot(kiosk.window, "kiosk_contacts_saved_1280x1024")


def test_a_bad_phone_and_e_mail_are_shown_next_to_their_fields_and_the_typed_text_stays(
    qtbot: QtBot, db: Database, clock: FixedClock, make_kiosk: MakeKiosk, resident: Resident
) -> None:
    _set_contacts(db, resident, None, MOBILE, EMAIL)
    kiosk = make_kiosk()
    kiosk.window.resize(1280, 1024)
    page = _open_contacts(qtbot, kiosk, resident)
    qtbot.mouseClick(page.change_button, Qt.MouseButton.LeftButton)
    _retype(qtbot, page, ContactField.MOBILE, "60123")
    _retype(qtbot, page, ContactField.EMAIL, "jan.kowalski@")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, kiosk.runner)

    mobile, email, landline = (page.rows[f] for f in (ContactField.MOBILE, ContactField.EMAIL, ContactField.LANDLINE))
    assert mobile.error.isVisible() and mobile.error.text().startswith("Telefon komórkowy: ")
    assert "9 cyfr" in mobile.error.text()
    assert email.error.isVisible() and email.error.text().startswith("Adres e-mail: ")
    assert "nazwa@domena.pl" in email.error.text()
    assert not landline.error.isVisible()
    assert mobile.error.property("role") == "kiosk-error"
    assert mobile.edit.property("invalid") == "true" and landline.edit.property("invalid") != "true"
    # What the resident typed stays, the form stays open, and nothing was saved.
    assert mobile.edit.isVisible() and mobile.edit.text() == "60123"
    assert email.edit.text() == "jan.kowalski@"
    assert mobile.edit.hasFocus()
    qtbot.waitUntil(lambda: _in_sight(page, mobile.edit) and _in_sight(page, mobile.error))
    assert page.save_button.isVisible()
    assert not page.status_label.isVisible()
    assert _history(db, clock, resident) == []
    screenshot(kiosk.window, "kiosk_contacts_errors_1280x1024")
    kiosk.window.resize(1920, 1080)
    email.edit.setFocus()  # a tap on the e-mail field: it and its message rise above the keyboard
    qtbot.waitUntil(lambda: _in_sight(page, email.edit) and _in_sight(page, email.error))
    screenshot(kiosk.window, "kiosk_contacts_errors_1920x1080")

    # A landline typed into the mobile field is named as such; the fixed e-mail is no longer refused.
    _retype(qtbot, page, ContactField.MOBILE, "91 433 22 11")
    _retype(qtbot, page, ContactField.EMAIL, "jan.kowalski@example.pl")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, kiosk.runner)
    assert "stacjonarny" in mobile.error.text() and not email.error.isVisible()
    assert email.edit.text() == "jan.kowalski@example.pl"

    _retype(qtbot, page, ContactField.MOBILE, "+48 603 000 111")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, kiosk.runner)
    assert not mobile.error.isVisible() and page.status_label.text().startswith("Zapisano")
    assert _shown(page)[ContactField.MOBILE] == "+48 603 000 111"
    assert {row.field for row in _history(db, clock, resident)} == {ContactField.MOBILE, ContactField.EMAIL}


def test_cancel_leaves_the_details_as_they_were(
    qtbot: QtBot, db: Database, clock: FixedClock, make_kiosk: MakeKiosk, resident: Resident
) -> None:
    _set_contacts(db, resident, LANDLINE, None, EMAIL)
    kiosk = make_kiosk()
    page = _open_contacts(qtbot, kiosk, resident)
    qtbot.mouseClick(page.change_button, Qt.MouseButton.LeftButton)
    _retype(qtbot, page, ContactField.LANDLINE, "")
    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, kiosk.runner)
    assert _shown(page)[ContactField.LANDLINE] == LANDLINE
    assert page.change_button.isVisible() and not page.rows[ContactField.LANDLINE].edit.isVisible()
    assert _history(db, clock, resident) == []
    # Saving an unchanged form says so and records nothing.
    qtbot.mouseClick(page.change_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, kiosk.runner)
    assert page.status_label.text().startswith("Nic się nie zmieniło")
    assert _history(db, clock, resident) == []
