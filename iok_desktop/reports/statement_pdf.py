"""The statement of a premises' ledger (wyciąg z kartoteki finansowej lokalu) as a PDF.

Page one: the cooperative, the premises (address, number, area, holders unless anonymous), the
period and the account to pay into; then the table of entries with a running balance, its header
repeated on every page; at the end the totals, the closing balance ("do zapłaty" / "nadpłata"), the
overdue breakdown, the "dane na dzień" time and the note about interest. Every page is numbered
"Strona i z N" (N of this statement, also inside a combined batch file).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from iok_desktop.domain.money import ZERO, polish_balance_label
from iok_desktop.reports import layout
from iok_desktop.reports.fonts import BOLD, REGULAR
from iok_desktop.reports.layout import LEFT, RIGHT, CooperativeHeader, DocumentInfo
from iok_desktop.services.statements import StatementDocument

TITLE = "Wyciąg z kartoteki finansowej lokalu"
INTEREST_NOTE = (
    "Odsetki za zwłokę nalicza się i księguje później — ten wyciąg ich nie obejmuje. "
    "Wpłaty zaksięgowane po chwili sporządzenia wyciągu nie są w nim ujęte."
)

TABLE_SIZE = 8.5
LEADING = 10.5
ROW_PAD = 3.0
HEADER_ROW = 15.0
# Column edges: date and title from the left, the three amounts right-aligned to their edges.
DATE_X = LEFT + 3
TITLE_X = LEFT + 58
BALANCE_RIGHT = RIGHT - 3
PAYMENT_RIGHT = BALANCE_RIGHT - 86
CHARGE_RIGHT = PAYMENT_RIGHT - 80
TITLE_WIDTH = CHARGE_RIGHT - 64 - TITLE_X
SUMMARY_HEIGHT = 150.0
STRIPE = (0.945, 0.945, 0.945)
HEAD_FILL = (0.86, 0.86, 0.86)


@dataclass(frozen=True)
class _Row:
    date: str
    lines: Sequence[str]
    charge: str
    payment: str
    balance: str
    bold: bool = False

    @property
    def height(self) -> float:
        return len(self.lines) * LEADING + ROW_PAD


def document_info(doc: StatementDocument) -> DocumentInfo:
    s = doc.statement
    return DocumentInfo(
        title=f"{TITLE} {doc.premises_code}, okres {layout.period(s.date_from, s.date_to)}",
        author=doc.cooperative_name,
        subject="Kartoteka finansowa lokalu",
    )


def render_statement(doc: StatementDocument, *, personal: bool = True) -> bytes:
    """One statement as a PDF file's bytes; ``personal=False`` leaves the holders' names out."""
    return render_statement_pages(doc, personal=personal)[0]


def render_statement_pages(doc: StatementDocument, *, personal: bool = True) -> tuple[bytes, int]:
    """``render_statement`` and the number of pages it has."""
    buffer = io.BytesIO()
    canvas = layout.new_canvas(buffer, document_info(doc))
    pages = draw_statement(canvas, doc, personal=personal)
    return layout.finish(canvas, buffer), pages


def _amount(value: object) -> str:
    return "" if value == ZERO else layout.money(value)  # type: ignore[arg-type]


@lru_cache(maxsize=4096)
def _title_lines(title: str) -> tuple[str, ...]:
    """A title wrapped to its column. Cached for the process: a batch prints the same monthly titles
    ("Opłata eksploatacyjna 11/2026") for every premises."""
    return tuple(layout.wrap(title, TITLE_WIDTH, TABLE_SIZE))


def _rows(doc: StatementDocument) -> list[_Row]:
    s = doc.statement
    rows = [
        _Row(
            layout.day(s.date_from),
            [f"Saldo otwarcia (wszystko zaksięgowane przed {layout.day(s.date_from)})"],
            "",
            "",
            layout.money(s.opening_balance),
            bold=True,
        )
    ]
    for entry in s.entries:
        rows.append(
            _Row(
                layout.day(entry.booking_date),
                _title_lines(entry.title),
                _amount(entry.charge),
                _amount(entry.payment),
                layout.money(entry.running_balance),
            )
        )
    if not s.entries:
        rows.append(_Row("", ["Brak zapisów w tym okresie."], "", "", ""))
    rows.append(
        _Row(
            "",
            ["Razem w okresie"],
            layout.money(s.total_charges),
            layout.money(s.total_payments),
            layout.money(s.closing_balance),
            bold=True,
        )
    )
    return rows


def _info_lines(doc: StatementDocument, personal: bool) -> list[tuple[str, list[str], bool]]:
    s = doc.statement
    value_width = RIGHT - (LEFT + 120)
    items: list[tuple[str, str, bool]] = [
        ("Lokal:", doc.premises_address, False),
        ("Numer lokalu:", doc.premises_code, False),
    ]
    if doc.premises_area_m2 is not None:
        items.append(("Powierzchnia:", layout.area(doc.premises_area_m2), False))
    if personal:
        items.append(("Posiadacze tytułu:", ", ".join(doc.holders) or "—", False))
    items.append(("Okres:", layout.period(s.date_from, s.date_to), False))
    items.append(("Rachunek do wpłat:", doc.premises_bank_account or "— (zapytaj w biurze)", True))
    return [(label, layout.wrap(value, value_width, 9, bold=bold), bold) for label, value, bold in items]


def _paginate(rows: list[_Row], first: float, later: float) -> list[list[_Row]]:
    """Rows per page, given the table height free on the first and on later pages; the summary
    block keeps together after the last row (on a page of its own if it must)."""
    pages: list[list[_Row]] = []
    current: list[_Row] = []
    free = first
    for row in rows:
        if row.height > free and current:
            pages.append(current)
            current, free = [], later
        current.append(row)
        free -= row.height
    if free < SUMMARY_HEIGHT:
        pages.append(current)
        current = []
    pages.append(current)
    return pages


def _table_header(canvas: Canvas, y: float) -> float:
    canvas.setFillColorRGB(*HEAD_FILL)
    canvas.rect(LEFT, y - HEADER_ROW, RIGHT - LEFT, HEADER_ROW, stroke=0, fill=1)
    canvas.setFillColorRGB(0, 0, 0)
    canvas.setFont(BOLD, TABLE_SIZE)
    base = y - HEADER_ROW + 4.5
    canvas.drawString(DATE_X, base, "Data")
    canvas.drawString(TITLE_X, base, "Tytuł")
    canvas.drawRightString(CHARGE_RIGHT, base, "Naliczenie")
    canvas.drawRightString(PAYMENT_RIGHT, base, "Wpłata")
    canvas.drawRightString(BALANCE_RIGHT, base, "Saldo")
    return y - HEADER_ROW


def _draw_rows(canvas: Canvas, y: float, rows: Sequence[_Row], stripe_from: int) -> float:
    """The rows of one page: the stripes straight on the page, all the text in one text object
    (a ``drawString`` per cell makes a text object each; a page has some 200 cells)."""
    text = canvas.beginText()
    font = REGULAR
    text.setFont(font, TABLE_SIZE)

    def put(x: float, base: float, value: str, *, right: bool = False) -> None:
        text.setTextOrigin(x - stringWidth(value, font, TABLE_SIZE) if right else x, base)
        text.textOut(value)

    for index, row in enumerate(rows, stripe_from):
        height = row.height
        if index % 2:
            canvas.setFillColorRGB(*STRIPE)
            canvas.rect(LEFT, y - height, RIGHT - LEFT, height, stroke=0, fill=1)
        base = y - LEADING + 1
        if font != REGULAR:
            font = REGULAR
            text.setFont(font, TABLE_SIZE)
        put(DATE_X, base, row.date)
        if row.bold:
            font = BOLD
            text.setFont(font, TABLE_SIZE)
        for number, line in enumerate(row.lines):
            put(TITLE_X, base - number * LEADING, line)
        if row.charge:
            put(CHARGE_RIGHT, base, row.charge, right=True)
        if row.payment:
            put(PAYMENT_RIGHT, base, row.payment, right=True)
        put(BALANCE_RIGHT, base, row.balance, right=True)
        y -= height
    canvas.setFillColorRGB(0, 0, 0)
    canvas.drawText(text)
    layout.rule(canvas, y)
    return y


def _draw_first_page_top(
    canvas: Canvas, doc: StatementDocument, personal: bool, info: list[tuple[str, list[str], bool]], y: float
) -> float:
    y -= 20
    canvas.setFont(BOLD, 14)
    canvas.drawString(LEFT, y, TITLE)
    if not personal:
        canvas.setFont(REGULAR, 8.5)
        canvas.setFillColorRGB(*layout.GREY)
        canvas.drawRightString(RIGHT, y, "wersja bez danych osobowych")
        canvas.setFillColorRGB(0, 0, 0)
    y -= 20
    for label, lines, bold in info:
        canvas.setFont(REGULAR, 9)
        canvas.drawString(LEFT, y, label)
        y = layout.draw_lines(canvas, LEFT + 120, y, lines, 9, bold=bold, leading=12)
    return y - 4


def _draw_later_page_top(canvas: Canvas, doc: StatementDocument, y: float) -> float:
    s = doc.statement
    y -= 14
    canvas.setFont(BOLD, 9)
    canvas.drawString(LEFT, y, f"{TITLE} {doc.premises_code} — ciąg dalszy")
    canvas.setFont(REGULAR, 9)
    canvas.drawRightString(RIGHT, y, f"okres {layout.period(s.date_from, s.date_to)}")
    return y - 8


def _draw_summary(canvas: Canvas, doc: StatementDocument, y: float) -> None:
    s = doc.statement
    y -= 20
    label = polish_balance_label(s.closing_balance)
    canvas.setFont(REGULAR, 9.5)
    canvas.drawString(LEFT, y, f"Saldo na koniec okresu ({layout.day(s.date_to)}):")
    canvas.drawRightString(BALANCE_RIGHT, y, layout.money(s.closing_balance))
    y -= 16
    canvas.setFont(BOLD, 12)
    shown = "Rozliczone — nic do zapłaty" if label == "rozliczone" else label.capitalize() + ":"
    canvas.drawString(LEFT, y, shown)
    if label != "rozliczone":
        canvas.drawRightString(BALANCE_RIGHT, y, layout.money(abs(s.closing_balance)))
    y -= 24

    overdue = s.overdue
    canvas.setFont(BOLD, 9)
    canvas.drawString(LEFT, y, f"Zadłużenie według dni po terminie płatności (na {layout.day(overdue.as_of)})")
    y -= 4
    columns = (
        ("w terminie", overdue.current),
        ("1–30 dni", overdue.days_1_30),
        ("31–60 dni", overdue.days_31_60),
        ("61–90 dni", overdue.days_61_90),
        ("ponad 90 dni", overdue.over_90),
        ("razem", overdue.total),
    )
    width = (RIGHT - LEFT) / len(columns)
    canvas.setFillColorRGB(*HEAD_FILL)
    canvas.rect(LEFT, y - 14, RIGHT - LEFT, 14, stroke=0, fill=1)
    canvas.setFillColorRGB(0, 0, 0)
    for number, (caption, value) in enumerate(columns):
        right = LEFT + (number + 1) * width - 4
        canvas.setFont(BOLD, 8.5)
        canvas.drawRightString(right, y - 10, caption)
        canvas.setFont(BOLD if number == len(columns) - 1 else REGULAR, 8.5)
        canvas.drawRightString(right, y - 26, layout.money(value))
    y -= 32
    layout.rule(canvas, y)
    y -= 18

    canvas.setFont(REGULAR, 9)
    canvas.drawString(LEFT, y, "Wpłat prosimy dokonywać na indywidualny rachunek lokalu:")
    canvas.setFont(BOLD, 9)
    canvas.drawRightString(RIGHT, y, doc.premises_bank_account or "—")
    y -= 16
    canvas.setFont(REGULAR, 8)
    canvas.drawString(LEFT, y, f"Dane na dzień {layout.moment(doc.as_of)}.")
    y -= 11
    layout.draw_lines(canvas, LEFT, y, layout.wrap(INTEREST_NOTE, RIGHT - LEFT, 8), 8, leading=10)


def draw_statement(canvas: Canvas, doc: StatementDocument, *, personal: bool = True) -> int:
    """Draw one statement from a fresh page of ``canvas``; returns the number of pages drawn.

    Used on its own canvas by ``render_statement`` and many times on one canvas for a combined
    batch file; the page numbers count this statement's pages only.
    """
    header = CooperativeHeader(doc.cooperative_name, doc.cooperative_address, doc.cooperative_bank_account)
    s = doc.statement
    footer = (
        f"Lokal {doc.premises_code} · okres {layout.period(s.date_from, s.date_to)} · "
        f"dane na dzień {layout.moment(doc.as_of)}"
    )
    rows = _rows(doc)
    info = _info_lines(doc, personal)
    # The page tops have fixed heights, so the pages are known before anything is drawn.
    first_top = layout.header_bottom(header) - 40 - 12 * sum(len(lines) for _, lines, _ in info) - 4
    later_top = layout.header_bottom(header, compact=True) - 22
    bottom = layout.BODY_BOTTOM
    pages = _paginate(rows, first_top - HEADER_ROW - bottom, later_top - HEADER_ROW - bottom)
    stripe = 0
    for number, page_rows in enumerate(pages, 1):
        if number == 1:
            y = _draw_first_page_top(canvas, doc, personal, info, layout.draw_header(canvas, header))
        else:
            y = _draw_later_page_top(canvas, doc, layout.draw_header(canvas, header, compact=True))
        if page_rows:
            y = _draw_rows(canvas, _table_header(canvas, y), page_rows, stripe)
            stripe += len(page_rows)
        if number == len(pages):
            _draw_summary(canvas, doc, y)
        layout.draw_footer(canvas, number, len(pages), footer)
        canvas.showPage()
    return len(pages)
