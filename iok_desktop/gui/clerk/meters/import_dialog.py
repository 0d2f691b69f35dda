"""Import meter readings from a CSV file (collector or radio-read export); the dialog's workings are
``gui/csv_import_dialog.py``, the file format ``services/reading_import.py`` and the dialog's help text.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from iok_desktop.gui.clerk.context import ClerkContext
from iok_desktop.gui.clerk.meters.models import rejected_columns
from iok_desktop.gui.csv_import_dialog import CsvImportDialog, Progress, ShouldStop
from iok_desktop.gui.forms.ui_meters_import_dialog import Ui_MetersImportDialog
from iok_desktop.services import reading_import
from iok_desktop.services.reading_import import ImportReport


class ReadingImportDialog(CsvImportDialog[ImportReport]):
    def __init__(self, ctx: ClerkContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, Ui_MetersImportDialog(), rejected_columns(), parent)
        self.setObjectName("import_dialog")

    def chooser_title(self) -> str:
        return self.tr("Import readings")

    def run_import(self, path: str, progress: Progress, should_stop: ShouldStop) -> ImportReport:
        return reading_import.import_file(
            self.ctx.backend, self.ctx.actor, path, progress=progress, should_stop=should_stop
        )

    def result_lines(self, report: ImportReport) -> list[str]:
        lines = [self.tr("Imported: %1 new readings, accepted.").replace("%1", str(report.created))]
        if report.flagged:
            lines.append(
                self.tr("Of them flagged (above average or a missed window): %1.").replace("%1", str(report.flagged))
            )
        if report.unchanged:
            lines.append(self.tr("Already in the database, skipped: %1.").replace("%1", str(report.unchanged)))
        return lines

    def rejected_line(self, count: int) -> str:
        return self.tr("Not imported: %1 rows — listed below; enter them by hand after checking.").replace(
            "%1", str(count)
        )
