"""Change a holder's contact data (zmień dane): landline, mobile, e-mail.

Every bad field is reported at once, next to its own input, in the service's Polish words; nothing
typed is lost after a refusal. The dialog is opened with ``open()`` (window-modal, not blocking).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QWidget

from iok_desktop.domain.errors import DomainError, ValidationError
from iok_desktop.gui.clerk.context import ClerkContext
from iok_desktop.gui.forms.ui_registry_contact_dialog import Ui_RegistryContactDialog
from iok_desktop.gui.widgets import set_invalid, show_error
from iok_desktop.services import contacts
from iok_desktop.services.contacts import ContactData, ContactValidationError


class ContactDialog(QDialog):
    saved = Signal(object)  # ContactData

    def __init__(self, ctx: ClerkContext, contact: ContactData, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.contact = contact
        self.ui = Ui_RegistryContactDialog()
        self.ui.setupUi(self)
        self.setObjectName("contact_dialog")
        self.setWindowTitle(self.tr("Contact data — %1").replace("%1", contact.full_name))
        self.ui.person_label.setText(contact.full_name)
        self.ui.landline_edit.setText(contact.landline or "")
        self.ui.mobile_edit.setText(contact.mobile or "")
        self.ui.email_edit.setText(contact.email or "")
        self.save_button = self.ui.button_box.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Save contact data"))
        self.save_button.setObjectName("save_contact_button")
        self.ui.button_box.accepted.connect(self.submit)
        self.ui.button_box.rejected.connect(self.reject)
        self.fields: dict[str, tuple[QLineEdit, QLabel]] = {
            "landline": (self.ui.landline_edit, self.ui.landline_error_label),
            "mobile": (self.ui.mobile_edit, self.ui.mobile_error_label),
            "email": (self.ui.email_edit, self.ui.email_error_label),
        }
        self._clear_errors()
        self.ui.landline_edit.setFocus()

    def submit(self) -> None:
        self._clear_errors()
        self._set_busy(True)
        self.ctx.run(
            self.ctx.call(
                contacts.update_contact,
                self.contact.person_id,
                landline=self.ui.landline_edit.text(),
                mobile=self.ui.mobile_edit.text(),
                email=self.ui.email_edit.text(),
            ),
            self._saved,
            self._failed,
        )

    def _saved(self, contact: ContactData) -> None:
        self._set_busy(False)
        self.contact = contact
        self.saved.emit(contact)
        self.accept()

    def _failed(self, error: BaseException) -> bool:
        self._set_busy(False)
        if not isinstance(error, DomainError):
            return False
        if isinstance(error, ContactValidationError):
            for field, message in error.errors.items():
                edit, label = self.fields[field]
                show_error(label, message)
                set_invalid(edit, True)
            self.fields[error.field or "landline"][0].setFocus()
            return True
        bad = error.field if isinstance(error, ValidationError) else None
        if bad is not None and bad in self.fields:
            edit, label = self.fields[bad]
            show_error(label, error.message)
            set_invalid(edit, True)
            edit.setFocus()
        else:
            show_error(self.ui.error_label, error.message)
        return True

    def _clear_errors(self) -> None:
        for edit, label in self.fields.values():
            show_error(label, None)
            set_invalid(edit, False)
        show_error(self.ui.error_label, None)

    def _set_busy(self, busy: bool) -> None:
        for edit, _label in self.fields.values():
            edit.setReadOnly(busy)
        self.ui.button_box.setEnabled(not busy)
