"""Entry point of the desktop application (``iok-desktop`` with no subcommand).

The clerk's start is built for speed (benchmarks/README.md, start-up): only Qt and the sign-in window
are imported before the window is shown; the services, SQLAlchemy and the database are opened on the
worker thread while the clerk types. The kiosk (its pages import phone-number and e-mail validation
among others) is imported only when the kiosk is started.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from iok_desktop.config import DatabaseLocation, resolve_database_url
from iok_desktop.domain.errors import DomainError
from iok_desktop.gui.qt_app import make_application
from iok_desktop.gui.self_test import SelfTest

if TYPE_CHECKING:
    from iok_desktop.services.backend import Backend

LANGUAGES = ("pl", "en")


def system_language() -> str:
    """Polish unless the system speaks English (the two languages the application has)."""
    return "en" if QLocale.system().language() == QLocale.Language.English else "pl"


def run(args: argparse.Namespace) -> int:
    language = args.lang or system_language()
    # LANG-WIRE: set_language(language) once iok_desktop.domain.language exists
    app = make_application(sys.argv[:1], language=language, style="kiosk" if args.kiosk else "clerk")
    self_test = SelfTest(app) if args.self_test else None
    try:
        location = resolve_database_url(args.database_url)
    except DomainError as error:
        return _fatal(error.message, self_test)
    if args.kiosk:
        return _run_kiosk(app, location, args.printer, self_test)
    return _run_clerk(app, location, self_test)


def _run_clerk(app: QApplication, location: DatabaseLocation, self_test: SelfTest | None) -> int:
    from iok_desktop.gui.clerk.app import ClerkApp  # noqa: PLC0415 - after the QApplication: it is light

    clerk = ClerkApp(None, QSettings())
    clerk.failed_to_open.connect(lambda message: app.exit(_fatal(message, self_test)))
    if self_test is not None:
        clerk.opened.connect(self_test.database_opened)
    clerk.open(lambda: _open_backend(location), sign_in_expected=not _first_run_expected(location))
    code = app.exec()
    clerk.runner.shutdown()
    if clerk.backend is not None:
        clerk.backend.database.dispose()
    return int(code)


def _open_backend(location: DatabaseLocation) -> Backend:
    from iok_desktop.services.bootstrap import open_backend  # noqa: PLC0415 - on the worker, see above

    return open_backend(location.url)


def _first_run_expected(location: DatabaseLocation) -> bool:
    """A SQLite file that does not exist yet: the first-run wizard, not the sign-in, comes first."""
    prefix = "sqlite:///"
    if not location.url.startswith(prefix) or "?" in location.url or location.url.endswith(":memory:"):
        return False
    return not Path(location.url.removeprefix(prefix)).exists()


def _fatal(message: str, self_test: SelfTest | None) -> int:
    if self_test is not None:
        self_test.failed(message)
    else:
        QMessageBox.critical(None, "IOK Desktop", message)
    return 2


def _run_kiosk(app: QApplication, location: DatabaseLocation, printer: str | None, self_test: SelfTest | None) -> int:
    """The office kiosk; it ends only when an administrator closes it (Ctrl+Alt+Shift+K)."""
    from iok_desktop.config import kiosk_printer  # noqa: PLC0415 - see above
    from iok_desktop.gui.kiosk.app import KioskApp  # noqa: PLC0415
    from iok_desktop.services.bootstrap import open_backend  # noqa: PLC0415

    try:
        backend = open_backend(location.url)
        printer = kiosk_printer(printer)
    except DomainError as error:
        return _fatal(error.message, self_test)
    if self_test is not None:
        self_test.database_opened(backend.description)
    kiosk = KioskApp(backend, printer=printer)
    kiosk.closed.connect(app.quit)
    kiosk.start()
    code = app.exec()
    kiosk.runner.shutdown()
    backend.database.dispose()
    return int(code)
