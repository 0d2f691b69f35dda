"""Batch statements: a building, an estate or all premises (optionally only those in arrears), for one
period, as one combined PDF or one file per premises, with a progress bar and Cancel.

The premises are chosen on the worker (``statements.batch_scope``, ``statements.premises_for_batch``);
the run itself (``reports.batch.run_batch``, two processes) takes minutes for a big cooperative, so it
runs on a thread of its own, not on the worker every screen shares. Its progress and result reach
the UI thread through queued Qt signals. Cancel stops after the statements already being drawn; the
files finished by then stay (each one in the event log), a combined file is written only when complete.
"""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, QSignalBlocker, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QButtonGroup, QDialog, QFileDialog, QLabel, QWidget

from iok_desktop.domain.errors import NotFoundError
from iok_desktop.gui.clerk.context import ClerkContext
from iok_desktop.gui.clerk.ledger.dialogs import from_qdate, to_qdate
from iok_desktop.gui.forms.ui_ledger_batch_dialog import Ui_LedgerBatchDialog
from iok_desktop.gui.widgets import set_invalid, set_role, show_error
from iok_desktop.reports.batch import DEFAULT_WORKERS, BatchJob, BatchResult, run_batch
from iok_desktop.services import buildings, statements
from iok_desktop.services.buildings import BuildingRow


