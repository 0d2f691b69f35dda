"""The kiosk's layout at the screens it runs on (1280x1024, 1920x1080): nothing cut, nothing off the screen.

A resident with two premises (a flat and a garage at one address, as in the demo) makes the premises
buttons appear on the readings page; the keypad narrows the page; the administrator's exit brings up the
on-screen keyboard. Every test saves screenshots (tests/gui/.screenshots) for a person to look at.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from PySide6.QtCore import QEvent, QRect, Qt
from PySide6.QtGui import QGuiApplication, QResizeEvent
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QStackedWidget, QWidget
from pytestqt.qtbot import QtBot

from iok_desktop.db.database import Database
from iok_desktop.domain.enums import MeterKind, WindowFrequency
from iok_desktop.gui.kiosk.admin_exit import KioskAdminExitScreen
from iok_desktop.gui.kiosk.app import KioskApp
from iok_desktop.gui.kiosk.pages.readings import ReadingsPage
from iok_desktop.gui.kiosk.premises_picker import NO_BREAK, PremisesButton
from iok_desktop.gui.kiosk.window import KioskWindow
from tests.gui.kiosk.conftest import MakeKiosk, open_readings
from tests.gui.support import screenshot, wait_idle
from tests.support.builders import (
    accepted_reading,
    grant_title,
    make_account,
    make_building,
    make_meter,
    make_person,
    make_premises,
    set_window,
)

SIZES = [(1280, 1024), (1920, 1080)]


@dataclass(frozen=True)
class TwoPremises:
    login: str
    addresses: tuple[str, str]


def _open_readings(qtbot: QtBot, kiosk: KioskApp, login: str) -> ReadingsPage:
    """The readings page with its meter cards and both premises buttons laid out."""
    page = open_readings(qtbot, kiosk, login)
    qtbot.waitUntil(lambda: bool(page.meter_cards) and all(b.isVisible() for b in page.picker.buttons))
    return page


@pytest.fixture
def two_premises(db: Database) -> TwoPremises:
    """A flat and a garage at ul. Bławatkowa 3A, each with a cold-water meter; the reading window is open."""
    with db.session() as s:
        person = make_person(s, "Wiesław", "Kaźmierczak")
        building = make_building(s, street="Bławatkowa", number="3A")
        for number in ("1", "G1"):
            premises = make_premises(s, building, number=number)
            grant_title(s, person, premises)
            meter = make_meter(s, premises, kind=MeterKind.COLD_WATER)
            accepted_reading(s, meter, date(2026, 9, 30), "485.578")
        account = make_account(s, person)
        set_window(s, WindowFrequency.QUARTERLY, 40, 14)
        s.commit()
        return TwoPremises(
            account.login, ("ul. Bławatkowa 3A/1, 70-001 Szczecin", "ul. Bławatkowa 3A/G1, 70-001 Szczecin")
        )


def _settle(kiosk: KioskApp, width: int, height: int) -> None:
    kiosk.window.resize(width, height)
    for _ in range(4):  # a resize asks for layouts, and a card that re-lays its buttons asks once more
        QApplication.processEvents()


def _inside(widget: QWidget, ancestor: QWidget) -> bool:
    """``widget`` lies wholly inside ``ancestor`` (in the ancestor's coordinates)."""
    top_left = widget.mapTo(ancestor, widget.rect().topLeft())
    return ancestor.rect().contains(QRect(top_left, widget.size()))


def _text_fits(label: QLabel) -> bool:
    """The wrapped label shows all its text: no word is wider than the label, and it has the height its
    lines need at its width."""
    width = label.contentsRect().width()
    metrics = label.fontMetrics()
    # Split where the label may break a line (not at the no-break space of "70-001 Szczecin").
    words_fit = all(metrics.horizontalAdvance(word) <= width for word in label.text().split(" "))
    return words_fit and label.heightForWidth(width) <= label.contentsRect().height()


def _open_keypad(qtbot: QtBot, kiosk: KioskApp, page: ReadingsPage) -> None:
    button = page.meter_cards[0].report_button
    assert button is not None
    qtbot.waitUntil(button.isVisible)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, kiosk.runner)
    qtbot.waitUntil(kiosk.window.keypad.isVisible)


