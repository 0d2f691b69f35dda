"""Statements in the clerk application, driven as a clerk would: preview from the ledger screen, both
variants, Save as PDF, Print through the Qt print dialog to a real CUPS server's PDF printer (the file
that arrives is read back), the audit trail of every copy. On SQLite and PostgreSQL."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QImage, QPageSize, QPainter, QPdfWriter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from iok_desktop.db.database import Database
from iok_desktop.db.models import AuditEntry, LedgerEntry
from iok_desktop.domain.enums import LedgerKind
from iok_desktop.domain.money import format_money
from iok_desktop.gui import pdf_print
from iok_desktop.gui.clerk.context import ClerkContext
from iok_desktop.gui.clerk.ledger.page import LedgerPage
from iok_desktop.gui.clerk.ledger.statement_dialog import StatementDialog
from iok_desktop.gui.clerk.pages import ledger as ledger_page
from tests.gui.pdf_pages import ink, layout_mismatch, page_images, pdf_text
from tests.gui.print_probe import HeldPrinting, hold_printing
from tests.gui.support import screenshot, wait_idle
from tests.support.builders import CREATED, grant_title, make_building, make_person, make_premises
from tests.support.cups import CupsServer

PERIOD = (date(2025, 12, 1), date(2026, 11, 30))
CHARGE = Decimal("412.18")


@dataclass(frozen=True)
class Flat:
    premises_id: int
    code: str
    closing_balance: Decimal  # at the end of PERIOD


def flat_with_debt(db: Database, *, months: int = 36) -> Flat:
    """ul. Łąkowa 8/12 with two holders; monthly charges since late 2023, paid 50 zł short each month."""
    with db.session() as s:
        building = make_building(s, street="Łąkowa", number="8")
        premises = make_premises(s, building, number="12")
        grant_title(s, make_person(s, "Anna", "Wróblewska"), premises)
        grant_title(s, make_person(s, "Żaneta", "Łęcka-Gąsior"), premises)
        balance = Decimal("0")
        for m in range(months):
            year, month = 2023 + (m + 11) // 12, (m + 11) % 12 + 1
            entries = (
                (date(year, month, 1), LedgerKind.CHARGE, f"Opłaty za lokal {month:02d}/{year}: eksploatacja", CHARGE),
                (date(year, month, 9), LedgerKind.PAYMENT, "Wpłata — przelew", -(CHARGE - 50)),
            )
            for day, kind, title, amount in entries:
                s.add(
                    LedgerEntry(
                        premises_id=premises.id,
                        booking_date=day,
                        due_date=day if kind is LedgerKind.CHARGE else None,
                        kind=kind,
                        title=title,
                        amount=amount,
                        source="import",
                        created_at=CREATED,
                    )
                )
                if day <= PERIOD[1]:
                    balance += amount
        s.commit()
        return Flat(premises.id, premises.code, balance)


def audit_actions(db: Database, premises_id: int) -> list[tuple[str, dict[str, object]]]:
    with db.session() as s:
        rows = s.scalars(
            select(AuditEntry)
            .where(AuditEntry.premises_id == premises_id, AuditEntry.action.like("statement.%"))
            .order_by(AuditEntry.id)
        )
        return [(row.action, dict(row.details or {})) for row in rows]


def open_ledger(qtbot: QtBot, ctx: ClerkContext, flat: Flat) -> LedgerPage:
    page = ledger_page.create(ctx)
    assert isinstance(page, LedgerPage)
    qtbot.addWidget(page)
    page.resize(1100, 720)
    page.show()
    page.activated()
    page.show_premises(flat.premises_id, "ul. Łąkowa 8/12, 70-001 Szczecin", flat.code)
    page.set_period(*PERIOD)
    wait_idle(qtbot, ctx.runner)
    return page


def open_statement(qtbot: QtBot, page: LedgerPage) -> StatementDialog:
    with qtbot.waitSignal(page.statement_button.clicked):
        qtbot.mouseClick(page.statement_button, Qt.MouseButton.LeftButton)
    dialog = page.statement_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.pdf_document.status() == QPdfDocument.Status.Ready, timeout=15_000)
    wait_idle(qtbot, page.ctx.runner)
    return dialog


def wait_drawn(qtbot: QtBot, dialog: StatementDialog) -> None:
    """QPdfView draws its pages on a thread of its own: wait until the view shows ink."""

    def drawn() -> bool:
        image = dialog.view.viewport().grab().toImage().convertToFormat(QImage.Format.Format_Grayscale8)
        return ink(image, 100) > 0.002

    qtbot.waitUntil(drawn, timeout=10_000)


def test_preview_shows_the_statement_and_saves_both_variants(
    qtbot: QtBot, clerk_ctx: ClerkContext, db: Database, tmp_path: Path
) -> None:
    flat = flat_with_debt(db)
    page = open_ledger(qtbot, clerk_ctx, flat)
    dialog = open_statement(qtbot, page)
    dialog.resize(900, 1000)
    assert dialog.period() == PERIOD
    assert dialog.pdf_document.pageCount() >= 1
    assert dialog.view.document() is dialog.pdf_document
    assert dialog.ui.print_button.isEnabled() and dialog.ui.save_button.isEnabled()
    qtbot.waitUntil(dialog.isVisible)
    wait_drawn(qtbot, dialog)
    assert dialog.view.verticalScrollBar().value() == 0  # the top of page one
    screenshot(dialog, "statement_preview")

    with qtbot.waitSignal(dialog.output_recorded, timeout=10_000):
        saved = dialog.save_to(tmp_path / "wyciag")  # ".pdf" is added
    assert saved == tmp_path / "wyciag.pdf"
    text = pdf_text(saved)
    assert "Łąkowa 8/12" in text
    assert "Anna Wróblewska" in text and "Żaneta Łęcka-Gąsior" in text
    assert format_money(flat.closing_balance).replace("\u00a0", " ") in text.replace("\u00a0", " ")
    assert "do zapłaty" in text.lower()
    assert "Strona 1 z" in text
    # What was saved is what the preview shows.
    assert saved.read_bytes() == dialog.current_pdf()

    # Without personal data: the names are left out, the money stays.
    with qtbot.waitSignal(dialog.pdf_shown, timeout=10_000):
        qtbot.mouseClick(dialog.ui.anonymous_radio, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.output_recorded, timeout=10_000):
        anonymous = dialog.save_to(tmp_path / "archiwum.pdf")
    assert anonymous is not None
    text = pdf_text(anonymous)
    assert "Wróblewska" not in text and "Łęcka" not in text
    assert "Łąkowa 8/12" in text
    assert format_money(flat.closing_balance).replace("\u00a0", " ") in text.replace("\u00a0", " ")

    assert audit_actions(db, flat.premises_id) == [
        (
            "statement.save",
            {"date_from": "2025-12-01", "date_to": "2026-11-30", "variant": "personal", "copies": 1},
        ),
        (
            "statement.save",
            {"date_from": "2025-12-01", "date_to": "2026-11-30", "variant": "anonymous", "copies": 1},
        ),
    ]


def test_a_reversed_period_is_refused_next_to_the_dates_and_kept(
    qtbot: QtBot, clerk_ctx: ClerkContext, db: Database
) -> None:
    flat = flat_with_debt(db, months=3)
    page = open_ledger(qtbot, clerk_ctx, flat)
    dialog = open_statement(qtbot, page)
    dialog.ui.from_date_edit.setFocus()
    dialog.ui.from_date_edit.setDate(dialog.ui.to_date_edit.date().addDays(10))
    qtbot.waitUntil(dialog.ui.period_error_label.isVisible, timeout=5000)
    wait_idle(qtbot, clerk_ctx.runner)
    assert "późniejsza" in dialog.ui.period_error_label.text()  # the service's own Polish message
    assert dialog.period() == (date(2026, 12, 10), date(2026, 11, 30))  # as typed
    assert not dialog.ui.print_button.isEnabled() and not dialog.ui.save_button.isEnabled()
    assert dialog.pdf_document.pageCount() == 0  # no statement of another period stays on show
    screenshot(dialog, "statement_preview_reversed_period")
    # Putting it right brings the preview back.
    with qtbot.waitSignal(dialog.pdf_shown, timeout=10_000):
        dialog.ui.from_date_edit.setDate(dialog.ui.to_date_edit.date().addMonths(-2))
    assert not dialog.ui.period_error_label.isVisible()
    assert audit_actions(db, flat.premises_id) == []


@pytest.mark.cups
def test_printing_through_the_qt_print_dialog_arrives_at_the_cups_pdf_printer(
    qtbot: QtBot, clerk_ctx: ClerkContext, db: Database, tmp_path: Path, cups_server: CupsServer
) -> None:
    flat = flat_with_debt(db)
    page = open_ledger(qtbot, clerk_ctx, flat)
    dialog = open_statement(qtbot, page)
    shown = dialog.current_pdf()
    assert shown is not None
    source = tmp_path / "shown.pdf"
    source.write_bytes(shown)
    before = cups_server.outputs()

    # The clerk presses Print…, picks the PDF printer in Qt's own print dialog and confirms.
    qtbot.mouseClick(dialog.ui.print_button, Qt.MouseButton.LeftButton)
    print_dialog = dialog.print_dialog
    assert isinstance(print_dialog, QPrintDialog)
    qtbot.waitUntil(print_dialog.isVisible)
    printers = print_dialog.findChild(QComboBox, "printers")
    assert printers is not None
    index = printers.findText(cups_server.queue)
    assert index >= 0, [printers.itemText(i) for i in range(printers.count())]
    printers.setCurrentIndex(index)
    screenshot(print_dialog, "statement_print_dialog")
    buttons = print_dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    with qtbot.waitSignal(dialog.output_recorded, timeout=20_000):
        qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

    arrived = cups_server.wait_for_output(before)
    # Page for page, the printer got what the preview shows (drawn at the printer's resolution).
    printed_pages, shown_pages = page_images(arrived), page_images(source)
    assert len(printed_pages) == len(shown_pages) >= 1
    for printed, expected in zip(printed_pages, shown_pages, strict=True):
        assert ink(printed) > 0.01
        assert layout_mismatch(printed, expected) < 0.005
    # …and not just any page with ink on it: the anonymous variant differs where the names are.
    other = tmp_path / "other.pdf"
    with qtbot.waitSignal(dialog.pdf_shown, timeout=10_000):
        dialog.set_personal(False)
    other.write_bytes(dialog.current_pdf() or b"")
    unlike = layout_mismatch(printed_pages[0], page_images(other)[0])
    assert unlike > 0.005, unlike
    assert audit_actions(db, flat.premises_id) == [
        (
            "statement.print",
            {"date_from": "2025-12-01", "date_to": "2026-11-30", "variant": "personal", "copies": 1},
        )
    ]


@pytest.mark.cups
def test_silent_printing_to_a_named_printer(qtbot: QtBot, cups_server: CupsServer, tmp_path: Path) -> None:
    """The kiosk's way: printer name in, no dialog. Two pages arrive as two pages, fitted to A4."""
    source = tmp_path / "two_pages.pdf"
    writer = QPdfWriter(str(source))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(300)
    painter = QPainter(writer)
    painter.setFont(QFont("DejaVu Sans", 18))
    painter.drawText(300, 600, "Zażółć gęślą jaźń — 1 234,56 zł")
    writer.newPage()
    painter.fillRect(300, 600, 1800, 900, Qt.GlobalColor.black)
    painter.end()
    before = cups_server.outputs()
    assert cups_server.queue in QPrinterInfo.availablePrinterNames()
    result = pdf_print.print_to(cups_server.queue, source.read_bytes(), title="Wyciąg 01-001-0001")
    assert (result.printer_name, result.pages, result.copies) == (cups_server.queue, 2, 1)
    arrived = cups_server.wait_for_output(before)
    printed, expected = page_images(arrived), page_images(source)
    assert len(printed) == 2
    for got, want in zip(printed, expected, strict=True):
        assert layout_mismatch(got, want) < 0.005
    assert ink(printed[1]) > 0.1

    with pytest.raises(pdf_print.PrintError):
        pdf_print.print_to("no-such-printer", source.read_bytes(), title="x")
    with pytest.raises(pdf_print.PrintError):
        pdf_print.render_to_printer(b"not a pdf", QPrinter())


