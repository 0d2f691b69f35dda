"""The "Konta IOK" screen, driven as a clerk would: record and approve an application (credentials shown
once, the handover slip printed and saved as PDF), a refusal without a current title, reset, lock, unlock,
deactivate with reasons, and the account list's status filter. On SQLite and PostgreSQL."""

from __future__ import annotations

import shutil
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionComboBox, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from iok_desktop.db.database import Database
from iok_desktop.db.models import Person
from iok_desktop.domain.enums import AccountStatus, ApplicationStatus
from iok_desktop.domain.passwords import RULES_TEXT
from iok_desktop.gui import pdf_print
from iok_desktop.gui.clerk.accounts import data
from iok_desktop.gui.clerk.accounts.application_dialog import ApplicationDialog
from iok_desktop.gui.clerk.accounts.credentials_dialog import CredentialsDialog
from iok_desktop.gui.clerk.accounts.page import APPLICATIONS_TAB, AccountsPage
from iok_desktop.gui.clerk.context import ClerkContext
from iok_desktop.gui.clerk.pages import accounts as accounts_page
from iok_desktop.gui.clerk.registry.keyset import KeysetPages
from iok_desktop.gui.paged_model import PagedTableModel
from iok_desktop.services import accounts
from iok_desktop.services.accounts import AccountRow
from iok_desktop.services.context import FixedClock
from tests.gui.pdf_pages import page_images
from tests.gui.print_probe import HeldPrinting, hold_printing, pdf_printer
from tests.gui.registry_scene import IOK_URL, build_scene
from tests.gui.support import SCREENSHOTS, ScriptedDialogs, screenshot, wait_idle
from tests.support.builders import make_account, make_person


def _shot(widget: QWidget, name: str) -> None:
    for _ in range(3):
        QApplication.processEvents()
    screenshot(widget, name)


def _open(qtbot: QtBot, ctx: ClerkContext) -> AccountsPage:
    page = accounts_page.create(ctx)
    assert isinstance(page, AccountsPage)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    page.activated()
    wait_idle(qtbot, ctx.runner)
    return page


def _record(qtbot: QtBot, page: AccountsPage, person: str) -> ApplicationDialog:
    page.tabs.setCurrentIndex(APPLICATIONS_TAB)
    qtbot.mouseClick(page.applications.new_button, Qt.MouseButton.LeftButton)
    dialog = page.application_dialog
    assert dialog is not None and dialog.isVisible()
    with qtbot.waitSignal(dialog.search.results_shown, timeout=5000):
        qtbot.keyClicks(dialog.search.search_edit, "Zgoda 8/12")
    wait_idle(qtbot, page.ctx.runner)
    qtbot.keyClick(dialog.search.search_edit, Qt.Key.Key_Return)
    wait_idle(qtbot, page.ctx.runner)
    combo = dialog.ui.person_combo
    names = [combo.itemText(i) for i in range(combo.count())]
    index = next(i for i, text in enumerate(names) if text.startswith(person))
    combo.setCurrentIndex(index)
    return dialog


def _pdf_text(path: Path) -> str | None:
    tool = shutil.which("pdftotext")
    if tool is None:
        return None
    return subprocess.run([tool, str(path), "-"], capture_output=True, text=True, check=True).stdout


