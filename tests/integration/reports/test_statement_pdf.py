"""The statement PDF read back as text: every entry, the balances, Polish letters, page numbers, both
variants, metadata and the embedded font; and the statement service behind it. Both databases."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from iok_desktop.db.database import Database
from iok_desktop.db.models import AuditEntry, LedgerEntry
from iok_desktop.domain.bank_account import format_nrb
from iok_desktop.domain.dates import format_date
from iok_desktop.domain.enums import LedgerKind
from iok_desktop.domain.errors import NotFoundError, PermissionDeniedError, ValidationError
from iok_desktop.domain.money import format_money
from iok_desktop.reports.layout import FOOTER_Y, LEFT, MARGIN_TOP, PAGE_HEIGHT, PAGE_WIDTH, RIGHT
from iok_desktop.reports.statement_pdf import render_statement
from iok_desktop.services import statements
from iok_desktop.services.context import FixedClock, ServiceContext
from tests.integration.reports.scene import (
    COOPERATIVE,
    COOPERATIVE_NRB,
    PAYMENT_TITLE,
    POLISH,
    Scene,
    build_scene,
    pdffonts,
    pdfinfo,
    pdftotext,
)
from tests.support.builders import CREATED, grant_title, make_account, make_person, staff_of


@pytest.fixture
def session(db: Database) -> Session:
    with db.session() as session:
        yield session  # type: ignore[misc]


@pytest.fixture
def scene(session: Session) -> Scene:
    return build_scene(session)


@pytest.fixture
def clerk(session: Session, scene: Scene, clock: FixedClock) -> ServiceContext:
    return ServiceContext(session, staff_of(scene.clerk), clock)


def _plain(text: str) -> str:
    """pdftotext keeps the non-breaking spaces of amounts; compare with plain spaces."""
    return text.replace("\u00a0", " ")


def _money(value: object) -> str:
    return _plain(format_money(value))  # type: ignore[arg-type]


def test_the_document_carries_the_premises_the_holders_of_the_period_and_the_ledger(
    clerk: ServiceContext, scene: Scene
) -> None:
    doc = statements.statement_document(clerk, scene.premises.id, date(2025, 1, 1), date(2025, 12, 31))

    assert doc.cooperative_name.startswith("Spółdzielnia")
    assert doc.cooperative_bank_account == format_nrb(COOPERATIVE_NRB)
    assert doc.premises_code == scene.premises.code
    assert doc.premises_address == "ul. Żółkiewskiego 7/12, 70-001 Szczecin"
    assert doc.premises_bank_account == format_nrb(scene.premises.bank_account)
    assert doc.holders == ("Zażółć Gęślą-Jaźń", "ĄĆĘŁŃÓŚŹŻ Świętochłowicka")
    assert len(doc.statement.entries) == 24
    # Everything before the period is carried in: nine years of 400 paid against 412.37 + 0..6.
    assert doc.statement.opening_balance > 0
    assert doc.as_of == clerk.now()

    # The former holder's title ended before 2016: named only on a statement of a period he held it in.
    old = statements.statement_document(clerk, scene.premises.id, date(2015, 6, 1), date(2016, 6, 30))
    assert old.holders == ("Zażółć Gęślą-Jaźń", "Dawny Właściciel", "ĄĆĘŁŃÓŚŹŻ Świętochłowicka")


def test_residents_get_only_their_own_premises(session: Session, scene: Scene, clock: FixedClock) -> None:
    from iok_desktop.services.context import resident_actor  # noqa: PLC0415

    person = make_person(session, "Ola", "Nowak")
    grant_title(session, person, scene.premises)
    account = make_account(session, person)
    resident = ServiceContext(session, resident_actor(account.id, account.login), clock)

    doc = statements.statement_document(resident, scene.premises.id, date(2026, 1, 1), date(2026, 11, 25))
    assert doc.premises_id == scene.premises.id
    with pytest.raises(PermissionDeniedError):
        statements.statement_document(resident, scene.other.id, date(2026, 1, 1), date(2026, 11, 25))
    with pytest.raises(PermissionDeniedError):
        statements.premises_for_batch(resident, as_of=date(2026, 11, 25))


def test_a_missing_premises_and_a_reversed_period_are_refused(clerk: ServiceContext, scene: Scene) -> None:
    with pytest.raises(NotFoundError):
        statements.statement_document(clerk, 999_999, date(2026, 1, 1), date(2026, 2, 1))
    with pytest.raises(ValidationError):
        statements.statement_document(clerk, scene.premises.id, date(2026, 2, 1), date(2026, 1, 1))


def test_ten_years_statement_lists_every_entry_and_the_balances(
    clerk: ServiceContext, scene: Scene, tmp_path: Path
) -> None:
    doc = statements.statement_document(clerk, scene.premises.id, date(2016, 1, 1), date(2026, 11, 25))
    s = doc.statement
    assert len(s.entries) == 240
    path = tmp_path / "wyciag.pdf"
    path.write_bytes(render_statement(doc))
    text = _plain(pdftotext(path))
    pages = int(pdfinfo(path)["Pages"])
    assert pages > 3

    # Every entry, in order, with its date, its charge or payment and its running balance.
    position = 0
    for entry in s.entries:
        amount = _money(entry.charge if entry.charge else entry.payment)
        pattern = re.compile(
            rf"{re.escape(format_date(entry.booking_date))}\s+.*?{re.escape(amount)}.*?"
            rf"{re.escape(_money(entry.running_balance))}"
        )
        match = pattern.search(text, position)
        assert match, f"entry of {entry.booking_date} with {amount} not found after offset {position}"
        position = match.end()
    assert text.count(PAYMENT_TITLE) == 120
    assert "Opłata eksploatacyjna — zaliczka" in text
    assert "źdźbło ŻÓŁĆ" in text

    assert "Saldo otwarcia" in text
    assert re.search(
        rf"Razem w okresie\s+{re.escape(_money(s.total_charges))}\s+{re.escape(_money(s.total_payments))}", text
    )
    assert re.search(rf"Saldo na koniec okresu \(25\.11\.2026\):\s+{re.escape(_money(s.closing_balance))}", text)
    assert re.search(rf"Do zapłaty:\s+{re.escape(_money(s.closing_balance))}", text)
    overdue = s.overdue
    for caption in ("w terminie", "1–30 dni", "31–60 dni", "61–90 dni", "ponad 90 dni", "razem"):
        assert caption in text
    assert re.search(
        r"\s+".join(
            re.escape(_money(v))
            for v in (overdue.current, overdue.days_1_30, overdue.days_31_60, overdue.days_61_90, overdue.over_90)
        ),
        text,
    )

    # Header, premises, holders, period, the account to pay into, the as-of time and the note.
    assert COOPERATIVE in text
    assert format_nrb(COOPERATIVE_NRB) in text
    assert "ul. Żółkiewskiego 7/12, 70-001 Szczecin" in text
    assert scene.premises.code in text
    assert "48,30 m²" in text
    assert "Zażółć Gęślą-Jaźń, ĄĆĘŁŃÓŚŹŻ Świętochłowicka" in text
    assert "01.01.2016 – 25.11.2026" in text
    assert format_nrb(scene.premises.bank_account) in text
    assert "Dane na dzień 25.11.2026 10:00" in text
    assert "Odsetki za zwłokę" in text
    for letter in POLISH.replace(" ", ""):
        assert letter in text

    # Page numbers and the table header on every page that has rows.
    for page in range(1, pages + 1):
        assert f"Strona {page} z {pages}" in text
    page_texts = text.split("\f")
    for page_text in page_texts[: pages - 1]:
        assert re.search(r"Data\s+Tytuł\s+Naliczenie\s+Wpłata\s+Saldo", page_text)
        assert COOPERATIVE in page_text

    info = pdfinfo(path)
    assert info["Title"] == f"Wyciąg z kartoteki finansowej lokalu {scene.premises.code}, okres 01.01.2016 – 25.11.2026"
    assert info["Author"] == COOPERATIVE
    fonts = pdffonts(path)
    assert re.search(r"DejaVuSans\s+TrueType.*yes\s+yes", fonts)  # embedded, subset
    assert "DejaVuSans-Bold" in fonts
    assert "Helvetica" not in fonts


def test_the_anonymous_variant_leaves_the_names_out(clerk: ServiceContext, scene: Scene, tmp_path: Path) -> None:
    doc = statements.statement_document(clerk, scene.premises.id, date(2026, 1, 1), date(2026, 11, 25))
    path = tmp_path / "anonim.pdf"
    path.write_bytes(render_statement(doc, personal=False))
    text = _plain(pdftotext(path))

    assert "wersja bez danych osobowych" in text
    for name in (*scene.holder_names, "Gęślą", "Świętochłowicka", "Posiadacze"):
        assert name not in text
    assert "ul. Żółkiewskiego 7/12" in text
    assert re.search(rf"Do zapłaty:\s+{re.escape(_money(doc.statement.closing_balance))}", text)
    assert "Strona 1 z 1" in text


def test_an_empty_period_of_a_settled_ledger(clerk: ServiceContext, scene: Scene, tmp_path: Path) -> None:
    doc = statements.statement_document(clerk, scene.other.id, date(2026, 2, 1), date(2026, 11, 25))
    text = _plain(pdftotext(_write(tmp_path, render_statement(doc))))
    assert "Brak zapisów w tym okresie." in text
    assert "Rozliczone — nic do zapłaty" in text
    assert "Do zapłaty:" not in text
    assert "Nadpłata" not in text


def test_an_overpaid_premises_shows_the_overpayment(
    session: Session, clerk: ServiceContext, scene: Scene, tmp_path: Path
) -> None:
    # The neighbour's charge of 100.00 was paid in January; a transfer of 250.00 more comes in March.
    session.execute(
        insert(LedgerEntry),
        [
            {
                "premises_id": scene.other.id,
                "booking_date": date(2026, 3, 10),
                "due_date": None,
                "kind": LedgerKind.PAYMENT,
                "title": "Wpłata na konto — nadpłata",
                "amount": Decimal("-250.00"),
                "source": "import",
                "document_id": "X3",
                "created_at": CREATED,
            }
        ],
    )
    session.flush()
    doc = statements.statement_document(clerk, scene.other.id, date(2026, 1, 1), date(2026, 11, 25))
    assert doc.statement.closing_balance == Decimal("-250.00")
    text = _plain(pdftotext(_write(tmp_path, render_statement(doc))))

    assert re.search(r"10\.03\.2026\s+Wpłata na konto — nadpłata\s+250,00 zł\s+-250,00 zł", text)
    assert re.search(r"Saldo na koniec okresu \(25\.11\.2026\):\s+-250,00 zł", text)
    # The amount is shown as a positive overpayment, not as a debt.
    assert re.search(r"Nadpłata:\s+250,00 zł", text)
    assert "Do zapłaty" not in text
    assert "Rozliczone" not in text
    # Nothing is overdue.
    assert re.search(r"(0,00 zł\s+){5}0,00 zł", text)


def _write(tmp_path: Path, pdf: bytes) -> Path:
    path = tmp_path / "out.pdf"
    path.write_bytes(pdf)
    return path


# Page images: pdftoppm renders grey-scale PGM at DPI; a PDF point is DPI / 72 pixels.
DPI = 50
INK = 128  # darker than this: black text
GREY_INK = 200  # the footer's grey text, anti-aliased at this resolution
BAND = 232  # the table header and the overdue captions (0.86 → 219) with their text; stripes are 241


@dataclass
class _Page:
    width: int
    height: int
    pixels: bytes

    def px(self, points: float) -> int:
        return round(points * DPI / 72)

    def row(self, y: int, x0: float = LEFT, x1: float = RIGHT) -> bytes:
        return self.pixels[y * self.width + self.px(x0) : y * self.width + self.px(x1)]

    def inked(self, y0: float, y1: float, x0: float = LEFT, x1: float = RIGHT, *, dark: int = INK) -> list[int]:
        """Pixel rows between ``y0`` and ``y1`` points from the top with ink between ``x0`` and ``x1``."""
        rows = range(max(0, self.px(y0)), min(self.height, self.px(y1)))
        return [y for y in rows if min(self.row(y, x0, x1), default=255) < dark]

    def bands(self) -> list[tuple[float, float]]:
        """The full-width grey bands at least 8 points high, as (top, bottom) in points from the top."""
        grey = []
        for y in range(self.height):
            row = self.row(y, LEFT + 2, RIGHT - 2)
            grey.append(sum(value <= BAND for value in row) > 0.9 * len(row))
        found: list[tuple[float, float]] = []
        start = 0
        for y, is_grey in enumerate(grey):
            if is_grey and (y == 0 or not grey[y - 1]):
                start = y
            if is_grey and (y + 1 == len(grey) or not grey[y + 1]) and (y + 1 - start) * 72 / DPI >= 8:
                found.append((start * 72 / DPI, (y + 1) * 72 / DPI))
        return found


def _text_lines(rows: list[int]) -> int:
    """Runs of consecutive inked pixel rows: the lines of text in a column."""
    return sum(1 for index, y in enumerate(rows) if index == 0 or rows[index - 1] != y - 1)


def _render_pages(path: Path, out: Path) -> list[_Page]:
    subprocess.run(["pdftoppm", "-gray", "-r", str(DPI), str(path), str(out / "p")], check=True)
    pages = []
    for image in sorted(out.glob("p-*.pgm")):
        data = image.read_bytes()
        magic, width, height, depth, pixels = data.split(maxsplit=4)
        assert (magic, depth) == (b"P5", b"255")
        pages.append(_Page(int(width), int(height), pixels))
    return pages


def test_pages_render_with_the_layout_in_place(clerk: ServiceContext, scene: Scene, tmp_path: Path) -> None:
    """Every page rendered: header, table header, rows, footer where they belong, nothing in the
    margins, the table header repeated at the top of the later pages, the closing block at the end."""
    doc = statements.statement_document(clerk, scene.premises.id, date(2016, 1, 1), date(2026, 11, 25))
    pages = _render_pages(_write(tmp_path, render_statement(doc)), tmp_path)
    assert len(pages) == int(pdfinfo(tmp_path / "out.pdf")["Pages"]) > 3
    footer = PAGE_HEIGHT - FOOTER_Y  # the footer's baseline, from the top

    for number, page in enumerate(pages, 1):
        assert abs(page.width - page.px(PAGE_WIDTH)) <= 1 and abs(page.height - page.px(PAGE_HEIGHT)) <= 1  # A4
        # The cooperative's name at the top; the page number at the bottom right, and nothing below it.
        assert page.inked(MARGIN_TOP, MARGIN_TOP + 12), f"page {number}: no header"
        assert page.inked(footer - 7, footer + 1, RIGHT - 60, RIGHT, dark=GREY_INK), f"page {number}: no number"
        assert not page.inked(footer + 3, PAGE_HEIGHT, 0, PAGE_WIDTH, dark=250), f"page {number}: below the footer"
        # Nothing in the side margins (a column drawn off the page, a row not cut).
        assert not page.inked(0, PAGE_HEIGHT, 0, LEFT - 3, dark=250), f"page {number}: ink in the left margin"
        assert not page.inked(0, PAGE_HEIGHT, RIGHT + 3, PAGE_WIDTH, dark=250), f"page {number}: right margin"

    # The closing block goes under the last rows, or on a page of its own if it does not fit there.
    last = pages[-1]
    closing_alone = len(last.bands()) == 1
    table_pages = pages[:-1] if closing_alone else pages
    for number, page in enumerate(table_pages, 1):
        bands = page.bands()
        assert len(bands) == (2 if page is last else 1), f"page {number}: grey bands {bands}"
        top, bottom = bands[0]
        assert 12 <= bottom - top <= 17
        # The table header right under the page top: below the premises' details on page one, right
        # under the short header ("ciąg dalszy") on the later pages; its captions are printed in it.
        assert (150 <= top <= 260) if number == 1 else (60 <= top <= 100), f"page {number}: table header at {top}"
        assert page.inked(top + 2, bottom - 2), f"page {number}: table header without captions"
        if number < len(table_pages):
            # Rows down to the footer: dates in the first column, balances in the last.
            dates = _text_lines(page.inked(bottom, footer - 20, LEFT, LEFT + 50))
            balances = _text_lines(page.inked(bottom, footer - 20, RIGHT - 70, RIGHT))
            assert dates >= 20 and balances >= 20, f"page {number}: {dates} dates, {balances} balances"
            assert page.inked(footer - 60, footer - 20, LEFT, LEFT + 50), f"page {number}: rows stop early"

    # The closing block: "Do zapłaty:" and its amount, the overdue table's grey captions with the
    # amounts below them, the account to pay into, the as-of time and the note; then white paper.
    top, bottom = last.bands()[-1]
    if closing_alone:
        assert 120 <= top <= 200, f"closing block at {top}"  # under the two lines above it
    else:
        assert top > last.bands()[0][1]
    assert last.inked(top - 40, top - 20, LEFT, LEFT + 80), "no closing balance label above the overdue table"
    assert last.inked(top - 40, top - 20, RIGHT - 80, RIGHT), "no closing balance above the overdue table"
    assert _text_lines(last.inked(bottom, bottom + 90)) >= 5
    assert not last.inked(bottom + 110, footer - 12), "something below the closing block"


def test_every_print_and_save_is_recorded(session: Session, clerk: ServiceContext, scene: Scene) -> None:
    p = scene.premises.id
    statements.record_statement_output(
        clerk, p, date(2026, 1, 1), date(2026, 6, 30), action="print", personal=True, copies=2
    )
    statements.record_statement_output(clerk, p, date(2026, 1, 1), date(2026, 6, 30), action="save", personal=False)
    session.flush()
    rows = session.scalars(
        select(AuditEntry).where(AuditEntry.action.like("statement.%")).order_by(AuditEntry.id)
    ).all()

    assert [r.action for r in rows] == ["statement.print", "statement.save"]
    assert all(r.premises_id == p and r.actor_staff_id == scene.clerk.id for r in rows)
    assert rows[0].details == {"date_from": "2026-01-01", "date_to": "2026-06-30", "variant": "personal", "copies": 2}
    assert rows[1].details["variant"] == "anonymous"
    with pytest.raises(ValueError, match="action"):
        statements.record_statement_output(clerk, p, date(2026, 1, 1), date(2026, 6, 30), action="mail", personal=True)
    with pytest.raises(ValidationError):
        statements.record_statement_output(
            clerk, p, date(2026, 1, 1), date(2026, 6, 30), action="print", personal=True, copies=0
        )


def test_premises_for_batch_by_code_scope_and_arrears(session: Session, clerk: ServiceContext, scene: Scene) -> None:
    from tests.support.builders import make_premises  # noqa: PLC0415

    elsewhere = make_premises(session)
    as_of = date(2026, 11, 25)

    everything = statements.premises_for_batch(clerk, as_of=as_of)
    assert everything == sorted(everything, key=lambda pid: session.get(type(scene.premises), pid).code)  # type: ignore[union-attr]
    assert {scene.premises.id, scene.other.id, elsewhere.id} <= set(everything)
    in_building = statements.premises_for_batch(clerk, building_id=scene.premises.building_id, as_of=as_of)
    assert in_building == [scene.premises.id, scene.other.id]
    building = scene.premises.building
    assert statements.premises_for_batch(clerk, estate_id=building.estate_id, as_of=as_of) == in_building
    assert statements.premises_for_batch(clerk, arrears_only=True, as_of=as_of) == [scene.premises.id]
    # On a day before anything was booked nobody owes anything.
    assert statements.premises_for_batch(clerk, arrears_only=True, as_of=date(2015, 1, 1)) == []

    assert statements.batch_scope(clerk, building_code=building.code, estate_code=None) == (building.id, None)
    with pytest.raises(NotFoundError, match="budynku"):
        statements.batch_scope(clerk, building_code="NIE-MA", estate_code=None)


def test_many_documents_at_once_equal_one_at_a_time(session: Session, clerk: ServiceContext, scene: Scene) -> None:
    from tests.support.builders import make_premises  # noqa: PLC0415

    empty = make_premises(session, scene.premises.building, number="99")
    ids = [scene.other.id, scene.premises.id, empty.id]
    for period in (
        (date(2016, 1, 1), date(2026, 11, 25)),
        (date(2026, 1, 3), date(2026, 1, 31)),
        (date(2030, 1, 1), date(2030, 2, 1)),
    ):
        together = statements.statement_documents(clerk, ids, *period)
        one_by_one = [statements.statement_document(clerk, pid, *period) for pid in ids]
        assert together == one_by_one
    assert statements.statement_documents(clerk, [], date(2026, 1, 1), date(2026, 2, 1)) == []
    with pytest.raises(NotFoundError):
        statements.statement_documents(clerk, [999_999], date(2026, 1, 1), date(2026, 2, 1))
