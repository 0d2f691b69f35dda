"""The cooperative's settings (designed in ui/admin_settings.ui).

The services check every value; a refusal shows next to its field in the service's words and keeps
everything typed. A save refused because someone else saved first shows the message and reloads.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal, InvalidOperation

from PySide6.QtWidgets import QLabel, QWidget

from iok_desktop.domain.bank_account import format_nrb
from iok_desktop.domain.errors import ConflictError, ValidationError
from iok_desktop.gui.clerk.context import ClerkContext
from iok_desktop.gui.forms.ui_admin_settings import Ui_AdminSettingsForm
from iok_desktop.gui.widgets import set_invalid, show_error
from iok_desktop.services import settings
from iok_desktop.services.settings import CooperativeSettings


def _decimal_text(value: Decimal) -> str:
    return f"{value:f}".replace(".", ",")


class SettingsTab(QWidget):
    def __init__(self, ctx: ClerkContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_AdminSettingsForm()
        self.ui.setupUi(self)
        self.loaded: CooperativeSettings | None = None
        self._shown: CooperativeSettings | None = None
        ui = self.ui
        self._fields: dict[str, tuple[QLabel, QWidget]] = {
            "name": (ui.name_error_label, ui.name_edit),
            "address": (ui.address_error_label, ui.address_edit),
            "bank_account": (ui.bank_account_error_label, ui.bank_account_edit),
            "iok_url": (ui.iok_url_error_label, ui.iok_url_edit),
            "anomaly_multiple": (ui.anomaly_multiple_error_label, ui.anomaly_multiple_edit),
            "throttle_after_failures": (ui.throttle_error_label, ui.throttle_spin),
            "lockout_after_failures": (ui.lockout_after_error_label, ui.lockout_after_spin),
            "lockout_minutes": (ui.lockout_minutes_error_label, ui.lockout_minutes_spin),
            "kiosk_idle_seconds": (ui.kiosk_idle_error_label, ui.kiosk_idle_spin),
        }
        ui.save_settings_button.clicked.connect(self.save)
        ui.reload_settings_button.clicked.connect(self.undo)
        self._clear_errors()
        self.setEnabled(False)  # until the settings are read

    # --- loading --------------------------------------------------------------------------------
    def reload(self, message: str | None = None) -> None:
        def loaded(values: CooperativeSettings) -> None:
            self.show_settings(values)
            self.ui.settings_message_label.setText(message or "")

        self.ctx.run(self.ctx.call(settings.get_settings), loaded)

    def show_settings(self, values: CooperativeSettings) -> None:
        self.loaded = values
        ui = self.ui
        self._clear_errors()
        ui.name_edit.setText(values.name)
        ui.address_edit.setText(values.address)
        ui.bank_account_edit.setText(format_nrb(values.bank_account) if values.bank_account else "")
        ui.iok_url_edit.setText(values.iok_url)
        ui.anomaly_multiple_edit.setText(_decimal_text(values.anomaly_multiple))
        ui.throttle_spin.setValue(values.throttle_after_failures)
        ui.lockout_after_spin.setValue(values.lockout_after_failures)
        ui.lockout_minutes_spin.setValue(values.lockout_minutes)
        ui.kiosk_idle_spin.setValue(values.kiosk_idle_seconds)
        self._shown = self.typed()
        self.setEnabled(True)

    def is_dirty(self) -> bool:
        return self._shown is not None and self.typed() != self._shown

    # --- reading the form -----------------------------------------------------------------------
    def typed(self) -> CooperativeSettings | None:
        """What is in the form, as settings (None when the multiple is not a number; shown as such)."""
        if self.loaded is None:
            return None
        ui = self.ui
        try:
            multiple = Decimal(ui.anomaly_multiple_edit.text().strip().replace(",", ".").replace(" ", ""))
        except InvalidOperation:
            return None
        if not multiple.is_finite():
            return None
        return replace(
            self.loaded,
            name=ui.name_edit.text(),
            address=ui.address_edit.text(),
            bank_account=ui.bank_account_edit.text(),
            iok_url=ui.iok_url_edit.text(),
            anomaly_multiple=multiple,
            throttle_after_failures=ui.throttle_spin.value(),
            lockout_after_failures=ui.lockout_after_spin.value(),
            lockout_minutes=ui.lockout_minutes_spin.value(),
            kiosk_idle_seconds=ui.kiosk_idle_spin.value(),
        )

    # --- saving ---------------------------------------------------------------------------------
    def save(self) -> None:
        self._clear_errors()
        self.ui.settings_message_label.setText("")
        new = self.typed()
        if new is None:
            if self.loaded is not None:
                self._show_field_error("anomaly_multiple", self.tr("Enter a number, e.g. 3 or 2,5."))
            return
        self.ui.save_settings_button.setEnabled(False)
        self.ctx.run(self.ctx.call(settings.update_settings, new), self._saved, self._failed)

    def _saved(self, values: CooperativeSettings) -> None:
        self.ui.save_settings_button.setEnabled(True)
        self.show_settings(values)
        self.ui.settings_message_label.setText(self.tr("Settings saved."))

    def _failed(self, error: BaseException) -> bool:
        self.ui.save_settings_button.setEnabled(True)
        if isinstance(error, ConflictError):
            self.ctx.errors.show(error)
            self.reload(self.tr("Reloaded: these are the settings as saved by the other person."))
            return True
        if isinstance(error, ValidationError) and error.field in self._fields:
            self._show_field_error(error.field, error.message)
            return True
        return False

    def undo(self) -> None:
        """Back to the settings as saved (read again, in case someone changed them)."""
        self.reload()

    # --- errors ---------------------------------------------------------------------------------
    def _show_field_error(self, field: str, message: str) -> None:
        label, widget = self._fields[field]
        show_error(label, message)
        set_invalid(widget, True)
        widget.setFocus()

    def _clear_errors(self) -> None:
        for label, widget in self._fields.values():
            show_error(label, None)
            set_invalid(widget, False)
