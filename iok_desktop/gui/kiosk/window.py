"""The kiosk's one window: full screen, frameless, on top, and impossible to close from the keyboard.

Screens (login, password change, resident pages) are stacked inside it; the window itself never goes away
until an administrator ends the kiosk.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QLayout, QStackedWidget, QWidget

from iok_desktop.gui.kiosk.keyboard import KeyboardHost, NumericKeypad, OnScreenKeyboard
from iok_desktop.gui.qt_app import load_stylesheet

KEYBOARD_HEIGHT_SHARE = 0.45
KEYPAD_WIDTH = 380
KEYPAD_HEIGHT = 460


class KioskWindow(QStackedWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kiosk_window")
        # Its own large-type style, whatever the application's (tests share one application).
        self.setStyleSheet(load_stylesheet("kiosk"))
        self.setWindowFlags(Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint)
        # Set when an administrator ends the kiosk: the only close that is let through.
        self.may_close = False
        # A physical keyboard is not assumed: text fields get the on-screen keyboard, readings the
        # keypad. They float over the bottom of the screen (a system keyboard cannot draw over a
        # full-screen window) and hide when no text field has focus.
        self.keyboard = OnScreenKeyboard(self)
        self.keypad = NumericKeypad(self)
        self.keyboard_host = KeyboardHost(self, self.keyboard, self.keypad)
        for pad in (self.keyboard, self.keypad):
            pad.setAutoFillBackground(True)
            pad.installEventFilter(self)
        # The window is as big as its screen, never bigger: what a screen asks for must not resize it (a
        # window taller than the display hides its bottom, and without a window manager nothing stops it).
        layout = self.layout()
        if layout is not None:  # a QStackedWidget always has its QStackedLayout
            layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched in (self.keyboard, self.keypad) and event.type() in (QEvent.Type.Show, QEvent.Type.Hide):
            self._place_pads()
            if event.type() == QEvent.Type.Show:
                watched.raise_()
        return False

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._place_pads()

    def _place_pads(self) -> None:
        """Put the pads in place and give the screen the rest, so a pad never covers what is typed into:
        the keyboard takes the bottom of the window, the keypad a column on the right."""
        width, height = self.width(), self.height()
        board_height = int(height * KEYBOARD_HEIGHT_SHARE)
        self.keyboard.setGeometry(0, height - board_height, width, board_height)
        pad_width, pad_height = min(KEYPAD_WIDTH, width), min(KEYPAD_HEIGHT, height)
        self.keypad.setGeometry(width - pad_width - 16, height - pad_height - 16, pad_width, pad_height)
        bottom = board_height if self.keyboard.isVisibleTo(self) else 0
        right = pad_width + 32 if self.keypad.isVisibleTo(self) else 0
        self.setContentsMargins(0, 0, right, bottom)

    def show_screen(self, screen: QWidget) -> None:
        """Show ``screen`` and drop the previous one, so nothing of the last resident stays in memory.

        The previous screen leaves the stack before the new one is shown: showing it may give a text field
        the focus and bring up a pad, and a stack holding both screens under a pad's margin asked for more
        than the screen (the resident's pages and the on-screen keyboard: 1131 pixels high at 1024)."""
        previous = self.currentWidget()
        self.keyboard_host.hide_all()
        self.addWidget(screen)
        if previous is not None and previous is not screen:
            self.removeWidget(previous)
            previous.hide()
            previous.deleteLater()
        self.setCurrentWidget(screen)

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
