"""Staff sign-in. The login stays in the form after a refusal; the password is selected for retyping.

The window can be shown before the database is open (``backend=None``): the application opens it on
the worker thread meanwhile, and a sign-in asked for before that is sent as soon as it is open.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QWidget

from iok_desktop.domain.errors import DomainError
from iok_desktop.gui.forms.ui_login_dialog import Ui_LoginDialog
from iok_desktop.gui.operations import OperationRunner
from iok_desktop.gui.widgets import show_error

if TYPE_CHECKING:  # the services pull in SQLAlchemy, which the start-up must not wait for
    from iok_desktop.services.auth import StaffSession
    from iok_desktop.services.backend import Backend


class LoginDialog(QDialog):
    signed_in = Signal(object)  # StaffSession

    def __init__(self, backend: Backend | None, runner: OperationRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_LoginDialog()
        self.ui.setupUi(self)
        self._backend: Backend | None = None
        self._runner = runner
        self._sign_in_waiting = False
        self.ui.sign_in_button.clicked.connect(self.submit)
        self.ui.cancel_button.clicked.connect(self.reject)
        self.ui.database_label.setText(self.tr("Database: connecting…"))
        show_error(self.ui.error_label, None)
        self.ui.login_edit.setFocus()
        if backend is not None:
            self.set_backend(backend)

    def set_backend(self, backend: Backend) -> None:
        """The database is open: sign-ins can go to it (one asked for meanwhile goes now)."""
        # The Qt namespace takes tens of milliseconds to import (its enums); the window must not wait
        # for it, so the label becomes selectable (to copy the address for support) only now.
        from PySide6.QtCore import Qt  # noqa: PLC0415

        self._backend = backend
        self.ui.database_label.setText(self.tr("Database: %1").replace("%1", backend.description))
        self.ui.database_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if self._sign_in_waiting:
            self._sign_in_waiting = False
            self._set_busy(False)
            self.submit()

    def submit(self) -> None:
        login = self.ui.login_edit.text().strip()
        password = self.ui.password_edit.text()
        if not login or not password:
            show_error(self.ui.error_label, self.tr("Enter your user ID and password."))
            (self.ui.login_edit if not login else self.ui.password_edit).setFocus()
            return
        self._set_busy(True)
        backend = self._backend
        if backend is None:
            self._sign_in_waiting = True
            return
        self._runner.run(lambda: backend.login_staff(login, password), self._succeeded, self._failed)

    def _succeeded(self, session: StaffSession) -> None:
        self._set_busy(False)
        self.ui.password_edit.clear()
        self.signed_in.emit(session)
        self.accept()

    def _failed(self, error: BaseException) -> bool:
        self._set_busy(False)
        if not isinstance(error, DomainError):
            return False
        show_error(self.ui.error_label, error.message)
        self.ui.password_edit.setFocus()
        self.ui.password_edit.selectAll()
        return True

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.ui.login_edit, self.ui.password_edit, self.ui.sign_in_button, self.ui.cancel_button):
            widget.setEnabled(not busy)