class BatchRun(QObject):
    """``run_batch`` on a thread of its own; its callbacks come back as signals (queued to the UI thread)."""

    progress = Signal(int, int)  # done, total
    finished = Signal(object)  # BatchResult
    failed = Signal(object)  # BaseException

    def __init__(self, job: BatchJob, workers: int = DEFAULT_WORKERS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.job = job
        self.workers = workers
        self.cancel_event = threading.Event()
        self._thread = threading.Thread(target=self._run, name="iok-batch-statements", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def cancel(self) -> None:
        self.cancel_event.set()

    def wait(self, timeout: float | None = None) -> bool:
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def _run(self) -> None:
        try:
            result = run_batch(self.job, workers=self.workers, progress=self.progress.emit, cancel=self.cancel_event)
        except BaseException as error:
            self.failed.emit(error)
        else:
            self.finished.emit(result)


class BatchStatementsDialog(QDialog):
    run_finished = Signal(object)  # BatchResult, after the UI has shown it

    def __init__(self, ctx: ClerkContext, date_from: date, date_to: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_LedgerBatchDialog()
        self.ui.setupUi(self)
        self.setObjectName("batch_statements_dialog")
        self.run: BatchRun | None = None
        self.last_result: BatchResult | None = None
        self.workers = DEFAULT_WORKERS
        self._closed = False
        # Two questions, two groups (radio buttons with one parent would otherwise exclude each other).
        self.scope_group = QButtonGroup(self)
        for button in (self.ui.all_radio, self.ui.building_radio, self.ui.estate_radio):
            self.scope_group.addButton(button)
        self.output_group = QButtonGroup(self)
        for button in (self.ui.files_radio, self.ui.combined_radio):
            self.output_group.addButton(button)
        with QSignalBlocker(self.ui.from_date_edit), QSignalBlocker(self.ui.to_date_edit):
            self.ui.from_date_edit.setDate(to_qdate(date_from))
            self.ui.to_date_edit.setDate(to_qdate(date_to))
        self.ui.building_combo.setEnabled(False)
        self.ui.building_combo.setMinimumContentsLength(28)
        self.ui.building_combo.activated.connect(lambda _i: self.ui.building_radio.setChecked(True))
        self.ui.estate_edit.textEdited.connect(lambda _t: self.ui.estate_radio.setChecked(True))
        self.ui.building_radio.toggled.connect(self._scope_changed)
        self.ui.combined_radio.toggled.connect(self._output_changed)
        self.ui.browse_button.clicked.connect(self.choose_output)
        self.ui.start_button.clicked.connect(self.start)
        self.ui.cancel_button.clicked.connect(self.cancel)
        self.ui.close_button.clicked.connect(self.reject)
        self.ui.cancel_button.setEnabled(False)
        self.ui.progress_bar.setVisible(False)
        self._output_changed(False)
        self.clear_errors()
        self.ctx.run(self.ctx.call(buildings.list_buildings), self._show_buildings)

    # --- the form -----------------------------------------------------------------------------
    def _show_buildings(self, rows: list[BuildingRow]) -> None:
        if self._closed:
            return
        combo = self.ui.building_combo
        combo.clear()
        for row in rows:
            combo.addItem(f"{row.label} ({row.code})", row.id)
        combo.setCurrentIndex(-1)
        combo.setEnabled(bool(rows))

    def _scope_changed(self, _checked: bool) -> None:
        if self.ui.building_radio.isChecked() and self.ui.building_combo.currentIndex() < 0:
            self.ui.building_combo.setFocus()

    def _output_changed(self, _checked: bool) -> None:
        combined = self.ui.combined_radio.isChecked()
        self.ui.out_edit.setPlaceholderText(
            self.tr("The PDF file to write") if combined else self.tr("The folder for the files")
        )

    def choose_output(self) -> None:
        current = self.ui.out_edit.text() or str(Path.home())
        if self.ui.combined_radio.isChecked():
            path, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Save the statements as"), current, self.tr("PDF documents (*.pdf)")
            )
        else:
            path = QFileDialog.getExistingDirectory(self, self.tr("Folder for the statements"), current)
        if path:
            self.ui.out_edit.setText(path)

    def period(self) -> tuple[date, date]:
        return from_qdate(self.ui.from_date_edit.date()), from_qdate(self.ui.to_date_edit.date())

    def clear_errors(self) -> None:
        for label, widget in self._error_fields().values():
            show_error(label, None)
            set_invalid(widget, False)

    def _error_fields(self) -> dict[str, tuple[QLabel, QWidget]]:
        return {
            "scope": (self.ui.scope_error_label, self.ui.building_combo),
            "estate": (self.ui.scope_error_label, self.ui.estate_edit),
            "period": (self.ui.period_error_label, self.ui.from_date_edit),
            "out": (self.ui.out_error_label, self.ui.out_edit),
        }

    def show_field_error(self, field: str, message: str) -> None:
        label, widget = self._error_fields()[field]
        show_error(label, message)
        set_invalid(widget, True)
        widget.setFocus()

    def _output_path(self) -> Path | None:
        """The output as typed, or None after showing why it cannot be used (next to the field)."""
        text = self.ui.out_edit.text().strip()
        combined = self.ui.combined_radio.isChecked()
        if not text:
            self.show_field_error(
                "out",
                self.tr("Choose the PDF file to write.") if combined else self.tr("Choose the folder for the files."),
            )
            return None
        path = Path(text).expanduser()
        if combined:
            if path.is_dir():
                self.show_field_error("out", self.tr("This is a folder: give the name of the PDF file."))
                return None
            if path.suffix.lower() != ".pdf":
                path = path.with_name(path.name + ".pdf")
        elif path.exists() and not path.is_dir():
            self.show_field_error("out", self.tr("This is a file: choose a folder for the files."))
            return None
        return path

    # --- running --------------------------------------------------------------------------------
    def start(self) -> None:
        if self.run is not None:
            return
        self.clear_errors()
        date_from, date_to = self.period()
        problems = False
        if date_from > date_to:
            self.show_field_error("period", self.tr("The start of the period must not be later than its end."))
            problems = True
        building_id: int | None = None
        estate_code: str | None = None
        if self.ui.building_radio.isChecked():
            building_id = self.ui.building_combo.currentData()
            if self.ui.building_combo.currentIndex() < 0 or building_id is None:
                self.show_field_error("scope", self.tr("Choose the building."))
                problems = True
        elif self.ui.estate_radio.isChecked():
            estate_code = self.ui.estate_edit.text().strip()
            if not estate_code:
                self.show_field_error("estate", self.tr("Type the estate's code."))
                problems = True
        out = self._output_path()
        if problems or out is None:
            return
        self._set_running(True)
        self.ui.status_label.setText(self.tr("Choosing the premises…"))
        arrears_only = self.ui.arrears_check.isChecked()
        find_scope = self.ctx.call(statements.batch_scope, building_code=None, estate_code=estate_code)
        actor = self.ctx.actor

        def choose() -> list[int]:
            _building, estate_id = find_scope()
            return self.ctx.backend.call(
                actor,
                statements.premises_for_batch,
                building_id=building_id,
                estate_id=estate_id,
                arrears_only=arrears_only,
                as_of=date_to,
            )

        self.ctx.run(choose, lambda ids: self._start_run(ids, out, date_from, date_to), self._choose_failed)

    def done(self, result: int) -> None:
        self._closed = True  # the building list may still be on its way
        super().done(result)

    def _choose_failed(self, error: BaseException) -> bool:
        self._set_running(False)
        self.ui.status_label.setText("")
        if isinstance(error, NotFoundError) and self.ui.estate_radio.isChecked():
            self.show_field_error("estate", error.message)
            return True
        return False

    def _start_run(self, ids: list[int], out: Path, date_from: date, date_to: date) -> None:
        if not ids:
            self._set_running(False)
            self.ui.status_label.setText(self.tr("No premises match: no statements were made."))
            return
        job = BatchJob(
            database_url=self.ctx.backend.database_url,
            actor=self.ctx.actor,
            premises_ids=tuple(ids),
            date_from=date_from,
            date_to=date_to,
            out=out,
            combined=self.ui.combined_radio.isChecked(),
            personal=not self.ui.anonymous_check.isChecked(),
        )
        self.ui.progress_bar.setRange(0, len(ids))
        self.ui.progress_bar.setValue(0)
        self.ui.progress_bar.setVisible(True)
        self.ui.status_label.setText(self.tr("Making %1 statements…").replace("%1", str(len(ids))))
        run = BatchRun(job, self.workers, self)
        run.progress.connect(self._progress)
        run.finished.connect(self._finished)
        run.failed.connect(self._failed)
        self.run = run
        self.ui.cancel_button.setEnabled(True)
        run.start()

    def cancel(self) -> None:
        if self.run is None:
            return
        self.run.cancel()
        self.ui.cancel_button.setEnabled(False)
        self.ui.status_label.setText(self.tr("Cancelling after the statements being drawn now…"))

    def _progress(self, done: int, total: int) -> None:
        self.ui.progress_bar.setRange(0, total)
        self.ui.progress_bar.setValue(done)

    def _finished(self, result: BatchResult) -> None:
        self._end_run()
        self.last_result = result
        where = str(self.run_output())
        if result.cancelled and self.ui.combined_radio.isChecked():
            text = self.tr("Cancelled: no file was written.")
        elif result.cancelled:
            text = (
                self.tr("Cancelled: %1 of %2 statements saved in %3.")
                .replace("%1", str(result.done))
                .replace("%2", str(result.total))
                .replace("%3", where)
            )
        else:
            text = (
                self.tr("Saved %1 statements (%2 pages) in %3.")
                .replace("%1", str(result.done))
                .replace("%2", str(result.pages))
                .replace("%3", where)
            )
        self.ui.status_label.setText(text)
        set_role(self.ui.status_label, "flag" if result.cancelled else "")
        layout = self.layout()
        if layout is not None:
            layout.activate()  # room for a long path now, not at the next event
        self.run_finished.emit(result)

    def run_output(self) -> Path:
        return Path(self.ui.out_edit.text().strip()).expanduser()

    def _failed(self, error: BaseException) -> None:
        self._end_run()
        self.ui.status_label.setText("")
        self.ctx.errors.show(error)

    def _end_run(self) -> None:
        if self.run is not None:
            self.run.wait(5)
            self.run.deleteLater()
        self.run = None
        self._set_running(False)

    def _set_running(self, running: bool) -> None:
        for widget in (
            self.ui.start_button,
            self.ui.close_button,
            self.ui.browse_button,
            self.ui.all_radio,
            self.ui.building_radio,
            self.ui.estate_radio,
            self.ui.building_combo,
            self.ui.estate_edit,
            self.ui.arrears_check,
            self.ui.from_date_edit,
            self.ui.to_date_edit,
            self.ui.anonymous_check,
            self.ui.files_radio,
            self.ui.combined_radio,
            self.ui.out_edit,
        ):
            widget.setEnabled(not running)
        if not running:
            self.ui.building_combo.setEnabled(self.ui.building_combo.count() > 0)
        self.ui.cancel_button.setEnabled(running and self.run is not None)

    # --- closing only when nothing runs ----------------------------------------------------------
    def reject(self) -> None:
        if self.run is None and self.ui.start_button.isEnabled():
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.run is None and self.ui.start_button.isEnabled():
            super().closeEvent(event)
        else:
            event.ignore()
