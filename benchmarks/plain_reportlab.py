"""The reference of the statement benchmark: the statement as a developer would write it with plain
reportlab, knowing nothing of ``iok_desktop.reports``. Benchmark-only; the application never uses it.

Two straightforward versions of the same page, from the same ``StatementDocument`` already in memory:

* ``render_platypus``: ``SimpleDocTemplate``, the header and footer drawn by the page callbacks, the
  holders' block and the entries as ``Table`` flowables (the entries' header repeated on every page by
  ``repeatRows=1``, striped rows), the closing block kept together after the table;
* ``render_canvas``: a plain loop on a ``Canvas`` that starts a new page when the next row does not fit.

Both number their pages "Strona i z N" with reportlab's well-known "numbered canvas" recipe (the pages
are kept until ``save`` and the totals drawn then), embed the same DejaVu fonts, compress the pages
like the application does, and write one file per call. Nothing is cached between statements except
what reportlab caches itself (the registered fonts). Titles are wrapped with ``simpleSplit`` into
plain strings (cheaper than a ``Paragraph`` per cell, so the reference is not handicapped).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from iok_desktop.domain.dates import format_date, format_datetime
from iok_desktop.domain.money import ZERO, balance_label, format_money
from iok_desktop.reports.fonts import font_dir
from iok_desktop.services.statements import StatementDocument

FONT, BOLD = "RefDejaVuSans", "RefDejaVuSans-Bold"
WIDTH, HEIGHT = A4
LEFT, RIGHT = 18 * mm, WIDTH - 18 * mm
TOP, BOTTOM = HEIGHT - 15 * mm, 15 * mm
# Column widths of the entries: date, title, charge, payment, balance.
COLUMNS = (55.0, RIGHT - LEFT - 55.0 - 3 * 82.0, 82.0, 82.0, 82.0)
TITLE = "Wyciąg z kartoteki finansowej lokalu"
NOTE = (
    "Odsetki za zwłokę nalicza się i księguje później — ten wyciąg ich nie obejmuje. "
    "Wpłaty zaksięgowane po chwili sporządzenia wyciągu nie są w nim ujęte."
)
GREY = colors.Color(0.35, 0.35, 0.35)
STRIPE = colors.Color(0.945, 0.945, 0.945)
HEAD = colors.Color(0.86, 0.86, 0.86)

_registered = False


def register() -> None:
    global _registered  # noqa: PLW0603 - once per process, as any script would
    if not _registered:
        pdfmetrics.registerFont(TTFont(FONT, str(font_dir() / "DejaVuSans.ttf")))
        pdfmetrics.registerFont(TTFont(BOLD, str(font_dir() / "DejaVuSans-Bold.ttf")))
        _registered = True


def _money(value: Any) -> str:
    return format_money(value)


def _amount(value: Any) -> str:
    return "" if value == ZERO else format_money(value)


def _period(doc: StatementDocument) -> str:
    return f"{format_date(doc.statement.date_from)} – {format_date(doc.statement.date_to)}"


def _footer_text(doc: StatementDocument) -> str:
    return f"Lokal {doc.premises_code} · okres {_period(doc)} · dane na dzień {format_datetime(doc.as_of)}"


class NumberedCanvas(Canvas):
    """The reportlab "page x of y" recipe: keep every page's state, draw the numbers on ``save``."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("pageCompression", 1)
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self.setStrokeColor(colors.Color(0.6, 0.6, 0.6))
            self.setLineWidth(0.5)
            self.line(LEFT, BOTTOM + 10, RIGHT, BOTTOM + 10)
            self.setFont(FONT, 7.5)
            self.setFillColor(GREY)
            self.drawRightString(RIGHT, BOTTOM, f"Strona {self._pageNumber} z {total}")
            Canvas.showPage(self)
        Canvas.save(self)


