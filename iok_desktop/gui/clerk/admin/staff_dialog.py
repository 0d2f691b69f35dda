"""Add a staff user (designed in ui/admin_staff_dialog.ui): user ID, full name, role.

The user is created on the worker; a refusal (a taken or malformed user ID) shows next to its field
and keeps what was typed. On success ``created`` carries the credentials (with the one-time password).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from iok_desktop.domain.enums import StaffRole
from iok_desktop.domain.errors import ValidationError
from iok_desktop.gui.clerk.context import ClerkContext
from iok_desktop.gui.forms.ui_admin_staff_dialog import Ui_AdminStaffDialog
from iok_desktop.gui.widgets import set_invalid, show_error
from iok_desktop.services import staff
from iok_desktop.services.staff import StaffCredentials


class AddStaffDialog(QDialog):
    created = Signal(object)  # StaffCredentials

    def __init__(self, ctx: ClerkContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_AdminStaffDialog()
        self.ui.setupUi(self)
        self.setObjectName("add_staff_dialog")
        self.ui.role_combo.addItem(self.tr("Clerk"), StaffRole.CLERK)
        self.ui.role_combo.addItem(self.tr("Administrator"), StaffRole.ADMIN)
        self.ok_button = self.ui.button_box.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Add"))
        self.ui.button_box.accepted.connect(self.submit)
        self.ui.button_box.rejected.connect(self.reject)
        self._busy = False
        self._clear_errors()
        self.ui.login_edit.setFocus()

    def submit(self) -> None:
        self._clear_errors()
        login, name = self.ui.login_edit.text(), self.ui.full_name_edit.text()
        role = StaffRole(self.ui.role_combo.currentData())
        self._set_busy(True)
        self.ctx.run(
            self.ctx.call(staff.create_staff_user, login=login, full_name=name, role=role),
            self._succeeded,
            self._failed,
        )

    def _succeeded(self, credentials: StaffCredentials) -> None:
        self._set_busy(False)
        self.created.emit(credentials)
        self.accept()

    def _failed(self, error: BaseException) -> bool:
        self._set_busy(False)
        if not isinstance(error, ValidationError):
            return False
        if error.field == "full_name":
            show_error(self.ui.full_name_error_label, error.message)
            set_invalid(self.ui.full_name_edit, True)
            self.ui.full_name_edit.setFocus()
        elif error.field == "login":
            show_error(self.ui.login_error_label, error.message)
            set_invalid(self.ui.login_edit, True)
            self.ui.login_edit.setFocus()
        else:
            show_error(self.ui.error_label, error.message)
        return True

    def _set_busy(self, busy: bool) -> None:
        """No closing while the user is being created (the answer would have nowhere to go)."""
        self._busy = busy
        self.ui.button_box.setEnabled(not busy)

    def reject(self) -> None:
        if not self._busy:
            super().reject()

    def _clear_errors(self) -> None:
        for label in (self.ui.login_error_label, self.ui.full_name_error_label, self.ui.error_label):
            show_error(label, None)
        for edit in (self.ui.login_edit, self.ui.full_name_edit):
            set_invalid(edit, False)
