"""Entry point of the desktop application (``iok-desktop`` with no subcommand).

The clerk's start is built for speed (benchmarks/README.md, start-up): only Qt and the sign-in window
are imported before the window is shown; where the database is (the config file), the services,
SQLAlchemy and the database itself are opened on the worker thread while the clerk types. The kiosk
(its pages import phone-number and e-mail validation among others) is imported only when the kiosk is
started.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QSettings
from PySide6.QtWidgets import QApplication

from iok_desktop.domain.language import set_language
from iok_desktop.gui.errors import open_failure_message
from iok_desktop.gui.qt_app import make_application
from iok_desktop.gui.self_test import SelfTest

if TYPE_CHECKING:
    from iok_desktop.services.backend import Backend

# The same variable iok_desktop.config reads; that module (platformdirs) is not imported here.
ENV_DATABASE_URL = "IOK_DATABASE_URL"


def system_language() -> str:
    """Polish unless the system speaks English (the two languages the application has)."""
    return "en" if QLocale.system().language() == QLocale.Language.English else "pl"


def run(args: argparse.Namespace) -> int:
    language = args.lang or system_language()
    set_language(language)  # the core's messages and labels; the Qt translators follow
    app = make_application(sys.argv[:1], language=language, style="kiosk" if args.kiosk else "clerk")
    self_test = SelfTest(app) if args.self_test else None
    if args.kiosk:
        return _run_kiosk(app, args.database_url, args.printer, self_test)
    return _run_clerk(app, args.database_url, self_test)


def _run_clerk(app: QApplication, database_url: str | None, self_test: SelfTest | None) -> int:
    from iok_desktop.gui.clerk.app import ClerkApp  # noqa: PLC0415 - after the QApplication: it is light

    clerk = ClerkApp(None, QSettings())
    clerk.failed_to_open.connect(lambda message: app.exit(_fatal(message, self_test)))
    if self_test is not None:
        clerk.opened.connect(self_test.database_opened)
    given = database_url or os.environ.get(ENV_DATABASE_URL)
    clerk.open(lambda: _open_backend(database_url), sign_in_expected=not (given and _new_sqlite_file(given)))
    code = app.exec()
    clerk.runner.shutdown()
    if clerk.backend is not None:
        clerk.backend.database.dispose()
    return int(code)


def _open_backend(database_url: str | None) -> Backend:
    """On the worker: the config file is read there too (a broken one is a DomainError)."""
    from iok_desktop.services.bootstrap import open_backend  # noqa: PLC0415 - see the module's docstring

    return open_backend(database_url)


def _new_sqlite_file(url: str) -> bool:
    """A SQLite file that does not exist yet: the first-run wizard, not the sign-in, comes first.

    Known before the window only for a database given on the command line or in the environment; one
    from the config file (or the embedded default) is found on the worker, and a first run found there
    replaces the sign-in window with the wizard (``ClerkApp._staff_counted``).
    """
    prefix = "sqlite:///"
    if not url.startswith(prefix) or "?" in url or url.endswith(":memory:"):
        return False
    return not Path(url.removeprefix(prefix)).exists()


def _fatal(message: str, self_test: SelfTest | None) -> int:
    if self_test is not None:
        self_test.failed(message)
    else:
        from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415 - rarely needed, not worth the start's time

        QMessageBox.critical(None, "IOK Desktop", message)
    return 2


def _run_kiosk(app: QApplication, database_url: str | None, printer: str | None, self_test: SelfTest | None) -> int:
    """The office kiosk; it ends only when an administrator closes it (Ctrl+Alt+Shift+K)."""
    from iok_desktop.config import kiosk_printer  # noqa: PLC0415 - see above
    from iok_desktop.gui.kiosk.app import KioskApp  # noqa: PLC0415
    from iok_desktop.services.bootstrap import open_backend  # noqa: PLC0415

    try:
        # On the UI thread, unlike the clerk's: the kiosk shows nothing until it can serve a resident.
        backend = open_backend(database_url)
        printer = kiosk_printer(printer)
    except Exception as error:  # any reason at all is told to the user, in Polish
        return _fatal(open_failure_message(error), self_test)
    if self_test is not None:
        self_test.database_opened(backend.description)
    kiosk = KioskApp(backend, printer=printer)
    kiosk.closed.connect(app.quit)
    kiosk.start()
    code = app.exec()
    kiosk.runner.shutdown()
    backend.database.dispose()
    return int(code)
