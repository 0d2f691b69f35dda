"""Kiosk page "Ogłoszenia": the announcements published for the resident now, urgent ones first.

Each announcement is a big card to tap (unread ones carry a "new" badge and a bold title); tapping opens
it in full on the page, in large type that scrolls by dragging a finger or with big arrow buttons, and
notes it as read (``announcements.mark_read``). The clerk's preview renders in fixed point sizes meant
for a desk screen, so the kiosk has its own large rendering with the same marks (urgent in red, the
publication date, paragraphs).
"""

from __future__ import annotations

import dataclasses
import functools
import html

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QScroller,
    QSizePolicy,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from iok_desktop.domain.dates import OFFICE_TZ, format_date
from iok_desktop.domain.errors import DatabaseUnavailableError, DomainError, NotFoundError
from iok_desktop.gui.kiosk.context import KioskContext
from iok_desktop.gui.kiosk.named import named
from iok_desktop.gui.kiosk.page import KioskPage
from iok_desktop.services import announcements
from iok_desktop.services.announcements import ResidentAnnouncement

CONTENT_WIDTH = 1400
EXCERPT_CHARS = 140
SCROLL_STEP = 0.8  # of the visible height, so a line stays in view across a step


def _excerpt(body: str) -> str:
    flat = " ".join(body.split())
    return flat if len(flat) <= EXCERPT_CHARS else flat[: EXCERPT_CHARS - 1].rstrip() + "…"


def body_html(body: str) -> str:
    """The text in paragraphs (blank lines part them, single line breaks stay), escaped."""
    blocks = [block.strip("\n") for block in body.replace("\r\n", "\n").split("\n\n")]
    return "".join(
        f'<p style="margin-top:0; margin-bottom:18px;">{html.escape(block).replace(chr(10), "<br>")}</p>'
        for block in blocks
        if block.strip()
    )


def _repolish(widget: QWidget) -> None:
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def _touch_scrolling(area: QAbstractScrollArea, *, drag_with_mouse: bool) -> None:
    """Kinetic scrolling by finger; also by a dragged (synthesised) mouse where nothing there is tapped."""
    viewport = area.viewport()
    viewport.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
    QScroller.grabGesture(viewport, QScroller.ScrollerGestureType.TouchGesture)
    if drag_with_mouse:
        QScroller.grabGesture(viewport, QScroller.ScrollerGestureType.LeftMouseButtonGesture)


