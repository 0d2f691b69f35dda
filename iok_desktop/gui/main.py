"""Entry point of the desktop application (``iok-desktop`` with no subcommand)."""

from __future__ import annotations

import argparse
import sys

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from iok_desktop.config import kiosk_printer
from iok_desktop.domain.errors import DomainError
from iok_desktop.gui.clerk.app import ClerkApp
from iok_desktop.gui.qt_app import make_application
from iok_desktop.services.backend import Backend
from iok_desktop.services.bootstrap import open_backend

# The kiosk (its pages import phone-number and e-mail validation among others) is imported only when
# the kiosk is started: the clerk's start-up does not wait for it (benchmarks/README.md, start-up).


def run(args: argparse.Namespace) -> int:
    app = make_application(sys.argv[:1], style="kiosk" if args.kiosk else "clerk")
    try:
        backend = open_backend(args.database_url)
        printer = kiosk_printer(args.printer) if args.kiosk else None
    except DomainError as error:
        QMessageBox.critical(None, "IOK Desktop", error.message)
        return 2
    if args.kiosk:
        return _run_kiosk(app, backend, printer)
    clerk = ClerkApp(backend, QSettings())
    clerk.start()
    code = app.exec()
    clerk.runner.shutdown()
    backend.database.dispose()
    return int(code)


def _run_kiosk(app: QApplication, backend: Backend, printer: str | None) -> int:
    """The office kiosk; it ends only when an administrator closes it (Ctrl+Alt+Shift+K)."""
    from iok_desktop.gui.kiosk.app import KioskApp  # noqa: PLC0415 - see above

    kiosk = KioskApp(backend, printer=printer)
    kiosk.closed.connect(app.quit)
    kiosk.start()
    code = app.exec()
    kiosk.runner.shutdown()
    backend.database.dispose()
    return int(code)
