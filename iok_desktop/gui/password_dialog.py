"""The forced password change (a new or reset account): the rules are ticked off as the user types."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from iok_desktop.domain.errors import DomainError, ValidationError
from iok_desktop.gui.forms.ui_password_change_dialog import Ui_PasswordChangeDialog
from iok_desktop.gui.operations import OperationRunner
from iok_desktop.gui.password_rules import PasswordRules
from iok_desktop.gui.widgets import set_invalid, show_error
from iok_desktop.services import auth
from iok_desktop.services.backend import Backend
from iok_desktop.services.context import Actor


class PasswordChangeDialog(QDialog):
    changed = Signal()

    def __init__(self, backend: Backend, runner: OperationRunner, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_PasswordChangeDialog()
        self.ui.setupUi(self)
        self._backend = backend
        self._runner = runner
        self._actor = actor
        self._rules = PasswordRules(self.ui.rules_layout, self)
        self._ok = self.ui.button_box.button(QDialogButtonBox.StandardButton.Ok)
        self._ok.setText(self.tr("Set password"))
        self.ui.button_box.accepted.connect(self.submit)
        self.ui.button_box.rejected.connect(self.reject)
        for edit in (self.ui.current_edit, self.ui.new_edit, self.ui.repeat_edit):
            edit.textChanged.connect(self._update_rules)
        show_error(self.ui.error_label, None)
        self._update_rules()

    def _update_rules(self) -> None:
        all_met = self._rules.update(self.ui.new_edit.text(), self.ui.repeat_edit.text(), self._actor.login)
        self._ok.setEnabled(all_met and bool(self.ui.current_edit.text()))

    def submit(self) -> None:
        if not self._ok.isEnabled():
            return
        current, new = self.ui.current_edit.text(), self.ui.new_edit.text()
        self._set_busy(True)
        actor = self._actor
        self._runner.run(
            lambda: self._backend.call(actor, auth.change_own_password, current, new), self._succeeded, self._failed
        )

    def _succeeded(self, _result: None) -> None:
        self._set_busy(False)
        self.changed.emit()
        self.accept()

    def _failed(self, error: BaseException) -> bool:
        self._set_busy(False)
        if not isinstance(error, DomainError):
            return False
        show_error(self.ui.error_label, error.message)
        field = error.field if isinstance(error, ValidationError) else None
        target = self.ui.current_edit if field == "current_password" else self.ui.new_edit
        set_invalid(target, True)
        target.setFocus()
        return True

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.ui.current_edit, self.ui.new_edit, self.ui.repeat_edit, self.ui.button_box):
            widget.setEnabled(not busy)
        if not busy:
            self._update_rules()
