"""The resident's sign-in screen: user ID and password, checked on the worker thread."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from iok_desktop.domain.errors import DatabaseUnavailableError, DomainError
from iok_desktop.gui.kiosk.named import named
from iok_desktop.gui.operations import OperationRunner
from iok_desktop.services.auth import ResidentSession
from iok_desktop.services.backend import Backend


class KioskLoginScreen(QWidget):
    signed_in = Signal(object, str)  # ResidentSession, the password just typed (for a forced change)

    def __init__(self, backend: Backend, runner: OperationRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kiosk_login")
        self._backend = backend
        self._runner = runner
        title = QLabel(self.tr("Resident sign-in"))
        title.setProperty("role", "kiosk-title")
        self.login_edit = named(QLineEdit(), "kiosk_login_edit")
        self.login_edit.setPlaceholderText(self.tr("User ID"))
        self.password_edit = named(QLineEdit(), "kiosk_password_edit")
        self.password_edit.setPlaceholderText(self.tr("Password"))
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = named(QLabel(), "kiosk_login_message")
        self.message.setProperty("role", "kiosk-error")
        self.message.setWordWrap(True)
        self.message.setFixedWidth(720)  # a fixed width lets the wrapped service message get its height
        self.sign_in_button = named(QPushButton(self.tr("Sign in")), "kiosk_sign_in")
        self.sign_in_button.setDefault(True)
        self.sign_in_button.clicked.connect(self.submit)
        self.password_edit.returnPressed.connect(self.submit)
        column = QVBoxLayout(self)
        column.addStretch(1)
        for widget in (title, self.login_edit, self.password_edit, self.message, self.sign_in_button):
            widget.setMaximumWidth(720)
            column.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addStretch(2)

    def submit(self) -> None:
        login, password = self.login_edit.text().strip(), self.password_edit.text()
        if not login or not password:
            self.message.setText(self.tr("Enter your user ID and password."))
            return
        self.sign_in_button.setEnabled(False)
        self._runner.run(lambda: self._backend.login_resident(login, password), self._succeeded, self._failed)

    def _succeeded(self, session: ResidentSession) -> None:
        password = self.password_edit.text()
        self.clear()
        self.signed_in.emit(session, password)

    def clear(self) -> None:
        """Leave nothing of the last attempt on screen."""
        self.login_edit.clear()
        self.password_edit.clear()
        self.message.clear()
        self.sign_in_button.setEnabled(True)
        self.login_edit.setFocus()

    def _failed(self, error: BaseException) -> bool:
        self.sign_in_button.setEnabled(True)
        self.password_edit.clear()
        if isinstance(error, DomainError) and not isinstance(error, DatabaseUnavailableError):
            # The service words throttling and lockout itself, including "ask at the office".
            self.message.setText(error.message)
            return True
        return False
