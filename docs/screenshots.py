"""Screenshots for the user guides, taken from the real application over a demo cooperative.

    .venv/bin/python docs/screenshots.py                 # into docs/screenshots/
    .venv/bin/python docs/screenshots.py --out /tmp/shots

A demo cooperative (fixed seed, fixed "today": 25.11.2026) is generated into a temporary SQLite file;
the clerk's screens are opened as the demo administrator would open them, the kiosk's as a demo
resident taps them (offscreen: no display is needed), and each is grabbed as a PNG file: the clerk's
window at 1440x900, the kiosk at 1280x1024. The guides in docs/ use these pictures, so they follow the
application instead of going stale; a person looks at them after every change to a screen.

``SCREENSHOTS`` names every picture the script makes (a test checks that the guides use no other).
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSettings, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from iok_desktop.db import migrate
from iok_desktop.db.database import Database
from iok_desktop.demo import DemoResult, generate_demo
from iok_desktop.domain.enums import ApplicationStatus
from iok_desktop.gui.clerk.accounts.application_dialog import ApplicationDialog
from iok_desktop.gui.clerk.accounts.credentials_dialog import CredentialsDialog
from iok_desktop.gui.clerk.accounts.page import APPLICATIONS_TAB, AccountsPage
from iok_desktop.gui.clerk.context import ClerkContext
from iok_desktop.gui.clerk.ledger.page import LedgerPage
from iok_desktop.gui.clerk.ledger.statement_dialog import StatementDialog
from iok_desktop.gui.clerk.main_window import MainWindow
from iok_desktop.gui.clerk.pages import all_pages
from iok_desktop.gui.dialogs import Dialogs
from iok_desktop.gui.errors import ErrorPresenter
from iok_desktop.gui.first_run import FirstRunWizard
from iok_desktop.gui.kiosk.app import KioskApp
from iok_desktop.gui.kiosk.login_screen import KioskLoginScreen
from iok_desktop.gui.kiosk.pages.home import HomePage
from iok_desktop.gui.kiosk.pages.readings import ReadingsPage
from iok_desktop.gui.kiosk.password_screen import KioskPasswordScreen
from iok_desktop.gui.kiosk.shell import KioskShell
from iok_desktop.gui.login_dialog import LoginDialog
from iok_desktop.gui.operations import OperationRunner
from iok_desktop.gui.qt_app import make_application
from iok_desktop.services import accounts
from iok_desktop.services.backend import UNAVAILABLE, Backend
from iok_desktop.services.context import FixedClock

CLERK_SIZE = (1440, 900)
KIOSK_SIZE = (1280, 1024)
SEED = 2026
T = TypeVar("T")
TODAY = date(2026, 11, 25)  # in the demo's open reading window (21.11–14.01)
NOW = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)  # 10:30 at the office

# Every picture this script makes, in the order it makes them (docs/screenshots/<name>.png).
SCREENSHOTS = [
    "first_run_welcome",
    "first_run_admin",
    "first_run_demo",
    "clerk_login",
    "clerk_queue",
    "clerk_queue_detail",
    "clerk_connection_lost",
    "clerk_registry_search",
    "clerk_registry_premises",
    "clerk_accounts",
    "clerk_accounts_applications",
    "clerk_application_dialog",
    "clerk_credentials_dialog",
    "clerk_handover_slip",
    "clerk_ledger_premises",
    "clerk_statement_dialog",
    "clerk_meters",
    "clerk_announcements",
    "clerk_audit",
    "clerk_admin",
    "clerk_admin_settings",
    "kiosk_login_keyboard",
    "kiosk_login_refused",
    "kiosk_password_change",
    "kiosk_home",
    "kiosk_ledger",
    "kiosk_readings",
    "kiosk_reading_keypad",
    "kiosk_contacts",
    "kiosk_announcements",
    "kiosk_admin_exit",
]


class Shots:
    def __init__(self, app: QApplication, out: Path) -> None:
        self.app = app
        self.out = out
        self.made: list[str] = []

    def settle(self, runner: OperationRunner, done: Callable[[], bool] = lambda: True, quiet: float = 0.4) -> None:
        """Let the worker finish, the results arrive and the widgets lay out (at most 20 s)."""
        deadline = time.monotonic() + 20
        quiet_since: float | None = None
        while time.monotonic() < deadline:
            self.app.processEvents()
            if runner.busy or not done():
                quiet_since = None
            elif quiet_since is None:
                quiet_since = time.monotonic()
            elif time.monotonic() - quiet_since > quiet:
                return
            time.sleep(0.02)
        raise RuntimeError("the screen did not settle within 20 s")

    def grab(self, widget: QWidget, name: str) -> None:
        """Save what ``widget`` shows once it stops changing (the statement preview, for one, draws its
        pages in passes on threads of its own)."""
        image = widget.grab().toImage()
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            time.sleep(0.25)
            self.app.processEvents()
            again = widget.grab().toImage()
            if again == image:
                break
            image = again
        self.save(image, name)

    def save(self, image: QImage, name: str) -> None:
        if name not in SCREENSHOTS:
            raise ValueError(f"{name} is not listed in SCREENSHOTS")
        path = self.out / f"{name}.png"
        # Written through a buffer: identical pixels give identical bytes on every run.
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        path.write_bytes(bytes(data.data()))
        self.made.append(name)
        print(path)


def of(kind: type[T], value: object) -> T:
    """``value`` as a ``kind``: the screen the script expects, or a clear failure."""
    if not isinstance(value, kind):
        raise TypeError(f"expected {kind.__name__}, found {type(value).__name__}")
    return value


def tap(widget: QWidget | None) -> None:
    if widget is None:
        raise RuntimeError("no such button on the screen")
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)


def first_run(shots: Shots, backend: Backend) -> None:
    runner = OperationRunner(ErrorPresenter(Dialogs()).show)
    wizard = FirstRunWizard(backend, runner)
    wizard.show()
    shots.settle(runner)
    shots.grab(wizard, "first_run_welcome")
    wizard.next()
    ui = wizard.admin_page.ui
    ui.full_name_edit.setText("Anna Kowalska")
    ui.login_edit.setText("akowalska")
    ui.password_edit.setText("Zielona7Brama")
    ui.repeat_edit.setText("Zielona7Brama")
    shots.settle(runner)
    shots.grab(wizard, "first_run_admin")
    wizard.next()
    shots.settle(runner)
    shots.grab(wizard, "first_run_demo")
    wizard.close()
    runner.shutdown()


def clerk_tour(shots: Shots, backend: Backend, demo: DemoResult, settings: QSettings) -> None:
    admin = demo.staff[0]  # the demo's first staff member is its administrator
    dialogs = Dialogs()
    errors = ErrorPresenter(dialogs)
    runner = OperationRunner(errors.show)

    login = LoginDialog(backend, runner)
    login.show()
    shots.settle(runner)
    QTest.keyClicks(login.ui.login_edit, admin.login)
    shots.grab(login, "clerk_login")
    login.close()

    session = backend.login_staff(admin.login, admin.password)
    ctx = ClerkContext(backend, runner, errors, dialogs, settings, session)
    window = MainWindow(ctx, all_pages())
    window.resize(*CLERK_SIZE)
    window.show()
    shots.settle(runner)
    resident = demo.residents[0]
    for key in window.page_keys():
        page = window.open_page(key)
        shots.settle(runner)
        if key == "queue":
            queue(shots, window, page)
        elif key in {"registry", "ledger"}:
            search = page.search  # type: ignore[attr-defined]
            # The registry by the resident's surname, the ledger by the street, as clerks search.
            street = resident.addresses[0].split(",")[0].removeprefix("ul. ").split(" ")[0]
            search.search_edit.setText(resident.full_name.split()[-1] if key == "registry" else street)
            shots.settle(runner, lambda s=search: bool(s.hits()))
            if key == "registry":
                shots.grab(window, "clerk_registry_search")
            search.premises_chosen.emit(search.hits()[0])
            shots.settle(runner)
            if key == "registry":
                shots.grab(window, "clerk_registry_premises")
            else:
                shots.grab(window, "clerk_ledger_premises")
                statement(shots, of(LedgerPage, page))
        elif key == "audit":
            audit(shots, window, page)
        elif key == "admin":
            shots.grab(window, "clerk_admin")
            page.tabs.setCurrentIndex(1)  # type: ignore[attr-defined]
            shots.settle(runner)
            shots.grab(window, "clerk_admin_settings")
        elif key == "accounts":
            shots.grab(window, "clerk_accounts")
            register_account(shots, ctx, of(AccountsPage, page))
        else:
            shots.grab(window, f"clerk_{key}")
    window.close()
    runner.shutdown()


def queue(shots: Shots, window: MainWindow, page: QWidget) -> None:
    runner = window.ctx.runner
    shots.grab(window, "clerk_queue")
    page.table.selectRow(3)  # type: ignore[attr-defined]
    shots.settle(runner)
    shots.grab(window, "clerk_queue_detail")
    # The banner a clerk sees when the server is gone, as the runner reports it; then the runner's
    # report that the server answers again takes it away.
    runner.connection_lost.emit(UNAVAILABLE)
    shots.settle(runner, quiet=0.1)
    shots.grab(window, "clerk_connection_lost")
    window.retry_timer.stop()
    runner.connection_restored.emit()
    shots.settle(runner, lambda: not window.banner.isVisible())


def audit(shots: Shots, window: MainWindow, page: QWidget) -> None:
    """Up to the demo's today (the demo's own load is recorded at the real time), first entry opened."""
    page.date_to_edit.setText(TODAY.strftime("%d.%m.%Y"))  # type: ignore[attr-defined]
    page.apply_filters()  # type: ignore[attr-defined]
    shots.settle(window.ctx.runner)
    page.view.selectRow(0)  # type: ignore[attr-defined]
    shots.settle(window.ctx.runner)
    shots.grab(window, "clerk_audit")


def register_account(shots: Shots, ctx: ClerkContext, page: AccountsPage) -> None:
    """The application form filled in for the demo's applicant, then the approval and the slip."""
    runner = ctx.runner
    waiting = ctx.call(accounts.list_applications, status=ApplicationStatus.SUBMITTED)()
    applicant = waiting[0]
    page.tabs.setCurrentIndex(APPLICATIONS_TAB)
    shots.settle(runner)
    tap(page.applications.new_button)
    dialog = of(ApplicationDialog, page.application_dialog)
    dialog.ui.office_combo.setCurrentText("Siedziba, ul. Zgoda 8, pokój 4")
    # Polish letters cannot be sent as key clicks: the text is set, as if typed.
    dialog.search.search_edit.setText(applicant.premises_address.split(",")[0].removeprefix("ul. "))
    shots.settle(runner, lambda: bool(dialog.search.hits()))
    QTest.keyClick(dialog.search.search_edit, Qt.Key.Key_Return)
    shots.settle(runner, lambda: dialog.ui.person_combo.count() > 0)
    combo = dialog.ui.person_combo
    combo.setCurrentIndex(max(0, combo.findData(applicant.person_id)))
    shots.settle(runner)
    shots.grab(dialog, "clerk_application_dialog")
    dialog.reject()  # the demo's application is already recorded: approve that one instead
    shots.settle(runner)

    view = page.applications
    view.reload(select_id=applicant.id)
    shots.settle(runner, lambda: view.current_application() is not None)
    shots.grab(page.window(), "clerk_accounts_applications")
    tap(view.approve_button)
    shots.settle(runner, lambda: page.credentials_dialog is not None and page.credentials_dialog.slip_pdf is not None)
    credentials = of(CredentialsDialog, page.credentials_dialog)
    shots.grab(credentials, "clerk_credentials_dialog")
    shots.save(pdf_page(credentials.slip_pdf or b"", 900), "clerk_handover_slip")
    credentials.acknowledge_check.setChecked(True)
    tap(credentials.close_button)
    shots.settle(runner)


