"""Screenshots of every clerk screen (and the kiosk's) from the real application over demo data.

    .venv/bin/python docs/screenshots.py                 # into docs/screenshots/
    .venv/bin/python docs/screenshots.py --out /tmp/shots --premises 300

A demo cooperative is generated into a temporary SQLite file; the screens are opened as the demo
administrator would open them (offscreen: no display is needed) and grabbed as PNG files. The user
guides use these pictures, so they follow the application instead of going stale; a person looks at
them after every change to a screen.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget

from iok_desktop.db import migrate
from iok_desktop.db.database import Database
from iok_desktop.demo import DemoResult, generate_demo
from iok_desktop.gui.clerk.context import ClerkContext
from iok_desktop.gui.clerk.main_window import MainWindow
from iok_desktop.gui.clerk.pages import all_pages
from iok_desktop.gui.dialogs import Dialogs
from iok_desktop.gui.errors import ErrorPresenter
from iok_desktop.gui.first_run import FirstRunWizard
from iok_desktop.gui.login_dialog import LoginDialog
from iok_desktop.gui.operations import OperationRunner
from iok_desktop.gui.qt_app import make_application
from iok_desktop.services.backend import Backend

SIZE = (1440, 900)


def settle(app: QApplication, runner: OperationRunner, done: Callable[[], bool] = lambda: True) -> None:
    """Let the worker finish, the results arrive and the widgets lay out (at most 20 s)."""
    deadline = time.monotonic() + 20
    quiet_since: float | None = None
    while time.monotonic() < deadline:
        app.processEvents()
        if runner.busy or not done():
            quiet_since = None
        elif quiet_since is None:
            quiet_since = time.monotonic()
        elif time.monotonic() - quiet_since > 0.4:
            return
        time.sleep(0.02)


def grab(widget: QWidget, out: Path, name: str) -> None:
    path = out / f"{name}.png"
    widget.grab().save(str(path))
    print(path)


def clerk_tour(app: QApplication, backend: Backend, demo: DemoResult, out: Path, settings: QSettings) -> None:
    admin = demo.staff[0]  # the demo's first staff member is its administrator
    dialogs = Dialogs()
    errors = ErrorPresenter(dialogs)
    runner = OperationRunner(errors.show)

    login = LoginDialog(backend, runner)
    login.show()
    settle(app, runner)
    grab(login, out, "clerk_login")
    login.close()

    session = backend.login_staff(admin.login, admin.password)
    ctx = ClerkContext(backend, runner, errors, dialogs, settings, session)
    window = MainWindow(ctx, all_pages())
    window.resize(*SIZE)
    window.show()
    settle(app, runner)
    for key in window.page_keys():
        page = window.open_page(key)
        settle(app, runner)
        grab(window, out, f"clerk_{key}")
        search = getattr(page, "search", None)
        if key in {"registry", "ledger"} and search is not None:
            resident = demo.residents[0]
            # The registry by the resident's surname, the ledger by the street, as clerks search.
            street = resident.addresses[0].split(",")[0].removeprefix("ul. ").split(" ")[0]
            search.search_edit.setText(resident.full_name.split()[-1] if key == "registry" else street)
            settle(app, runner, lambda s=search: bool(s.hits()))
            grab(window, out, f"clerk_{key}_search")
            search.premises_chosen.emit(search.hits()[0])
            settle(app, runner)
            grab(window, out, f"clerk_{key}_premises")
        if key == "queue":
            table = page.table  # type: ignore[attr-defined]
            table.selectRow(3)
            settle(app, runner)
            grab(window, out, "clerk_queue_detail")
    window.close()
    runner.shutdown()


def first_run(app: QApplication, backend: Backend, out: Path) -> None:
    runner = OperationRunner(ErrorPresenter(Dialogs()).show)
    wizard = FirstRunWizard(backend, runner)
    wizard.show()
    settle(app, runner)
    grab(wizard, out, "clerk_first_run")
    wizard.close()
    runner.shutdown()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "screenshots")
    parser.add_argument("--premises", type=int, default=300)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no display needed
    app = make_application(language="pl", route_qt_messages=False)
    with tempfile.TemporaryDirectory(prefix="iok-shots-") as tmp:
        empty = Database(f"sqlite:///{tmp}/empty.sqlite3")
        migrate.upgrade(empty.engine)
        first_run(app, Backend(empty, workstation="biuro-1"), args.out)
        empty.dispose()

        database = Database(f"sqlite:///{tmp}/demo.sqlite3")
        migrate.upgrade(database.engine)
        demo = generate_demo(database, premises=args.premises, years=3)
        settings = QSettings(f"{tmp}/settings.ini", QSettings.Format.IniFormat)
        clerk_tour(app, Backend(database, workstation="biuro-1"), demo, args.out, settings)
        database.dispose()


if __name__ == "__main__":
    main()
