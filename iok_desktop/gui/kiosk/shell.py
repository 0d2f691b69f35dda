"""The signed-in resident's screen: big navigation buttons, the resident's name, the page, the idle warning."""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from iok_desktop.gui.kiosk.context import KioskContext
from iok_desktop.gui.kiosk.named import named
from iok_desktop.gui.kiosk.page import KioskPage
from iok_desktop.gui.kiosk.pages import KioskPageSpec

COMPACT_BELOW = 1150


class CurrentPageStack(QStackedWidget):
    """A stack of pages that asks for the room of the page shown, not of the biggest page.

    A QStackedWidget's minimum is the largest of all its pages: the ledger's height and the contact
    form's width then counted on every page, and beside a pad (the keyboard under the contact form, the
    keypad beside the readings) the window asked for more than a 1280x1024 screen (1131 px high)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentChanged.connect(lambda _index: self.updateGeometry())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        page = self.currentWidget()
        return page.sizeHint() if page is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        page = self.currentWidget()
        if page is None:
            return super().minimumSizeHint()
        # What the page's own layout needs, as the stack's layout would ask it.
        hint = page.minimumSizeHint().expandedTo(page.minimumSize())
        return hint.boundedTo(page.maximumSize())


class KioskShell(QWidget):
    log_out_requested = Signal()
    stay_requested = Signal()

    def __init__(self, ctx: KioskContext, pages: list[KioskPageSpec], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kiosk_shell")
        self.ctx = ctx
        self.pages: dict[str, KioskPage] = {}
        self.buttons: dict[str, QPushButton] = {}
        bar = QHBoxLayout()
        self.stack = CurrentPageStack(self)
        for spec in pages:
            page = spec.build(ctx)
            self.pages[spec.key] = page
            self.stack.addWidget(page)
            button = named(QPushButton(spec.title(), self), f"kiosk_nav_{spec.key}")
            button.setCheckable(True)
            button.setProperty("role", "kiosk-nav")
            button.clicked.connect(lambda _checked=False, key=spec.key: self.show_page(key))
            self.buttons[spec.key] = button
            bar.addWidget(button, 1)
        # Who is signed in, and the way out, on a line of their own: the navigation keeps the full width
        # (four big buttons do not fit beside a long name at 1280 pixels).
        who = QHBoxLayout()
        self.name_label = named(QLabel(ctx.session.full_name, self), "kiosk_resident_name")
        self.name_label.setProperty("role", "kiosk-name")
        who.addWidget(self.name_label, 1)
        self.log_out_button = named(QPushButton(self.tr("Log out"), self), "kiosk_log_out")
        self.log_out_button.setProperty("role", "kiosk-log-out")
        self.log_out_button.clicked.connect(self.log_out_requested.emit)
        who.addWidget(self.log_out_button)
        self.warning = named(QWidget(self), "kiosk_idle_warning")
        self.warning.setProperty("role", "kiosk-warning")
        warning_row = QHBoxLayout(self.warning)
        self.warning_label = named(QLabel(self.warning), "kiosk_idle_label")
        self.warning_label.setWordWrap(True)
        self.stay_button = named(QPushButton(self.tr("I am still here"), self.warning), "kiosk_stay")
        self.stay_button.clicked.connect(self.stay_requested.emit)
        warning_row.addWidget(self.warning_label, 1)
        warning_row.addWidget(self.stay_button)
        self.warning.hide()
        column = QVBoxLayout(self)
        column.addLayout(who)
        column.addLayout(bar)
        column.addWidget(self.warning)
        column.addWidget(self.stack, 1)
        if pages:
            self.show_page(pages[0].key)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        # Beside the keypad (or on a narrow screen) the four buttons take a smaller type, never cut text.
        compact = event.size().width() < COMPACT_BELOW
        for button in self.buttons.values():
            if button.property("compact") != compact:
                button.setProperty("compact", compact)
                button.style().unpolish(button)
                button.style().polish(button)
        super().resizeEvent(event)

    @property
    def current_key(self) -> str:
        page = self.stack.currentWidget()
        return next(key for key, candidate in self.pages.items() if candidate is page)

    def show_page(self, key: str) -> None:
        self.stack.setCurrentWidget(self.pages[key])
        for other, button in self.buttons.items():
            button.setChecked(other == key)
        self.pages[key].activated()

    def show_countdown(self, seconds_left: int) -> None:
        if seconds_left <= 0:
            self.warning.hide()
            return
        self.warning_label.setText(
            self.tr("No activity: you will be logged out in %1 s. Touch the screen to stay.").replace(
                "%1", str(seconds_left)
            )
        )
        self.warning.show()