def statement(shots: Shots, page: LedgerPage) -> None:
    dialog = of(StatementDialog, page.open_statement_dialog())
    dialog.resize(1100, 850)
    # The preview draws its pages on threads of its own: give it time to finish them.
    shots.settle(page.ctx.runner, lambda: dialog.current_pdf() is not None, quiet=2.0)
    shots.grab(dialog, "clerk_statement_dialog")
    dialog.reject()
    shots.settle(page.ctx.runner)


def pdf_page(pdf: bytes, width: int) -> QImage:
    """The first page of a PDF on white, ``width`` pixels wide (as the resident gets the paper)."""
    document = QPdfDocument()
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    size = document.pagePointSize(0)
    height = round(width * size.height() / size.width())
    rendered = document.render(0, QSize(width, height))
    image = QImage(rendered.size(), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.drawImage(0, 0, rendered)
    painter.end()
    document.close()
    return image


def kiosk_tour(shots: Shots, backend: Backend, demo: DemoResult) -> None:
    kiosk = KioskApp(backend, full_screen=False, idle_seconds=3600)
    kiosk.window.resize(*KIOSK_SIZE)
    kiosk.start()
    shots.settle(kiosk.runner, lambda: isinstance(kiosk.window.currentWidget(), KioskLoginScreen))
    resident = demo.residents[0]  # a flat and a garage; no readings in the open window yet
    kiosk_sign_in(shots, kiosk, resident.login)
    newcomer = next(r for r in demo.residents if r.must_change_password)
    kiosk_password_change(shots, kiosk, newcomer.login, newcomer.password)
    shell = of(KioskShell, sign_in(shots, kiosk, resident.login, resident.password))
    kiosk_home(shots, kiosk, shell)
    kiosk_readings(shots, kiosk, shell)
    tap(shell.buttons["contacts"])
    shots.settle(kiosk.runner)
    shots.grab(kiosk.window, "kiosk_contacts")
    tap(shell.buttons["announcements"])
    shots.settle(kiosk.runner)
    shots.grab(kiosk.window, "kiosk_announcements")
    kiosk.exit_shortcut.activated.emit()  # Ctrl+Alt+Shift+K
    shots.settle(kiosk.runner)
    kiosk.window.resize(*KIOSK_SIZE)  # as on the kiosk's screen, whatever the screen before asked for
    shots.settle(kiosk.runner)
    shots.grab(kiosk.window, "kiosk_admin_exit")
    kiosk.close()
    kiosk.runner.shutdown()


def type_on_keyboard(kiosk: KioskApp, text: str) -> None:
    """Tap the keys of the kiosk's own keyboard, as a resident without a physical keyboard does."""
    keyboard = kiosk.window.keyboard
    for char in text:
        if char.isupper():
            tap(keyboard.findChild(QPushButton, "key_shift"))
        tap(keyboard.findChild(QPushButton, f"key_{char.lower()}"))


def kiosk_sign_in(shots: Shots, kiosk: KioskApp, login: str) -> None:
    """The sign-in screen with the on-screen keyboard, and the answer to a wrong password."""
    screen = of(KioskLoginScreen, kiosk.window.currentWidget())
    screen.login_edit.setFocus()
    shots.settle(kiosk.runner, kiosk.window.keyboard.isVisible)
    type_on_keyboard(kiosk, login)
    screen.password_edit.setFocus()
    type_on_keyboard(kiosk, "Haslo")
    shots.settle(kiosk.runner)
    shots.grab(kiosk.window, "kiosk_login_keyboard")
    tap(screen.sign_in_button)
    shots.settle(kiosk.runner)
    shots.grab(kiosk.window, "kiosk_login_refused")


def kiosk_password_change(shots: Shots, kiosk: KioskApp, login: str, password: str) -> None:
    """A new account must change its one-time password at the first sign-in."""
    screen = of(KioskPasswordScreen, sign_in(shots, kiosk, login, password))
    screen.new_edit.setFocus()
    QTest.keyClicks(screen.new_edit, "Bursztyn2026")
    shots.settle(kiosk.runner)
    shots.grab(kiosk.window, "kiosk_password_change")
    kiosk.log_out()
    shots.settle(kiosk.runner, lambda: isinstance(kiosk.window.currentWidget(), KioskLoginScreen))


def kiosk_home(shots: Shots, kiosk: KioskApp, shell: KioskShell) -> None:
    home = of(HomePage, shell.pages["home"])
    shots.settle(kiosk.runner, lambda: bool(home.premises_buttons))
    shots.grab(kiosk.window, "kiosk_home")
    tap(home.premises_buttons[0])
    shots.settle(kiosk.runner, lambda: home.model.rowCount() > 0)
    shots.grab(kiosk.window, "kiosk_ledger")


def kiosk_readings(shots: Shots, kiosk: KioskApp, shell: KioskShell) -> None:
    tap(shell.buttons["readings"])
    readings = of(ReadingsPage, shell.pages["readings"])
    shots.settle(kiosk.runner, lambda: bool(readings.meter_cards))
    shots.grab(kiosk.window, "kiosk_readings")
    card = next(c for c in readings.meter_cards if c.report_button is not None)
    tap(card.report_button)
    shots.settle(kiosk.runner)
    readings.value_edit.setFocus()
    keypad = kiosk.window.keypad
    shots.settle(kiosk.runner, keypad.isVisible)
    last = card.meter.last_accepted_value
    typed = f"{int(last) + 7},4" if last is not None else "123,4"
    for char in typed:
        tap(keypad.findChild(QPushButton, "key_comma" if char == "," else f"key_{char}"))
    shots.settle(kiosk.runner)
    shots.grab(kiosk.window, "kiosk_reading_keypad")


def sign_in(shots: Shots, kiosk: KioskApp, login: str, password: str) -> QWidget:
    screen = of(KioskLoginScreen, kiosk.window.currentWidget())
    screen.login_edit.setText(login)
    screen.password_edit.setText(password)
    tap(screen.sign_in_button)
    shots.settle(kiosk.runner, lambda: not isinstance(kiosk.window.currentWidget(), KioskLoginScreen))
    return kiosk.window.currentWidget()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "screenshots")
    parser.add_argument("--premises", type=int, default=300)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no display needed
    app = make_application(language="pl", route_qt_messages=False)
    app.setCursorFlashTime(0)  # a steady text cursor: the same picture on every run
    shots = Shots(app, args.out)
    clock = FixedClock(NOW)
    # A fixed folder, so the database named in the status bar is the same on every run.
    folder = Path(tempfile.gettempdir()) / "iok-desktop-demo"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    try:
        empty = Database(f"sqlite:///{folder}/pusta.sqlite3")
        migrate.upgrade(empty.engine)
        first_run(shots, Backend(empty, clock=clock, workstation="biuro-1"))
        empty.dispose()

        database = Database(f"sqlite:///{folder}/iok.sqlite3")
        migrate.upgrade(database.engine)
        demo = generate_demo(database, premises=args.premises, years=3, seed=SEED, today=TODAY)
        settings = QSettings(f"{folder}/settings.ini", QSettings.Format.IniFormat)
        clerk_tour(shots, Backend(database, clock=clock, workstation="biuro-1"), demo, settings)
        kiosk_tour(shots, Backend(database, clock=clock, workstation="kiosk-hol"), demo)
        database.dispose()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    missing = [name for name in SCREENSHOTS if name not in shots.made]
    if missing:
        raise SystemExit(f"not made: {', '.join(missing)}")


if __name__ == "__main__":
    main()
