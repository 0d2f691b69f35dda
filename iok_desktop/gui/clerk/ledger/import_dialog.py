"""Import the ledger from the accounting program's CSV file on the worker, with progress and the
report of rejected rows.

The file format is in the dialog's help text and in ``services/ledger_import.py``. The import goes
in chunks of rows, each its own transaction; the worker reports progress after each chunk and stops
between chunks when the clerk asks (what was committed stays; importing again adds only what is
missing). A file that cannot be read imports nothing and the reason shows next to the file name.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QHeaderView, QWidget

from iok_desktop.domain.errors import DomainError
from iok_desktop.domain.money import format_money
from iok_desktop.gui.clerk.context import ClerkContext
from iok_desktop.gui.forms.ui_ledger_import_dialog import Ui_LedgerImportDialog
from iok_desktop.gui.list_model import ListTableModel
from iok_desktop.gui.paged_model import Column
from iok_desktop.gui.widgets import set_invalid, show_error
from iok_desktop.services import ledger_import
from iok_desktop.services.ledger_import import ImportReport, RejectedRow


def rejected_columns() -> list[Column[RejectedRow]]:
    return [
        Column("line", QCoreApplication.translate("LedgerImportColumns", "Line"), lambda r: str(r.line), True),
        Column("premises", QCoreApplication.translate("LedgerImportColumns", "Premises"), lambda r: r.premises_code),
        Column("document", QCoreApplication.translate("LedgerImportColumns", "Document"), lambda r: r.document_id),
        Column(
            "reason", QCoreApplication.translate("LedgerImportColumns", "Why it was not posted"), lambda r: r.reason
        ),
    ]


class LedgerImportDialog(QDialog):
    imported = Signal(object)  # ImportReport
    progress = Signal(int, int)  # rows done, rows in the file (emitted on the worker thread)

    def __init__(self, ctx: ClerkContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_LedgerImportDialog()
        self.ui.setupUi(self)
        self.setObjectName("ledger_import_dialog")
        self.report: ImportReport | None = None
        self.running = False
        self._stop = threading.Event()
        self.model: ListTableModel[RejectedRow] = ListTableModel(rejected_columns())
        self.ui.rejected_view.setModel(self.model)
        self.ui.rejected_view.verticalHeader().hide()
        header = self.ui.rejected_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.ui.rejected_view.hide()
        self.ui.progress_bar.hide()
        self.ui.stop_button.hide()
        show_error(self.ui.file_error_label, None)
        self.ui.choose_button.clicked.connect(self.choose_file)
        self.ui.import_button.clicked.connect(lambda: self.import_file(self.ui.file_edit.text()))
        self.ui.stop_button.clicked.connect(self.stop)
        self.ui.button_box.rejected.connect(self.reject)
        self.progress.connect(self._progressed)

    def choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Import the ledger"),
            self.ui.file_edit.text(),
            self.tr("CSV files (*.csv *.txt);;All files (*)"),
        )
        if path:
            self.ui.file_edit.setText(path)
            self.import_file(path)

    def import_file(self, path: str | Path) -> None:
        """Import ``path`` (the test's way in; the Import button's too)."""
        if self.running:
            return
        text = str(path).strip()
        self.ui.file_edit.setText(text)
        set_invalid(self.ui.file_edit, False)
        show_error(self.ui.file_error_label, None)
        if not text:
            self._file_error(self.tr("Choose the file to import."))
            return
        self.report = None
        self.model.set_rows([])
        self.ui.rejected_view.hide()
        self.ui.summary_label.setText(self.tr("Checking the file…"))
        self._set_running(True)
        self._stop.clear()
        backend, actor, emit, stop = self.ctx.backend, self.ctx.actor, self.progress.emit, self._stop.is_set
        self.ctx.run(
            lambda: ledger_import.import_file(backend, actor, text, progress=emit, should_stop=stop),
            self._finished,
            self._failed,
        )

    def stop(self) -> None:
        if self.running:
            self._stop.set()
            self.ui.summary_label.setText(self.tr("Stopping after the current part of the file…"))

    def _set_running(self, running: bool) -> None:
        self.running = running
        for widget in (self.ui.file_edit, self.ui.choose_button, self.ui.import_button):
            widget.setEnabled(not running)
        self.ui.button_box.button(QDialogButtonBox.StandardButton.Close).setEnabled(not running)
        self.ui.stop_button.setVisible(running)
        self.ui.progress_bar.setVisible(running)
        if running:
            self.ui.progress_bar.setRange(0, 0)

    def _progressed(self, done: int, total: int) -> None:
        if not self.running:
            return
        self.ui.progress_bar.setRange(0, max(total, 1))
        self.ui.progress_bar.setValue(done)
        self.ui.progress_bar.setFormat(self.tr("%1 of %2 rows").replace("%1", str(done)).replace("%2", str(total)))
        self.ui.summary_label.setText(self.tr("Importing…"))

    def _summary(self, report: ImportReport) -> list[str]:
        lines = [
            self.tr("%1 (%2): %3 rows read.")
            .replace("%1", report.file_name)
            .replace("%2", report.encoding)
            .replace("%3", str(report.rows)),
            self.tr("Posted: %1 new entries.").replace("%1", str(report.created)),
        ]
        for count, total, text in (
            (report.charges, report.charges_total, self.tr("charges: %1, total %2")),
            (report.payments, report.payments_total, self.tr("payments: %1, total %2")),
            (report.corrections, report.corrections_total, self.tr("corrections: %1, net %2")),
        ):
            if count:
                lines.append("    " + text.replace("%1", str(count)).replace("%2", format_money(total)))
        if report.already_imported:
            lines.append(
                self.tr("Already imported before, skipped: %1 (nothing is posted twice).").replace(
                    "%1", str(report.already_imported)
                )
            )
        if report.rejected_count:
            lines.append(
                self.tr("Not posted: %1 rows — listed below; correct them in the accounting program.").replace(
                    "%1", str(report.rejected_count)
                )
            )
            if report.rejected_count > len(report.rejected):
                lines.append(self.tr("The list shows the first %1.").replace("%1", str(len(report.rejected))))
        else:
            lines.append(self.tr("No row was rejected."))
        if report.cancelled:
            lines.append(self.tr("Stopped before the end of the file: importing it again adds only what is missing."))
        return lines

    def _finished(self, report: ImportReport) -> None:
        self._set_running(False)
        self.report = report
        self.ui.summary_label.setText("\n".join(self._summary(report)))
        self.model.set_rows(report.rejected)
        self.ui.rejected_view.setVisible(bool(report.rejected))
        self.imported.emit(report)

    def _failed(self, error: BaseException) -> bool:
        self._set_running(False)
        if isinstance(error, DomainError) and error.field == "file":
            self.ui.summary_label.setText(self.tr("Nothing was imported."))
            self._file_error(error.message)
            return True
        self.ui.summary_label.setText(
            self.tr(
                "The import stopped. Parts of the file already saved stay saved; importing the same file "
                "again adds only what is missing."
            )
        )
        return False

    def _file_error(self, message: str) -> None:
        set_invalid(self.ui.file_edit, True)
        show_error(self.ui.file_error_label, message)
        self.ui.file_edit.setFocus()

    def reject(self) -> None:
        if not self.running:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.running:
            event.ignore()
        else:
            super().closeEvent(event)
