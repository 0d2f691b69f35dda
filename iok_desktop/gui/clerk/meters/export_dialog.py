"""Export accepted readings of a period as CSV for the settlement company (format: services/reading_export.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from iok_desktop.domain.errors import DomainError
from iok_desktop.gui.clerk.context import ClerkContext
from iok_desktop.gui.forms.ui_meters_export_dialog import Ui_MetersExportDialog
from iok_desktop.gui.widgets import show_error
from iok_desktop.services import reading_export
from iok_desktop.services.reading_export import ExportSummary


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class ReadingExportDialog(QDialog):
    def __init__(self, ctx: ClerkContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_MetersExportDialog()
        self.ui.setupUi(self)
        self.setObjectName("export_dialog")
        self.summary: ExportSummary | None = None
        self.running = False
        show_error(self.ui.period_error_label, None)
        self.ui.export_button.clicked.connect(self.choose_file)
        self.ui.close_button.clicked.connect(self.reject)
        self.ui.export_button.setEnabled(False)
        ctx.run(ctx.call(reading_export.default_period), self._show_period, self._no_period)

    def _show_period(self, period: tuple[date, date]) -> None:
        self.ui.from_date_edit.setDate(_qdate(period[0]))
        self.ui.to_date_edit.setDate(_qdate(period[1]))
        self.ui.export_button.setEnabled(True)

    def _no_period(self, _error: BaseException) -> bool:
        """The default could not be read (the error is shown as usual); the clerk picks the dates."""
        self.ui.export_button.setEnabled(True)
        return False

    def period(self) -> tuple[date, date]:
        return self.ui.from_date_edit.date().toPython(), self.ui.to_date_edit.date().toPython()  # type: ignore[return-value]

    def suggested_name(self) -> str:
        start, end = self.period()
        return f"odczyty_{start.isoformat()}_{end.isoformat()}.csv"

    def choose_file(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export readings"), self.suggested_name(), self.tr("CSV files (*.csv)")
        )
        if path:
            self.export_to(path)

    def export_to(self, path: str | Path) -> None:
        """Write the export to ``path`` (".csv" added when it has no extension)."""
        if self.running:
            return
        target = Path(path)
        if not target.suffix:
            target = target.with_suffix(".csv")
        start, end = self.period()
        show_error(self.ui.period_error_label, None)
        self.ui.result_label.setText(self.tr("Exporting…"))
        self._set_running(True)
        self.ctx.run(
            self.ctx.call(reading_export.export_readings, str(target), start, end), self._finished, self._failed
        )

    def _set_running(self, running: bool) -> None:
        self.running = running
        for widget in (self.ui.export_button, self.ui.from_date_edit, self.ui.to_date_edit, self.ui.close_button):
            widget.setEnabled(not running)

    def _finished(self, summary: ExportSummary) -> None:
        self._set_running(False)
        self.summary = summary
        self.ui.result_label.setText(
            self.tr("Saved %1 readings to %2.").replace("%1", str(summary.rows)).replace("%2", summary.path)
        )

    def _failed(self, error: BaseException) -> bool:
        self._set_running(False)
        self.ui.result_label.setText("")
        if isinstance(error, DomainError) and error.field in {"date_from", "date_to"}:
            show_error(self.ui.period_error_label, error.message)
            return True
        if isinstance(error, DomainError) and error.field == "path":
            self.ui.result_label.setText(error.message)
            return True
        return False

    def reject(self) -> None:
        if not self.running:
            super().reject()
