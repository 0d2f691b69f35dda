"""An announcement as a resident sees it in their list (IOK, kiosk): urgent ones marked in red, the date
it was published, the text in paragraphs. The clerk previews unsaved text with the same rendering."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from iok_desktop.domain.dates import OFFICE_TZ, format_date
from iok_desktop.services.announcements import ResidentAnnouncement

URGENT_RED = "#b3261e"


def _paragraphs(body: str) -> str:
    blocks = [block.strip("\n") for block in body.replace("\r\n", "\n").split("\n\n")]
    return "".join(
        f'<p style="margin-top:0; margin-bottom:8px;">{html.escape(block).replace(chr(10), "<br>")}</p>'
        for block in blocks
        if block.strip()
    )


def resident_card_html(item: ResidentAnnouncement) -> str:
    """One announcement of the resident's list."""
    published = format_date(item.publish_from.astimezone(OFFICE_TZ).date())
    meta = QCoreApplication.translate("ResidentAnnouncements", "Published %1").replace("%1", published)
    if item.valid_until is not None:
        until = format_date(item.valid_until.astimezone(OFFICE_TZ).date())
        meta += " · " + QCoreApplication.translate("ResidentAnnouncements", "valid until %1").replace("%1", until)
    badge = ""
    border = "#d7dce2"
    if item.is_urgent:
        border = URGENT_RED
        urgent = html.escape(QCoreApplication.translate("ResidentAnnouncements", "URGENT"))
        badge = (
            f'<span style="background-color:{URGENT_RED}; color:#ffffff; font-weight:700;">&nbsp;{urgent}&nbsp;</span>'
            "&nbsp;&nbsp;"
        )
    title = html.escape(item.title) or html.escape(QCoreApplication.translate("ResidentAnnouncements", "(no title)"))
    title_color = URGENT_RED if item.is_urgent else "#0f3c5c"
    return (
        f'<table width="100%" cellspacing="0" cellpadding="0" style="margin-bottom:12px;">'
        f'<tr><td width="6" bgcolor="{border}"></td>'
        f'<td bgcolor="#ffffff" style="padding:10px 14px;">'
        f'<p style="margin:0;">{badge}'
        f'<span style="font-size:14pt; font-weight:700; color:{title_color};">{title}</span></p>'
        f'<p style="margin-top:2px; margin-bottom:8px; color:#5f6b76;">{html.escape(meta)}</p>'
        f"{_paragraphs(item.body)}"
        f"</td></tr></table>"
    )


def resident_list_html(items: list[ResidentAnnouncement]) -> str:
    heading = html.escape(QCoreApplication.translate("ResidentAnnouncements", "Announcements"))
    cards = "".join(resident_card_html(item) for item in items)
    return (
        f'<div style="font-size:11pt;">'
        f'<p style="font-size:16pt; font-weight:700; color:#0f3c5c; margin-bottom:10px;">{heading}</p>'
        f"{cards}</div>"
    )


class AnnouncementPreview(QDialog):
    """Shows what residents will see; the clerk closes it and goes on editing."""

    def __init__(self, item: ResidentAnnouncement, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("announcement_preview_dialog")
        self.setWindowTitle(self.tr("Preview — as a resident will see it"))
        self.resize(620, 520)
        layout = QVBoxLayout(self)
        note = QLabel(self.tr("This is how residents will see the announcement in IOK and at the kiosk."), self)
        note.setObjectName("preview_note_label")
        note.setWordWrap(True)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("preview_browser")
        self.browser.setOpenLinks(False)
        self.browser.setStyleSheet("QTextBrowser { background: #eef1f4; border: 1px solid #d7dce2; }")
        self.browser.setHtml(resident_list_html([item]))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.setObjectName("preview_button_box")
        buttons.rejected.connect(self.reject)
        layout.addWidget(note)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
