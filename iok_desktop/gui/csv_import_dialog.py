"""What every CSV import dialog does: choose a file, import it on the worker with progress and a Stop
button, then show the summary and the rejected rows (line and reason).

The import goes in chunks of rows, each its own transaction; the worker reports progress after each
chunk and stops between chunks when the clerk asks (what was committed stays; importing again adds
only what is missing). A file that cannot be read imports nothing and the reason shows next to the
file name. Subclasses name the import (``run_import``) and word its results (``result_lines``).

The base's strings name their context "CsvImportDialog" in literal ``translate`` calls (lupdate reads
only literals), so they are translated the same whichever subclass shows them.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QHeaderView, QWidget

from iok_desktop.domain.errors import DomainError
from iok_desktop.gui.clerk.context import ClerkContext
from iok_desktop.gui.list_model import ListTableModel
from iok_desktop.gui.paged_model import Column
from iok_desktop.gui.widgets import set_invalid, show_error


class ImportReport(Protocol):
    """What both imports report (services/reading_import.py, services/ledger_import.py)."""

    @property
    def file_name(self) -> str: ...
    @property
    def encoding(self) -> str: ...
    @property
    def rows(self) -> int: ...
    @property
    def rejected_count(self) -> int: ...
    @property
    def rejected(self) -> Sequence[Any]: ...
    @property
    def cancelled(self) -> bool: ...


R = TypeVar("R", bound=ImportReport)
Progress = Callable[[int, int], None]
ShouldStop = Callable[[], bool]


class CsvImportDialog(QDialog, Generic[R]):
    imported = Signal(object)  # the report
    progress = Signal(int, int)  # rows done, rows in the file (emitted on the worker thread)

    def __init__(self, ctx: ClerkContext, form: Any, columns: list[Column[Any]], parent: QWidget | None = None) -> None:
        """``form``: a generated form with file_edit, choose_button, import_button, stop_button,
        progress_bar, summary_label, rejected_view, file_error_label and button_box."""
        super().__init__(parent)
        self.ctx = ctx
        self.ui = form
        self.ui.setupUi(self)
        self.report: R | None = None
        self.running = False
        self._stop = threading.Event()
        self.model: ListTableModel[Any] = ListTableModel(columns)
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

    # --- what a subclass says ---------------------------------------------------------------------
    def chooser_title(self) -> str:
        raise NotImplementedError

    def run_import(self, path: str, progress: Progress, should_stop: ShouldStop) -> R:
        """Runs on the worker thread."""
        raise NotImplementedError

    def result_lines(self, report: R) -> list[str]:
        """What was imported (after the line naming the file)."""
        raise NotImplementedError

    def rejected_line(self, count: int) -> str:
        raise NotImplementedError

    # --- the dialog ---------------------------------------------------------------------------------
    def choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.chooser_title(),
            self.ui.file_edit.text(),
            QCoreApplication.translate("CsvImportDialog", "CSV files (*.csv *.txt);;All files (*)"),
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
            self._file_error(QCoreApplication.translate("CsvImportDialog", "Choose the file to import."))
            return
        self.report = None
        self.model.set_rows([])
        self.ui.rejected_view.hide()
        self.ui.summary_label.setText(QCoreApplication.translate("CsvImportDialog", "Checking the file…"))
        self._set_running(True)
        self._stop.clear()
        emit, stop = self.progress.emit, self._stop.is_set
        self.ctx.run(lambda: self.run_import(text, emit, stop), self._finished, self._failed)

    def stop(self) -> None:
        if self.running:
            self._stop.set()
            self.ui.summary_label.setText(
                QCoreApplication.translate("CsvImportDialog", "Stopping after the current part of the file…")
            )

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
        self.ui.progress_bar.setFormat(
            QCoreApplication.translate("CsvImportDialog", "%1 of %2 rows")
            .replace("%1", str(done))
            .replace("%2", str(total))
        )
        self.ui.summary_label.setText(QCoreApplication.translate("CsvImportDialog", "Importing…"))

    def summary(self, report: R) -> list[str]:
        lines = [
            QCoreApplication.translate("CsvImportDialog", "%1 (%2): %3 rows read.")
            .replace("%1", report.file_name)
            .replace("%2", report.encoding)
            .replace("%3", str(report.rows)),
            *self.result_lines(report),
        ]
        if report.rejected_count:
            lines.append(self.rejected_line(report.rejected_count))
            if report.rejected_count > len(report.rejected):
                lines.append(
                    QCoreApplication.translate("CsvImportDialog", "The list shows the first %1.").replace(
                        "%1", str(len(report.rejected))
                    )
                )
        else:
            lines.append(QCoreApplication.translate("CsvImportDialog", "No row was rejected."))
        if report.cancelled:
            lines.append(
                QCoreApplication.translate(
                    "CsvImportDialog",
                    "Stopped before the end of the file: importing it again adds only what is missing.",
                )
            )
        return lines

    def _finished(self, report: R) -> None:
        self._set_running(False)
        self.report = report
        self.ui.summary_label.setText("\n".join(self.summary(report)))
        self.model.set_rows(list(report.rejected))
        self.ui.rejected_view.setVisible(bool(report.rejected))
        self.imported.emit(report)

    def _failed(self, error: BaseException) -> bool:
        self._set_running(False)
        if isinstance(error, DomainError) and error.field == "file":
            self.ui.summary_label.setText(QCoreApplication.translate("CsvImportDialog", "Nothing was imported."))
            self._file_error(error.message)
            return True
        self.ui.summary_label.setText(
            QCoreApplication.translate(
                "CsvImportDialog",
                "The import stopped. Parts of the file already saved stay saved; importing the same file "
                "again adds only what is missing.",
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
