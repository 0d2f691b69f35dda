"""The handover slip PDF read back: the same content as the clerk's old HTML slip, in Polish, with a
QR code that really holds the IOK address (checked module by module on the rendered page)."""

from __future__ import annotations

import io
import re
import subprocess
from datetime import date
from pathlib import Path

import segno
from reportlab.lib.pagesizes import A4

from iok_desktop.domain.passwords import RULES_TEXT
from iok_desktop.reports import layout
from iok_desktop.reports.slip_pdf import draw_qr, render_handover_slip
from iok_desktop.services.accounts import AccountCredentials

URL = "https://iok.zazolc.example.pl"


def _credentials(url: str = URL) -> AccountCredentials:
    return AccountCredentials(
        account_id=7,
        login="geslaja4821",
        initial_password="Kx7fTqW3mh",
        person_name="Zażółć Gęślą-Jaźń",
        premises_addresses=["ul. Żółkiewskiego 7/12, 70-001 Szczecin", "ul. Źródlana 1/2, 90-001 Łódź"],
        iok_url=url,
    )


def _render(tmp_path: Path, credentials: AccountCredentials) -> tuple[Path, str]:
    pdf = render_handover_slip(
        credentials,
        cooperative_name="Spółdzielnia Mieszkaniowa „Zażółć”",
        cooperative_address="ul. Źródlana 5, 90-001 Łódź",
        issued_on=date(2026, 11, 25),
        issued_by="Anna Łęcka",
    )
    path = tmp_path / "slip.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return path, " ".join(text.split())


def test_the_slip_carries_everything_the_resident_needs(tmp_path: Path) -> None:
    path, text = _render(tmp_path, _credentials())

    for expected in (
        "Spółdzielnia Mieszkaniowa „Zażółć”",
        "ul. Źródlana 5, 90-001 Łódź",
        "Twoje konto IOK",
        "Właściciel konta: Zażółć Gęślą-Jaźń",
        "ul. Żółkiewskiego 7/12, 70-001 Szczecin",
        "ul. Źródlana 1/2, 90-001 Łódź",
        "Identyfikator użytkownika geslaja4821",
        "Hasło jednorazowe Kx7fTqW3mh",
        "wielkie i małe litery się różnią",
        f"Adres IOK: {URL}",
        "zeskanuj kod aparatem telefonu",
        "Jak zalogować się pierwszy raz",
        f"1. Otwórz {URL} w przeglądarce internetowej.",
        "2. Wpisz identyfikator użytkownika i hasło jednorazowe",
        f"3. Ustaw własne hasło. Zasada: {RULES_TEXT}",
        "4. Od tej chwili loguj się własnym hasłem",
        "biuro nigdy o nie nie prosi",
        "Wydano 25.11.2026, wydał(a): Anna Łęcka.",
        "Strona 1 z 1",
    ):
        assert expected in text, expected
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Title:\s+Dane do konta IOK", info)
    assert re.search(r"Author:\s+Spółdzielnia Mieszkaniowa „Zażółć”", info)
    assert re.search(r"Pages:\s+1\n", info)
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    assert "DejaVuSans" in fonts
    assert "Helvetica" not in fonts


def test_without_an_address_the_slip_says_to_ask_the_office(tmp_path: Path) -> None:
    _path, text = _render(tmp_path, _credentials(url=""))
    assert "Adres IOK poda Ci biuro spółdzielni." in text
    assert "Otwórz w przeglądarce internetowej adres IOK podany przez biuro." in text


def _gray_image(pdf: Path, dpi: int) -> tuple[int, int, bytes]:
    raw = subprocess.run(["pdftoppm", "-gray", "-r", str(dpi), str(pdf)], capture_output=True, check=True).stdout
    match = re.match(rb"P5\s+(\d+)\s+(\d+)\s+255\s", raw)
    assert match
    width, height = int(match.group(1)), int(match.group(2))
    return width, height, raw[match.end() :]


def test_the_qr_code_holds_the_address_module_by_module(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    canvas = layout.new_canvas(buffer, layout.DocumentInfo("QR", "test"))
    x, y, size = 100.0, 500.0, 132.0
    draw_qr(canvas, URL, x, y, size)
    canvas.showPage()
    pdf = tmp_path / "qr.pdf"
    pdf.write_bytes(layout.finish(canvas, buffer))

    dpi = 288
    scale = dpi / 72
    width, height, pixels = _gray_image(pdf, dpi)
    assert height == round(A4[1] * scale)
    matrix = [list(row) for row in segno.make(URL, error="m").matrix]
    modules = len(matrix) + 8
    unit = size / modules
    for r, row in enumerate(matrix):
        for c, dark in enumerate(row):
            px = int((x + (c + 4.5) * unit) * scale)
            py = int((A4[1] - (y + size - (r + 4.5) * unit)) * scale)
            assert (pixels[py * width + px] < 128) == bool(dark), (r, c)
