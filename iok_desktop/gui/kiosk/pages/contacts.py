"""Kiosk page "contacts" (being built: see issue 5)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from iok_desktop.gui.kiosk.context import KioskContext
from iok_desktop.gui.kiosk.page import KioskPage


class ContactsPage(KioskPage):
    def __init__(self, ctx: KioskContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "contacts", parent)