def _header(canvas: Canvas, doc: StatementDocument, *, full: bool) -> float:
    y = TOP - 9
    canvas.setFillColor(colors.black)
    canvas.setFont(BOLD, 10)
    canvas.drawString(LEFT, y, doc.cooperative_name)
    if full:
        canvas.setFont(FONT, 8.5)
        y -= 11
        canvas.drawString(LEFT, y, doc.cooperative_address)
        y -= 11
        canvas.drawString(LEFT, y, f"Rachunek bankowy spółdzielni: {doc.cooperative_bank_account}")
    else:
        y -= 14
        canvas.setFont(BOLD, 9)
        canvas.drawString(LEFT, y, f"{TITLE} {doc.premises_code} — ciąg dalszy")
        canvas.setFont(FONT, 9)
        canvas.drawRightString(RIGHT, y, f"okres {_period(doc)}")
    y -= 6
    canvas.setStrokeColor(colors.Color(0.6, 0.6, 0.6))
    canvas.setLineWidth(0.5)
    canvas.line(LEFT, y, RIGHT, y)
    canvas.setFont(FONT, 7.5)
    canvas.setFillColor(GREY)
    canvas.drawString(LEFT, BOTTOM, _footer_text(doc))
    canvas.setFillColor(colors.black)
    return y - 4


def _info(doc: StatementDocument) -> list[tuple[str, str]]:
    rows = [("Lokal:", doc.premises_address), ("Numer lokalu:", doc.premises_code)]
    if doc.premises_area_m2 is not None:
        rows.append(("Powierzchnia:", f"{doc.premises_area_m2:.2f}".replace(".", ",") + "\u00a0m²"))
    rows.append(("Posiadacze tytułu:", ", ".join(doc.holders) or "—"))
    rows.append(("Okres:", _period(doc)))
    rows.append(("Rachunek do wpłat:", doc.premises_bank_account or "— (zapytaj w biurze)"))
    return rows


def _entry_rows(doc: StatementDocument) -> list[list[str]]:
    s = doc.statement
    width = COLUMNS[1] - 6
    rows = [["Data", "Tytuł", "Naliczenie", "Wpłata", "Saldo"]]
    opening = f"Saldo otwarcia (wszystko zaksięgowane przed {format_date(s.date_from)})"
    rows.append([format_date(s.date_from), opening, "", "", _money(s.opening_balance)])
    for e in s.entries:
        title = "\n".join(simpleSplit(e.title, FONT, 8.5, width))
        rows.append(
            [format_date(e.booking_date), title, _amount(e.charge), _amount(e.payment), _money(e.running_balance)]
        )
    if not s.entries:
        rows.append(["", "Brak zapisów w tym okresie.", "", "", ""])
    rows.append(["", "Razem w okresie", _money(s.total_charges), _money(s.total_payments), _money(s.closing_balance)])
    return rows


def _closing_lines(doc: StatementDocument) -> tuple[str, str, list[tuple[str, str]]]:
    s = doc.statement
    label = balance_label(s.closing_balance)
    shown = "Rozliczone — nic do zapłaty" if label == "rozliczone" else label.capitalize() + ":"
    amount = "" if label == "rozliczone" else _money(abs(s.closing_balance))
    o = s.overdue
    overdue = [
        ("w terminie", _money(o.current)),
        ("1–30 dni", _money(o.days_1_30)),
        ("31–60 dni", _money(o.days_31_60)),
        ("61–90 dni", _money(o.days_61_90)),
        ("ponad 90 dni", _money(o.over_90)),
        ("razem", _money(o.total)),
    ]
    return shown, amount, overdue


# --- platypus ---------------------------------------------------------------------------------


