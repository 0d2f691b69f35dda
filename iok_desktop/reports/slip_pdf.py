"""The handover slip of a new IOK account (potwierdzenie danych do konta) as a PDF, on the same page
layout as the statements: user ID, one-time password, the IOK address as text and as a QR code, the
password rule and how to log in the first time.

The password is never stored: the slip exists only as the bytes returned here, which the caller
prints or saves and then drops.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date

import segno
from reportlab.pdfgen.canvas import Canvas

from iok_desktop.reports import layout
from iok_desktop.reports.fonts import BOLD, REGULAR
from iok_desktop.reports.layout import LEFT, RIGHT, CooperativeHeader, DocumentInfo
from iok_desktop.services.accounts import AccountCredentials

QR_SIZE = 110.0  # points, quiet zone included (about 39 mm)
TEXT_WIDTH = RIGHT - LEFT

TITLE = "Twoje konto IOK"
INTRO = "Internetowa Obsługa Kontrahenta: Twoje opłaty, wpłaty i odczyty liczników przez internet."
CASE_NOTE = "Wpisz hasło dokładnie tak, jak wydrukowano: wielkie i małe litery się różnią."
SCAN = "Wpisz adres w przeglądarce internetowej albo zeskanuj kod aparatem telefonu."
NO_ADDRESS = "Adres IOK poda Ci biuro spółdzielni."
KEEP = (
    "Przechowuj to potwierdzenie w bezpiecznym miejscu i nikomu nie pokazuj hasła: biuro nigdy o nie nie "
    "prosi. Jeśli zapomnisz hasła, zgłoś się do biura po nowe hasło jednorazowe."
)


def _steps(url: str, rules: str) -> list[str]:
    return [
        f"Otwórz {url} w przeglądarce internetowej."
        if url
        else "Otwórz w przeglądarce internetowej adres IOK podany przez biuro.",
        "Wpisz identyfikator użytkownika i hasło jednorazowe z tego potwierdzenia.",
        f"Ustaw własne hasło. Zasada: {rules}",
        "Od tej chwili loguj się własnym hasłem; hasło jednorazowe przestaje działać.",
    ]


def draw_qr(canvas: Canvas, url: str, x: float, y: float, size: float) -> None:
    """The QR code of ``url`` as vector squares (sharp at any printer resolution), lower-left at x, y."""
    code = segno.make(url, error="m")
    quiet = 4
    rows = list(code.matrix)
    modules = len(rows) + 2 * quiet
    unit = size / modules
    canvas.setFillColorRGB(0, 0, 0)
    path = canvas.beginPath()
    for r, row in enumerate(rows):
        top = y + size - (r + quiet + 1) * unit
        c = 0
        while c < len(row):
            if row[c]:
                start = c
                while c < len(row) and row[c]:
                    c += 1
                path.rect(x + (start + quiet) * unit, top, (c - start) * unit, unit)
            else:
                c += 1
    canvas.drawPath(path, stroke=0, fill=1)


def _boxed_pairs(canvas: Canvas, y: float, pairs: Sequence[tuple[str, str]]) -> float:
    row_height = 30.0
    split = LEFT + 170
    canvas.setStrokeColorRGB(0.2, 0.2, 0.2)
    canvas.setLineWidth(0.8)
    for caption, value in pairs:
        canvas.rect(LEFT, y - row_height, TEXT_WIDTH, row_height, stroke=1, fill=0)
        canvas.line(split, y - row_height, split, y)
        canvas.setFont(REGULAR, 10)
        canvas.drawString(LEFT + 8, y - 19, caption)
        canvas.setFont(BOLD, 18)
        canvas.drawString(split + 10, y - 21, value)
        y -= row_height
    return y


def render_handover_slip(
    credentials: AccountCredentials,
    *,
    cooperative_name: str,
    cooperative_address: str,
    issued_on: date,
    issued_by: str,
) -> bytes:
    """One A4 page: the slip the clerk hands over with a new account or a password reset."""
    buffer = io.BytesIO()
    canvas = layout.new_canvas(
        buffer, DocumentInfo(title="Dane do konta IOK", author=cooperative_name, subject="Konto IOK")
    )
    c = credentials
    y = layout.draw_header(canvas, CooperativeHeader(cooperative_name, cooperative_address, ""))
    y -= 30
    canvas.setFont(BOLD, 18)
    canvas.drawString(LEFT, y, TITLE)
    y -= 18
    y = layout.draw_lines(canvas, LEFT, y, layout.wrap(INTRO, TEXT_WIDTH, 10), 10) - 8

    canvas.setFont(REGULAR, 10)
    canvas.drawString(LEFT, y, "Właściciel konta:")
    canvas.setFont(BOLD, 10)
    canvas.drawString(LEFT + 90, y, c.person_name)
    y -= 14
    canvas.setFont(REGULAR, 10)
    canvas.drawString(LEFT, y, "Lokale:")
    addresses = [line for a in c.premises_addresses for line in layout.wrap(a, TEXT_WIDTH - 90, 10)] or ["—"]
    y = layout.draw_lines(canvas, LEFT + 90, y, addresses, 10) - 8

    y = _boxed_pairs(canvas, y, (("Identyfikator użytkownika", c.login), ("Hasło jednorazowe", c.initial_password)))
    y -= 14
    y = layout.draw_lines(canvas, LEFT, y, layout.wrap(CASE_NOTE, TEXT_WIDTH, 9), 9) - 10

    if c.iok_url:
        draw_qr(canvas, c.iok_url, LEFT, y - QR_SIZE, QR_SIZE)
        text_x = LEFT + QR_SIZE + 14
        middle = y - QR_SIZE / 2
        canvas.setFont(REGULAR, 10)
        canvas.drawString(text_x, middle + 18, "Adres IOK:")
        canvas.setFont(BOLD, 14)
        canvas.drawString(text_x, middle, c.iok_url)
        layout.draw_lines(canvas, text_x, middle - 16, layout.wrap(SCAN, RIGHT - text_x, 9), 9)
        y -= QR_SIZE + 14
    else:
        y = layout.draw_lines(canvas, LEFT, y - 4, [NO_ADDRESS], 10) - 10

    canvas.setFont(BOLD, 13)
    canvas.drawString(LEFT, y, "Jak zalogować się pierwszy raz")
    y -= 18
    for number, step in enumerate(_steps(c.iok_url, c.password_rules), 1):
        canvas.setFont(REGULAR, 10)
        canvas.drawString(LEFT + 4, y, f"{number}.")
        y = layout.draw_lines(canvas, LEFT + 20, y, layout.wrap(step, TEXT_WIDTH - 20, 10), 10) - 3
    y -= 8
    y = layout.draw_lines(canvas, LEFT, y, layout.wrap(KEEP, TEXT_WIDTH, 10), 10) - 8
    canvas.setFillColorRGB(*layout.GREY)
    layout.draw_lines(canvas, LEFT, y, [f"Wydano {layout.day(issued_on)}, wydał(a): {issued_by}."], 9)
    canvas.setFillColorRGB(0, 0, 0)
    layout.draw_footer(canvas, 1, 1, "Potwierdzenie danych do konta IOK")
    canvas.showPage()
    return layout.finish(canvas, buffer)