def _assert_premises_buttons_readable(page: ReadingsPage, addresses: tuple[str, ...]) -> None:
    buttons = page.picker.buttons
    assert [b.address for b in buttons] == list(addresses)
    for button in buttons:
        assert isinstance(button, PremisesButton)
        # The whole address, never an elided one (the postal code and the town held together).
        assert button.label.text().replace(NO_BREAK, " ") == button.address
        assert _inside(button.label, button), button.address
        assert _inside(button, page), button.address
        assert _text_fits(button.label), (button.address, button.label.size())


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_the_premises_buttons_show_the_whole_address_with_and_without_the_keypad(
    qtbot: QtBot, make_kiosk: MakeKiosk, two_premises: TwoPremises, width: int, height: int
) -> None:
    kiosk = make_kiosk()
    _settle(kiosk, width, height)
    page = _open_readings(qtbot, kiosk, two_premises.login)
    _settle(kiosk, width, height)
    _assert_premises_buttons_readable(page, two_premises.addresses)
    assert page.picker.buttons[0].isChecked() and page.picker.buttons[0].label.property("checked") is True
    screenshot(kiosk.window, f"kiosk_layout_premises_{width}x{height}")

    _open_keypad(qtbot, kiosk, page)
    _settle(kiosk, width, height)
    _assert_premises_buttons_readable(page, two_premises.addresses)
    screenshot(kiosk.window, f"kiosk_layout_premises_keypad_{width}x{height}")

    # A tap on the address (the label inside the button) chooses the premises.
    garage = page.picker.buttons[1]
    qtbot.mouseClick(garage.label, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, kiosk.runner)
    assert garage.isChecked() and garage.label.property("checked") is True
    assert page.picker.buttons[0].label.property("checked") is False
    assert page.address_label.text() == two_premises.addresses[1]


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_beside_the_keypad_the_keys_and_the_meter_title_have_room(
    qtbot: QtBot, make_kiosk: MakeKiosk, two_premises: TwoPremises, width: int, height: int
) -> None:
    kiosk = make_kiosk()
    _settle(kiosk, width, height)
    page = _open_readings(qtbot, kiosk, two_premises.login)
    _open_keypad(qtbot, kiosk, page)
    _settle(kiosk, width, height)

    keypad = kiosk.window.keypad
    assert _inside(keypad, kiosk.window)
    for key in keypad.findChildren(QPushButton):
        room = key.contentsRect().width() - 2 * 8  # a little air on both sides of the text
        assert key.fontMetrics().horizontalAdvance(key.text()) <= room, (key.objectName(), key.text(), key.size())

    title = page.meter_title
    assert page.meter is not None and title.text().endswith(page.meter.serial_number)
    lines = title.heightForWidth(title.contentsRect().width()) // title.fontMetrics().lineSpacing()
    assert lines <= 2, (title.text(), title.size())
    assert _text_fits(title)
    for button in (page.back_button, page.submit_button):
        assert button.fontMetrics().horizontalAdvance(button.text()) <= button.contentsRect().width()
    assert _inside(page.back_button, page) and _inside(page.submit_button, page)
    screenshot(kiosk.window, f"kiosk_layout_keypad_{width}x{height}")


class _ResizeWatch(QWidget):
    """Notes every size the watched window takes beyond 1280x1024."""

    def __init__(self, grown: list[tuple[int, int]]) -> None:
        super().__init__()
        self.grown = grown

    def eventFilter(self, _watched: object, event: object) -> bool:  # noqa: N802 - Qt override
        if isinstance(event, QResizeEvent) and event.type() == QEvent.Type.Resize:
            size = event.size()
            if size.width() > 1280 or size.height() > 1024:
                self.grown.append((size.width(), size.height()))
        return False


