"""The QApplication: Polish translations (ours and Qt's own buttons), icons, stylesheet, Qt logging."""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QLibraryInfo, QLocale, QtMsgType, QTranslator, qInstallMessageHandler
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from iok_desktop.gui import resources_rc  # noqa: F401 - registers the :/iok resources
from iok_desktop.gui.ui_thread_gc import collect_on_ui_thread

qt_log = logging.getLogger("iok.qt")
_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _route_qt_messages(kind: QtMsgType, _context: object, message: str) -> None:
    qt_log.log(_LEVELS.get(kind, logging.WARNING), message)


def install_translations(app: QApplication, language: str = "pl") -> list[QTranslator]:
    """Our strings are written in English in the code; Polish is a Qt Linguist translation."""
    translators = []
    if language != "en":
        ours = QTranslator(app)
        if ours.load(f":/iok/translations/iok_{language}.qm"):
            translators.append(ours)
        qt_own = QTranslator(app)
        if qt_own.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            translators.append(qt_own)
        QLocale.setDefault(QLocale(QLocale.Language.Polish, QLocale.Country.Poland))
    else:
        # Calendars and Qt's own number fields in English too. Amounts and dates the application
        # writes itself keep the Polish form in both languages (domain.money, domain.dates).
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    for translator in translators:
        app.installTranslator(translator)
    return translators


def load_stylesheet(name: str) -> str:
    from PySide6.QtCore import QFile, QIODevice  # noqa: PLC0415

    handle = QFile(f":/iok/styles/{name}.qss")
    if not handle.open(QIODevice.OpenModeFlag.ReadOnly):
        return ""
    return bytes(handle.readAll().data()).decode("utf-8")


def make_application(
    argv: list[str] | None = None, *, language: str = "pl", style: str = "clerk", route_qt_messages: bool = True
) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    if route_qt_messages:  # tests leave Qt's messages to pytest-qt, which fails a test on a warning
        qInstallMessageHandler(_route_qt_messages)
    app.setApplicationName("IOK Desktop")
    app.setOrganizationName("iok-desktop")
    app.setDesktopFileName("iok-desktop")  # Wayland/GNOME match the window to packaging/linux/iok-desktop.desktop
    app.setWindowIcon(QIcon(":/iok/icons/app.svg"))
    install_translations(app, language)
    app.setStyleSheet(load_stylesheet(style))
    collect_on_ui_thread(app)
    return app
