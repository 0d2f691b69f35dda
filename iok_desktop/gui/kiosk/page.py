"""Base of a resident page: built fresh for each resident, destroyed at logout (nothing is cached)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from iok_desktop.gui.kiosk.context import KioskContext


class KioskPage(QWidget):
    def __init__(self, ctx: KioskContext, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName(f"kiosk_page_{key}")

    def activated(self) -> None:
        """Called each time the page is shown: load fresh data here (on the worker thread)."""
