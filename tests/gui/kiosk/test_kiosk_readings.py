"""The kiosk's "Odczyty liczników" page, used as a resident would: sign in, tap, type, read what is shown."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from iok_desktop.db.database import Database
from iok_desktop.db.models import MeterReading
from iok_desktop.domain.dates import format_datetime
from iok_desktop.domain.enums import MeterKind, ReadingSource, ReadingStatus, WindowFrequency
from iok_desktop.gui.kiosk.app import KioskApp
from iok_desktop.gui.kiosk.pages.readings import MeterCard, ReadingCard, ReadingsPage
from iok_desktop.services.context import FixedClock
from iok_desktop.services.readings.review import reject_reading
from iok_desktop.services.readings.submit import submit_reading
from tests.gui.kiosk.conftest import MakeKiosk, open_readings
from tests.gui.support import screenshot, wait_idle
from tests.support.builders import (
    CREATED,
    accepted_reading,
    make_household,
    make_meter,
    set_window,
)

PENDING = "oczekujący na akceptację"
ACCEPTED = "zaakceptowany"
REJECTED = "odrzucony"
REJECTION = "Stan niezgodny ze zdjęciem licznika — proszę zgłosić ponownie."


@dataclass(frozen=True)
class Scene:
    login: str
    account_id: int
    cold: int  # last accepted 112,500 m³ of 30.09.2026; nothing pending
    hot: int  # accepted, rejected (with a reason) and the resident's pending 45,250 m³
    heat: int  # read remotely: residents do not report it
    pending_id: int
    rejected_id: int


@pytest.fixture
def scene(db: Database, clock: FixedClock) -> Scene:
    """A resident's flat: three meters, readings in every state; the quarterly window 21.11–14.01 is open."""
    with db.session() as s:
        home = make_household(s)
        set_window(s, WindowFrequency.QUARTERLY, 40, 14)
        cold = make_meter(s, home.premises, kind=MeterKind.COLD_WATER)
        accepted_reading(s, cold, date(2026, 6, 30), "100.000")
        accepted_reading(s, cold, date(2026, 9, 30), "112.500")
        hot = make_meter(s, home.premises, kind=MeterKind.HOT_WATER)
        accepted_reading(s, hot, date(2026, 9, 30), "40.000")
        heat = make_meter(s, home.premises, kind=MeterKind.HEAT, remote_read=True)
        accepted_reading(s, heat, date(2026, 9, 30), "12.400")
        s.commit()
        resident = home.resident(s, clock, ReadingSource.KIOSK)
        rejected = submit_reading(resident, hot.id, "44", date(2026, 11, 22)).reading
        pending = submit_reading(resident, hot.id, "45,25", date(2026, 11, 24)).reading
        s.commit()
        reject_reading(home.clerk_ctx(s, clock), rejected.id, rejected.version, REJECTION)
        s.commit()
        return Scene(home.account.login, home.account.id, cold.id, hot.id, heat.id, pending.id, rejected.id)


def _tap(qtbot: QtBot, kiosk: KioskApp, button: QPushButton | None) -> None:
    assert button is not None
    qtbot.waitUntil(button.isVisible)  # cards added to a shown page appear on the next turn of the event loop
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, kiosk.runner)


def _screenshot(kiosk: KioskApp, width: int, height: int, name: str) -> None:
    """Resize the kiosk as a screen of that size and let the layouts settle before the picture."""
    kiosk.window.resize(width, height)
    for _ in range(3):  # a resize asks for layouts, and a card that re-lays its buttons asks once more
        QApplication.processEvents()
    screenshot(kiosk.window, name)


def _meter_card(page: ReadingsPage, meter_id: int) -> MeterCard:
    return next(card for card in page.meter_cards if card.meter.id == meter_id)


def _reading_card(page: ReadingsPage, reading_id: int) -> ReadingCard:
    return next(card for card in page.reading_cards if card.reading.id == reading_id)


def _card_for_value(page: ReadingsPage, value: str) -> ReadingCard:
    return next(card for card in page.reading_cards if card.value_label.text() == value)


def _text(widget: QWidget, name: str) -> str:
    label = widget.findChild(QLabel, name)
    assert label is not None, name
    return label.text()


def _readings(db: Database, meter_id: int) -> list[MeterReading]:
    with db.session() as s:
        return list(s.scalars(select(MeterReading).where(MeterReading.meter_id == meter_id).order_by(MeterReading.id)))


