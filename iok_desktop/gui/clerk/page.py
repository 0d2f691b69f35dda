"""Base of every clerk screen: a title, and a hook called each time the screen is shown."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from iok_desktop.gui.clerk.context import ClerkContext


class Page(QWidget):
    def __init__(self, ctx: ClerkContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.layout_ = QVBoxLayout(self)
        self.title_label = QLabel(title, self)
        self.title_label.setObjectName("page_title_label")
        self.title_label.setProperty("role", "page-title")
        self.layout_.addWidget(self.title_label)

    def activated(self) -> None:
        """Called when the clerk opens this screen (load or refresh its data here, off the UI thread)."""

    def deactivated(self) -> None:
        """Called when the clerk leaves this screen (stop timers)."""
