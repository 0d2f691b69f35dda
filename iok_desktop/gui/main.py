"""Entry point of the desktop application (``iok-desktop`` with no subcommand)."""

from __future__ import annotations

import argparse
import sys

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QMessageBox

from iok_desktop.domain.errors import DomainError
from iok_desktop.gui.clerk.app import ClerkApp
from iok_desktop.gui.qt_app import make_application
from iok_desktop.services.bootstrap import open_backend


def run(args: argparse.Namespace) -> int:
    app = make_application(sys.argv[:1])
    try:
        backend = open_backend(args.database_url)
    except DomainError as error:
        QMessageBox.critical(None, "IOK Desktop", error.message)
        return 2
    if args.kiosk:
        QMessageBox.information(
            None, "IOK Desktop", QCoreApplication.translate("Main", "Kiosk mode is not available in this version yet.")
        )
        return 3
    clerk = ClerkApp(backend, QSettings())
    clerk.start()
    code = app.exec()
    clerk.runner.shutdown()
    backend.database.dispose()
    return int(code)
