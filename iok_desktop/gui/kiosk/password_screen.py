"""The forced password change of a new or reset resident account, before anything else is shown."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from iok_desktop.domain.errors import DatabaseUnavailableError, DomainError
from iok_desktop.gui.kiosk.named import named
from iok_desktop.gui.operations import OperationRunner
from iok_desktop.gui.password_rules import PasswordRules
from iok_desktop.services import auth
from iok_desktop.services.backend import Backend
from iok_desktop.services.context import Actor


class KioskPasswordScreen(QWidget):
    changed = Signal()
    cancelled = Signal()

    def __init__(
        self,
        backend: Backend,
        runner: OperationRunner,
        actor: Actor,
        current_password: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("kiosk_password_change")
        self._backend = backend
        self._runner = runner
        self._actor = actor
        # The resident has just typed the temporary password; asking for it again only confuses.
        self._current = current_password
        title = QLabel(self.tr("Set your own password"))
        title.setProperty("role", "kiosk-title")
        hint = QLabel(self.tr("Before you continue, choose a new password. It must have:"))
        self.new_edit = named(QLineEdit(), "kiosk_new_password_edit")
        self.new_edit.setPlaceholderText(self.tr("New password"))
        self.repeat_edit = named(QLineEdit(), "kiosk_repeat_password_edit")
        self.repeat_edit.setPlaceholderText(self.tr("New password again"))
        for edit in (self.new_edit, self.repeat_edit):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.textChanged.connect(self._update_rules)
        self.message = named(QLabel(), "kiosk_password_message")
        self.message.setProperty("role", "kiosk-error")
        self.message.setWordWrap(True)
        self.message.setFixedWidth(720)  # a fixed width lets the wrapped service message get its height
        self.save_button = named(QPushButton(self.tr("Set password")), "kiosk_set_password")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.submit)
        self.cancel_button = named(QPushButton(self.tr("Cancel")), "kiosk_cancel_password")
        self.cancel_button.clicked.connect(self.cancelled.emit)
        column = QVBoxLayout(self)
        column.setContentsMargins(16, 4, 16, 4)
        column.setSpacing(4)
        column.addStretch(1)
        for label in (title, hint):
            column.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
        # The rules in two columns and the buttons side by side: with the on-screen keyboard up, the
        # screen has about half of a 1024-pixel display.
        rules_box = QWidget(self)
        listed = QVBoxLayout()
        self._rules = PasswordRules(listed, rules_box)
        rules_grid = QGridLayout(rules_box)
        rules_grid.setHorizontalSpacing(48)
        rules_grid.setVerticalSpacing(0)
        for index, label in enumerate(self._rules.labels.values()):
            listed.removeWidget(label)
            rules_grid.addWidget(label, index % 3, index // 3)
        column.addWidget(rules_box, 0, Qt.AlignmentFlag.AlignHCenter)
        for widget in (self.new_edit, self.repeat_edit, self.message):
            column.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        column.addStretch(2)
        self._update_rules()

    @property
    def rule_labels(self) -> dict[str, QLabel]:
        return self._rules.labels

    def _update_rules(self) -> None:
        met = self._rules.update(self.new_edit.text(), self.repeat_edit.text(), self._actor.login)
        self.save_button.setEnabled(met)

    def submit(self) -> None:
        if not self.save_button.isEnabled():
            return
        current, new, actor = self._current, self.new_edit.text(), self._actor
        self.save_button.setEnabled(False)
        self._runner.run(
            lambda: self._backend.call(actor, auth.change_own_password, current, new), self._succeeded, self._failed
        )

    def _succeeded(self, _result: None) -> None:
        self._current = ""
        self.changed.emit()

    def _failed(self, error: BaseException) -> bool:
        self._update_rules()
        if isinstance(error, DomainError) and not isinstance(error, DatabaseUnavailableError):
            self.message.setText(error.message)
            return True
        return False