def test_switching_the_variant_while_the_statement_is_drawn_shows_the_one_chosen(
    qtbot: QtBot, clerk_ctx: ClerkContext, db: Database, tmp_path: Path
) -> None:
    flat = flat_with_debt(db, months=3)
    page = open_ledger(qtbot, clerk_ctx, flat)
    page.open_statement_dialog()
    dialog = page.statement_dialog
    assert dialog is not None
    dialog.set_personal(False)  # before the first answer arrives
    qtbot.waitUntil(lambda: dialog.current_pdf() is not None, timeout=10_000)
    wait_idle(qtbot, clerk_ctx.runner)
    assert not dialog.personal()
    saved = dialog.save_to(tmp_path / "bez_danych.pdf")
    assert saved is not None
    assert "Wróblewska" not in pdf_text(saved) and "Łąkowa 8/12" in pdf_text(saved)
    wait_idle(qtbot, clerk_ctx.runner)
    assert [details["variant"] for _action, details in audit_actions(db, flat.premises_id)] == ["anonymous"]


@pytest.fixture
def held_printing(monkeypatch: pytest.MonkeyPatch) -> Iterator[HeldPrinting]:
    yield from hold_printing(monkeypatch)


def _print_to_file_through_the_print_dialog(qtbot: QtBot, dialog: StatementDialog, path: Path) -> QPrintDialog:
    """The clerk presses Print…, chooses "print to file" (PDF, ``path``) in Qt's print dialog and confirms."""
    qtbot.mouseClick(dialog.ui.print_button, Qt.MouseButton.LeftButton)
    chosen = dialog.print_dialog
    assert isinstance(chosen, QPrintDialog)
    qtbot.waitUntil(chosen.isVisible)
    printers = chosen.findChild(QComboBox, "printers")
    file_name = chosen.findChild(QLineEdit, "filename")
    assert printers is not None and file_name is not None
    printers.setCurrentIndex(printers.count() - 1)  # Qt puts "print to file (PDF)" after the printers
    file_name.setText(str(path))
    buttons = chosen.findChild(QDialogButtonBox)
    assert buttons is not None
    qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert not chosen.isVisible()
    assert chosen.target.outputFileName() == str(path)
    return chosen