def test_meters_show_the_last_accepted_reading_and_a_report_button_where_the_resident_may_report(
    qtbot: QtBot, make_kiosk: MakeKiosk, scene: Scene
) -> None:
    kiosk = make_kiosk()
    kiosk.window.resize(1280, 1024)
    page = open_readings(qtbot, kiosk, scene.login)
    assert page.title.text() == "Odczyty liczników"
    assert page.address_label.text().startswith("ul. ")
    assert sorted(card.meter.id for card in page.meter_cards) == sorted([scene.cold, scene.hot, scene.heat])
    cold = _meter_card(page, scene.cold)
    assert _text(cold, "kiosk_meter_kind") == "Woda zimna (ZW)"
    assert _text(cold, "kiosk_meter_last_value") == "112,500 m³"
    assert _text(cold, "kiosk_meter_last_date") == "z dnia 30.09.2026"
    assert cold.report_button is not None and cold.report_button.text() == "Zgłoś odczyt licznika"
    heat = _meter_card(page, scene.heat)
    assert heat.report_button is None
    assert heat.refusal_label is not None and "odczytywany zdalnie" in heat.refusal_label.text()
    _screenshot(kiosk, 1280, 1024, "kiosk_readings_meters_1280x1024")
    _screenshot(kiosk, 1920, 1080, "kiosk_readings_meters_1920x1080")
    # The remote-read meter's own view shows why instead of the form, and its readings.
    _tap(qtbot, kiosk, heat.readings_button)
    assert not page.form.isVisible()
    assert page.refusal_label.isVisible() and "odczytywany zdalnie" in page.refusal_label.text()
    assert [card.status_label.text() for card in page.reading_cards] == [ACCEPTED]


def test_a_reported_reading_appears_pending_and_is_stored_as_from_the_kiosk(
    qtbot: QtBot, db: Database, make_kiosk: MakeKiosk, scene: Scene
) -> None:
    kiosk = make_kiosk()
    kiosk.window.resize(1280, 1024)
    page = open_readings(qtbot, kiosk, scene.login)
    _tap(qtbot, kiosk, _meter_card(page, scene.cold).report_button)
    assert page.views.currentWidget() is page.meter_view
    assert page.value_edit.property("kiosk_input") == "numeric"  # the window's keypad serves it
    assert page.meter_title.text().startswith("Woda zimna (ZW), licznik nr ")
    assert page.meter_last.text() == "Ostatni zaakceptowany odczyt: 112,500 m³ z dnia 30.09.2026"
    assert page.date_label.text() == "25.11.2026 (dziś)"
    assert not page.later_button.isEnabled()  # no readings from the future
    qtbot.keyClicks(page.value_edit, "118,2")
    _tap(qtbot, kiosk, page.submit_button)

    assert page.message.isVisible()
    assert page.message.text() == f"Odczyt wysłany: 118,200 m³ z dnia 25.11.2026. Status: {PENDING}."
    assert page.value_edit.text() == "" and not page.form_error.isVisible()
    card = _card_for_value(page, "118,200 m³")
    assert card.status_label.text() == PENDING
    assert card.edit_button is not None and card.delete_button is not None
    assert [c.value_label.text() for c in page.reading_cards] == ["118,200 m³", "112,500 m³", "100,000 m³"]
    stored = _readings(db, scene.cold)[-1]
    assert stored.status is ReadingStatus.PENDING and stored.source is ReadingSource.KIOSK
    assert stored.value == Decimal("118.2") and stored.reading_date == date(2026, 11, 25)
    assert stored.submitted_by_account_id == scene.account_id
    _screenshot(kiosk, 1280, 1024, "kiosk_readings_reported_1280x1024")
    # Back on the list of meters, the last accepted reading is still the accepted one.
    _tap(qtbot, kiosk, page.back_button)
    assert page.views.currentWidget() is page.meters_view
    assert _text(_meter_card(page, scene.cold), "kiosk_meter_last_value") == "112,500 m³"


def test_a_value_below_the_last_accepted_is_refused_in_red_and_the_typed_value_stays(
    qtbot: QtBot, db: Database, make_kiosk: MakeKiosk, scene: Scene
) -> None:
    kiosk = make_kiosk()
    kiosk.window.resize(1280, 1024)
    page = open_readings(qtbot, kiosk, scene.login)
    _tap(qtbot, kiosk, _meter_card(page, scene.cold).report_button)
    qtbot.keyClicks(page.value_edit, "99")
    _tap(qtbot, kiosk, page.submit_button)
    assert page.form_error.isVisible() and page.form_error.property("role") == "kiosk-error"
    assert page.form_error.text() == (
        "Podany stan (99,000 m³) jest niższy niż ostatni zaakceptowany odczyt (112,500 m³ z dnia 30.09.2026). "
        "Sprawdź liczbę — jeśli licznik wymieniono, zgłoś to w administracji."
    )
    assert page.value_edit.text() == "99"
    assert not page.message.isVisible()
    _screenshot(kiosk, 1280, 1024, "kiosk_readings_refused_1280x1024")
    _screenshot(kiosk, 1920, 1080, "kiosk_readings_refused_1920x1080")
    assert len(_readings(db, scene.cold)) == 2
    # Fixed, it goes through and the red message is gone.
    page.value_edit.clear()
    qtbot.keyClicks(page.value_edit, "113")
    _tap(qtbot, kiosk, page.submit_button)
    assert not page.form_error.isVisible()
    assert _card_for_value(page, "113,000 m³").status_label.text() == PENDING


