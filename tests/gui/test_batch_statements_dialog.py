"""Batch statements from the ledger screen, driven as a clerk would: a building's debtors as one file per
premises, an estate as one combined PDF, Cancel in the middle, and refusals shown next to their fields.
The run goes through reports.batch (worker processes) on SQLite and PostgreSQL."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from iok_desktop.db.database import Database
from iok_desktop.db.models import AuditEntry, Building, LedgerEntry
from iok_desktop.domain.enums import LedgerKind
from iok_desktop.gui.clerk.context import ClerkContext
from iok_desktop.gui.clerk.ledger.batch_dialog import BatchStatementsDialog
from iok_desktop.gui.clerk.ledger.page import LedgerPage
from iok_desktop.gui.clerk.pages import ledger as ledger_page
from iok_desktop.reports.batch import BatchResult, file_name
from tests.gui.pdf_pages import pdf_text
from tests.gui.support import screenshot, wait_idle
from tests.support.builders import CREATED, grant_title, make_building, make_person, make_premises

PERIOD = (date(2026, 1, 1), date(2026, 11, 30))


@dataclass(frozen=True)
class Estate:
    building_id: int
    estate_code: str
    codes: list[str]
    debtors: list[str]


def _entry(premises_id: int, day: date, kind: LedgerKind, amount: Decimal) -> LedgerEntry:
    return LedgerEntry(
        premises_id=premises_id,
        booking_date=day,
        due_date=day if kind is LedgerKind.CHARGE else None,
        kind=kind,
        title="Opłaty za lokal: eksploatacja" if kind is LedgerKind.CHARGE else "Wpłata — przelew",
        amount=amount,
        source="import",
        created_at=CREATED,
    )


def building_with_flats(db: Database, count: int, *, street: str = "Różana", debtors_every: int = 2) -> Estate:
    """``count`` flats with a year of charges; every ``debtors_every``-th one owes the last month."""
    with db.session() as s:
        building = make_building(s, street=street, number="3")
        codes, debtors = [], []
        for n in range(count):
            premises = make_premises(s, building, number=str(n + 1))
            grant_title(s, make_person(s, "Łucja", f"Śliwińska{n}"), premises)
            for month in range(1, 12):
                s.add(_entry(premises.id, date(2026, month, 1), LedgerKind.CHARGE, Decimal("300.00")))
                if not (n % debtors_every == 0 and month == 11):
                    s.add(_entry(premises.id, date(2026, month, 5), LedgerKind.PAYMENT, Decimal("-300.00")))
            codes.append(premises.code)
            if n % debtors_every == 0:
                debtors.append(premises.code)
        s.commit()
        estate_code = s.scalars(select(Building).where(Building.id == building.id)).one().estate.code
        return Estate(building.id, estate_code, codes, debtors)


def saves_recorded(db: Database) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "statement.save")) or 0


def open_batch(qtbot: QtBot, ctx: ClerkContext) -> BatchStatementsDialog:
    page = ledger_page.create(ctx)
    assert isinstance(page, LedgerPage)
    qtbot.addWidget(page)
    page.resize(1100, 720)
    page.show()
    page.activated()
    qtbot.mouseClick(page.batch_button, Qt.MouseButton.LeftButton)
    dialog = page.batch_dialog
    assert dialog is not None
    wait_idle(qtbot, ctx.runner)
    dialog.ui.from_date_edit.setDate(dialog.ui.from_date_edit.date().fromString("01.01.2026", "dd.MM.yyyy"))
    dialog.ui.to_date_edit.setDate(dialog.ui.to_date_edit.date().fromString("30.11.2026", "dd.MM.yyyy"))
    assert dialog.period() == PERIOD
    return dialog


def run_to_end(qtbot: QtBot, dialog: BatchStatementsDialog) -> BatchResult:
    with qtbot.waitSignal(dialog.run_finished, timeout=120_000) as finished:
        qtbot.mouseClick(dialog.ui.start_button, Qt.MouseButton.LeftButton)
    result = finished.args[0]
    assert isinstance(result, BatchResult)
    return result


def test_debtors_of_one_building_get_one_file_each(
    qtbot: QtBot, clerk_ctx: ClerkContext, db: Database, tmp_path: Path
) -> None:
    rozana = building_with_flats(db, 5)
    building_with_flats(db, 3, street="Lipowa")  # another building: not in the run
    dialog = open_batch(qtbot, clerk_ctx)
    combo = dialog.ui.building_combo
    assert combo.count() == 2 and combo.currentIndex() == -1
    dialog.ui.building_radio.setChecked(True)
    combo.setCurrentIndex(combo.findData(rozana.building_id))
    dialog.ui.arrears_check.setChecked(True)
    dialog.ui.out_edit.setText(str(tmp_path / "wyciagi"))
    result = run_to_end(qtbot, dialog)
    screenshot(dialog, "batch_statements_done")

    assert (result.total, result.done, result.cancelled) == (len(rozana.debtors), len(rozana.debtors), False)
    assert sorted(p.name for p in (tmp_path / "wyciagi").iterdir()) == sorted(file_name(c) for c in rozana.debtors)
    text = pdf_text(tmp_path / "wyciagi" / file_name(rozana.debtors[0]))
    assert "Różana 3/1" in text and "Łucja Śliwińska0" in text and "Do zapłaty" in text
    assert dialog.ui.progress_bar.value() == dialog.ui.progress_bar.maximum() == len(rozana.debtors)
    assert saves_recorded(db) == len(rozana.debtors)
    assert dialog.ui.start_button.isEnabled() and dialog.ui.close_button.isEnabled()


def test_an_estate_as_one_combined_file_without_personal_data(
    qtbot: QtBot, clerk_ctx: ClerkContext, db: Database, tmp_path: Path
) -> None:
    lipowa = building_with_flats(db, 3, street="Lipowa")
    building_with_flats(db, 2)
    dialog = open_batch(qtbot, clerk_ctx)
    qtbot.keyClicks(dialog.ui.estate_edit, lipowa.estate_code)  # typing picks "one estate"
    assert dialog.ui.estate_radio.isChecked()
    dialog.ui.anonymous_check.setChecked(True)
    dialog.ui.combined_radio.setChecked(True)
    dialog.ui.out_edit.setText(str(tmp_path / "osiedle"))  # ".pdf" is added
    result = run_to_end(qtbot, dialog)

    combined = tmp_path / "osiedle.pdf"
    assert result.paths == (combined,) and result.done == 3
    text = pdf_text(combined)
    assert all(f"Lipowa 3/{n}" in text for n in (1, 2, 3))
    assert "Różana" not in text and "Śliwińska" not in text
    info = subprocess.run(["pdfinfo", str(combined)], capture_output=True, text=True, check=True).stdout
    pages = next(int(line.split()[1]) for line in info.splitlines() if line.startswith("Pages:"))
    assert pages == result.pages >= 3
    assert saves_recorded(db) == 3


def test_cancel_stops_the_run_and_keeps_what_was_finished(
    qtbot: QtBot, clerk_ctx: ClerkContext, db: Database, tmp_path: Path
) -> None:
    building = building_with_flats(db, 60)
    dialog = open_batch(qtbot, clerk_ctx)
    out = tmp_path / "wszystkie"
    dialog.ui.out_edit.setText(str(out))
    # The clerk presses Cancel as soon as the progress bar appears.
    with qtbot.waitSignal(dialog.run_finished, timeout=120_000) as finished:
        qtbot.mouseClick(dialog.ui.start_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.run is not None and dialog.ui.cancel_button.isEnabled(), timeout=10_000)
        assert not dialog.ui.close_button.isEnabled()
        dialog.reject()  # closing is refused while it runs
        assert dialog.isVisible()
        qtbot.mouseClick(dialog.ui.cancel_button, Qt.MouseButton.LeftButton)
        screenshot(dialog, "batch_statements_cancelling")
    result = finished.args[0]
    assert isinstance(result, BatchResult)
    screenshot(dialog, "batch_statements_cancelled")
    assert result.cancelled
    assert result.total == len(building.codes)
    assert result.done < result.total
    files = sorted(out.glob("*.pdf"))
    assert len(files) == result.done == saves_recorded(db)
    assert not list(out.glob(".*.part"))  # no half-written file
    assert dialog.ui.start_button.isEnabled()


def test_bad_input_is_refused_next_to_its_field_and_kept(
    qtbot: QtBot, clerk_ctx: ClerkContext, db: Database, tmp_path: Path
) -> None:
    building_with_flats(db, 2)
    dialog = open_batch(qtbot, clerk_ctx)
    dialog.resize(640, 520)
    # The period reversed and no folder: both said at once, nothing starts.
    dialog.ui.from_date_edit.setDate(dialog.ui.to_date_edit.date().addDays(1))
    qtbot.mouseClick(dialog.ui.start_button, Qt.MouseButton.LeftButton)
    assert dialog.ui.period_error_label.isVisible() and dialog.ui.period_error_label.text()
    assert dialog.ui.out_error_label.isVisible() and dialog.ui.out_error_label.text()
    assert dialog.run is None and not clerk_ctx.runner.busy
    assert dialog.period() == (date(2026, 12, 1), date(2026, 11, 30))  # as typed
    screenshot(dialog, "batch_statements_refused")

    # An estate code that does not exist: the service's Polish message, next to the code.
    dialog.ui.from_date_edit.setDate(dialog.ui.from_date_edit.date().addMonths(-3))
    dialog.ui.estate_radio.setChecked(True)
    qtbot.keyClicks(dialog.ui.estate_edit, "XYZ")
    folder = tmp_path / "wyciagi"
    folder.mkdir()
    dialog.ui.out_edit.setText(str(folder))
    qtbot.mouseClick(dialog.ui.start_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, clerk_ctx.runner)
    assert not dialog.ui.period_error_label.isVisible() and not dialog.ui.out_error_label.isVisible()
    assert dialog.ui.scope_error_label.isVisible()
    assert "XYZ" in dialog.ui.scope_error_label.text() and "osiedla" in dialog.ui.scope_error_label.text()
    assert dialog.ui.estate_edit.text() == "XYZ"

    # A combined file named like an existing folder, and "one building" with none chosen.
    dialog.ui.combined_radio.setChecked(True)
    dialog.ui.building_radio.setChecked(True)
    qtbot.mouseClick(dialog.ui.start_button, Qt.MouseButton.LeftButton)
    assert dialog.ui.out_error_label.isVisible() and dialog.ui.scope_error_label.isVisible()
    assert dialog.ui.out_edit.text() == str(folder)
    assert saves_recorded(db) == 0 and list(folder.iterdir()) == []
