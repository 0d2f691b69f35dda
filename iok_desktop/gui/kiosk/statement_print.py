"""The resident's own statement, printed silently on the kiosk's printer: one copy, no dialog, no file.

The statement is read and drawn on the database worker, then sent to the printer on the printing thread
(``gui.pdf_print.print_in_background``); the PDF stays in memory and goes straight to the printer, so
nothing of the resident's ledger is left on the kiosk's disk. The printer is the one configured for
this kiosk (``--printer`` or ``[kiosk] printer`` in the config file), else the system's default printer.
Each print is recorded in the audit log once it is sent.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QObject, Signal
from PySide6.QtPrintSupport import QPrinterInfo

from iok_desktop.domain.errors import DomainError
from iok_desktop.gui.kiosk.context import KioskContext
from iok_desktop.gui.pdf_print import print_in_background
from iok_desktop.reports.statement_pdf import render_statement
from iok_desktop.services import statements
from iok_desktop.services.statements import StatementDocument


class StatementPrinter(QObject):
    # message for the resident, whether printing is over, whether it failed
    status_changed = Signal(str, bool, bool)

    def __init__(self, ctx: KioskContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx

    def printer_name(self) -> str:
        return self.ctx.printer_name or QPrinterInfo.defaultPrinterName()

    def print_statement(self, premises_id: int, date_from: date, date_to: date) -> None:
        if not self.printer_name():
            self._fail(self.tr("No printer is set up at this kiosk. Please ask at the office for your statement."))
            return
        self.status_changed.emit(self.tr("Preparing your statement…"), False, False)
        read = self.ctx.call(statements.statement_document, premises_id, date_from, date_to)
        printer = self.printer_name()
        # The job's name in the print queue: the premises code, never a name.
        title = self.tr("Statement %1")

        def work() -> tuple[StatementDocument, bytes]:
            """Read and draw on the database worker; the kiosk's screen (and its idle countdown) never waits."""
            document = read()
            return document, render_statement(document, personal=True)

        def drawn(result: tuple[StatementDocument, bytes]) -> None:
            # Sent to the printer on the printing thread (gui/pdf_print.py), not on the database worker.
            document, pdf = result
            print_in_background(
                pdf,
                printer,
                title=title.replace("%1", document.premises_code),
                copies=1,
                receiver=self,
                on_done=lambda _result: self._printed(date_from, date_to, document),
                on_failed=lambda _error: self._printed(date_from, date_to, None),
            )

        self.ctx.run(work, drawn, self._failed)

    def _printed(self, date_from: date, date_to: date, document: StatementDocument | None) -> None:
        """None: the printer refused the job."""
        if self.ctx.closed:  # the resident has gone meanwhile: nobody to tell
            return
        if document is None:
            self._fail(self.tr("The printer is not available at the moment. Please ask at the office."))
            return
        self.ctx.run(
            self.ctx.call(
                statements.record_statement_output,
                document.statement.premises_id,
                date_from,
                date_to,
                action="print",
                personal=True,
            )
        )
        self.status_changed.emit(
            self.tr("Your statement is being printed. Please take your printout from the printer."), True, False
        )

    def _failed(self, error: BaseException) -> bool:
        if isinstance(error, DomainError):
            self._fail(error.message)
            return True
        self.status_changed.emit("", True, False)
        return False

    def _fail(self, message: str) -> None:
        self.status_changed.emit(message, True, True)
