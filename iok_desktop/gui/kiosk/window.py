"""The kiosk's one window: full screen, frameless, on top, and impossible to close from the keyboard.

Screens (login, password change, resident pages) are stacked inside it; the window itself never goes away
until an administrator ends the kiosk.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QStackedWidget, QWidget

from iok_desktop.gui.qt_app import load_stylesheet


class KioskWindow(QStackedWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kiosk_window")
        # Its own large-type style, whatever the application's (tests share one application).
        self.setStyleSheet(load_stylesheet("kiosk"))
        self.setWindowFlags(Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint)
        # Set when an administrator ends the kiosk: the only close that is let through.
        self.may_close = False

    def show_screen(self, screen: QWidget) -> None:
        """Show ``screen`` and drop the previous one, so nothing of the last resident stays in memory."""
        previous = self.currentWidget()
        self.addWidget(screen)
        self.setCurrentWidget(screen)
        if previous is not None and previous is not screen:
            self.removeWidget(previous)
            previous.deleteLater()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self.may_close:
            event.accept()
        else:
            event.ignore()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        # Escape would otherwise reach dialogs-style handling; the kiosk has no "back out".
        if event.key() == Qt.Key.Key_Escape:
            event.accept()
            return
        super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        # Alt+Tab belongs to the window manager; when the kiosk loses focus it takes it back.
        if event.type() == QEvent.Type.ActivationChange and not self.isActiveWindow() and not self.may_close:
            self.activateWindow()
            self.raise_()
        super().changeEvent(event)
