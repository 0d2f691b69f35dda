"""New credentials, shown once: the user ID and the one-time password, with the handover slip to print or
save as PDF. The clerk must acknowledge the handover to close it; then the password is gone for good
(it is not stored anywhere: a lost slip means a password reset).

The slip is the PDF of ``reports.slip_pdf`` (the statements' page layout), drawn on the worker when the
dialog opens and printed through ``gui.pdf_print`` on its printing thread (the dialog stays responsive and
shows that it prints); it lives only in this dialog's memory and the print job's."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QFont
from PySide6.QtPrintSupport import QPrinter
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

from iok_desktop.gui import pdf_print
from iok_desktop.gui.clerk.accounts.data import IssuedCredentials
from iok_desktop.gui.clerk.context import ClerkContext
from iok_desktop.gui.widgets import set_role
from iok_desktop.reports.slip_pdf import render_handover_slip
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
        self.slip_pdf: bytes | None = None
        self.printed = False
        self.printing = False  # the slip is on its way to the printer
        self._closed = False
        self.saved_to: str | None = None
        self.print_dialog: pdf_print.PrintDialog | None = None

        layout = QVBoxLayout(self)
        self._build_top(layout, credentials)
        self._build_slip_buttons(layout)
        self._build_acknowledgement(layout)
        self._draw_slip(issued, ctx.session.full_name)

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
    def _draw_slip(self, issued: IssuedCredentials, issued_by: str) -> None:
        for button in (self.print_button, self.save_pdf_button):
            button.setEnabled(False)

        def draw() -> bytes:
            return render_handover_slip(
                issued.credentials,
                cooperative_name=issued.cooperative_name,
                cooperative_address=issued.cooperative_address,
                issued_on=issued.issued_on,
                issued_by=issued_by,
            )

        self.ctx.run(draw, self._slip_drawn)

    def _slip_drawn(self, pdf: bytes) -> None:
        if not self.password_label.text():  # closed meanwhile: the password is gone, so is the slip
            return
        self.slip_pdf = pdf
        for button in (self.print_button, self.save_pdf_button):
            button.setEnabled(True)

    def choose_printer(self) -> QPrinter | None:
        """Ask for the printer (tests replace this)."""
        dialog = pdf_print.print_dialog(self, 1, title=self.tr("Print the handover slip"))
        self.print_dialog = dialog  # it owns the printer
        if dialog.exec() != QDialog.DialogCode.Accepted:
            self.print_dialog = None
            dialog.deleteLater()
            return None
        # It refers to the printer: the print job keeps it (detached, so closing this dialog does not delete it).
        dialog.setParent(None)
        return dialog.target

    def ask_pdf_path(self) -> str | None:
        """Ask where to save the PDF (tests replace this)."""
        suggested = str(Path.home() / f"IOK-{self.login}.pdf")
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the handover slip"), suggested, self.tr("PDF documents (*.pdf)")
        )
        return path or None

    def print_slip(self) -> None:
        if self.slip_pdf is None or self.printing:
            return
        printer = self.choose_printer()
        keep, self.print_dialog = self.print_dialog, None
        if printer is None or self.slip_pdf is None:
            if keep is not None:
                keep.deleteLater()
            return
        self._set_printing(True)
        self._status(self.tr("Printing the slip…"))
        pdf_print.print_in_background(
            self.slip_pdf,
            printer,
            receiver=self,
            keep=keep,
            on_done=self._slip_printed,
            on_failed=self._slip_not_printed,
        )

    def _slip_printed(self, _result: pdf_print.PrintResult) -> None:
        if self._closed:  # closed meanwhile: nobody to tell
            return
        self._set_printing(False)
        self.printed = True
        self._status(self.tr("The slip has been sent to the printer."))

    def _slip_not_printed(self, error: pdf_print.PrintError) -> None:
        if self._closed:
            return
        self._set_printing(False)
        self._status(str(error), error=True)

    def _set_printing(self, printing: bool) -> None:
        self.printing = printing
        for button in (self.print_button, self.save_pdf_button):
            button.setEnabled(not printing and self.slip_pdf is not None)
        if printing:
            self.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.unsetCursor()

    def save_slip_pdf(self) -> None:
        if self.slip_pdf is None:
            return
        path = self.ask_pdf_path()
        if not path or self.slip_pdf is None:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        try:
            Path(path).write_bytes(self.slip_pdf)
        except OSError:
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
        # Forget the password: the labels, and the slip that carries it (a print job on its way keeps its
        # own copy until the printer has it).
        self._closed = True
        self.password_label.setText("")
        self.slip_pdf = None
        super().done(result)
