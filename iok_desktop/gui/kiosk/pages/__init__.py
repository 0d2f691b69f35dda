"""The resident's pages, in navigation-bar order. Later pages replace the placeholders here."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from iok_desktop.gui.kiosk.context import KioskContext
from iok_desktop.gui.kiosk.page import KioskPage
from iok_desktop.gui.kiosk.pages.home import HomePage
from iok_desktop.gui.kiosk.pages.placeholder import PlaceholderPage


@dataclass(frozen=True)
class KioskPageSpec:
    key: str
    title: Callable[[], str]
    build: Callable[[KioskContext], KioskPage]


def all_pages() -> list[KioskPageSpec]:
    return [
        KioskPageSpec("home", lambda: QCoreApplication.translate("KioskPages", "Home"), HomePage),
        KioskPageSpec(
            "contacts",
            lambda: QCoreApplication.translate("KioskPages", "Contact details"),
            lambda ctx: PlaceholderPage(ctx, "contacts"),
        ),
        KioskPageSpec(
            "readings",
            lambda: QCoreApplication.translate("KioskPages", "Meter readings"),
            lambda ctx: PlaceholderPage(ctx, "readings"),
        ),
        KioskPageSpec(
            "announcements",
            lambda: QCoreApplication.translate("KioskPages", "Announcements"),
            lambda ctx: PlaceholderPage(ctx, "announcements"),
        ),
    ]
