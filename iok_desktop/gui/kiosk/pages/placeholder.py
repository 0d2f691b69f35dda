"""Stands in for a resident page that a later version brings."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from iok_desktop.gui.kiosk.context import KioskContext
from iok_desktop.gui.kiosk.page import KioskPage


class PlaceholderPage(KioskPage):
    def __init__(self, ctx: KioskContext, key: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, key, parent)
        label = QLabel(self.tr("This service is not available at the kiosk yet. Please ask at the office."))
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        QVBoxLayout(self).addWidget(label)
