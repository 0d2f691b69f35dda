"""The resident's pages, in navigation-bar order, named as the cooperative's IOK names them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from iok_desktop.gui.kiosk.context import KioskContext
from iok_desktop.gui.kiosk.page import KioskPage
from iok_desktop.gui.kiosk.pages.announcements import AnnouncementsPage
from iok_desktop.gui.kiosk.pages.contacts import ContactsPage
from iok_desktop.gui.kiosk.pages.home import HomePage
from iok_desktop.gui.kiosk.pages.readings import ReadingsPage


@dataclass(frozen=True)
class KioskPageSpec:
    key: str
    title: Callable[[], str]
    build: Callable[[KioskContext], KioskPage]


def all_pages() -> list[KioskPageSpec]:
    return [
        KioskPageSpec("home", lambda: QCoreApplication.translate("KioskPages", "Home"), HomePage),
        KioskPageSpec("contacts", lambda: QCoreApplication.translate("KioskPages", "Contact details"), ContactsPage),
        KioskPageSpec("readings", lambda: QCoreApplication.translate("KioskPages", "Meter readings"), ReadingsPage),
        KioskPageSpec(
            "announcements", lambda: QCoreApplication.translate("KioskPages", "Announcements"), AnnouncementsPage
        ),
    ]
