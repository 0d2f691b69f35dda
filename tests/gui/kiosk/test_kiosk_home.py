"""Strona główna at the kiosk: the resident's premises, the ledger of one, and the silent statement print."""

from __future__ import annotations

import tempfile
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from iok_desktop.db.database import Database
from iok_desktop.db.models import AuditEntry, LedgerEntry, LegalTitle, ResidentAccount
from iok_desktop.domain.enums import LedgerKind
from iok_desktop.gui.kiosk.app import KioskApp
from iok_desktop.gui.kiosk.pages.home import HomePage
from tests.gui.kiosk.conftest import MakeKiosk, Resident, sign_in
from tests.gui.pdf_pages import ink, page_images
from tests.gui.support import screenshot, wait_idle
from tests.support.builders import CREATED, grant_title, make_premises
from tests.support.cups import CupsServer

CHARGE = Decimal("612.40")


def _premises_of(db: Database, resident: Resident) -> int:
    with db.session() as s:
        person_id = s.scalar(select(ResidentAccount.person_id).where(ResidentAccount.id == resident.account_id))
        return int(s.scalar(select(LegalTitle.premises_id).where(LegalTitle.person_id == person_id)) or 0)


def _ledger(db: Database, premises_id: int) -> None:
    """Two years of monthly charges (due on the 10th), each paid 100 zł short: 24 × 612,40 − 24 × 512,40."""
    with db.session() as s:
        for m in range(24):
            year, month = 2024 + (m + 11) // 12, (m + 11) % 12 + 1
            s.add_all(
                [
                    LedgerEntry(
                        premises_id=premises_id,
                        booking_date=date(year, month, 1),
                        due_date=date(year, month, 10),
                        kind=LedgerKind.CHARGE,
                        title=f"Opłaty za lokal {month:02d}/{year}",
                        amount=CHARGE,
                        source="import",
                        created_at=CREATED,
                    ),
                    LedgerEntry(
                        premises_id=premises_id,
                        booking_date=date(year, month, 12),
                        due_date=None,
                        kind=LedgerKind.PAYMENT,
                        title="Wpłata — przelew",
                        amount=-(CHARGE - 100),
                        source="import",
                        created_at=CREATED,
                    ),
                ]
            )
        s.commit()


def _sign_in(qtbot: QtBot, kiosk: KioskApp, resident: Resident) -> HomePage:
    shell = sign_in(qtbot, kiosk, resident.login)
    home = shell.pages["home"]
    assert isinstance(home, HomePage)
    qtbot.waitUntil(lambda: bool(home.premises_buttons))
    return home


def _open_first(qtbot: QtBot, kiosk: KioskApp, home: HomePage) -> None:
    qtbot.mouseClick(home.premises_buttons[0], Qt.MouseButton.LeftButton)
    wait_idle(qtbot, kiosk.runner)
    qtbot.waitUntil(lambda: home.model.rowCount() > 0)


def _audit(db: Database, premises_id: int) -> list[str]:
    with db.session() as s:
        return list(s.scalars(select(AuditEntry.action).where(AuditEntry.premises_id == premises_id)))


def test_home_lists_the_premises_held_and_opens_the_ledger_with_the_amount_due(
    qtbot: QtBot, db: Database, make_kiosk: MakeKiosk, resident: Resident
) -> None:
    premises_id = _premises_of(db, resident)
    _ledger(db, premises_id)
    with db.session() as s:
        person_id = s.scalar(select(ResidentAccount.person_id).where(ResidentAccount.id == resident.account_id))
        title = s.scalar(select(LegalTitle).where(LegalTitle.person_id == person_id))
        assert title is not None
        garage = make_premises(s, number="G7")
        grant_title(s, title.person, garage)
        s.commit()
    kiosk = make_kiosk()
    kiosk.window.resize(1280, 1024)
    home = _sign_in(qtbot, kiosk, resident)

    texts = [button.text() for button in home.premises_buttons]
    assert len(texts) == 2 and any("/G7" in text for text in texts)
    assert all(text.startswith("ul. ") and "Lokal " in text for text in texts)
    screenshot(kiosk.window, "kiosk_home_premises_1280x1024")

    flat = next(b for b in home.premises_buttons if "/G7" not in b.text())
    qtbot.mouseClick(flat, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: home.model.rowCount() > 0)
    wait_idle(qtbot, kiosk.runner)
    # Twelve months back from 25.11.2026: entries from 25.11.2025 on (Dec 2025 … Nov 2026 = 24 rows).
    rows = home.model.rows()
    assert len(rows) == 24 and rows[0].booking_date == date(2025, 12, 1)
    assert home.model.index(0, 1).data() == "Opłaty za lokal 12/2025"
    assert home.model.index(0, 2).data() == "612,40\u00a0zł"
    # 24 months each 100 zł short, all due by now: 2 400,00 zł to pay.
    assert home.due_label.text() == "do zapłaty\n2\u00a0400,00\u00a0zł"
    assert home.model.index(23, 4).data() == "2\u00a0400,00\u00a0zł"
    assert "25.11.2025" in home.period_label.text() and "1\u00a0200,00\u00a0zł" in home.period_label.text()
    kiosk.window.resize(1920, 1080)
    screenshot(kiosk.window, "kiosk_ledger_1920x1080")
    kiosk.window.resize(1280, 1024)
    screenshot(kiosk.window, "kiosk_ledger_1280x1024")

    qtbot.mouseClick(home.back_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, kiosk.runner)
    assert home.stack.currentIndex() == 0 and home.model.rowCount() == 0


