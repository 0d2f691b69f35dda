"""The financial ledger screen, driven as a clerk would: find a premises, read its ledger by period,
post payments and corrections. Ten years of monthly history, on SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from iok_desktop.db.database import Database
from iok_desktop.db.models import LedgerEntry
from iok_desktop.domain.enums import LedgerKind
from iok_desktop.domain.money import format_money
from iok_desktop.gui.clerk.context import ClerkContext
from iok_desktop.gui.clerk.ledger.dialogs import CorrectionDialog, PaymentDialog
from iok_desktop.gui.clerk.ledger.model import LedgerSource
from iok_desktop.gui.clerk.ledger.page import LedgerPage
from iok_desktop.gui.clerk.ledger.period import LATEST, Period, Preset, preset_period, year_ago
from iok_desktop.gui.clerk.main_window import MainWindow
from iok_desktop.gui.clerk.pages import PageSpec
from iok_desktop.gui.clerk.pages import ledger as ledger_page
from iok_desktop.services import audit, ledger
from iok_desktop.services.ledger import Statement
from tests.gui.support import ScriptedDialogs, screenshot, wait_idle
from tests.support.builders import CREATED, grant_title, make_building, make_person, make_premises

TODAY = date(2026, 11, 25)  # the office day of the test clock
PAYMENT_TITLE = "Wpłata — przelew na rachunek indywidualny"
CHARGE_TITLE = "Opłaty za lokal {period}: eksploatacja, fundusz remontowy, zaliczki na wodę i c.o."
BAD_AMOUNT = "Kwota musi być liczbą z najwyżej dwoma miejscami po przecinku, np. 1234,56."


def D(text: str) -> Decimal:  # noqa: N802 - reads like a literal
    return Decimal(text)


@dataclass(frozen=True)
class Scene:
    premises_id: int
    search: str


def _months() -> list[tuple[int, int]]:
    """December 2016 … November 2026: ten years of months."""
    return [(2016 + (m + 11) // 12, (m + 11) % 12 + 1) for m in range(120)]


def _charge_amount(year: int) -> Decimal:
    # About 4.5 % more each January, in grosze.
    return (D("318.40") * D("1.045") ** (year - 2016)).quantize(D("0.01"))


def ledger_scene(db: Database, *, street: str = "Zgoda", surname: str = "Wróblewska", overpaid: bool = False) -> Scene:
    """A flat with two holders and 240 ledger rows written directly (as an import would).

    The debtor paid only half in March 2019 (history before any recent period) and 100 zł less than
    charged from July 2026; the other one rounds every payment up to the next 50 zł (overpaid).
    """
    with db.session() as s:
        building = make_building(s, street=street, number="8")
        premises = make_premises(s, building, number="12")
        grant_title(s, make_person(s, "Anna", surname), premises)
        grant_title(s, make_person(s, "Piotr", surname[:-1] + "i"), premises)
        for year, month in _months():
            charge = _charge_amount(year)
            paid = charge
            if overpaid:
                paid = (charge / 50).to_integral_value(rounding="ROUND_CEILING") * 50
            elif (year, month) == (2019, 3):
                paid = (charge / 2).quantize(D("0.01"))
            elif (year, month) >= (2026, 7):
                paid = charge - 100
            s.add(
                LedgerEntry(
                    premises_id=premises.id,
                    booking_date=date(year, month, 1),
                    due_date=date(year, month, 10),
                    kind=LedgerKind.CHARGE,
                    title=CHARGE_TITLE.format(period=f"{month:02d}/{year}"),
                    amount=charge,
                    source="import",
                    document_id=None,
                    created_at=CREATED,
                )
            )
            s.add(
                LedgerEntry(
                    premises_id=premises.id,
                    booking_date=date(year, month, 8),
                    kind=LedgerKind.PAYMENT,
                    title=PAYMENT_TITLE,
                    amount=-paid,
                    source="import",
                    document_id=f"WB/{year}/{month:02d}/{premises.id}",
                    created_at=CREATED,
                )
            )
        s.commit()
        return Scene(premises.id, surname[:5].lower())


def _statement(ctx: ClerkContext, premises_id: int, period: Period) -> Statement:
    return ctx.backend.call(ctx.actor, ledger.statement, premises_id, *period.statement_range())


def _page(qtbot: QtBot, ctx: ClerkContext, preset: Preset | None = None) -> LedgerPage:
    page = ledger_page.create(ctx)
    assert isinstance(page, LedgerPage)
    qtbot.addWidget(page)
    page.resize(1100, 720)
    page.show()
    page.activated()
    if preset is not None:
        page.set_preset(preset)
    return page


def _choose(qtbot: QtBot, page: LedgerPage, text: str) -> None:
    """Type in the search, then Enter on the first result, as at the counter."""
    with qtbot.waitSignal(page.search.results_shown, timeout=5000):
        qtbot.keyClicks(page.search.search_edit, text)
    wait_idle(qtbot, page.ctx.runner)
    qtbot.keyClick(page.search.search_edit, Qt.Key.Key_Return)
    wait_idle(qtbot, page.ctx.runner)


def _settle(qtbot: QtBot, page: LedgerPage) -> None:
    """Wait until Qt has laid out what the last answers changed: no label of the header is cut off."""
    labels = (page.balance_label, page.account_label, page.address_label, *page.summary_values.values())
    qtbot.waitUntil(lambda: all(label.width() >= label.sizeHint().width() for label in labels), timeout=3000)


def _fits(qtbot: QtBot, label: QLabel) -> None:
    """A wrapped message shows in full once the dialog has grown for it."""
    qtbot.waitUntil(lambda: label.height() >= label.heightForWidth(label.width()), timeout=3000)


def _summary(page: LedgerPage) -> dict[str, str]:
    return {key: label.text() for key, label in page.summary_values.items()}


def _expected_summary(statement: Statement) -> dict[str, str]:
    return {
        "opening_balance": format_money(statement.opening_balance),
        "total_charges": format_money(statement.total_charges),
        "total_payments": format_money(statement.total_payments),
        "closing_balance": format_money(statement.closing_balance),
    }


# --- the period presets (no database) --------------------------------------------------------


def test_presets_give_the_periods_a_clerk_expects() -> None:
    assert preset_period(Preset.LAST_12_MONTHS, TODAY) == Period(date(2025, 11, 26), TODAY)
    assert preset_period(Preset.THIS_YEAR, TODAY) == Period(date(2026, 1, 1), date(2026, 12, 31))
    assert preset_period(Preset.EVERYTHING, TODAY) == Period(None, None)
    assert year_ago(date(2028, 2, 29)) == date(2027, 3, 1)
    assert Period(None, None).statement_range()[1] == LATEST
    assert Period(date(2026, 1, 1), None).contains(date(2030, 1, 1))


# --- reading the ledger ----------------------------------------------------------------------


def test_ten_years_load_a_page_at_a_time_with_the_right_running_balance(
    qtbot: QtBot, db: Database, clerk_ctx: ClerkContext, qtmodeltester: ModelTester, monkeypatch: pytest.MonkeyPatch
) -> None:
    scene = ledger_scene(db)
    page = _page(qtbot, clerk_ctx, Preset.EVERYTHING)
    assert page.content_stack.currentIndex() == 0  # "find a premises" until one is chosen

    _choose(qtbot, page, "wrobl")

    model = page.model
    assert page.content_stack.currentIndex() == 1
    assert model.rowCount() == 100  # the first page only
    assert "100 z 240" in page.status_label.text()
    qtmodeltester.check(model)
    model.fetchMore()
    wait_idle(qtbot, clerk_ctx.runner)
    assert model.rowCount() == 200
    model.fetchMore()
    wait_idle(qtbot, clerk_ctx.runner)
    assert model.rowCount() == 240 and not model.canFetchMore()
    assert page.source is not None and page.source.queries == 3  # one keyset query per page

    statement = _statement(clerk_ctx, scene.premises_id, Period(None, None))
    assert [(r.id, r.running_balance) for r in model.rows()] == [(r.id, r.running_balance) for r in statement.entries]
    assert _summary(page) == _expected_summary(statement)
    # Half of March 2019 and 100 zł a month since July 2026 are unpaid.
    march_2019 = _charge_amount(2019) - (_charge_amount(2019) / 2).quantize(D("0.01"))
    assert statement.closing_balance == march_2019 + 500
    assert page.balance_label.text() == f"do zapłaty {format_money(march_2019 + 500)}"
    assert page.address_label.text() == "ul. Zgoda 8/12, 70-001 Szczecin"
    assert page.holders_label.text().endswith("Anna Wróblewska, Piotr Wróblewski")
    assert len(page.account_label.text().split(" ")) == 7 and page.account_label.text()[2] == " "

    # What the table shows: Polish dates and amounts, right-aligned, empty where a column does not apply.
    last = model.rowCount() - 1
    cells = {model.column_key(c): model.index(last, c).data() for c in range(model.columnCount())}
    assert cells["booking_date"] == "08.11.2026" and cells["kind"] == "wpłata" and cells["charge"] == ""
    assert cells["payment"] == format_money(_charge_amount(2026) - 100)
    assert cells["balance"] == format_money(statement.closing_balance)
    balance_column = model.column_of_key("balance")
    assert model.index(0, balance_column).data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight

    # The keyset source also finds an offset it has not reached yet (walking from the nearest one),
    # and splits a request bigger than the service's page limit (a refresh of many rows).
    fresh = LedgerSource(clerk_ctx, scene.premises_id, Period(None, None))
    assert [r.id for r in fresh(150, 60)] == [r.id for r in statement.entries[150:210]]
    monkeypatch.setattr(ledger, "MAX_PAGE", 50)
    fresh = LedgerSource(clerk_ctx, scene.premises_id, Period(None, None))
    assert [r.running_balance for r in fresh(0, 120)] == [r.running_balance for r in statement.entries[:120]]
    assert fresh.queries == 3


def test_a_period_narrows_the_rows_and_carries_the_balance_in(
    qtbot: QtBot, db: Database, clerk_ctx: ClerkContext, dialogs: ScriptedDialogs
) -> None:
    scene = ledger_scene(db)
    page = _page(qtbot, clerk_ctx, Preset.THIS_YEAR)
    _choose(qtbot, page, "zgoda 8/12")

    this_year = Period(date(2026, 1, 1), date(2026, 12, 31))
    statement = _statement(clerk_ctx, scene.premises_id, this_year)
    assert page.model.rowCount() == 22  # January to November: a charge and a payment each
    assert statement.opening_balance != 0  # March 2019 is still half unpaid
    assert _summary(page) == _expected_summary(statement)
    assert page.summary_captions["opening_balance"].text().endswith("01.01.2026")
    first = page.model.row_at(0)
    assert first.running_balance == statement.opening_balance + first.amount

    page.set_period(date(2025, 1, 1), date(2025, 12, 31))
    wait_idle(qtbot, clerk_ctx.runner)
    assert page.preset() is Preset.CUSTOM
    assert page.model.rowCount() == 24
    assert {r.booking_date.year for r in page.model.rows()} == {2025}
    assert _summary(page) == _expected_summary(
        _statement(clerk_ctx, scene.premises_id, Period(date(2025, 1, 1), date(2025, 12, 31)))
    )

    # The service refuses a period that ends before it starts: said next to the dates.
    page.set_period(date(2025, 12, 31), date(2025, 1, 1))
    wait_idle(qtbot, clerk_ctx.runner)
    assert page.period_error_label.text() == "Data początkowa okresu nie może być późniejsza niż końcowa."
    assert page.model.rowCount() == 0 and dialogs.texts() == []

    # The clerk's column widths and the period preset are remembered for the next time.
    kind = page.model.column_of_key("kind")
    page.table.horizontalHeader().resizeSection(kind, 140)
    page.set_preset(Preset.EVERYTHING)
    wait_idle(qtbot, clerk_ctx.runner)
    again = _page(qtbot, clerk_ctx)
    assert again.table.horizontalHeader().sectionSize(kind) == 140
    assert again.preset() is Preset.EVERYTHING


def test_an_overpaid_flat_says_nadplata(qtbot: QtBot, db: Database, clerk_ctx: ClerkContext) -> None:
    scene = ledger_scene(db, street="Bałtycka", surname="Zielińska", overpaid=True)
    window = MainWindow(clerk_ctx, [PageSpec("ledger", "Kartoteka finansowa", "ledger", ledger_page.create)])
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    page = window.page("ledger")
    assert isinstance(page, LedgerPage)
    page.set_preset(Preset.LAST_12_MONTHS)
    with qtbot.waitSignal(page.search.results_shown, timeout=5000):
        qtbot.keyClicks(page.search.search_edit, "ziel")
    wait_idle(qtbot, clerk_ctx.runner)
    assert page.search.results_list.isVisibleTo(page) and page.search.height() > page.search_slot.height()
    screenshot(window, "ledger_search")
    qtbot.keyClick(page.search.search_edit, Qt.Key.Key_Return)
    wait_idle(qtbot, clerk_ctx.runner)
    assert not page.search.results_list.isVisibleTo(page)  # the drop-down folds away once chosen

    due = clerk_ctx.backend.call(clerk_ctx.actor, ledger.amount_due, scene.premises_id)
    assert due.amount < 0
    assert page.balance_label.text() == f"nadpłata {format_money(-due.amount)}"
    assert page.balance_frame.property("state") == "credit"
    assert page.model.rowCount() == 24
    _settle(qtbot, page)
    screenshot(window, "ledger_overpaid")


def test_a_debtor_at_the_counter(qtbot: QtBot, db: Database, clerk_ctx: ClerkContext) -> None:
    ledger_scene(db)
    window = MainWindow(clerk_ctx, [PageSpec("ledger", "Kartoteka finansowa", "ledger", ledger_page.create)])
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    page = window.page("ledger")
    assert isinstance(page, LedgerPage)
    page.set_preset(Preset.LAST_12_MONTHS)
    _choose(qtbot, page, "wrobl")
    assert page.balance_label.text().startswith("do zapłaty ")
    assert page.balance_frame.property("state") == "debt"
    page.select_row(page.model.rowCount() - 2)
    _settle(qtbot, page)
    screenshot(window, "ledger_debtor")


# --- posting ---------------------------------------------------------------------------------


def _ok(dialog: PaymentDialog | CorrectionDialog) -> None:
    dialog.button_box.button(QDialogButtonBox.StandardButton.Ok).click()


def test_a_refused_payment_says_why_next_to_the_field_and_keeps_what_was_typed(
    qtbot: QtBot, db: Database, clerk_ctx: ClerkContext, dialogs: ScriptedDialogs
) -> None:
    scene = ledger_scene(db)
    page = _page(qtbot, clerk_ctx)
    _choose(qtbot, page, "wrobl")
    rows_before = page.model.rowCount()
    page.payment_button.click()
    dialog = page.payment_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.title_text() == "Wpłata w kasie spółdzielni" and dialog.booking_date() == TODAY
    assert "Zgoda 8/12" in dialog.ui.premises_label.text()

    for typed, message in [("12,345", BAD_AMOUNT), ("abc", BAD_AMOUNT), ("", "Podaj kwotę."), ("-5", None)]:
        dialog.ui.amount_edit.setText(typed)
        dialog.ui.document_edit.setText("KP/112/2026")
        _ok(dialog)
        wait_idle(qtbot, clerk_ctx.runner)
        assert dialog.isVisible()
        assert dialog.ui.amount_error_label.isVisibleTo(dialog)
        if message is not None:
            assert dialog.ui.amount_error_label.text() == message
        else:
            assert dialog.ui.amount_error_label.text().startswith("Kwota wpłaty musi być większa od zera")
        assert dialog.ui.amount_edit.text() == typed
        assert dialog.ui.amount_edit.property("invalid") == "true"
        assert dialog.ui.document_edit.text() == "KP/112/2026"
    dialog.ui.amount_edit.setText("12,345")
    _ok(dialog)
    wait_idle(qtbot, clerk_ctx.runner)
    _fits(qtbot, dialog.ui.amount_error_label)
    screenshot(dialog, "ledger_payment_refused")

    # A date a year off by a typo: the message goes under the date, the amount is fine now.
    dialog.ui.amount_edit.setText("250,00")
    dialog.ui.booking_date_edit.setDate(dialog.ui.booking_date_edit.date().addYears(1))
    _ok(dialog)
    wait_idle(qtbot, clerk_ctx.runner)
    assert not dialog.ui.amount_error_label.isVisibleTo(dialog)
    assert dialog.ui.booking_date_error_label.text().startswith("Data księgowania może być najpóźniej 31 dni")
    assert dialog.ui.amount_edit.text() == "250,00"
    assert dialogs.texts() == []

    dialog.reject()
    wait_idle(qtbot, clerk_ctx.runner)
    assert page.model.rowCount() == rows_before
    entries = clerk_ctx.backend.call(clerk_ctx.actor, audit.list_entries, premises_id=scene.premises_id)
    assert entries == []


def test_a_payment_appears_selected_with_its_running_balance_and_is_audited(
    qtbot: QtBot, db: Database, clerk_ctx: ClerkContext
) -> None:
    scene = ledger_scene(db)
    page = _page(qtbot, clerk_ctx, Preset.EVERYTHING)
    _choose(qtbot, page, "wrobl")
    assert page.model.rowCount() == 100  # the new entry will come after rows not loaded yet
    rows_before = 240
    balance_before = _statement(clerk_ctx, scene.premises_id, Period(None, None)).closing_balance
    due_before = clerk_ctx.backend.call(clerk_ctx.actor, ledger.amount_due, scene.premises_id).amount

    dialog = page.open_payment_dialog()
    assert dialog is not None
    qtbot.keyClicks(dialog.ui.amount_edit, "1 234,56")
    dialog.ui.title_combo.setCurrentIndex(1)
    dialog.ui.document_edit.setText("KP/112/2026")
    qtbot.keyClick(dialog.ui.amount_edit, Qt.Key.Key_Return)
    wait_idle(qtbot, clerk_ctx.runner)
    qtbot.waitUntil(lambda: page.selected_entry() is not None, timeout=5000)

    assert not dialog.isVisible()
    assert page.model.rowCount() == rows_before + 1  # pages fetched until the new row was there
    posted = page.selected_entry()
    assert posted is not None
    assert (posted.kind, posted.amount, posted.booking_date) == (LedgerKind.PAYMENT, D("-1234.56"), TODAY)
    assert posted.title == PAYMENT_TITLE and posted.document_id == "KP/112/2026"
    assert posted.running_balance == balance_before - D("1234.56")
    new_index = page.model.index(rows_before, page.model.column_of_key("payment"))
    assert new_index.data() == "1\u00a0234,56\u00a0zł"
    assert page.table.viewport().rect().contains(page.table.visualRect(new_index).center())  # scrolled to it
    new_due = due_before - D("1234.56")
    assert page.balance_label.text() == f"nadpłata {format_money(-new_due)}"
    assert page.summary_values["total_payments"].text() == format_money(
        _statement(clerk_ctx, scene.premises_id, page.period()).total_payments
    )
    assert "1\u00a0234,56\u00a0zł" in page.status_label.text()

    entries = clerk_ctx.backend.call(clerk_ctx.actor, audit.list_entries, premises_id=scene.premises_id)
    assert [(e.action, e.entity_id, e.actor_login) for e in entries] == [("ledger.payment", posted.id, "akowalska")]
    assert entries[0].details["new"]["document_id"] == "KP/112/2026"


def test_a_correction_linked_to_the_selected_entry(qtbot: QtBot, db: Database, clerk_ctx: ClerkContext) -> None:
    scene = ledger_scene(db)
    page = _page(qtbot, clerk_ctx, Preset.THIS_YEAR)
    _choose(qtbot, page, "wrobl")
    # The clerk clicks November's charge.
    november = next(
        i for i, r in enumerate(page.model.rows()) if r.kind is LedgerKind.CHARGE and r.booking_date.month == 11
    )
    rect = page.table.visualRect(page.model.index(november, page.model.column_of_key("title")))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    charge = page.selected_entry()
    assert charge is not None and charge.kind is LedgerKind.CHARGE

    page.correction_button.click()
    dialog = page.correction_dialog
    assert dialog is not None and dialog.isVisible()
    ui = dialog.ui
    assert ui.corrects_entry_check.isChecked() and "01.11.2026" in ui.corrects_entry_check.text()
    assert dialog.title_text() == f"Korekta: {charge.title}"[:200]
    assert not ui.due_date_edit.isEnabled()

    ui.amount_edit.setText("0")
    _ok(dialog)
    wait_idle(qtbot, clerk_ctx.runner)
    assert ui.amount_error_label.text().startswith("Kwota korekty nie może być zerowa")
    assert ui.amount_edit.text() == "0"
    _fits(qtbot, ui.amount_error_label)
    screenshot(dialog, "ledger_correction_refused")

    ui.amount_edit.setText("-50,00")
    ui.due_date_check.setChecked(True)
    assert ui.due_date_edit.isEnabled()
    _ok(dialog)
    wait_idle(qtbot, clerk_ctx.runner)
    qtbot.waitUntil(lambda: (page.selected_entry() or charge).id != charge.id, timeout=5000)

    correction = page.selected_entry()
    assert correction is not None and not dialog.isVisible()
    assert (correction.kind, correction.amount, correction.corrects_entry_id) == (
        LedgerKind.CORRECTION,
        D("-50.00"),
        charge.id,
    )
    assert correction.due_date == TODAY and correction.payment == D("50.00")
    title_column = page.model.column_of_key("title")
    tooltip = page.model.index(page.model.row_of_key(correction.id) or 0, title_column).data(
        Qt.ItemDataRole.ToolTipRole
    )
    assert "01.11.2026" in tooltip
    entries = clerk_ctx.backend.call(clerk_ctx.actor, audit.list_entries, premises_id=scene.premises_id)
    assert [e.action for e in entries] == ["ledger.correction"]
    assert entries[0].details["new"]["corrects_entry_id"] == charge.id


def test_a_correction_without_a_selected_entry_cannot_link_one(
    qtbot: QtBot, db: Database, clerk_ctx: ClerkContext
) -> None:
    ledger_scene(db)
    page = _page(qtbot, clerk_ctx)
    _choose(qtbot, page, "wrobl")
    page.table.clearSelection()
    dialog = page.open_correction_dialog()
    assert dialog is not None
    assert not dialog.ui.corrects_entry_check.isEnabled() and not dialog.ui.corrects_entry_check.isChecked()
    assert dialog.title_text() == "Korekta naliczenia"
    assert dialog.corrects_entry_id() is None
    dialog.reject()
