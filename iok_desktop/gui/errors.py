"""One place that shows errors, by kind (the taxonomy of domain/errors.py):

- a user error (ValidationError, PermissionDenied, NotFound…): its Polish message, nothing lost;
- a conflict (someone else changed it first): the message, and the caller reloads;
- the database unreachable: a banner with retry (``database_unavailable`` signal) and a message; when
  the connection dropped during a save (``CommitOutcomeUnknownError``) the message says to check
  whether it was saved before saving again;
- anything else is a bug: logged with its traceback and shown in a crash dialog with details.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QWidget

from iok_desktop.domain.errors import ConflictError, DatabaseUnavailableError, DomainError
from iok_desktop.gui.dialogs import Dialogs

log = logging.getLogger("iok.gui")


def open_failure_message(error: BaseException) -> str:
    """Why the database could not be opened at start-up (the clerk's application and the kiosk)."""
    if isinstance(error, DomainError):
        return error.message
    # Not a refusal of ours: the server is down, the address or the file is wrong. The driver's first
    # line says which; the rest of its text is for developers.
    detail = (str(error) or type(error).__name__).splitlines()[0]
    return QCoreApplication.translate(
        "ClerkApp",
        "The database cannot be opened. Check that the database server is running and that its "
        "address is right.\n\nDetails: %1",
    ).replace("%1", detail)


class ErrorPresenter(QObject):
    database_unavailable = Signal(str)

    def __init__(self, dialogs: Dialogs, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.dialogs = dialogs
        self.window: QWidget | None = None

    def show(self, error: BaseException) -> None:
        # Imported here: this module is on the start-up path, the backend (SQLAlchemy) is not.
        from iok_desktop.services.backend import CommitOutcomeUnknownError  # noqa: PLC0415

        if isinstance(error, CommitOutcomeUnknownError):
            self.database_unavailable.emit(error.message)
            self.dialogs.warning(
                self.window, QCoreApplication.translate("ErrorPresenter", "Save not confirmed"), error.message
            )
        elif isinstance(error, DatabaseUnavailableError):
            self.database_unavailable.emit(error.message)
            self.dialogs.warning(
                self.window, QCoreApplication.translate("ErrorPresenter", "No connection"), error.message
            )
        elif isinstance(error, ConflictError):
            self.dialogs.warning(
                self.window, QCoreApplication.translate("ErrorPresenter", "Changed by someone else"), error.message
            )
        elif isinstance(error, DomainError):
            self.dialogs.warning(
                self.window, QCoreApplication.translate("ErrorPresenter", "Cannot do that"), error.message
            )
        else:
            import traceback  # noqa: PLC0415 - only for a bug; this module is on the start-up path

            details = "".join(traceback.format_exception(error))
            log.error("unexpected error\n%s", details)
            self.dialogs.error(
                self.window,
                QCoreApplication.translate("ErrorPresenter", "Unexpected error"),
                QCoreApplication.translate(
                    "ErrorPresenter",
                    "Something went wrong in IOK Desktop. Your data is safe; please report this to the administrator.",
                ),
                details,
            )