class KioskScrollButtons(QWidget):
    """Two big arrow buttons that page a scroll area up and down; disabled at either end."""

    def __init__(self, area: QAbstractScrollArea, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._area = area
        self.up_button = named(QPushButton("▲", self), f"{name}_up_button")
        self.up_button.setToolTip(self.tr("Scroll up"))
        self.down_button = named(QPushButton("▼", self), f"{name}_down_button")
        self.down_button.setToolTip(self.tr("Scroll down"))
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(16)
        for button, direction in ((self.up_button, -1), (self.down_button, 1)):
            button.setProperty("role", "kiosk-scroll")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setAutoDefault(False)
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
            button.clicked.connect(lambda _=False, d=direction: self.step(d))
            column.addWidget(button, 1)
        bar = area.verticalScrollBar()
        bar.rangeChanged.connect(lambda *_: self._update())
        bar.valueChanged.connect(lambda *_: self._update())
        self._update()

    def step(self, direction: int) -> None:
        bar = self._area.verticalScrollBar()
        page = max(1, int(self._area.viewport().height() * SCROLL_STEP))
        bar.setValue(bar.value() + direction * page)

    def _update(self) -> None:
        bar = self._area.verticalScrollBar()
        self.up_button.setEnabled(bar.value() > bar.minimum())
        self.down_button.setEnabled(bar.value() < bar.maximum())
        self.setVisible(bar.maximum() > bar.minimum())


class KioskAnnouncementCard(QFrame):
    """One announcement of the list: a big tap target (no hover, no context menu)."""

    clicked = Signal(object)  # ResidentAnnouncement

    def __init__(self, item: ResidentAnnouncement, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"announcement_card_{item.id}")
        self.setProperty("role", "kiosk-card")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.item = item
        self.urgent_badge = named(QLabel(self.tr("URGENT"), self), "announcement_urgent_badge")
        self.urgent_badge.setProperty("role", "kiosk-badge-urgent")
        self.new_badge = named(QLabel(self.tr("New"), self), "announcement_new_badge")
        self.new_badge.setProperty("role", "kiosk-badge-new")
        self.title_label = named(QLabel(self), "announcement_card_title")
        self.title_label.setProperty("role", "kiosk-card-title")
        self.title_label.setWordWrap(True)
        self.meta_label = named(QLabel(self), "announcement_card_meta")
        self.meta_label.setProperty("role", "kiosk-meta")
        self.excerpt_label = named(QLabel(self), "announcement_card_excerpt")
        self.excerpt_label.setProperty("role", "kiosk-excerpt")
        self.excerpt_label.setWordWrap(True)
        self.open_label = named(QLabel(self.tr("Read ›"), self), "announcement_card_open")
        self.open_label.setProperty("role", "kiosk-card-open")
        for label in (
            self.urgent_badge,
            self.new_badge,
            self.title_label,
            self.meta_label,
            self.excerpt_label,
            self.open_label,
        ):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        heading = QHBoxLayout()
        heading.setSpacing(14)
        heading.addWidget(self.urgent_badge, 0, Qt.AlignmentFlag.AlignTop)
        heading.addWidget(self.new_badge, 0, Qt.AlignmentFlag.AlignTop)
        heading.addWidget(self.title_label, 1)
        text = QVBoxLayout()
        text.setSpacing(6)
        text.addLayout(heading)
        text.addWidget(self.meta_label)
        text.addWidget(self.excerpt_label)
        row = QHBoxLayout(self)
        row.setContentsMargins(24, 18, 24, 18)
        row.setSpacing(24)
        row.addLayout(text, 1)
        row.addWidget(self.open_label, 0, Qt.AlignmentFlag.AlignVCenter)
        self.set_item(item)

    def set_item(self, item: ResidentAnnouncement) -> None:
        self.item = item
        self.urgent_badge.setVisible(item.is_urgent)
        self.new_badge.setVisible(not item.is_read)
        self.title_label.setText(item.title)
        self.meta_label.setText(announcement_meta(item))
        self.excerpt_label.setText(_excerpt(item.body))
        for widget, name, value in (
            (self, "urgent", item.is_urgent),
            (self, "unread", not item.is_read),
            (self.title_label, "unread", not item.is_read),
            (self.title_label, "urgent", item.is_urgent),
        ):
            widget.setProperty(name, "true" if value else "false")
            _repolish(widget)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton:
            self.setProperty("pressed", "true")
            _repolish(self)
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() != Qt.MouseButton.LeftButton:
            event.accept()
            return
        self.setProperty("pressed", "false")
        _repolish(self)
        event.accept()
        if self.rect().contains(event.position().toPoint()):
            self.clicked.emit(self.item)


def announcement_meta(item: ResidentAnnouncement) -> str:
    published = format_date(item.publish_from.astimezone(OFFICE_TZ).date())
    meta = QCoreApplication.translate("KioskAnnouncementsPage", "Published %1").replace("%1", published)
    if item.valid_until is not None:
        until = format_date(item.valid_until.astimezone(OFFICE_TZ).date())
        meta += " · " + QCoreApplication.translate("KioskAnnouncementsPage", "valid until %1").replace("%1", until)
    return meta


class KioskAnnouncementsPage(KioskPage):
    def __init__(self, ctx: KioskContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "announcements", parent)
        self.items: list[ResidentAnnouncement] = []
        self.cards: dict[int, KioskAnnouncementCard] = {}
        self.current: ResidentAnnouncement | None = None
        self.views = named(QStackedWidget(self), "announcements_views")
        self.views.addWidget(self._build_list_view())
        self.views.addWidget(self._build_detail_view())
        outer = QHBoxLayout(self)
        outer.setContentsMargins(48, 0, 48, 16)
        outer.addStretch(1)
        outer.addWidget(self.views, 100)
        outer.addStretch(1)
        self.views.setMaximumWidth(CONTENT_WIDTH)

    # --- building -------------------------------------------------------------------------------

    def _build_list_view(self) -> QWidget:
        view = named(QWidget(self), "announcements_list_view")
        title = named(QLabel(self.tr("Announcements"), view), "announcements_title")
        title.setProperty("role", "kiosk-title")
        self.summary_label = named(QLabel(view), "announcements_summary")
        self.summary_label.setProperty("role", "kiosk-note")
        self.summary_label.setWordWrap(True)
        self.list_message = named(QLabel(view), "announcements_message")
        self.list_message.setProperty("role", "kiosk-error")
        self.list_message.setWordWrap(True)
        self.list_message.hide()
        self.list_area = named(QScrollArea(view), "announcements_list_area")
        self.list_area.setWidgetResizable(True)
        self.list_area.setFrameShape(QFrame.Shape.NoFrame)
        self.list_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        holder = named(QWidget(), "announcements_list")
        self.list_layout = QVBoxLayout(holder)
        self.list_layout.setContentsMargins(0, 0, 0, 0)
        self.list_layout.setSpacing(16)
        self.list_layout.addStretch(1)
        self.list_area.setWidget(holder)
        _touch_scrolling(self.list_area, drag_with_mouse=False)  # a press there is a tap on a card
        self.list_scroll = KioskScrollButtons(self.list_area, "announcements_list", view)
        body = QHBoxLayout()
        body.setSpacing(24)
        body.addWidget(self.list_area, 1)
        body.addWidget(self.list_scroll)
        column = QVBoxLayout(view)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(12)
        column.addWidget(title)
        column.addWidget(self.summary_label)
        column.addWidget(self.list_message)
        column.addLayout(body, 1)
        return view

    def _build_detail_view(self) -> QWidget:
        view = named(QWidget(self), "announcements_detail_view")
        self.back_button = named(QPushButton(self.tr("‹ Back to the list"), view), "announcements_back_button")
        self.back_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.back_button.setAutoDefault(False)
        self.back_button.clicked.connect(self.show_list)
        self.detail_urgent = named(QLabel(self.tr("URGENT"), view), "announcement_detail_urgent")
        self.detail_urgent.setProperty("role", "kiosk-badge-urgent")
        self.detail_title = named(QLabel(view), "announcement_detail_title")
        self.detail_title.setProperty("role", "kiosk-detail-title")
        self.detail_title.setWordWrap(True)
        self.detail_meta = named(QLabel(view), "announcement_detail_meta")
        self.detail_meta.setProperty("role", "kiosk-meta")
        self.detail_message = named(QLabel(view), "announcement_detail_message")
        self.detail_message.setProperty("role", "kiosk-error")
        self.detail_message.setWordWrap(True)
        self.detail_message.hide()
        self.body_view = named(QTextBrowser(view), "announcement_body")
        self.body_view.setOpenLinks(False)
        self.body_view.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.body_view.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.body_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.body_view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.body_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        _touch_scrolling(self.body_view, drag_with_mouse=True)
        self.body_scroll = KioskScrollButtons(self.body_view, "announcement_body", view)
        heading = QHBoxLayout()
        heading.setSpacing(18)
        heading.addWidget(self.detail_urgent, 0, Qt.AlignmentFlag.AlignVCenter)
        heading.addWidget(self.detail_title, 1)
        body = QHBoxLayout()
        body.setSpacing(24)
        body.addWidget(self.body_view, 1)
        body.addWidget(self.body_scroll)
        column = QVBoxLayout(view)
        column.setContentsMargins(0, 16, 0, 0)
        column.setSpacing(12)
        column.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addLayout(heading)
        column.addWidget(self.detail_meta)
        column.addWidget(self.detail_message)
        column.addLayout(body, 1)
        return view

    # --- the list -------------------------------------------------------------------------------

    def activated(self) -> None:
        self.views.setCurrentIndex(0)
        self.current = None
        self._load()

    def _load(self) -> None:
        self.ctx.run(self.ctx.call(announcements.active_for_resident), self._loaded, self._load_failed)

    def _loaded(self, items: list[ResidentAnnouncement]) -> None:
        self._show_list_message(None)
        self.items = list(items)  # the service's order: urgent first, then the newest
        for card in self.cards.values():
            self.list_layout.removeWidget(card)
            card.deleteLater()
        self.cards = {}
        for index, item in enumerate(self.items):
            card = KioskAnnouncementCard(item, self.list_area.widget())
            card.clicked.connect(self.open)
            self.list_layout.insertWidget(index, card)
            self.cards[item.id] = card
        self.list_area.verticalScrollBar().setValue(0)
        self._update_summary()

    def _load_failed(self, error: BaseException) -> bool:
        if isinstance(error, DomainError) and not isinstance(error, DatabaseUnavailableError):
            self._show_list_message(error.message)
            return True
        return False

    def _update_summary(self) -> None:
        if not self.items:
            self.summary_label.setText(self.tr("There are no announcements for you at the moment."))
            return
        unread = sum(1 for item in self.items if not item.is_read)
        if unread:
            self.summary_label.setText(
                self.tr("Unread: %1. Tap an announcement to read all of it.").replace("%1", str(unread))
            )
        else:
            self.summary_label.setText(self.tr("You have read all announcements. Tap one to read it again."))

    def _show_list_message(self, message: str | None) -> None:
        self.list_message.setText(message or "")
        self.list_message.setVisible(bool(message))

    def show_list(self) -> None:
        self.current = None
        self.views.setCurrentIndex(0)

    # --- one announcement -----------------------------------------------------------------------

    def open(self, item: ResidentAnnouncement) -> None:
        """Show the announcement in full and note that the resident has read it."""
        self.current = item
        self.detail_urgent.setVisible(item.is_urgent)
        self.detail_title.setText(item.title)
        self.detail_title.setProperty("urgent", "true" if item.is_urgent else "false")
        _repolish(self.detail_title)
        self.detail_meta.setText(announcement_meta(item))
        self.detail_message.hide()
        self.body_view.setHtml(body_html(item.body))
        self.body_view.verticalScrollBar().setValue(0)
        self.views.setCurrentIndex(1)
        if not item.is_read:
            self.ctx.run(
                self.ctx.call(announcements.mark_read, item.id),
                functools.partial(self._marked_read, item),
                self._mark_failed,
            )

    def _marked_read(self, item: ResidentAnnouncement, _result: None = None) -> None:
        read = dataclasses.replace(item, is_read=True)
        self.items = [read if other.id == item.id else other for other in self.items]
        card = self.cards.get(item.id)
        if card is not None:
            card.set_item(read)
        if self.current is not None and self.current.id == item.id:
            self.current = read
        self._update_summary()

    def _mark_failed(self, error: BaseException) -> bool:
        if isinstance(error, NotFoundError):
            # Ended or withdrawn since the list was loaded: say so and take it off the list.
            self.detail_message.setText(error.message)
            self.detail_message.show()
            self._load()
            return True
        if isinstance(error, DomainError) and not isinstance(error, DatabaseUnavailableError):
            self.detail_message.setText(error.message)
            self.detail_message.show()
            return True
        return False


# The name the page list imports; the class has its own name so its strings get their own translation
# context (the clerk's announcements screen is also an "AnnouncementsPage").
AnnouncementsPage = KioskAnnouncementsPage
