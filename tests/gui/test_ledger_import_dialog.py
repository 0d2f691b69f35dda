"""Importing the ledger from the accounting program, from the ledger screen, as a clerk would."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from iok_desktop.db.database import Database
from iok_desktop.db.models import AuditEntry, LedgerEntry
from iok_desktop.domain.money import format_money
from iok_desktop.gui.clerk.context import ClerkContext
from iok_desktop.gui.clerk.ledger.import_dialog import LedgerImportDialog
from iok_desktop.gui.clerk.ledger.page import LedgerPage
from iok_desktop.gui.clerk.pages import ledger as ledger_page
from tests.gui.support import screenshot, wait_idle
from tests.support.builders import grant_title, make_building, make_person, make_premises

HEADER = "Numer lokalu;Data księgowania;Termin płatności;Rodzaj;Tytuł;Kwota;Numer dokumentu"


def _scene(db: Database) -> int:
    with db.session() as s:
        premises = make_premises(s, make_building(s, street="Zgoda", number="8"), number="12")
        premises.code = "01-005-012"
        grant_title(s, make_person(s, "Anna", "Wróblewska"), premises)
        s.commit()
        return premises.id


def _csv(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "FK_listopad.csv"
    path.write_bytes("\r\n".join([HEADER, *rows]).encode("cp1250") + b"\r\n")
    return path


def _page(qtbot: QtBot, ctx: ClerkContext) -> LedgerPage:
    page = ledger_page.create(ctx)
    assert isinstance(page, LedgerPage)
    qtbot.addWidget(page)
    page.resize(1100, 720)
    page.show()
    page.activated()
    return page


def _open(qtbot: QtBot, page: LedgerPage) -> LedgerImportDialog:
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    dialog = page.import_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.addWidget(dialog)
    return dialog


def _count(db: Database) -> int:
    with db.session() as s:
        return int(s.scalar(select(func.count()).select_from(LedgerEntry)) or 0)


def test_the_import_posts_the_rows_lists_the_rejected_ones_and_refreshes_the_open_ledger(
    qtbot: QtBot, qtmodeltester: Any, db: Database, clerk_ctx: ClerkContext, tmp_path: Path
) -> None:
    premises_id = _scene(db)
    page = _page(qtbot, clerk_ctx)
    page.show_premises(premises_id, "Zgoda 8/12", "01-005-012")
    wait_idle(qtbot, clerk_ctx.runner)
    assert page.model.rowCount() == 0
    dialog = _open(qtbot, page)  # usable without choosing a premises too: the button is in the title row
    path = _csv(
        tmp_path,
        "01-005-012;01.11.2026;10.11.2026;naliczenie;Opłaty za lokal 11/2026 — eksploatacja, fundusz remontowy;"
        "1 234,56;NAL/2026/11/12",
        "01-005-012;2026-11-08;;wpłata;Wpłata — przelew;1000,00;WB/2026/11/456",
        "09-999-999;08.11.2026;;wpłata;Wpłata;10,00;WB/2026/11/457",
        "01-005-012;08.11.2026;;odsetki;Odsetki za zwłokę;12,00;OD/1",
        "01-005-012;31.11.2026;10.12.2026;naliczenie;Opłaty;100,00;NAL/2026/11/13",
        "01-005-012;01.11.2026;;naliczenie;Opłaty bez terminu;100,00;NAL/2026/11/14",
    )
    dialog.import_file(path)
    wait_idle(qtbot, clerk_ctx.runner)
    report = dialog.report
    assert report is not None and (report.rows, report.created, report.rejected_count) == (6, 2, 4)
    assert "FK_listopad.csv (Windows-1250)" in dialog.ui.summary_label.text()
    assert format_money(report.charges_total) in dialog.ui.summary_label.text()
    assert dialog.ui.rejected_view.isVisibleTo(dialog) and not dialog.ui.file_error_label.isVisibleTo(dialog)
    model = dialog.model
    qtmodeltester.check(model)
    assert [model.data(model.index(row, 0)) for row in range(model.rowCount())] == ["4", "5", "6", "7"]
    assert model.data(model.index(0, 1)) == "09-999-999"
    assert model.data(model.index(0, 2)) == "WB/2026/11/457"
    reasons = [model.data(model.index(row, 3)) for row in range(model.rowCount())]
    assert reasons == [
        "Nie ma w ewidencji lokalu o numerze 09-999-999.",
        "Nieznany rodzaj zapisu „odsetki” — użyj: naliczenie, wpłata lub korekta.",
        "Data księgowania 31.11.2026 nie istnieje w kalendarzu.",
        "Brak terminu płatności naliczenia.",
    ]
    # The ledger open behind the dialog shows the posted entries and the new balance.
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=5000)
    wait_idle(qtbot, clerk_ctx.runner)
    assert page.summary_values["closing_balance"].text() == format_money(report.charges_total - 1000)
    dialog.resize(980, 700)
    screenshot(dialog, "ledger_import_report")
    screenshot(page, "ledger_import_page")

    dialog.import_file(path)  # again: nothing twice, and not alarming
    wait_idle(qtbot, clerk_ctx.runner)
    assert dialog.report is not None
    assert (dialog.report.created, dialog.report.already_imported, dialog.report.rejected_count) == (0, 2, 4)
    assert _count(db) == 2
    with db.session() as s:
        summaries = s.scalars(select(AuditEntry).where(AuditEntry.action == "ledger.import")).all()
        assert [a.actor_login for a in summaries] == ["akowalska", "akowalska"]
    qtbot.mouseClick(dialog.ui.button_box.button(QDialogButtonBox.StandardButton.Close), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_a_file_that_cannot_be_read_is_explained_next_to_the_file_field(
    qtbot: QtBot, db: Database, clerk_ctx: ClerkContext, tmp_path: Path
) -> None:
    _scene(db)
    page = _page(qtbot, clerk_ctx)
    dialog = _open(qtbot, page)
    wrong = tmp_path / "kartoteki.csv"
    wrong.write_text("lokal;kwota\r\n01-005-012;12,00\r\n", encoding="utf-8")
    dialog.import_file(wrong)
    wait_idle(qtbot, clerk_ctx.runner)
    assert dialog.ui.file_error_label.isVisibleTo(dialog)
    assert "Brakuje: data_ksiegowania, termin_platnosci, rodzaj, tytul, numer_dokumentu" in (
        dialog.ui.file_error_label.text()
    )
    assert dialog.ui.file_edit.text() == str(wrong) and dialog.report is None
    assert not dialog.ui.rejected_view.isVisibleTo(dialog) and _count(db) == 0
    screenshot(dialog, "ledger_import_unreadable")
    # Typing another name and pressing Import tries again; an empty name is refused before any work.
    dialog.ui.file_edit.clear()
    qtbot.mouseClick(dialog.ui.import_button, Qt.MouseButton.LeftButton)
    assert dialog.ui.file_error_label.isVisibleTo(dialog) and not dialog.running
