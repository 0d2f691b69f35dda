"""The page every printed document shares: A4, the cooperative's header, page numbers, PDF metadata,
and the Polish way of writing amounts and dates on paper.

Documents are drawn straight on a reportlab canvas: each one lays out its lines first (so it knows
how many pages it has and can print "Strona 1 z N") and then draws them. That keeps a statement of
ten years of monthly entries well under the 50 ms the issue asks for (platypus tables took several
times longer for the same page).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from iok_desktop import __version__
from iok_desktop.domain.dates import format_date, format_datetime
from iok_desktop.domain.money import NBSP, format_money
from iok_desktop.reports.fonts import BOLD, REGULAR, register_fonts

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 18 * mm
MARGIN_TOP = 15 * mm
MARGIN_BOTTOM = 15 * mm
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X
LEFT = MARGIN_X
RIGHT = PAGE_WIDTH - MARGIN_X
# Where the footer's baseline sits, and the lowest baseline the body may use above it.
FOOTER_Y = MARGIN_BOTTOM
BODY_BOTTOM = MARGIN_BOTTOM + 16
GREY = (0.35, 0.35, 0.35)
RULE_GREY = (0.6, 0.6, 0.6)


@dataclass(frozen=True)
class DocumentInfo:
    """PDF metadata: what a viewer shows as the document's title and author."""

    title: str
    author: str
    subject: str = ""


@dataclass(frozen=True)
class CooperativeHeader:
    name: str
    address: str
    bank_account: str


# --- Polish formatting on paper --------------------------------------------------------------


def money(amount: Decimal) -> str:
    """``1 234,56 zł`` (non-breaking spaces, so an amount never wraps)."""
    return format_money(amount)


def day(value: date) -> str:
    return format_date(value)


def moment(value: datetime) -> str:
    """A stored UTC moment as office time, ``25.11.2026 10:00``."""
    return format_datetime(value)


def area(value: Decimal) -> str:
    return f"{value:.2f}".replace(".", ",") + f"{NBSP}m²"


def period(date_from: date, date_to: date) -> str:
    return f"{day(date_from)} – {day(date_to)}"


# --- text -------------------------------------------------------------------------------------


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    return float(stringWidth(text, BOLD if bold else REGULAR, size))


def wrap(text: str, width: float, size: float, *, bold: bool = False) -> list[str]:
    """Lines of ``text`` that fit ``width``; a word longer than the width is cut where it must be."""
    font = BOLD if bold else REGULAR
    lines: list[str] = []
    for split in simpleSplit(text, font, size, width) or [""]:
        rest = split
        while stringWidth(rest, font, size) > width and len(rest) > 1:
            cut = len(rest) - 1
            while cut > 1 and stringWidth(rest[:cut], font, size) > width:
                cut -= 1
            lines.append(rest[:cut])
            rest = rest[cut:]
        lines.append(rest)
    return lines


# --- the page ---------------------------------------------------------------------------------


def new_canvas(buffer: io.BytesIO, info: DocumentInfo) -> Canvas:
    register_fonts()
    # The initial font too: otherwise every page references an unembedded Helvetica.
    canvas = Canvas(
        buffer,
        pagesize=A4,
        pageCompression=1,
        initialFontName=REGULAR,  # type: ignore[arg-type]  # the stubs say float; reportlab takes a name
        initialFontSize=9,
    )
    canvas.setTitle(info.title)
    canvas.setAuthor(info.author)
    canvas.setSubject(info.subject)
    canvas.setCreator(f"IOK Desktop {__version__}")
    canvas.setProducer(f"IOK Desktop {__version__} (ReportLab)")
    return canvas


def finish(canvas: Canvas, buffer: io.BytesIO) -> bytes:
    canvas.save()
    return buffer.getvalue()


def header_bottom(header: CooperativeHeader, *, compact: bool = False) -> float:
    """The y right under the header ``draw_header`` draws (without drawing it)."""
    lines = 0 if compact else bool(header.address) + bool(header.bank_account)
    return PAGE_HEIGHT - MARGIN_TOP - 9 - 11 * lines - 10


def draw_header(canvas: Canvas, header: CooperativeHeader, *, compact: bool = False) -> float:
    """The cooperative's name, address and bank account at the top; returns the y below the rule.

    ``compact`` (pages after the first) prints the name only, so the table gets the room.
    """
    y = PAGE_HEIGHT - MARGIN_TOP - 9
    canvas.setFillColorRGB(0, 0, 0)
    canvas.setFont(BOLD, 10)
    canvas.drawString(LEFT, y, header.name)
    if not compact:
        canvas.setFont(REGULAR, 8.5)
        if header.address:
            y -= 11
            canvas.drawString(LEFT, y, header.address)
        if header.bank_account:
            y -= 11
            canvas.drawString(LEFT, y, f"Rachunek bankowy spółdzielni: {header.bank_account}")
    y -= 6
    rule(canvas, y)
    return y - 4


def rule(canvas: Canvas, y: float, *, x0: float = LEFT, x1: float = RIGHT, width: float = 0.5) -> None:
    canvas.setStrokeColorRGB(*RULE_GREY)
    canvas.setLineWidth(width)
    canvas.line(x0, y, x1, y)


def draw_footer(canvas: Canvas, page: int, pages: int, left_text: str = "") -> None:
    """ "Strona 1 z N" on the right, a short reminder of what the document is on the left."""
    rule(canvas, FOOTER_Y + 10)
    canvas.setFont(REGULAR, 7.5)
    canvas.setFillColorRGB(*GREY)
    if left_text:
        canvas.drawString(LEFT, FOOTER_Y, left_text)
    canvas.drawRightString(RIGHT, FOOTER_Y, f"Strona {page} z {pages}")
    canvas.setFillColorRGB(0, 0, 0)


def draw_lines(
    canvas: Canvas, x: float, y: float, lines: Sequence[str], size: float, *, bold: bool = False, leading: float = 0
) -> float:
    """Draw lines downwards from baseline ``y``; returns the baseline after the last one."""
    step = leading or size * 1.3
    canvas.setFont(BOLD if bold else REGULAR, size)
    for line in lines:
        canvas.drawString(x, y, line)
        y -= step
    return y
