"""The resident's first page after signing in: a greeting.

The list of the resident's premises belongs here once the services offer it to a resident (left over).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from iok_desktop.gui.kiosk.context import KioskContext
from iok_desktop.gui.kiosk.named import named
from iok_desktop.gui.kiosk.page import KioskPage


class HomePage(KioskPage):
    def __init__(self, ctx: KioskContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "home", parent)
        greeting = named(QLabel(self.tr("Welcome, %1").replace("%1", ctx.session.full_name)), "kiosk_greeting")
        greeting.setProperty("role", "kiosk-title")
        hint = QLabel(self.tr("Choose what you want to do with the buttons at the top of the screen."))
        column = QVBoxLayout(self)
        column.addWidget(greeting, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addWidget(hint, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addStretch(1)