def test_printing_without_a_working_printer_says_so_and_leaves_no_audit(
    qtbot: QtBot, db: Database, make_kiosk: MakeKiosk, resident: Resident
) -> None:
    premises_id = _premises_of(db, resident)
    _ledger(db, premises_id)
    kiosk = make_kiosk(printer="Brak_Takiej_Drukarki")
    kiosk.window.resize(1280, 1024)  # the screenshots below at a kiosk screen's size
    home = _sign_in(qtbot, kiosk, resident)
    _open_first(qtbot, kiosk, home)

    qtbot.mouseClick(home.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: home.print_button.isEnabled() and home.print_message.isVisible())
    wait_idle(qtbot, kiosk.runner)
    assert home.print_message.text() == "Drukarka jest teraz niedostępna. Poproś o zestawienie w biurze."
    assert home.print_message.property("role") == "kiosk-error"
    assert "statement.print" not in _audit(db, premises_id)
    screenshot(kiosk.window, "kiosk_print_unavailable")


@pytest.mark.cups
def test_print_statement_goes_silently_to_the_kiosk_printer_one_copy_nothing_on_disk(
    qtbot: QtBot,
    db: Database,
    make_kiosk: MakeKiosk,
    resident: Resident,
    cups_server: CupsServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    premises_id = _premises_of(db, resident)
    _ledger(db, premises_id)
    kiosk = make_kiosk(printer=cups_server.queue)
    kiosk.window.resize(1280, 1024)  # the screenshots below at a kiosk screen's size
    home = _sign_in(qtbot, kiosk, resident)
    _open_first(qtbot, kiosk, home)
    for earlier in cups_server.outputs():  # CUPS-PDF names files by job title; start from an empty tray
        earlier.unlink()
    before = cups_server.outputs()
    # Where Qt and Python would put temporary files while printing: a fresh folder to look into after.
    scratch = tmp_path / "kiosk-tmp"
    scratch.mkdir()
    monkeypatch.setenv("TMPDIR", str(scratch))
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))

    qtbot.mouseClick(home.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: home.print_button.isEnabled() and home.print_message.isVisible(), timeout=20_000)
    wait_idle(qtbot, kiosk.runner)
    assert home.print_message.text() == "Zestawienie jest drukowane. Odbierz wydruk z drukarki."
    screenshot(kiosk.window, "kiosk_print_take_your_printout")

    arrived = cups_server.wait_for_output(before)
    pages = page_images(arrived)
    assert len(pages) >= 1 and all(ink(page) > 0.01 for page in pages)
    assert len(cups_server.outputs() - before) == 1  # one copy, one job
    # The same statement as the service draws it (CUPS-PDF output has no text layer to read).
    assert "statement.print" in _audit(db, premises_id)
    # Nothing of the resident's ledger was left in the kiosk's temporary files (the PDF stayed in memory).
    assert list(scratch.rglob("*")) == []


@pytest.mark.parametrize(("width", "height"), [(1280, 1024), (1920, 1080)])
def test_the_newest_entry_stays_wholly_in_view_when_the_print_message_appears(
    qtbot: QtBot, db: Database, make_kiosk: MakeKiosk, resident: Resident, width: int, height: int
) -> None:
    """The table is scrolled to its newest row before the message takes room above it: the row must not
    end up half hidden under the message."""
    premises_id = _premises_of(db, resident)
    _ledger(db, premises_id)
    kiosk = make_kiosk(printer="Brak_Takiej_Drukarki")
    kiosk.window.resize(width, height)
    home = _sign_in(qtbot, kiosk, resident)
    _open_first(qtbot, kiosk, home)

    def newest_row_in_view() -> bool:
        table = home.table
        last = table.model().index(table.model().rowCount() - 1, 0)
        return table.viewport().rect().contains(table.visualRect(last))

    qtbot.waitUntil(newest_row_in_view)
    qtbot.mouseClick(home.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: home.print_button.isEnabled() and home.print_message.isVisible())
    wait_idle(qtbot, kiosk.runner)
    for _ in range(4):  # the message's room is taken from the table in the next layout pass
        QApplication.processEvents()
    screenshot(kiosk.window, f"kiosk_print_message_newest_row_{width}x{height}")
    assert home.print_message.geometry().bottom() < home.table.geometry().top()
    assert newest_row_in_view()
