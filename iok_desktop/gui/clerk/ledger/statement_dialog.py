"""The statement of one premises for a period: preview (QtPdf), print through the Qt print dialog, save as PDF.

The statement is read and drawn on the worker (``statements.statement_document`` and
``reports.statement_pdf.render_statement``), never on the UI thread; the preview shows the very bytes
that are printed or saved. Both variants (with the holders' names, or without for the archive and
the tray) come from the same data, read once per period. Every copy printed or saved is recorded
in the audit log (``statements.record_statement_output``) once it has left the application.

Printing draws the pages onto the printer on the printing thread (``pdf_print.print_in_background``),
not on the database worker: a ten-year statement must not hold up the clerk's other database calls.
Meanwhile the dialog shows that it is printing; closed meanwhile, the print still finishes and is
recorded, only the dialog is not told.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from iok_desktop.domain.dates import format_date
from iok_desktop.domain.errors import ValidationError
from iok_desktop.gui import pdf_print
from iok_desktop.gui.clerk.context import ClerkContext
from iok_desktop.gui.clerk.ledger.dialogs import from_qdate, to_qdate
from iok_desktop.gui.forms.ui_ledger_statement_dialog import Ui_LedgerStatementDialog
from iok_desktop.gui.widgets import set_role, show_error
from iok_desktop.reports.statement_pdf import render_statement
from iok_desktop.services import statements
from iok_desktop.services.statements import StatementDocument

PERIOD_DEBOUNCE_MS = 400


def statement_file_name(doc: StatementDocument) -> str:
    """``wyciag_<premises code>_<from>_<to>.pdf``: sorts by premises, then period; no spaces or slashes."""
    code = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in doc.premises_code)
    s = doc.statement
    return f"wyciag_{code}_{s.date_from.isoformat()}_{s.date_to.isoformat()}.pdf"


class StatementDialog(QDialog):
    """Open it with ``open()``; ``output_recorded`` fires after each audited print or save."""

    output_recorded = Signal(str)  # "print" or "save"
    pdf_shown = Signal(int)  # pages of the PDF now in the preview

    def __init__(
        self,
        ctx: ClerkContext,
        premises_id: int,
        premises_text: str,
        date_from: date,
        date_to: date,
        *,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.premises_id = premises_id
        self.ui = Ui_LedgerStatementDialog()
        self.ui.setupUi(self)
        self.setObjectName("statement_dialog")
        self.ui.premises_label.setText(premises_text)
        self.document: StatementDocument | None = None
        self._pdfs: dict[bool, bytes] = {}  # personal? → the rendered PDF
        self._generation = 0
        self.print_dialog: pdf_print.PrintDialog | None = None
        self._closed = False
        self._pdf_ready = False  # the preview shows a finished statement
        self.printing = False  # a print job is on its way to the printer

        self.pdf_document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setObjectName("statement_view")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.pdf_document)
        self.view.setMinimumHeight(420)
        self.ui.preview_layout.addWidget(self.view)
        self._buffer: QBuffer | None = None

        with QSignalBlocker(self.ui.from_date_edit), QSignalBlocker(self.ui.to_date_edit):
            self.ui.from_date_edit.setDate(to_qdate(date_from))
            self.ui.to_date_edit.setDate(to_qdate(date_to))
        show_error(self.ui.period_error_label, None)
        self._period_timer = QTimer(self)
        self._period_timer.setSingleShot(True)
        self._period_timer.setInterval(PERIOD_DEBOUNCE_MS)
        self._period_timer.timeout.connect(self.reload)
        self.ui.from_date_edit.dateChanged.connect(self._period_typed)
        self.ui.to_date_edit.dateChanged.connect(self._period_typed)
        self.ui.personal_radio.toggled.connect(self._variant_changed)
        self.ui.print_button.clicked.connect(self.choose_printer)
        self.ui.save_button.clicked.connect(self.choose_file)
        self.ui.close_button.clicked.connect(self.reject)
        self._set_actions_enabled(False)
        self.reload()

    # --- what the clerk chose ----------------------------------------------------------------
    def period(self) -> tuple[date, date]:
        return from_qdate(self.ui.from_date_edit.date()), from_qdate(self.ui.to_date_edit.date())

    def personal(self) -> bool:
        return self.ui.personal_radio.isChecked()

    def set_personal(self, personal: bool) -> None:
        (self.ui.personal_radio if personal else self.ui.anonymous_radio).setChecked(True)

    def current_pdf(self) -> bytes | None:
        return self._pdfs.get(self.personal())

    # --- reading and drawing (on the worker) --------------------------------------------------
    def _period_typed(self) -> None:
        self._period_timer.start()

    def reload(self) -> None:
        """Read the statement for the period shown and draw the chosen variant."""
        self._period_timer.stop()
        self._generation += 1
        generation = self._generation
        self._pdfs.clear()
        self.document = None  # of the old period: no variant of it may be drawn now
        self._set_actions_enabled(False)
        self._status(self.tr("Preparing the statement…"))
        personal = self.personal()
        read = self.ctx.call(statements.statement_document, self.premises_id, *self.period())

        def work() -> tuple[StatementDocument, bytes]:
            doc = read()
            return doc, render_statement(doc, personal=personal)

        self.ctx.run(
            work,
            lambda result: self._rendered(generation, personal, *result),
            lambda error: self._failed(generation, error),
        )

    def _variant_changed(self, _checked: bool) -> None:
        personal = self.personal()
        pdf = self._pdfs.get(personal)
        if pdf is not None:
            self._show_pdf(pdf)
            return
        doc = self.document
        if doc is None:
            return
        generation = self._generation
        self._set_actions_enabled(False)
        self._status(self.tr("Preparing the statement…"))
        self.ctx.run(
            lambda: render_statement(doc, personal=personal),
            lambda pdf: self._rendered(generation, personal, doc, pdf),
            lambda error: self._failed(generation, error),
        )

    def _rendered(self, generation: int, personal: bool, doc: StatementDocument, pdf: bytes) -> None:
        if generation != self._generation:
            return
        show_error(self.ui.period_error_label, None)
        self.document = doc
        self._pdfs[personal] = pdf
        if personal == self.personal():
            self._show_pdf(pdf)
        else:  # the clerk switched the variant while this one was being drawn
            self._variant_changed(True)

    def _show_pdf(self, pdf: bytes) -> None:
        # QPdfDocument reads from the device while it shows the pages: keep it as long as the document.
        buffer = QBuffer(self)
        buffer.setData(QByteArray(pdf))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        old, self._buffer = self._buffer, buffer
        self.pdf_document.load(buffer)
        if old is not None:
            old.deleteLater()
        self.view.verticalScrollBar().setValue(0)  # the top of page one, where the clerk looks first
        pages = self.pdf_document.pageCount()
        self._set_actions_enabled(self.pdf_document.status() == QPdfDocument.Status.Ready)
        self._status(self.tr("Pages: %1").replace("%1", str(pages)))
        self.pdf_shown.emit(pages)

    def _failed(self, generation: int, error: BaseException) -> bool:
        if generation != self._generation:
            return True
        self._status("")
        if isinstance(error, ValidationError) and error.field in {"date_from", "date_to"}:
            show_error(self.ui.period_error_label, error.message)
            self.pdf_document.close()
            edit = self.ui.from_date_edit if error.field == "date_from" else self.ui.to_date_edit
            edit.setFocus()
            return True
        return False

    def _set_actions_enabled(self, enabled: bool) -> None:
        self._pdf_ready = enabled
        self._update_actions()

    def _update_actions(self) -> None:
        """Print and save need a finished statement; while printing, the statement shown stays as it is."""
        for button in (self.ui.print_button, self.ui.save_button):
            button.setEnabled(self._pdf_ready and not self.printing)
        for widget in (
            self.ui.from_date_edit,
            self.ui.to_date_edit,
            self.ui.personal_radio,
            self.ui.anonymous_radio,
        ):
            widget.setEnabled(not self.printing)

    def _status(self, text: str, *, error: bool = False) -> None:
        self.ui.status_label.setText(text)
        set_role(self.ui.status_label, "field-error" if error else "")

    # --- printing -----------------------------------------------------------------------------
    def choose_printer(self) -> pdf_print.PrintDialog | None:
        """The Qt print dialog (window-modal); printing starts when the clerk confirms it."""
        pdf = self.current_pdf()
        if pdf is None:
            return None
        dialog = pdf_print.print_dialog(self, self.pdf_document.pageCount(), title=self._title(), copies=1)
        self.print_dialog = dialog
        dialog.finished.connect(lambda result: self._print_dialog_closed(dialog, result))
        # QPrintDialog.open() wants a receiver in PySide; this is the same: window-modal, no exec().
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()
        return dialog

    def _print_dialog_closed(self, dialog: pdf_print.PrintDialog, result: int) -> None:
        self.print_dialog = None
        if result == QDialog.DialogCode.Accepted and not self.printing and self.current_pdf() is not None:
            # The print dialog refers to its printer: it must outlive the job, even if this dialog is closed.
            dialog.setParent(None)
            self.print_on(dialog.target, keep=dialog)
        else:
            dialog.deleteLater()

    def print_on(self, printer: QPrinter, *, keep: QObject | None = None) -> None:
        """Print the statement shown on ``printer`` on the printing thread, then record it.

        ``keep`` (the print dialog) is deleted once the job is done."""
        pdf = self.current_pdf()
        if pdf is None or self.printing:
            if keep is not None:
                keep.deleteLater()
            return
        record = self._recorder("print", self.personal())
        self.printing = True
        self._update_actions()
        self.setCursor(Qt.CursorShape.BusyCursor)
        self._status(self.tr("Printing… the pages are being sent to the printer."))
        pdf_print.print_in_background(
            pdf, printer, keep=keep, on_done=lambda result: self._printed(result, record), on_failed=self._print_failed
        )

    def _printed(self, result: pdf_print.PrintResult, record: Callable[[int, str], None]) -> None:
        if self._closed:  # the clerk closed the dialog meanwhile: the copy is recorded all the same
            record(result.copies, "")
            return
        self._print_over()
        record(result.copies, self.tr("Sent to %1.").replace("%1", result.printer_name))

    def _print_failed(self, error: pdf_print.PrintError) -> None:
        if self._closed:
            return
        self._print_over()
        self._status(str(error), error=True)

    def _print_over(self) -> None:
        self.printing = False
        self.unsetCursor()
        self._update_actions()

    # --- saving -------------------------------------------------------------------------------
    def suggested_path(self) -> str:
        name = statement_file_name(self.document) if self.document is not None else "wyciag.pdf"
        return str(Path.home() / name)

    def choose_file(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the statement"), self.suggested_path(), self.tr("PDF documents (*.pdf)")
        )
        if path:
            self.save_to(path)

    def save_to(self, path: str | Path) -> Path | None:
        """Write the statement shown to ``path`` (".pdf" added when it has no extension), then record it."""
        pdf = self.current_pdf()
        if pdf is None:
            return None
        target = Path(path)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        try:
            target.write_bytes(pdf)
        except OSError as error:
            self._status(
                self.tr("Could not write %1: %2").replace("%1", str(target)).replace("%2", error.strerror or ""),
                error=True,
            )
            return None
        self._recorder("save", self.personal())(1, self.tr("Saved as %1.").replace("%1", str(target)))
        return target

    # --- the audit trail ------------------------------------------------------------------------
    def _recorder(self, action: str, personal: bool) -> Callable[[int, str], None]:
        """Records a copy of the statement shown now: ``record(copies, done_text)``. It touches the dialog
        only while it is open, so a print that ends after the dialog is closed is still recorded."""
        date_from, date_to = self.period()
        if self.document is not None:
            date_from, date_to = self.document.statement.date_from, self.document.statement.date_to
        ctx, premises_id = self.ctx, self.premises_id

        def record(copies: int, done_text: str) -> None:
            if not self._closed:
                self._status(done_text)
            ctx.run(
                ctx.call(
                    statements.record_statement_output,
                    premises_id,
                    date_from,
                    date_to,
                    action=action,
                    personal=personal,
                    copies=copies,
                ),
                lambda _none: None if self._closed else self.output_recorded.emit(action),
            )

        return record

    def done(self, result: int) -> None:
        # Answers still on their way belong to a dialog that is gone: drop them.
        self._closed = True
        self._generation += 1
        self._period_timer.stop()
        super().done(result)

    def _title(self) -> str:
        doc = self.document
        if doc is None:
            return self.tr("Statement")
        return (
            self.tr("Statement %1, %2 – %3")
            .replace("%1", doc.premises_code)
            .replace("%2", format_date(doc.statement.date_from))
            .replace("%3", format_date(doc.statement.date_to))
        )