def test_printing_runs_on_its_own_thread_while_the_dialog_shows_it_prints(
    qtbot: QtBot,
    clerk_ctx: ClerkContext,
    db: Database,
    tmp_path: Path,
    held_printing: HeldPrinting,
) -> None:
    flat = flat_with_debt(db)
    page = open_ledger(qtbot, clerk_ctx, flat)
    page.set_period(date(2023, 11, 1), PERIOD[1])  # three years: a statement of several pages
    wait_idle(qtbot, clerk_ctx.runner)
    dialog = open_statement(qtbot, page)
    shown_pages = dialog.pdf_document.pageCount()
    assert shown_pages >= 2
    printed = tmp_path / "printed.pdf"
    _print_to_file_through_the_print_dialog(qtbot, dialog, printed)

    # The pages are being drawn onto the printer: not on the UI thread, not on the database worker.
    qtbot.waitUntil(held_printing.started.is_set)
    database_thread: list[int] = []
    clerk_ctx.run(threading.get_ident, database_thread.append)
    qtbot.waitUntil(lambda: bool(database_thread))  # …which is free meanwhile, and the UI answers
    assert held_printing.threads[0] not in {threading.get_ident(), database_thread[0]}
    ui = dialog.ui
    assert dialog.printing and dialog.isVisible()
    assert ui.status_label.text() == "Drukuję… strony są wysyłane do drukarki."
    assert not ui.print_button.isEnabled() and not ui.save_button.isEnabled()
    assert not ui.from_date_edit.isEnabled() and not ui.personal_radio.isEnabled()
    assert ui.close_button.isEnabled()
    assert dialog.cursor().shape() == Qt.CursorShape.BusyCursor
    screenshot(dialog, "statement_printing")
    assert audit_actions(db, flat.premises_id) == []

    with qtbot.waitSignal(dialog.output_recorded, timeout=20_000):
        held_printing.release.set()
    assert ui.status_label.text() == f"Wysłano do drukarki {printed}."
    assert ui.print_button.isEnabled() and ui.save_button.isEnabled() and ui.from_date_edit.isEnabled()
    assert dialog.cursor().shape() == Qt.CursorShape.ArrowCursor
    assert held_printing.pages == [shown_pages]
    assert len(page_images(printed)) == shown_pages
    assert [action for action, _details in audit_actions(db, flat.premises_id)] == ["statement.print"]