def render_platypus(doc: StatementDocument, path: Path) -> int:
    """The statement with ``SimpleDocTemplate`` and tables, written to ``path``; returns its pages."""
    register()
    s = doc.statement
    small = ParagraphStyle("small", fontName=FONT, fontSize=8, leading=10)
    story: list[Any] = [
        Paragraph(TITLE, ParagraphStyle("title", fontName=BOLD, fontSize=14, leading=18)),
        Spacer(0, 6),
    ]
    info = Table(_info(doc), colWidths=(120, RIGHT - LEFT - 120), hAlign="LEFT")
    info.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 9),
                ("FONT", (1, -1), (1, -1), BOLD, 9),
                ("PADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    story += [info, Spacer(0, 8)]
    rows = _entry_rows(doc)
    table = Table(rows, colWidths=COLUMNS, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 8.5),
                ("LEADING", (0, 0), (-1, -1), 10.5),
                ("FONT", (0, 0), (-1, 0), BOLD, 8.5),
                ("BACKGROUND", (0, 0), (-1, 0), HEAD),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, STRIPE]),
                ("ALIGN", (2, 0), (-1, -1), "RIGHT"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ("FONT", (1, 1), (-1, 1), BOLD, 8.5),
                ("FONT", (1, -1), (-1, -1), BOLD, 8.5),
                ("LINEBELOW", (0, -1), (-1, -1), 0.5, colors.Color(0.6, 0.6, 0.6)),
            ]
        )
    )
    story += [table, Spacer(0, 14)]
    shown, amount, overdue = _closing_lines(doc)
    closing = Table(
        [
            [f"Saldo na koniec okresu ({format_date(s.date_to)}):", _money(s.closing_balance)],
            [shown, amount],
        ],
        colWidths=(RIGHT - LEFT - 150, 150),
    )
    closing.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, 0), FONT, 9.5),
                ("FONT", (0, 1), (-1, 1), BOLD, 12),
                ("ALIGN", (1, 0), (1, -1), "RIGHT"),
                ("PADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    buckets = Table([[c for c, _ in overdue], [v for _, v in overdue]], colWidths=[(RIGHT - LEFT) / 6] * 6)
    buckets.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, 0), BOLD, 8.5),
                ("FONT", (0, 1), (-1, 1), FONT, 8.5),
                ("FONT", (-1, 1), (-1, 1), BOLD, 8.5),
                ("BACKGROUND", (0, 0), (-1, 0), HEAD),
                ("ALIGN", (0, 0), (-1, -1), "RIGHT"),
                ("LINEBELOW", (0, -1), (-1, -1), 0.5, colors.Color(0.6, 0.6, 0.6)),
            ]
        )
    )
    overdue_caption = f"Zadłużenie według dni po terminie płatności (na {format_date(s.overdue.as_of)})"
    story.append(
        KeepTogether(
            [
                closing,
                Spacer(0, 8),
                Paragraph(overdue_caption, ParagraphStyle("b", fontName=BOLD, fontSize=9, leading=12)),
                buckets,
                Spacer(0, 10),
                Paragraph(
                    "Wpłat prosimy dokonywać na indywidualny rachunek lokalu: "
                    f"<b>{doc.premises_bank_account or '—'}</b>",
                    ParagraphStyle("p", fontName=FONT, fontSize=9, leading=12),
                ),
                Paragraph(f"Dane na dzień {format_datetime(doc.as_of)}.", small),
                Paragraph(NOTE, small),
            ]
        )
    )
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD, italic=FONT, boldItalic=BOLD)
    template = SimpleDocTemplate(
        str(path),
        pagesize=A4,
        leftMargin=LEFT,
        rightMargin=WIDTH - RIGHT,
        topMargin=15 * mm + 50,
        bottomMargin=BOTTOM + 16,
        title=f"{TITLE} {doc.premises_code}, okres {_period(doc)}",
        author=doc.cooperative_name,
        subject="Kartoteka finansowa lokalu",
    )
    template.build(
        story,
        onFirstPage=lambda canvas, _doc: _header(canvas, doc, full=True),
        onLaterPages=lambda canvas, _doc: _header(canvas, doc, full=False),
        canvasmaker=NumberedCanvas,
    )
    return int(template.page)


# --- a plain canvas loop ----------------------------------------------------------------------


def _closing_block(canvas: Canvas, doc: StatementDocument, y: float, balance_right: float) -> None:
    s = doc.statement
    shown, amount, overdue = _closing_lines(doc)
    y -= 20
    canvas.setFont(FONT, 9.5)
    canvas.drawString(LEFT, y, f"Saldo na koniec okresu ({format_date(s.date_to)}):")
    canvas.drawRightString(balance_right, y, _money(s.closing_balance))
    y -= 16
    canvas.setFont(BOLD, 12)
    canvas.drawString(LEFT, y, shown)
    canvas.drawRightString(balance_right, y, amount)
    y -= 24
    canvas.setFont(BOLD, 9)
    canvas.drawString(LEFT, y, f"Zadłużenie według dni po terminie płatności (na {format_date(s.overdue.as_of)})")
    y -= 4
    canvas.setFillColor(HEAD)
    canvas.rect(LEFT, y - 14, RIGHT - LEFT, 14, stroke=0, fill=1)
    canvas.setFillColor(colors.black)
    width = (RIGHT - LEFT) / 6
    for index, (caption, value) in enumerate(overdue):
        canvas.setFont(BOLD, 8.5)
        canvas.drawRightString(LEFT + (index + 1) * width - 4, y - 10, caption)
        canvas.setFont(BOLD if index == 5 else FONT, 8.5)
        canvas.drawRightString(LEFT + (index + 1) * width - 4, y - 26, value)
    y -= 32
    canvas.line(LEFT, y, RIGHT, y)
    y -= 18
    canvas.setFont(FONT, 9)
    canvas.drawString(LEFT, y, "Wpłat prosimy dokonywać na indywidualny rachunek lokalu:")
    canvas.setFont(BOLD, 9)
    canvas.drawRightString(RIGHT, y, doc.premises_bank_account or "—")
    y -= 16
    canvas.setFont(FONT, 8)
    canvas.drawString(LEFT, y, f"Dane na dzień {format_datetime(doc.as_of)}.")
    for line in simpleSplit(NOTE, FONT, 8, RIGHT - LEFT):
        y -= 10
        canvas.drawString(LEFT, y, line)


