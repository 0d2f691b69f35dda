"""Staff sign-in. The login stays in the form after a refusal; the password is selected for retyping."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from iok_desktop.domain.errors import DomainError
from iok_desktop.gui.forms.ui_login_dialog import Ui_LoginDialog
from iok_desktop.gui.operations import OperationRunner
from iok_desktop.gui.widgets import show_error
from iok_desktop.services.auth import StaffSession
from iok_desktop.services.backend import Backend


class LoginDialog(QDialog):
    signed_in = Signal(object)  # StaffSession

    def __init__(self, backend: Backend, runner: OperationRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_LoginDialog()
        self.ui.setupUi(self)
        self._backend = backend
        self._runner = runner
        self.ui.button_box.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        self.ui.button_box.accepted.connect(self.submit)
        self.ui.button_box.rejected.connect(self.reject)
        self.ui.database_label.setText(self.tr("Database: %1").replace("%1", backend.description))
        show_error(self.ui.error_label, None)
        self.ui.login_edit.setFocus()

    def submit(self) -> None:
        login = self.ui.login_edit.text().strip()
        password = self.ui.password_edit.text()
        if not login or not password:
            show_error(self.ui.error_label, self.tr("Enter your user ID and password."))
            (self.ui.login_edit if not login else self.ui.password_edit).setFocus()
            return
        self._set_busy(True)
        self._runner.run(lambda: self._backend.login_staff(login, password), self._succeeded, self._failed)

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
        for widget in (self.ui.login_edit, self.ui.password_edit, self.ui.button_box):
            widget.setEnabled(not busy)