def test_closing_the_statement_while_it_prints_is_safe_and_the_copy_is_recorded(
    qtbot: QtBot,
    clerk_ctx: ClerkContext,
    db: Database,
    tmp_path: Path,
    held_printing: HeldPrinting,
) -> None:
    flat = flat_with_debt(db)
    page = open_ledger(qtbot, clerk_ctx, flat)
    dialog = open_statement(qtbot, page)
    shown_pages = dialog.pdf_document.pageCount()
    printed = tmp_path / "printed.pdf"
    chosen = _print_to_file_through_the_print_dialog(qtbot, dialog, printed)
    qtbot.waitUntil(held_printing.started.is_set)

    qtbot.mouseClick(dialog.ui.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog))  # deleted on close, with its children
    assert page.statement_dialog is None
    assert shiboken6.isValid(chosen)  # the print dialog (and its printer) live until the job is done

    held_printing.release.set()
    qtbot.waitUntil(lambda: not pdf_print.print_thread().busy, timeout=20_000)
    wait_idle(qtbot, clerk_ctx.runner)
    qtbot.waitUntil(lambda: not shiboken6.isValid(chosen))
    assert held_printing.pages == [shown_pages] and len(page_images(printed)) == shown_pages
    # The copy left the application: it is recorded though nobody is there to be told.
    assert audit_actions(db, flat.premises_id) == [
        (
            "statement.print",
            {"date_from": "2025-12-01", "date_to": "2026-11-30", "variant": "personal", "copies": 1},
        )
    ]
