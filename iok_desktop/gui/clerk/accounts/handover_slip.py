"""The account handover slip: user ID, one-time password, the IOK address as text and QR code, how to log
in the first time and the password rule. A printable page (QTextDocument, HTML), printed or saved as PDF.

The slip exists only while the credentials dialog is open: the password is never stored, so a slip
can be printed again only through a password reset (a new one-time password).
"""

from __future__ import annotations

import io
from html import escape

import segno
from PySide6.QtCore import QCoreApplication, QMarginsF, QUrl
from PySide6.QtGui import QFont, QImage, QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrinter

from iok_desktop.domain.dates import format_date
from iok_desktop.gui.clerk.accounts.data import IssuedCredentials

QR_URL = QUrl("iok-slip:qr.png")
QR_SIZE_PX = 150  # on the page (the image itself is larger, so it prints sharp)
MONO = "'DejaVu Sans Mono', 'Consolas', 'Courier New', monospace"


def qr_image(url: str, scale: int = 10) -> QImage:
    """The IOK address as a QR code (PNG made by segno, with the standard quiet zone around it)."""
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=scale)
    image = QImage()
    image.loadFromData(buffer.getvalue(), "PNG")
    return image


def _texts() -> dict[str, str]:
    """The slip's words, HTML-escaped (lupdate needs each literal inside its translate call)."""
    texts = {
        "title": QCoreApplication.translate("HandoverSlip", "Your IOK account"),
        "intro": QCoreApplication.translate(
            "HandoverSlip", "Internetowa Obsługa Kontrahenta: your charges, payments and meter readings on-line."
        ),
        "holder": QCoreApplication.translate("HandoverSlip", "Account holder:"),
        "premises": QCoreApplication.translate("HandoverSlip", "Premises:"),
        "login": QCoreApplication.translate("HandoverSlip", "User ID"),
        "password": QCoreApplication.translate("HandoverSlip", "One-time password"),
        "case": QCoreApplication.translate(
            "HandoverSlip", "Type the password exactly as printed: capital and small letters differ."
        ),
        "address": QCoreApplication.translate("HandoverSlip", "IOK address:"),
        "scan": QCoreApplication.translate(
            "HandoverSlip", "Type the address in a web browser or scan the code with a phone camera."
        ),
        "no_address": QCoreApplication.translate("HandoverSlip", "Ask the office for the IOK address."),
        "how": QCoreApplication.translate("HandoverSlip", "How to log in the first time"),
        "open": QCoreApplication.translate("HandoverSlip", "Open %1 in a web browser."),
        "open_unknown": QCoreApplication.translate(
            "HandoverSlip", "Open the IOK address the office gives you in a web browser."
        ),
        "enter": QCoreApplication.translate(
            "HandoverSlip", "Enter the user ID and the one-time password from this slip."
        ),
        "rule": QCoreApplication.translate("HandoverSlip", "Set your own password. The rule:"),
        "then": QCoreApplication.translate(
            "HandoverSlip", "From then on log in with your own password; the one-time password stops working."
        ),
        "keep": QCoreApplication.translate(
            "HandoverSlip",
            "Keep this slip safe and show the password to nobody: the office never asks for it. "
            "If you forget your password, come to the office for a new one-time password.",
        ),
        "issued": QCoreApplication.translate("HandoverSlip", "Issued on %1 by %2."),
    }
    return {key: escape(text) for key, text in texts.items()}


def slip_html(issued: IssuedCredentials, issued_by: str) -> str:
    c = issued.credentials
    t = _texts()
    url = escape(c.iok_url)
    premises = "<br>".join(escape(a) for a in c.premises_addresses) or "—"
    address = issued.cooperative_address
    address_line = f"<p style='margin-top:0'>{escape(address)}</p>" if address else ""
    if url:
        where = (
            f"<table cellspacing='0' cellpadding='6'><tr>"
            f"<td><img src='{QR_URL.toString()}' width='{QR_SIZE_PX}' height='{QR_SIZE_PX}'></td>"
            f"<td style='vertical-align: middle'>{t['address']}<br>"
            f"<span style='font-size: 14pt; font-weight: 600'>{url}</span><br>{t['scan']}</td>"
            f"</tr></table>"
        )
        step_open = t["open"].replace("%1", f"<b>{url}</b>")
    else:
        where = f"<p>{t['no_address']}</p>"
        step_open = t["open_unknown"]
    cell = "valign='middle' style='padding: 6px 10px; border: 1px solid #333'"
    big = f'style="font-family: {MONO}; font-size: 18pt; font-weight: 700"'
    rows = "".join(
        f"<tr><td {cell}>{caption}</td><td {cell}><span {big}>{escape(value)}</span></td></tr>"
        for caption, value in ((t["login"], c.login), (t["password"], c.initial_password))
    )
    steps = [step_open, t["enter"], f"{t['rule']} <i>{escape(c.password_rules)}</i>", t["then"]]
    issued_line = t["issued"].replace("%1", format_date(issued.issued_on)).replace("%2", escape(issued_by))
    return f"""
<html><body style="font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 11pt">
<p style="font-size: 10pt; margin-bottom: 0">{escape(issued.cooperative_name)}</p>
{address_line}
<h1 style="font-size: 18pt; margin-bottom: 2px">{t["title"]}</h1>
<p style="margin-top: 0">{t["intro"]}</p>
<p>{t["holder"]} <b>{escape(c.person_name)}</b><br>{t["premises"]} {premises}</p>
<table cellspacing="0" cellpadding="0" style="border-collapse: collapse; margin-top: 6px">{rows}</table>
<p style="font-size: 9pt">{t["case"]}</p>
{where}
<h2 style="font-size: 13pt">{t["how"]}</h2>
<ol>{"".join(f"<li>{step}</li>" for step in steps)}</ol>
<p>{t["keep"]}</p>
<p style="font-size: 9pt; color: #444">{issued_line}</p>
</body></html>
"""


def slip_document(issued: IssuedCredentials, issued_by: str) -> QTextDocument:
    document = QTextDocument()
    document.setDefaultFont(QFont("DejaVu Sans", 11))
    if issued.credentials.iok_url:
        document.addResource(QTextDocument.ResourceType.ImageResource, QR_URL, qr_image(issued.credentials.iok_url))
    document.setHtml(slip_html(issued, issued_by))
    return document


def _a4(printer: QPrinter) -> None:
    printer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(18, 15, 18, 15),
            QPageLayout.Unit.Millimeter,
        )
    )


def pdf_printer(path: str) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(path)
    printer.setDocName("IOK")
    _a4(printer)
    return printer


def print_document(document: QTextDocument, printer: QPrinter) -> None:
    """One A4 page as laid out; a document with a page size of its own gets no page number printed."""
    document.setPageSize(printer.pageLayout().paintRect(QPageLayout.Unit.Point).size())
    document.print_(printer)


def save_pdf(document: QTextDocument, path: str) -> None:
    print_document(document, pdf_printer(path))
