"""The "Liczniki" screen driven as a clerk would: the replacement wizard, the worklists, import and export.
On SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from iok_desktop.db.database import Database
from iok_desktop.db.models import Meter, MeterReading
from iok_desktop.domain.enums import MeterKind, ReadingStatus
from iok_desktop.gui.clerk.context import ClerkContext
from iok_desktop.gui.clerk.meters import worklists as worklist_tabs
from iok_desktop.gui.clerk.meters.replacement import ReplacementWizard
from iok_desktop.gui.clerk.pages.meters import MetersPage, create
from iok_desktop.services import readings
from iok_desktop.services.context import FixedClock, ServiceContext, resident_actor
from tests.gui.support import ScriptedDialogs, screenshot, wait_idle
from tests.support.builders import (
    accepted_reading,
    grant_title,
    make_account,
    make_building,
    make_meter,
    make_person,
    make_premises,
)


class Scene:
    """Łąkowa 3A: Anna Kowalska's flat 7 (cold water, heat) and four neighbours' cold water meters."""

    def __init__(self, db: Database) -> None:
        with db.session() as s:
            building = make_building(s, street="Łąkowa", number="3A")
            premises = make_premises(s, building, number="7")
            person = make_person(s, "Anna", "Kowalska")
            grant_title(s, person, premises)
            account = make_account(s, person)
            cold = make_meter(s, premises, next_verification_on=date(2026, 12, 1))
            cold.serial_number = "APA-21-0000007"
            accepted_reading(s, cold, date(2026, 10, 31), "812")
            heat = make_meter(s, premises, kind=MeterKind.HEAT, decimal_places=2)
            accepted_reading(s, heat, date(2026, 11, 24), "40")
            self.neighbours: list[int] = []
            for number in range(1, 5):
                neighbour = make_premises(s, building, number=str(number))
                meter = make_meter(s, neighbour, next_verification_on=date(2026, 10, number))
                accepted_reading(s, meter, date(2026, 10, 31), "100")
                self.neighbours.append(meter.id)
            s.commit()
            self.cold_id, self.heat_id, self.premises_id = cold.id, heat.id, premises.id
            self.account_id, self.account_login = account.id, account.login

    def resident(self, session: Any, clock: FixedClock) -> ServiceContext:
        return ServiceContext(session, resident_actor(self.account_id, self.account_login), clock)


@pytest.fixture
def scene(db: Database) -> Scene:
    return Scene(db)


def _page(qtbot: QtBot, ctx: ClerkContext) -> MetersPage:
    page = create(ctx)
    assert isinstance(page, MetersPage)
    qtbot.addWidget(page)
    page.resize(1180, 680)
    page.show()
    page.activated()
    wait_idle(qtbot, ctx.runner)
    return page


def _loaded(qtbot: QtBot, ctx: ClerkContext, model: Any, rows: int) -> None:
    qtbot.waitUntil(lambda: model.rowCount() == rows and not model.canFetchMore(), timeout=10_000)
    wait_idle(qtbot, ctx.runner)


def test_replacing_a_meter_step_by_step_with_a_field_error_and_a_lower_final_reading(
    qtbot: QtBot,
    qtmodeltester: Any,
    db: Database,
    clock: FixedClock,
    clerk_ctx: ClerkContext,
    dialogs: ScriptedDialogs,
    scene: Scene,
) -> None:
    with db.session() as s:  # the resident's reading dated after the swap: the replacement rejects it
        stale = readings.submit_reading(scene.resident(s, clock), scene.cold_id, "813,5", date(2026, 11, 24))
        s.commit()
    page = _page(qtbot, clerk_ctx)
    qtbot.mouseClick(page.replace_button, Qt.MouseButton.LeftButton)
    wizard = page.wizard
    assert isinstance(wizard, ReplacementWizard) and wizard.isVisible()
    search = wizard.premises_page.search
    with qtbot.waitSignal(search.results_shown, timeout=5000):
        qtbot.keyClicks(search.search_edit, "kowalska")
    wait_idle(qtbot, clerk_ctx.runner)
    screenshot(wizard, "meters_wizard_1_premises")
    qtbot.keyClick(search.search_edit, Qt.Key.Key_Return)
    wait_idle(qtbot, clerk_ctx.runner)
    assert wizard.currentPage() is wizard.meter_page
    meter_model = wizard.meter_page.model
    assert meter_model.row_at(0).serial_number == "APA-21-0000007"
    qtmodeltester.check(meter_model)
    screenshot(wizard, "meters_wizard_2_meter")
    wizard.button(QWizard.WizardButton.NextButton).click()
    details = wizard.details_page
    assert wizard.currentPage() is details
    ui = details.ui
    assert ui.replacement_date_edit.text() == "25.11.2026"
    assert ui.legalisation_edit.text() == "25.11.2031"  # a water meter: + 5 years
    assert ui.new_initial_edit.text() == "0,000" and ui.final_unit_label.text() == "m³"
    assert "812,000 m³" in ui.meter_summary_label.text()
    ui.replacement_date_edit.selectAll()
    qtbot.keyClicks(ui.replacement_date_edit, "20.11.2026")
    assert ui.legalisation_edit.text() == "20.11.2031"  # follows the date until typed over
    qtbot.keyClicks(ui.final_value_edit, "811,5")
    commit = wizard.button(QWizard.WizardButton.CommitButton)
    assert commit.isVisible() and commit.isEnabled()
    commit.click()  # no serial number yet: refused next to its field, nothing typed lost
    wait_idle(qtbot, clerk_ctx.runner)
    assert wizard.currentPage() is details
    assert ui.new_serial_error_label.isVisibleTo(details)
    assert ui.new_serial_error_label.text() == "Podaj numer fabryczny nowego licznika."
    assert ui.final_value_edit.text() == "811,5" and ui.replacement_date_edit.text() == "20.11.2026"
    assert not ui.final_value_error_label.isVisibleTo(details)
    screenshot(wizard, "meters_wizard_3_field_error")
    qtbot.keyClicks(ui.new_serial_edit, "zw-2026-0001")
    dialogs.confirm_answers = [False]
    commit.click()  # lower than 812: the clerk is asked and says no
    wait_idle(qtbot, clerk_ctx.runner)
    kind, _title, question = dialogs.messages[-1]
    assert kind == "confirm" and "812,000 m³" in question
    assert wizard.currentPage() is details and ui.final_value_error_label.isVisibleTo(details)
    assert not ui.new_serial_error_label.isVisibleTo(details)
    commit.click()  # asked again; yes this time
    wait_idle(qtbot, clerk_ctx.runner)
    assert wizard.currentPage() is wizard.result_page
    summary = wizard.result_page.summary_label.text()
    assert "811,500 m³" in summary and "ZW-2026-0001" in summary and "20.11.2031" in summary
    assert "24.11.2026: 813,500 m³" in wizard.result_page.rejected_label.text()
    screenshot(wizard, "meters_wizard_4_result")
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert not wizard.isVisible()
    wait_idle(qtbot, clerk_ctx.runner)
    with db.session() as s:
        old = s.get(Meter, scene.cold_id)
        assert old is not None and old.archived_on == date(2026, 11, 20)
        new = s.scalars(select(Meter).where(Meter.replaces_meter_id == scene.cold_id)).one()
        assert (new.serial_number, new.next_verification_on) == ("ZW-2026-0001", date(2031, 11, 20))
        rejected = s.get(MeterReading, stale.reading.id)
        assert rejected is not None and rejected.status is ReadingStatus.REJECTED
        final = s.scalars(
            select(MeterReading).where(MeterReading.meter_id == scene.cold_id, MeterReading.value == Decimal("811.5"))
        ).one()
        assert final.status is ReadingStatus.ACCEPTED


def test_a_bad_date_is_refused_before_anything_is_sent(
    qtbot: QtBot, clerk_ctx: ClerkContext, scene: Scene, db: Database
) -> None:
    page = _page(qtbot, clerk_ctx)
    page.verification_tab.days_spin.setValue(10)
    page.tabs.setCurrentWidget(page.verification_tab)
    page.verification_tab.reload()
    _loaded(qtbot, clerk_ctx, page.verification_tab.model, 5)
    view = page.verification_tab.view
    row = next(i for i, r in enumerate(page.verification_tab.model.rows()) if r.meter_id == scene.cold_id)
    view.selectRow(row)
    qtbot.mouseClick(page.verification_tab.replace_button, Qt.MouseButton.LeftButton)
    wizard = page.wizard
    assert wizard is not None
    wait_idle(qtbot, clerk_ctx.runner)
    assert wizard.currentPage() is wizard.meter_page  # the premises is known: straight to its meters
    assert wizard.meter_page.meter() is not None and wizard.meter_page.meter().id == scene.cold_id  # type: ignore[union-attr]
    wizard.button(QWizard.WizardButton.NextButton).click()
    ui = wizard.details_page.ui
    qtbot.keyClicks(ui.final_value_edit, "813")
    qtbot.keyClicks(ui.new_serial_edit, "N-1")
    ui.legalisation_edit.clear()
    qtbot.keyClicks(ui.legalisation_edit, "31.02.2031")
    wizard.button(QWizard.WizardButton.CommitButton).click()
    wait_idle(qtbot, clerk_ctx.runner)
    assert ui.legalisation_error_label.text() == "Data 31.02.2031 nie istnieje w kalendarzu."
    assert ui.legalisation_edit.text() == "31.02.2031" and wizard.currentPage() is wizard.details_page
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Meter).where(Meter.archived_on.is_not(None))) == 0
    wizard.close()


def test_worklists_fill_page_by_page_and_follow_the_filters(
    qtbot: QtBot,
    qtmodeltester: Any,
    monkeypatch: pytest.MonkeyPatch,
    db: Database,
    clock: FixedClock,
    clerk_ctx: ClerkContext,
    scene: Scene,
) -> None:
    monkeypatch.setattr(worklist_tabs, "PAGE_SIZE", 2)
    page = _page(qtbot, clerk_ctx)
    tab = page.no_reading_tab
    pages: list[None] = []
    tab.model.page_loaded.connect(lambda: pages.append(None))
    tab.reload()
    _loaded(qtbot, clerk_ctx, tab.model, 5)  # the neighbours' four and Anna's cold water; heat was read
    assert len(pages) >= 3  # two rows a page, fetched as the view asked for more
    qtmodeltester.check(tab.model)
    rows = tab.model.rows()
    assert [r.premises_code for r in rows] == sorted(r.premises_code for r in rows)  # address order
    assert rows[0].address == "ul. Łąkowa 3A/7, 70-001 Szczecin"
    assert scene.heat_id not in [r.meter_id for r in rows]
    assert tab.model.data(tab.model.index(0, tab.model.column_of_key("window"))) == "23.11.2026–07.12.2026"
    assert tab.model.data(tab.model.index(0, tab.model.column_of_key("last"))) == "31.10.2026"
    assert tab.count_label.text() == "Liczniki: 5, lokale: 5"
    assert "23.11.2026–07.12.2026" in tab.windows_label.text()
    screenshot(page, "meters_tab_no_reading")
    with db.session() as s:  # a reading comes in: the meter leaves the list
        readings.submit_reading(scene.resident(s, clock), scene.cold_id, "815", date(2026, 11, 25))
        s.commit()
    qtbot.mouseClick(tab.refresh_button, Qt.MouseButton.LeftButton)
    _loaded(qtbot, clerk_ctx, tab.model, 4)
    assert scene.cold_id not in [r.meter_id for r in tab.model.rows()]

    due = page.verification_tab
    page.tabs.setCurrentWidget(due)
    _loaded(qtbot, clerk_ctx, due.model, 6)  # within 60 days: four expired, Anna's cold (6 days) and heat (37)
    assert [r.meter_id for r in due.model.rows()] == [*scene.neighbours, scene.cold_id, scene.heat_id]
    due.days_spin.setValue(10)  # debounced: reloads when the clerk stops changing it
    _loaded(qtbot, clerk_ctx, due.model, 5)
    qtmodeltester.check(due.model)
    last = due.model.rows()[-1]
    assert last.meter_id == scene.cold_id and last.days_left == 6 and not last.expired
    status = due.model.data(due.model.index(0, due.model.column_of_key("days")))
    assert status == "−55"
    assert due.model.data(due.model.index(0, 0), Qt.ItemDataRole.TextAlignmentRole) is None
    screenshot(page, "meters_tab_legalisation")
    page.deactivated()


def _csv(tmp_path: Path, *lines: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / "kolektor.csv"
    header = "numer_licznika;rodzaj;data;stan;uwagi (ignorowane)"
    path.write_bytes("\r\n".join([header, *lines]).encode(encoding) + b"\r\n")
    return path


def test_import_shows_the_rejected_rows_with_their_lines(
    qtbot: QtBot, qtmodeltester: Any, db: Database, clerk_ctx: ClerkContext, scene: Scene, tmp_path: Path
) -> None:
    page = _page(qtbot, clerk_ctx)
    dialog = page.open_import()
    path = _csv(
        tmp_path,
        "APA-21-0000007;ZW;25.11.2026;815,25;odczyt w łazience",
        "APA-21-0000007;ZW;24.11.2026;800",
        "NIEMA-99;CW;2026-11-24;3",
        "APA-21-0000007;XX;24.11.2026;1",
        "APA-21-0000007;ZW;30.02.2026;1",
        encoding="cp1250",
    )
    dialog.import_file(path)
    wait_idle(qtbot, clerk_ctx.runner)
    report = dialog.report
    assert report is not None and (report.created, report.rejected_count) == (1, 4)
    summary = dialog.ui.summary_label.text()
    assert "kolektor.csv (Windows-1250)" in summary and report.rows == 5
    assert dialog.ui.rejected_view.isVisibleTo(dialog)
    model = dialog.model
    qtmodeltester.check(model)
    assert [model.data(model.index(row, 0)) for row in range(model.rowCount())] == ["3", "4", "5", "6"]
    reasons = [model.data(model.index(row, 2)) for row in range(model.rowCount())]
    assert "wcześniejsza niż ostatni zaakceptowany" in reasons[0]
    assert reasons[1] == "Nie ma w ewidencji licznika o numerze NIEMA-99 (CW)."
    assert reasons[3] == "Data 30.02.2026 nie istnieje w kalendarzu."
    dialog.resize(960, 640)
    screenshot(dialog, "meters_import_report")
    dialog.import_file(path)  # again: nothing twice
    wait_idle(qtbot, clerk_ctx.runner)
    assert dialog.report is not None and (dialog.report.created, dialog.report.unchanged) == (0, 1)
    with db.session() as s:
        assert (
            s.scalar(select(func.count()).select_from(MeterReading).where(MeterReading.meter_id == scene.cold_id)) == 2
        )


def test_a_file_that_cannot_be_read_is_explained_next_to_the_file_field(
    qtbot: QtBot, clerk_ctx: ClerkContext, scene: Scene, tmp_path: Path
) -> None:
    page = _page(qtbot, clerk_ctx)
    dialog = page.open_import()
    garbage = tmp_path / "zdjecie.csv"
    garbage.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    dialog.import_file(garbage)
    wait_idle(qtbot, clerk_ctx.runner)
    assert dialog.ui.file_error_label.isVisibleTo(dialog)
    assert "nie jest plik tekstowy" in dialog.ui.file_error_label.text()
    assert dialog.ui.summary_label.text() == "Nic nie zaimportowano."
    assert dialog.ui.file_edit.text() == str(garbage) and dialog.report is None
    screenshot(dialog, "meters_import_unreadable")


def test_export_writes_the_period_to_the_chosen_file(
    qtbot: QtBot, clerk_ctx: ClerkContext, scene: Scene, tmp_path: Path
) -> None:
    page = _page(qtbot, clerk_ctx)
    dialog = page.open_export()
    wait_idle(qtbot, clerk_ctx.runner)
    assert dialog.period() == (date(2026, 11, 23), date(2026, 12, 7))  # the window that decides today
    dialog.ui.from_date_edit.setDate(QDate(2026, 10, 1))
    dialog.ui.to_date_edit.setDate(QDate(2026, 10, 31))
    assert dialog.suggested_name() == "odczyty_2026-10-01_2026-10-31.csv"
    dialog.export_to(tmp_path / "rozliczenie")
    wait_idle(qtbot, clerk_ctx.runner)
    written = tmp_path / "rozliczenie.csv"
    assert dialog.summary is not None and dialog.summary.rows == 5
    lines = written.read_bytes().decode("utf-8-sig").splitlines()
    assert len(lines) == 6 and lines[1].split(";")[5:7] == ["31.10.2026", "812,000"]
    assert str(written) in dialog.ui.result_label.text()
    screenshot(dialog, "meters_export")
    dialog.ui.to_date_edit.setDate(QDate(2026, 9, 1))
    dialog.export_to(tmp_path / "wstecz.csv")
    wait_idle(qtbot, clerk_ctx.runner)
    assert dialog.ui.period_error_label.text() == "Data końcowa jest wcześniejsza niż początkowa."
    assert not (tmp_path / "wstecz.csv").exists()
