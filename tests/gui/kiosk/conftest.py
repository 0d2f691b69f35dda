"""Kiosk fixtures: a kiosk over the ``db`` under test, not full screen (offscreen), short timeouts."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from iok_desktop.db.database import Database
from iok_desktop.gui.kiosk.app import KioskApp
from iok_desktop.gui.kiosk.login_screen import KioskLoginScreen
from iok_desktop.gui.kiosk.pages.readings import ReadingsPage
from iok_desktop.gui.kiosk.shell import KioskShell
from iok_desktop.services.backend import Backend
from iok_desktop.services.context import FixedClock
from tests.gui.support import ScriptedDialogs, wait_idle
from tests.support.builders import RESIDENT_PASSWORD, Household, make_household

MakeKiosk = Callable[..., KioskApp]


@pytest.fixture
def kiosk_backend(db: Database, clock: FixedClock) -> Backend:
    return Backend(db, clock=clock, workstation="kiosk-1")


@dataclass(frozen=True)
class Resident:
    login: str
    account_id: int
    full_name: str
    clerk_login: str


@pytest.fixture
def resident(db: Database) -> Resident:
    """A resident with a current title and an IOK account (password ``RESIDENT_PASSWORD``)."""
    with db.session() as s:
        found: Household = make_household(s)
        resident = Resident(found.account.login, found.account.id, found.person.full_name, found.clerk.login)
        s.commit()
        return resident


@pytest.fixture
def make_kiosk(iok_app: QApplication, qtbot, kiosk_backend: Backend, dialogs: ScriptedDialogs) -> Iterator[MakeKiosk]:  # type: ignore[no-untyped-def]
    made: list[KioskApp] = []

    def make(**options: object) -> KioskApp:
        options.setdefault("idle_seconds", 60)
        options.setdefault("full_screen", False)
        kiosk = KioskApp(kiosk_backend, dialogs=dialogs, **options)  # type: ignore[arg-type]
        made.append(kiosk)
        kiosk.start()
        qtbot.waitUntil(lambda: isinstance(kiosk.window.currentWidget(), KioskLoginScreen), timeout=10_000)
        return kiosk

    yield make
    for kiosk in made:
        wait_idle(qtbot, kiosk.runner)
        kiosk.close()
        kiosk.runner.shutdown()


def sign_in(qtbot: QtBot, kiosk: KioskApp, login: str, password: str = RESIDENT_PASSWORD) -> KioskShell:
    """Sign in on the kiosk's login screen as a resident would, and return the resident's screen."""
    screen = kiosk.window.currentWidget()
    assert isinstance(screen, KioskLoginScreen)
    qtbot.keyClicks(screen.login_edit, login)
    qtbot.keyClicks(screen.password_edit, password)
    qtbot.mouseClick(screen.sign_in_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, kiosk.runner)
    shell = kiosk.window.currentWidget()
    assert isinstance(shell, KioskShell), type(shell)
    return shell


def open_readings(qtbot: QtBot, kiosk: KioskApp, login: str) -> ReadingsPage:
    """Sign in and open "Odczyty liczników"."""
    shell = sign_in(qtbot, kiosk, login)
    qtbot.mouseClick(shell.buttons["readings"], Qt.MouseButton.LeftButton)
    wait_idle(qtbot, kiosk.runner)
    page = shell.pages["readings"]
    assert isinstance(page, ReadingsPage)
    return page
