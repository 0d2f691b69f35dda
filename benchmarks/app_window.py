"""The clerk application's real start, until its login window is on the screen.

    python -m benchmarks.app_window --database-url URL

Run as a new process by ``benchmarks/startup.py`` (offscreen). It is ``iok-desktop`` itself
(``iok_desktop.cli.main.main`` with the arguments a user types) with one change: when the event loop
starts, an application-wide event filter is installed that prints ``EXPOSED <peak RSS in kB>`` when
Qt first exposes the login window (object name ``LoginDialog``) and quits. Everything before that —
imports, translations, stylesheet, the database check and the staff count on the worker thread — is
what a clerk waits for.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QWidget

from benchmarks.bare_window import QuitWhenExposed
from iok_desktop.cli.main import main

_real_exec = QApplication.exec


def _login_dialog(widget: QWidget) -> bool:
    return widget.objectName() == "LoginDialog"


def _exec_until_login_shows(app: QApplication) -> int:
    app.installEventFilter(QuitWhenExposed(app, _login_dialog))
    return int(_real_exec())


if __name__ == "__main__":
    QApplication.exec = _exec_until_login_shows  # type: ignore[method-assign,assignment]
    sys.exit(main(sys.argv[1:]))
