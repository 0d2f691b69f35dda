"""The one-time password of a staff user, shown once: the admin must confirm before the dialog closes.

The password exists only in this dialog (never in a table, a log or the settings); closing it destroys
the widget that held it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget


class OneTimePasswordDialog(QDialog):
    def __init__(self, login: str, full_name: str, password: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("one_time_password_dialog")
        self.setWindowTitle(self.tr("One-time password"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(460, 260)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Give this one-time password to %1 (user ID %2). It is shown only now: IOK Desktop does not "
                "keep it. At the first sign-in they must set their own password."
            )
            .replace("%1", full_name)
            .replace("%2", login),
            self,
        )
        intro.setObjectName("intro_label")
        intro.setWordWrap(True)
        self.password_label = QLabel(password, self)
        self.password_label.setObjectName("password_label")
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSize(20)
        font.setBold(True)
        font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 3)
        self.password_label.setFont(font)
        self.password_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.password_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.password_label.setStyleSheet(
            "QLabel { background: #ffffff; border: 1px solid #d7dce2; padding: 12px; color: #102a3c; }"
        )
        self.acknowledged_check = QCheckBox(self.tr("I have written the password down or handed it over"), self)
        self.acknowledged_check.setObjectName("acknowledged_check")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        self.buttons.setObjectName("password_button_box")
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setEnabled(False)
        self.acknowledged_check.toggled.connect(self.ok_button.setEnabled)
        self.buttons.accepted.connect(self.accept)
        layout.addWidget(intro)
        layout.addWidget(self.password_label)
        layout.addWidget(self.acknowledged_check)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    def accept(self) -> None:
        if self.acknowledged_check.isChecked():
            self.password_label.clear()
            super().accept()

    def reject(self) -> None:
        """Escape and the window's close button do nothing until the admin confirms (QDialog's close
        event goes through here): the password would be lost before anyone noted it."""
        if self.acknowledged_check.isChecked():
            self.accept()