def _slip_picture(pdf: Path, name: str) -> None:
    """The slip as the resident gets it: the PDF rendered by poppler."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-png", "-r", "80", "-singlefile", str(pdf), str(SCREENSHOTS / name)], check=True)


def test_recording_and_approving_an_application_shows_the_credentials_once_and_prints_the_slip(
    qtbot: QtBot,
    iok_app: QApplication,
    db: Database,
    clock: FixedClock,
    clerk_ctx: ClerkContext,
    dialogs: ScriptedDialogs,
    tmp_path: Path,
    qtmodeltester: ModelTester,
) -> None:
    scene = build_scene(db, clock)
    page = _open(qtbot, clerk_ctx)
    dialog = _record(qtbot, page, "Piotr Wróblewski")
    ui = dialog.ui
    assert ui.filed_on_edit.date().toString("dd.MM.yyyy") == "25.11.2026"
    # No application filed yet: the head office from the settings is offered; the clerk adds the room.
    assert ui.office_combo.currentText() == "Siedziba, ul. Zgoda 8, 70-001 Szczecin"
    ui.office_combo.setCurrentText("Siedziba, ul. Zgoda 8, pokój 4")
    people = [ui.person_combo.itemText(i) for i in range(ui.person_combo.count())]
    assert len(people) == 3 and people[2].startswith("Jan Kowalczyk") and "28.02.2015" in people[2]
    assert "ul. Zgoda 8/12, 70-001 Szczecin" in ui.chosen_premises_label.text()
    _shot(dialog, "accounts_application_form")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, clerk_ctx.runner)
    assert not dialog.isVisible()
    applications = page.applications
    assert page.tabs.currentIndex() == APPLICATIONS_TAB
    qtbot.waitUntil(lambda: applications.current_application() is not None)
    recorded = applications.current_application()
    assert recorded is not None and recorded.person_name == "Piotr Wróblewski"
    assert recorded.status is ApplicationStatus.SUBMITTED
    assert recorded.office == "Siedziba, ul. Zgoda 8, pokój 4"
    qtmodeltester.check(applications.model)
    qtbot.mouseClick(applications.approve_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, clerk_ctx.runner)
    creds = page.credentials_dialog
    assert creds is not None and creds.isVisible()
    login = creds.login_label.text()
    password = creds.password_label.text()
    assert login.startswith("wroblews") and len(password) == 10
    assert not creds.close_button.isEnabled()
    _shot(creds, "accounts_credentials_dialog")

    # Print (the test's printer writes a PDF) and save as PDF.
    printed = tmp_path / "printed.pdf"
    creds.choose_printer = lambda: pdf_printer(str(printed))  # type: ignore[method-assign]
    qtbot.mouseClick(creds.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: creds.printed, timeout=10_000)  # printed on the printing thread
    assert printed.stat().st_size > 0 and len(page_images(printed)) == 1
    assert creds.status_label.text() == "Potwierdzenie wysłano do drukarki."
    saved = tmp_path / "slip"
    creds.ask_pdf_path = lambda: str(saved)  # type: ignore[method-assign]
    qtbot.mouseClick(creds.save_pdf_button, Qt.MouseButton.LeftButton)
    pdf = tmp_path / "slip.pdf"
    assert creds.saved_to == str(pdf) and pdf.stat().st_size > 1000
    text = _pdf_text(pdf)
    if text is not None:
        assert login in text and password in text and IOK_URL in text
        assert "Piotr Wróblewski" in text and "ul. Zgoda 8/12, 70-001 Szczecin" in text
        assert " ".join(RULES_TEXT.split()) in " ".join(text.split())
    _slip_picture(pdf, "accounts_handover_slip")

    # Shown once: Escape does not close it; the acknowledgement does, and the password is gone.
    qtbot.keyClick(creds, Qt.Key.Key_Escape)
    assert creds.isVisible()
    creds.acknowledge_check.setChecked(True)
    qtbot.mouseClick(creds.close_button, Qt.MouseButton.LeftButton)
    assert not creds.isVisible() and creds.password_label.text() == "" and creds.slip_pdf is None
    wait_idle(qtbot, clerk_ctx.runner)
    assert login in [a.login for a in page.accounts.model.rows()]
    stored = clerk_ctx.call(accounts.list_applications)()
    assert [(a.person_id, a.status) for a in stored] == [(scene.co_holder_id, ApplicationStatus.APPROVED)]
    assert [m for m in dialogs.messages if m[0] in {"warning", "error"}] == []


def test_bad_input_in_the_application_form_is_reported_next_to_its_field_and_kept(
    qtbot: QtBot, iok_app: QApplication, db: Database, clock: FixedClock, clerk_ctx: ClerkContext
) -> None:
    scene = build_scene(db, clock)
    page = _open(qtbot, clerk_ctx)
    page.tabs.setCurrentIndex(APPLICATIONS_TAB)
    qtbot.mouseClick(page.applications.new_button, Qt.MouseButton.LeftButton)
    dialog = page.application_dialog
    assert dialog is not None and dialog.isVisible()
    wait_idle(qtbot, clerk_ctx.runner)
    ui = dialog.ui
    labels = {
        "premises": ui.premises_error_label,
        "person": ui.person_error_label,
        "office": ui.office_error_label,
        "filed_on": ui.filed_on_error_label,
    }

    def shown_errors() -> dict[str, str]:
        return {field: label.text() for field, label in labels.items() if label.isVisible()}

    def invalid(widget: QWidget) -> bool:
        return widget.property("invalid") == "true"

    assert shown_errors() == {} and not ui.error_label.isVisible()
    # No premises chosen yet: said under the search, the office typed so far stays.
    ui.office_combo.setCurrentText("Siedziba, pokój 4")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, clerk_ctx.runner)
    assert dialog.isVisible()
    assert shown_errors() == {"premises": "Znajdź lokal i wybierz go z listy."}
    assert invalid(dialog.search.search_edit)
    assert ui.office_combo.currentText() == "Siedziba, pokój 4"

    # The holder who already has an account: the service's refusal, next to the applicant.
    with qtbot.waitSignal(dialog.search.results_shown, timeout=5000):
        qtbot.keyClicks(dialog.search.search_edit, "Zgoda 8/12")
    wait_idle(qtbot, clerk_ctx.runner)
    qtbot.keyClick(dialog.search.search_edit, Qt.Key.Key_Return)
    wait_idle(qtbot, clerk_ctx.runner)
    combo = ui.person_combo
    combo.setCurrentIndex(combo.findData(scene.holder_id))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, clerk_ctx.runner)
    assert dialog.isVisible()
    assert shown_errors() == {
        "person": "Małgorzata Wróblewska ma już konto IOK (identyfikator wroblews4821). "
        "Jedno konto obejmuje wszystkie lokale tej osoby."
    }
    assert invalid(combo) and not invalid(dialog.search.search_edit)
    assert dialog.premises_id == scene.premises_id and combo.currentData() == scene.holder_id
    assert dialog.search.search_edit.text() == "Zgoda 8/12"
    assert ui.office_combo.currentText() == "Siedziba, pokój 4"
    _shot(dialog, "accounts_application_refused")

    # Another applicant, but where it was filed is rubbed out: said next to the office.
    combo.setCurrentIndex(combo.findData(scene.co_holder_id))
    ui.office_combo.setCurrentText("   ")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, clerk_ctx.runner)
    assert dialog.isVisible()
    assert shown_errors() == {"office": "Podaj, gdzie złożono wniosek (np. siedziba, pokój 4)."}
    assert invalid(ui.office_combo) and not invalid(combo)
    assert combo.currentData() == scene.co_holder_id and dialog.premises_id == scene.premises_id
    assert clerk_ctx.call(accounts.list_applications)() == []  # nothing recorded so far

    ui.office_combo.setCurrentText("Siedziba, pokój 4")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, clerk_ctx.runner)
    assert not dialog.isVisible()
    [recorded] = clerk_ctx.call(accounts.list_applications)()
    assert recorded.office == "Siedziba, pokój 4"


def test_approval_without_a_current_title_is_refused_and_says_why(
    qtbot: QtBot,
    iok_app: QApplication,
    db: Database,
    clock: FixedClock,
    clerk_ctx: ClerkContext,
    dialogs: ScriptedDialogs,
) -> None:
    build_scene(db, clock)
    page = _open(qtbot, clerk_ctx)
    dialog = _record(qtbot, page, "Jan Kowalczyk")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, clerk_ctx.runner)
    applications = page.applications
    qtbot.waitUntil(lambda: applications.current_application() is not None)
    qtbot.mouseClick(applications.approve_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, clerk_ctx.runner)
    assert page.credentials_dialog is None
    message = applications.message_label.text()
    assert message.startswith("Nie można zatwierdzić wniosku: Tytuł prawny Jan Kowalczyk do lokalu")
    assert "wygasł 28.02.2015" in message
    assert applications.message_label.isVisible()
    _shot(page, "accounts_approval_refused")
    # Refusing the application needs a reason, too.
    dialogs.text_answers += ["", "Tytuł prawny wygasł w 2015 r."]
    qtbot.mouseClick(applications.refuse_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, clerk_ctx.runner)
    assert applications.message_label.text() == "Podaj powód odrzucenia wniosku."
    qtbot.mouseClick(applications.refuse_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, clerk_ctx.runner)
    applications.status_combo.setCurrentIndex(applications.status_combo.findData(ApplicationStatus.REFUSED.value))
    wait_idle(qtbot, clerk_ctx.runner)
    rows = applications.model.rows()
    assert [(r.person_name, r.refusal_reason) for r in rows] == [("Jan Kowalczyk", "Tytuł prawny wygasł w 2015 r.")]


def _statuses(page: AccountsPage) -> dict[str, AccountStatus]:
    return {a.login: a.status for a in page.accounts.model.rows()}


def test_reset_lock_unlock_deactivate_with_reasons_and_the_status_filter(
    qtbot: QtBot,
    iok_app: QApplication,
    db: Database,
    clock: FixedClock,
    clerk_ctx: ClerkContext,
    dialogs: ScriptedDialogs,
    tmp_path: Path,
    qtmodeltester: ModelTester,
) -> None:
    scene = build_scene(db, clock)
    with db.session() as s:
        co_holder = s.get(Person, scene.co_holder_id)
        assert co_holder is not None
        make_account(s, co_holder, "wroblews1234")
        s.commit()
    page = _open(qtbot, clerk_ctx)
    view = page.accounts
    qtbot.waitUntil(lambda: view.model.rowCount() == 2)
    qtmodeltester.check(view.model)
    assert _statuses(page) == {"wroblews1234": AccountStatus.ACTIVE, "wroblews4821": AccountStatus.ACTIVE}
    assert view.select_login(scene.login)
    assert view.lock_button.isEnabled() and not view.unlock_button.isEnabled()

    # An empty reason is refused by the service, in Polish; nothing changes.
    dialogs.text_answers.append("")
    qtbot.mouseClick(view.lock_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, clerk_ctx.runner)
    assert view.message_label.text() == "Podaj powód."
    assert _statuses(page)[scene.login] is AccountStatus.ACTIVE
    # Cancelling the question does nothing at all.
    qtbot.mouseClick(view.lock_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, clerk_ctx.runner)
    assert _statuses(page)[scene.login] is AccountStatus.ACTIVE

    dialogs.text_answers.append("Mieszkanka zgłosiła kradzież telefonu")
    qtbot.mouseClick(view.lock_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, clerk_ctx.runner)
    assert _statuses(page)[scene.login] is AccountStatus.LOCKED
    assert view.current_account() is not None and view.unlock_button.isEnabled()
    reasons = {a.login: a.status_reason for a in view.model.rows()}
    assert reasons[scene.login] == "Mieszkanka zgłosiła kradzież telefonu"
    _shot(page, "accounts_list")

    view.status_combo.setCurrentIndex(view.status_combo.findData(AccountStatus.LOCKED.value))
    wait_idle(qtbot, clerk_ctx.runner)
    assert _statuses(page) == {scene.login: AccountStatus.LOCKED}
    view.status_combo.setCurrentIndex(view.status_combo.findData(AccountStatus.ACTIVE.value))
    wait_idle(qtbot, clerk_ctx.runner)
    assert _statuses(page) == {"wroblews1234": AccountStatus.ACTIVE}
    view.status_combo.setCurrentIndex(0)
    wait_idle(qtbot, clerk_ctx.runner)
    assert len(_statuses(page)) == 2

    assert view.select_login(scene.login)
    dialogs.text_answers.append("Telefon odzyskany")
    qtbot.mouseClick(view.unlock_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, clerk_ctx.runner)
    assert _statuses(page)[scene.login] is AccountStatus.ACTIVE

    # Reset: asked first, then a new one-time password on a new slip.
    assert view.select_login(scene.login)
    qtbot.mouseClick(view.reset_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, clerk_ctx.runner)
    assert dialogs.messages[-1][0] == "confirm"
    creds = page.credentials_dialog
    assert creds is not None and creds.isVisible() and creds.login_label.text() == scene.login
    assert len(creds.password_label.text()) == 10
    creds.ask_pdf_path = lambda: str(tmp_path / "reset.pdf")  # type: ignore[method-assign]
    qtbot.mouseClick(creds.save_pdf_button, Qt.MouseButton.LeftButton)
    assert (tmp_path / "reset.pdf").stat().st_size > 1000
    creds.acknowledge_check.setChecked(True)
    qtbot.mouseClick(creds.close_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, clerk_ctx.runner)

    assert view.select_login(scene.login)
    dialogs.text_answers.append("Zbycie lokalu")
    qtbot.mouseClick(view.deactivate_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, clerk_ctx.runner)
    assert _statuses(page)[scene.login] is AccountStatus.DEACTIVATED
    assert not view.reset_button.isEnabled() and not view.deactivate_button.isEnabled()
    view.status_combo.setCurrentIndex(view.status_combo.findData(AccountStatus.DEACTIVATED.value))
    wait_idle(qtbot, clerk_ctx.runner)
    assert _statuses(page) == {scene.login: AccountStatus.DEACTIVATED}
    assert [m for m in dialogs.messages if m[0] in {"warning", "error"}] == []


def test_the_account_list_is_fetched_a_page_at_a_time_in_login_order(
    qtbot: QtBot, iok_app: QApplication, db: Database, clock: FixedClock, clerk_ctx: ClerkContext
) -> None:
    build_scene(db, clock)
    with db.session() as s:
        for n in range(12):
            make_account(s, make_person(s, "Jan", f"Nowak{n:02d}"), f"nowak{n:02d}00")
        s.commit()
    asked: list[str | None] = []

    def after(login: str | None, limit: int) -> list[AccountRow]:
        asked.append(login)
        return clerk_ctx.call(accounts.list_accounts, after_login=login, limit=limit)()

    model: PagedTableModel[AccountRow] = PagedTableModel(clerk_ctx.runner, [], key=lambda a: a.id, page_size=5)
    model.load(KeysetPages(after, key=lambda a: a.login))
    wait_idle(qtbot, clerk_ctx.runner)
    while model.canFetchMore():
        model.fetchMore()
        wait_idle(qtbot, clerk_ctx.runner)
    logins = [a.login for a in model.rows()]
    assert logins == sorted(logins) and len(logins) == 13 and len(set(logins)) == 13
    assert asked == [None, logins[4], logins[9]]  # each page starts after the last login shown
    model.refresh()  # re-reads what is shown, from the start
    wait_idle(qtbot, clerk_ctx.runner)
    assert [a.login for a in model.rows()] == logins and asked[-1] is None


def test_a_printer_or_file_not_chosen_writes_nothing(
    qtbot: QtBot, iok_app: QApplication, db: Database, clock: FixedClock, clerk_ctx: ClerkContext
) -> None:
    scene = build_scene(db, clock)
    issued = clerk_ctx.call(data.reset, scene.account_id)()
    dialog = CredentialsDialog(clerk_ctx, issued, reset=True)
    qtbot.addWidget(dialog)
    dialog.choose_printer = lambda: None  # type: ignore[method-assign]
    dialog.ask_pdf_path = lambda: None  # type: ignore[method-assign]
    dialog.print_slip()
    dialog.save_slip_pdf()
    assert not dialog.printed and dialog.saved_to is None and dialog.status_label.text() == ""


@pytest.fixture
def held_printing(monkeypatch: pytest.MonkeyPatch) -> Iterator[HeldPrinting]:
    yield from hold_printing(monkeypatch)


def test_the_slip_prints_on_its_own_thread_and_closing_meanwhile_is_safe(
    qtbot: QtBot,
    iok_app: QApplication,
    db: Database,
    clock: FixedClock,
    clerk_ctx: ClerkContext,
    tmp_path: Path,
    held_printing: HeldPrinting,
) -> None:
    scene = build_scene(db, clock)
    issued = clerk_ctx.call(data.reset, scene.account_id)()
    dialog = CredentialsDialog(clerk_ctx, issued, reset=True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.print_button.isEnabled)  # the slip is drawn
    printed = tmp_path / "slip.pdf"
    dialog.choose_printer = lambda: pdf_printer(str(printed))  # type: ignore[method-assign]
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(held_printing.started.is_set)
    database_thread: list[int] = []
    clerk_ctx.run(threading.get_ident, database_thread.append)
    qtbot.waitUntil(lambda: bool(database_thread))  # the database worker is free meanwhile
    assert held_printing.threads[0] not in {threading.get_ident(), database_thread[0]}
    assert dialog.printing and not dialog.printed
    assert dialog.status_label.text() == "Drukuję potwierdzenie…"
    assert not dialog.print_button.isEnabled() and not dialog.save_pdf_button.isEnabled()
    assert dialog.cursor().shape() == Qt.CursorShape.BusyCursor
    _shot(dialog, "accounts_slip_printing")

    # The clerk acknowledges and closes while the slip is still on its way: nothing breaks.
    dialog.acknowledge_check.setChecked(True)
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and dialog.slip_pdf is None and dialog.password_label.text() == ""
    held_printing.release.set()
    qtbot.waitUntil(lambda: not pdf_print.print_thread().busy, timeout=20_000)
    assert held_printing.pages == [1] and len(page_images(printed)) == 1
    assert not dialog.printed  # the answer came after the dialog was closed: dropped

    # Deleted meanwhile (the page deletes the previous one): the answer is dropped just the same.
    second = CredentialsDialog(clerk_ctx, issued, reset=True)
    second.show()
    qtbot.waitUntil(second.print_button.isEnabled)
    held_printing.started.clear()
    held_printing.release.clear()
    second.choose_printer = lambda: pdf_printer(str(tmp_path / "second.pdf"))  # type: ignore[method-assign]
    qtbot.mouseClick(second.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(held_printing.started.is_set)
    second.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(second))
    held_printing.release.set()
    qtbot.waitUntil(lambda: not pdf_print.print_thread().busy, timeout=20_000)
    assert held_printing.pages == [1, 1]


def test_the_applicant_line_is_readable_at_the_dialog_default_width(
    qtbot: QtBot, iok_app: QApplication, db: Database, clock: FixedClock, clerk_ctx: ClerkContext
) -> None:
    build_scene(db, clock)
    page = _open(qtbot, clerk_ctx)
    dialog = _record(qtbot, page, "Piotr Wróblewski")
    assert dialog.width() == 640  # as it opens
    combo = dialog.ui.person_combo
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    # Every person's line fits the list's box: the name and the state of the title, nothing cut.
    people = [combo.itemText(i) for i in range(combo.count())]
    assert "Piotr Wróblewski — aktualny tytuł prawny" in people
    for text in people:
        assert combo.fontMetrics().horizontalAdvance(text) <= field.width(), text
    # The kind of title (a long name) is under it, word-wrapped inside the dialog.
    label = dialog.ui.person_title_label
    assert label.isVisible() and label.wordWrap()
    assert label.text() == "Rodzaj tytułu prawnego: spółdzielcze własnościowe prawo do lokalu"
    assert label.heightForWidth(label.width()) <= label.height()
    assert label.mapTo(dialog, label.rect().bottomRight()).x() <= dialog.width()
    _shot(dialog, "accounts_application_form_default_width")
    combo.setCurrentIndex(2)  # the one whose title ended: its own kind
    assert label.text() == "Rodzaj tytułu prawnego: spółdzielcze lokatorskie prawo do lokalu"