def test_a_date_before_the_window_opened_is_refused_and_the_value_stays(
    qtbot: QtBot, db: Database, make_kiosk: MakeKiosk, scene: Scene
) -> None:
    kiosk = make_kiosk()
    page = open_readings(qtbot, kiosk, scene.login)
    _tap(qtbot, kiosk, _meter_card(page, scene.cold).report_button)
    for _ in range(5):
        _tap(qtbot, kiosk, page.earlier_button)
    assert page.date_label.text() == "20.11.2026"
    assert page.later_button.isEnabled()
    qtbot.keyClicks(page.value_edit, "115")
    _tap(qtbot, kiosk, page.submit_button)
    assert page.form_error.text() == "Data odczytu musi przypadać w bieżącym okresie odczytowym (od 21.11.2026)."
    assert page.value_edit.text() == "115"
    _tap(qtbot, kiosk, page.later_button)
    _tap(qtbot, kiosk, page.submit_button)
    assert _card_for_value(page, "115,000 m³").date_label.text() == "z dnia 21.11.2026"
    assert _readings(db, scene.cold)[-1].reading_date == date(2026, 11, 21)


def test_a_pending_reading_is_changed_then_deleted_after_an_on_page_confirmation(
    qtbot: QtBot, db: Database, make_kiosk: MakeKiosk, scene: Scene
) -> None:
    kiosk = make_kiosk()
    kiosk.window.resize(1280, 1024)
    page = open_readings(qtbot, kiosk, scene.login)
    _tap(qtbot, kiosk, _meter_card(page, scene.hot).readings_button)
    card = _reading_card(page, scene.pending_id)
    assert card.status_label.text() == PENDING and card.value_label.text() == "45,250 m³"

    _tap(qtbot, kiosk, card.edit_button)
    assert card.edit_panel.isVisible() and card.value_edit.text() == "45,250"
    assert card.value_edit.property("kiosk_input") == "numeric"
    _screenshot(kiosk, 1280, 1024, "kiosk_readings_editing_1280x1024")
    card.value_edit.clear()
    qtbot.keyClicks(card.value_edit, "46,5")
    _tap(qtbot, kiosk, card.save_button)
    assert page.message.text() == "Odczyt poprawiony na 46,500 m³."
    card = _reading_card(page, scene.pending_id)  # the list was read again
    assert card.value_label.text() == "46,500 m³" and card.status_label.text() == PENDING
    with db.session() as s:
        stored = s.get(MeterReading, scene.pending_id)
        assert stored is not None and stored.value == Decimal("46.5") and stored.version == 2

    _tap(qtbot, kiosk, card.delete_button)
    assert card.confirm_panel.isVisible()
    assert _text(card, "kiosk_reading_delete_question") == "Usunąć odczyt 46,500 m³ z dnia 24.11.2026?"
    _screenshot(kiosk, 1280, 1024, "kiosk_readings_delete_confirm_1280x1024")
    _screenshot(kiosk, 1920, 1080, "kiosk_readings_delete_confirm_1920x1080")
    _tap(qtbot, kiosk, card.keep_button)
    assert not card.confirm_panel.isVisible()
    assert scene.pending_id in [r.id for r in _readings(db, scene.hot)]

    _tap(qtbot, kiosk, card.delete_button)
    _tap(qtbot, kiosk, card.confirm_delete_button)
    assert page.message.text() == "Odczyt usunięty."
    assert scene.pending_id not in [c.reading.id for c in page.reading_cards]
    assert scene.pending_id not in [r.id for r in _readings(db, scene.hot)]