def test_the_administrators_exit_from_the_readings_keypad_keeps_the_window_within_the_screen(
    qtbot: QtBot, make_kiosk: MakeKiosk, two_premises: TwoPremises
) -> None:
    kiosk = make_kiosk()
    _settle(kiosk, 1280, 1024)
    page = _open_readings(qtbot, kiosk, two_premises.login)
    _open_keypad(qtbot, kiosk, page)
    _settle(kiosk, 1280, 1024)
    window = kiosk.window

    def within_screen() -> None:
        hint = window.minimumSizeHint()
        assert window.width() <= 1280 and window.height() <= 1024, window.size()
        assert hint.width() <= 1280 and hint.height() <= 1024, hint

    within_screen()
    grown: list[tuple[int, int]] = []
    window.installEventFilter(filter_ := _ResizeWatch(grown))
    kiosk.exit_shortcut.activated.emit()  # Ctrl+Alt+Shift+K
    qtbot.waitUntil(window.keyboard.isVisible)
    for _ in range(4):
        QApplication.processEvents()
    window.removeEventFilter(filter_)
    assert isinstance(window.currentWidget(), KioskAdminExitScreen)
    assert grown == []  # not even for a moment
    within_screen()
    screenshot(window, "kiosk_layout_admin_exit_1280x1024")


def test_no_page_with_its_pad_asks_for_more_than_a_1280x1024_screen(
    qtbot: QtBot, make_kiosk: MakeKiosk, two_premises: TwoPremises
) -> None:
    """Every resident page, with the pad its text fields bring up (the contacts' keyboard, the readings'
    keypad), fits the kiosk's smaller screen: the window's minimum size never exceeds it."""
    kiosk = make_kiosk()
    _settle(kiosk, 1280, 1024)
    page = _open_readings(qtbot, kiosk, two_premises.login)
    shell = kiosk.shell
    assert shell is not None
    window = kiosk.window
    seen: dict[str, tuple[int, int]] = {}
    for key, button in shell.buttons.items():
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        wait_idle(qtbot, kiosk.runner)
        if key == "readings":
            _open_keypad(qtbot, kiosk, page)
        elif key == "contacts":
            contacts = shell.pages[key]
            change = contacts.findChild(QPushButton, "contacts_change_button")
            assert change is not None
            qtbot.waitUntil(change.isEnabled)
            qtbot.mouseClick(change, Qt.MouseButton.LeftButton)
            edit = next(e for e in contacts.findChildren(QLineEdit) if e.isVisible() and not e.isReadOnly())
            edit.setFocus()
            qtbot.waitUntil(window.keyboard.isVisible)
        _settle(kiosk, 1280, 1024)
        hint = window.minimumSizeHint()
        seen[key] = (hint.width(), hint.height())
        assert window.size().width() == 1280 and window.size().height() == 1024, (key, window.size())
        screenshot(window, f"kiosk_layout_page_{key}_1280x1024")
    # Each page asks for its own room only (a QStackedWidget would ask for its biggest page's).
    assert all(width <= 1280 and height <= 1024 for width, height in seen.values()), seen


def test_full_screen_kiosk_takes_the_screens_geometry_before_showing_full_screen(
    make_kiosk: MakeKiosk, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without a window manager (a bare X server) showFullScreen() alone leaves the window at its natural
    size: the window has the screen's geometry already when it is shown full screen."""
    at_show: list[QRect] = []

    def show_full_screen(window: KioskWindow) -> None:
        at_show.append(window.geometry())
        QStackedWidget.showFullScreen(window)

    monkeypatch.setattr(KioskWindow, "showFullScreen", show_full_screen)
    kiosk = make_kiosk(full_screen=True)
    screen = QGuiApplication.primaryScreen().geometry()
    assert at_show == [screen]
    assert kiosk.window.geometry() == screen
    assert kiosk.window.isFullScreen()
