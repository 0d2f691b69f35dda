"""New credentials, shown once: the user ID and the one-time password, with the handover slip to print or
save as PDF. The clerk must acknowledge the handover to close it; then the password is gone for good
(it is not stored anywhere: a lost slip means a password reset)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QFont, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from iok_desktop.gui.clerk.accounts import handover_slip
from iok_desktop.gui.clerk.accounts.data import IssuedCredentials
from iok_desktop.gui.clerk.context import ClerkContext
from iok_desktop.gui.widgets import set_role
from iok_desktop.services.accounts import AccountCredentials


class CredentialsDialog(QDialog):
    def __init__(
        self, ctx: ClerkContext, issued: IssuedCredentials, *, reset: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("credentials_dialog")
        self.setWindowTitle(self.tr("New one-time password") if reset else self.tr("IOK account created"))
        self.setMinimumWidth(560)
        credentials = issued.credentials
        self.login = credentials.login
        self.document: QTextDocument | None = handover_slip.slip_document(issued, ctx.session.full_name)
        self.printed = False
        self.saved_to: str | None = None

        layout = QVBoxLayout(self)
        self._build_top(layout, credentials)
        self._build_slip_buttons(layout)
        self._build_acknowledgement(layout)

    def _build_top(self, layout: QVBoxLayout, credentials: AccountCredentials) -> None:
        title = QLabel(self.windowTitle(), self)
        title.setProperty("role", "page-title")
        layout.addWidget(title)
        warning = QLabel(
            self.tr(
                "The one-time password is shown only now and is not stored anywhere. Print the handover slip "
                "(or save it as PDF) and give it to the resident."
            ),
            self,
        )
        warning.setObjectName("once_warning_label")
        warning.setWordWrap(True)
        warning.setProperty("role", "banner")
        layout.addWidget(warning)

        form = QFormLayout()
        form.addRow(self.tr("Account holder:"), QLabel(credentials.person_name, self))
        form.addRow(self.tr("Premises:"), QLabel("\n".join(credentials.premises_addresses) or "—", self))
        big = QFont("DejaVu Sans Mono")
        big.setStyleHint(QFont.StyleHint.Monospace)
        big.setPointSize(18)
        big.setBold(True)
        self.login_label = QLabel(credentials.login, self)
        self.login_label.setObjectName("login_value_label")
        self.password_label = QLabel(credentials.initial_password, self)
        self.password_label.setObjectName("password_value_label")
        for label in (self.login_label, self.password_label):
            label.setFont(big)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("User ID:"), self.login_label)
        form.addRow(self.tr("One-time password:"), self.password_label)
        form.addRow(self.tr("IOK address:"), QLabel(credentials.iok_url or "—", self))
        layout.addLayout(form)

    def _build_slip_buttons(self, layout: QVBoxLayout) -> None:
        slip_row = QHBoxLayout()
        self.print_button = QPushButton(self.tr("Print slip…"), self)
        self.print_button.setObjectName("print_slip_button")
        self.print_button.clicked.connect(self.print_slip)
        self.save_pdf_button = QPushButton(self.tr("Save slip as PDF…"), self)
        self.save_pdf_button.setObjectName("save_slip_pdf_button")
        self.save_pdf_button.clicked.connect(self.save_slip_pdf)
        slip_row.addWidget(self.print_button)
        slip_row.addWidget(self.save_pdf_button)
        slip_row.addStretch(1)
        layout.addLayout(slip_row)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("slip_status_label")
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)

    def _build_acknowledgement(self, layout: QVBoxLayout) -> None:
        self.acknowledge_check = QCheckBox(
            self.tr("The resident has the slip. I understand the password cannot be shown again."), self
        )
        self.acknowledge_check.setObjectName("acknowledge_check")
        self.acknowledge_check.toggled.connect(self._acknowledged)
        layout.addWidget(self.acknowledge_check)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.setObjectName("close_credentials_button")
        self.close_button.setEnabled(False)
        self.close_button.clicked.connect(self.accept)
        bottom.addWidget(self.close_button)
        layout.addLayout(bottom)
        self.print_button.setDefault(True)

    # --- the slip --------------------------------------------------------------------------------
    def choose_printer(self) -> QPrinter | None:
        """Ask for the printer (tests replace this)."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print the handover slip"))
        return printer if dialog.exec() == QDialog.DialogCode.Accepted else None

    def ask_pdf_path(self) -> str | None:
        """Ask where to save the PDF (tests replace this)."""
        suggested = str(Path.home() / f"IOK-{self.login}.pdf")
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the handover slip"), suggested, self.tr("PDF documents (*.pdf)")
        )
        return path or None

    def print_slip(self) -> None:
        if self.document is None:
            return
        printer = self.choose_printer()
        if printer is None:
            return
        handover_slip.print_document(self.document, printer)
        self.printed = True
        self._status(self.tr("The slip has been sent to the printer."))

    def save_slip_pdf(self) -> None:
        if self.document is None:
            return
        path = self.ask_pdf_path()
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        handover_slip.save_pdf(self.document, path)
        if not Path(path).is_file() or Path(path).stat().st_size == 0:
            self._status(self.tr("Could not write %1. Choose another folder.").replace("%1", path), error=True)
            return
        self.saved_to = path
        self._status(
            self.tr("Saved as %1. The file contains the password: delete it once the slip is printed.").replace(
                "%1", path
            )
        )

    def _status(self, text: str, *, error: bool = False) -> None:
        self.status_label.setText(text)
        set_role(self.status_label, "field-error" if error else "flag")

    # --- closing only after the acknowledgement ---------------------------------------------------
    def _acknowledged(self, checked: bool) -> None:
        self.close_button.setEnabled(checked)
        if checked:
            self.close_button.setDefault(True)

    def reject(self) -> None:
        """Escape and the window's close button do nothing until the clerk acknowledges the handover."""
        if self.acknowledge_check.isChecked():
            self.accept()
        else:
            self.acknowledge_check.setFocus()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.acknowledge_check.isChecked():
            super().closeEvent(event)
        else:
            event.ignore()
            self.acknowledge_check.setFocus()

    def done(self, result: int) -> None:
        # Forget the password: the labels, and the slip that carries it.
        self.password_label.setText("")
        self.document = None
        super().done(result)