def _first_page_top(canvas: Canvas, doc: StatementDocument) -> float:
    y = _header(canvas, doc, full=True) - 20
    canvas.setFont(BOLD, 14)
    canvas.drawString(LEFT, y, TITLE)
    y -= 20
    for label, value in _info(doc):
        canvas.setFont(FONT, 9)
        canvas.drawString(LEFT, y, label)
        for line in simpleSplit(value, BOLD if label.startswith("Rachunek") else FONT, 9, RIGHT - LEFT - 120):
            canvas.setFont(BOLD if label.startswith("Rachunek") else FONT, 9)
            canvas.drawString(LEFT + 120, y, line)
            y -= 12
    return y - 4


def render_canvas(doc: StatementDocument, path: Path) -> int:
    """The statement drawn row by row on a canvas, written to ``path``; returns its pages."""
    register()
    canvas = NumberedCanvas(str(path), pagesize=A4)
    canvas.setTitle(f"{TITLE} {doc.premises_code}, okres {_period(doc)}")
    canvas.setAuthor(doc.cooperative_name)
    canvas.setSubject("Kartoteka finansowa lokalu")
    lowest = BOTTOM + 16
    x = (LEFT + 3, LEFT + COLUMNS[0] + 3, RIGHT - 2 * 82 - 3, RIGHT - 82 - 3, RIGHT - 3)

    y = _first_page_top(canvas, doc)

    def table_header(y: float) -> float:
        canvas.setFillColor(HEAD)
        canvas.rect(LEFT, y - 15, RIGHT - LEFT, 15, stroke=0, fill=1)
        canvas.setFillColor(colors.black)
        canvas.setFont(BOLD, 8.5)
        for index, caption in enumerate(("Data", "Tytuł", "Naliczenie", "Wpłata", "Saldo")):
            if index < 2:
                canvas.drawString(x[index], y - 10.5, caption)
            else:
                canvas.drawRightString(x[index], y - 10.5, caption)
        return y - 15

    y = table_header(y)
    for number, row in enumerate(_entry_rows(doc)[1:]):
        lines = row[1].split("\n")
        height = len(lines) * 10.5 + 3
        if y - height < lowest:
            canvas.showPage()
            y = table_header(_header(canvas, doc, full=False) - 4)
        if number % 2:
            canvas.setFillColor(STRIPE)
            canvas.rect(LEFT, y - height, RIGHT - LEFT, height, stroke=0, fill=1)
            canvas.setFillColor(colors.black)
        bold = number == 0 or row[0] == ""
        canvas.setFont(BOLD if bold else FONT, 8.5)
        base = y - 9.5
        canvas.drawString(x[0], base, row[0])
        for offset, line in enumerate(lines):
            canvas.drawString(x[1], base - offset * 10.5, line)
        for column in (2, 3, 4):
            if row[column]:
                canvas.drawRightString(x[column], base, row[column])
        y -= height
    canvas.line(LEFT, y, RIGHT, y)

    if y - 150 < lowest:
        canvas.showPage()
        y = _header(canvas, doc, full=False) - 4
    _closing_block(canvas, doc, y, x[4])
    canvas.showPage()
    pages = len(canvas._pages)
    canvas.save()
    return pages