def test_a_change_refused_by_the_rules_stays_on_the_card_in_red(
    qtbot: QtBot, make_kiosk: MakeKiosk, scene: Scene
) -> None:
    kiosk = make_kiosk()
    page = open_readings(qtbot, kiosk, scene.login)
    _tap(qtbot, kiosk, _meter_card(page, scene.hot).readings_button)
    card = _reading_card(page, scene.pending_id)
    _tap(qtbot, kiosk, card.edit_button)
    card.value_edit.clear()
    qtbot.keyClicks(card.value_edit, "39")
    _tap(qtbot, kiosk, card.save_button)
    assert card.error_label.isVisible()
    assert card.error_label.text().startswith("Podany stan (39,000 m³) jest niższy niż ostatni zaakceptowany odczyt")
    assert card.value_edit.text() == "39" and card.edit_panel.isVisible()


def test_accepted_and_rejected_readings_are_read_only_and_the_rejection_shows_its_reason_and_history(
    qtbot: QtBot, make_kiosk: MakeKiosk, scene: Scene
) -> None:
    kiosk = make_kiosk()
    kiosk.window.resize(1280, 1024)
    page = open_readings(qtbot, kiosk, scene.login)
    _tap(qtbot, kiosk, _meter_card(page, scene.hot).readings_button)
    assert [c.status_label.text() for c in page.reading_cards] == [PENDING, REJECTED, ACCEPTED]
    rejected = _reading_card(page, scene.rejected_id)
    accepted = page.reading_cards[-1]
    for card in (rejected, accepted):
        assert card.edit_button is None and card.delete_button is None
        assert card.findChild(QPushButton, "kiosk_reading_edit_button") is None
        assert card.findChild(QLineEdit, "kiosk_reading_new_value_edit") is not None  # built, never shown
        assert not card.edit_panel.isVisible()
    assert rejected.reason_label is not None and rejected.reason_label.text() == f"Powód: {REJECTION}"
    assert accepted.reason_label is None

    _tap(qtbot, kiosk, rejected.history_button)
    assert rejected.history_panel.isVisible() and rejected.history_button.text() == "Ukryj historię"
    assert rejected.history_texts == [
        "25.11.2026 10:00   zgłoszony w kiosku",
        f"25.11.2026 10:00   odrzucony: {REJECTION}",
    ]
    _tap(qtbot, kiosk, accepted.history_button)
    assert accepted.history_texts == [
        f"{format_datetime(CREATED)}   zgłoszony z importu",
        f"{format_datetime(CREATED)}   {ACCEPTED}",
    ]
    _screenshot(kiosk, 1280, 1024, "kiosk_readings_states_1280x1024")
    _screenshot(kiosk, 1920, 1080, "kiosk_readings_states_1920x1080")
    _tap(qtbot, kiosk, rejected.history_button)
    assert not rejected.history_panel.isVisible() and rejected.history_button.text() == "Historia"


def test_the_history_of_a_changed_pending_reading_says_it_was_corrected(
    qtbot: QtBot, make_kiosk: MakeKiosk, scene: Scene
) -> None:
    kiosk = make_kiosk()
    page = open_readings(qtbot, kiosk, scene.login)
    _tap(qtbot, kiosk, _meter_card(page, scene.hot).readings_button)
    card = _reading_card(page, scene.pending_id)
    _tap(qtbot, kiosk, card.edit_button)
    card.value_edit.clear()
    qtbot.keyClicks(card.value_edit, "47")
    _tap(qtbot, kiosk, card.save_button)
    card = _reading_card(page, scene.pending_id)
    _tap(qtbot, kiosk, card.history_button)
    assert [text.split("   ", 1)[1] for text in card.history_texts] == [
        "zgłoszony w kiosku",
        "poprawiony przed akceptacją",
        PENDING,
    ]


def test_a_reading_accepted_meanwhile_cannot_be_deleted_and_the_page_says_why(
    qtbot: QtBot, db: Database, clock: FixedClock, make_kiosk: MakeKiosk, scene: Scene
) -> None:
    kiosk = make_kiosk()
    page = open_readings(qtbot, kiosk, scene.login)
    _tap(qtbot, kiosk, _meter_card(page, scene.hot).readings_button)
    card = _reading_card(page, scene.pending_id)
    with db.session() as s:  # a clerk approves it while the resident looks at it
        stored = s.get(MeterReading, scene.pending_id)
        assert stored is not None
        stored.status = ReadingStatus.ACCEPTED
        stored.reviewed_at = clock.now()
        stored.version += 1
        s.commit()
    _tap(qtbot, kiosk, card.delete_button)
    _tap(qtbot, kiosk, card.confirm_delete_button)
    assert page.page_error.isVisible() and "nie można go zmienić" in page.page_error.text()
    card = _reading_card(page, scene.pending_id)
    assert card.status_label.text() == ACCEPTED and card.delete_button is None
