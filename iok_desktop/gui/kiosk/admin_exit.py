"""The only way out of the kiosk: an administrator signs in after the Ctrl+Alt+Shift+K key sequence."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from iok_desktop.domain.enums import StaffRole
from iok_desktop.domain.errors import DatabaseUnavailableError, DomainError
from iok_desktop.gui.kiosk.named import named
from iok_desktop.gui.operations import OperationRunner
from iok_desktop.services import auth
from iok_desktop.services.auth import StaffSession
from iok_desktop.services.backend import Backend
from iok_desktop.services.context import SYSTEM

EXIT_SEQUENCE = "Ctrl+Alt+Shift+K"


class KioskAdminExitScreen(QWidget):
    confirmed = Signal()
    cancelled = Signal()

    def __init__(self, backend: Backend, runner: OperationRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kiosk_admin_exit")
        self._backend = backend
        self._runner = runner
        title = QLabel(self.tr("Close the kiosk (administrator)"))
        title.setProperty("role", "kiosk-title")
        self.login_edit = named(QLineEdit(), "kiosk_admin_login_edit")
        self.login_edit.setPlaceholderText(self.tr("Staff login"))
        self.password_edit = named(QLineEdit(), "kiosk_admin_password_edit")
        self.password_edit.setPlaceholderText(self.tr("Password"))
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = named(QLabel(), "kiosk_admin_message")
        self.message.setProperty("role", "kiosk-error")
        self.message.setWordWrap(True)
        self.message.setFixedWidth(720)  # a fixed width lets the wrapped service message get its height
        self.close_button = named(QPushButton(self.tr("Close the kiosk")), "kiosk_admin_close")
        self.close_button.setDefault(True)
        self.close_button.clicked.connect(self.submit)
        self.back_button = named(QPushButton(self.tr("Back")), "kiosk_admin_back")
        self.back_button.clicked.connect(self.cancelled.emit)
        column = QVBoxLayout(self)
        column.addStretch(1)
        for widget in (title, self.login_edit, self.password_edit, self.message):
            column.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        # Side by side: the screen keeps to the half of the display the on-screen keyboard leaves.
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        column.addStretch(2)

    def submit(self) -> None:
        login, password = self.login_edit.text().strip(), self.password_edit.text()
        self.close_button.setEnabled(False)
        # Not login_staff: the kiosk's database role may not read staff password hashes (db/roles.py).
        at_kiosk = dataclasses.replace(SYSTEM, workstation=self._backend.workstation)
        self._runner.run(
            lambda: self._backend.call(at_kiosk, auth.login_kiosk_admin, login, password).unwrap(),
            self._signed_in,
            self._failed,
        )

    def _signed_in(self, session: StaffSession) -> None:
        self.close_button.setEnabled(True)
        self.password_edit.clear()
        if session.role is not StaffRole.ADMIN:
            self.message.setText(self.tr("Only an administrator can close the kiosk."))
            return
        self.confirmed.emit()

    def _failed(self, error: BaseException) -> bool:
        self.close_button.setEnabled(True)
        self.password_edit.clear()
        if isinstance(error, DomainError) and not isinstance(error, DatabaseUnavailableError):
            self.message.setText(error.message)
            return True
        return False
