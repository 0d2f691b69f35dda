"""Import the ledger from the accounting program's CSV file; the dialog's workings are
``gui/csv_import_dialog.py``, the file format ``services/ledger_import.py`` and the dialog's help text.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from iok_desktop.domain.money import format_money
from iok_desktop.gui.clerk.context import ClerkContext
from iok_desktop.gui.csv_import_dialog import CsvImportDialog, Progress, ShouldStop
from iok_desktop.gui.forms.ui_ledger_import_dialog import Ui_LedgerImportDialog
from iok_desktop.gui.paged_model import Column
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


class LedgerImportDialog(CsvImportDialog[ImportReport]):
    def __init__(self, ctx: ClerkContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, Ui_LedgerImportDialog(), rejected_columns(), parent)
        self.setObjectName("ledger_import_dialog")

    def chooser_title(self) -> str:
        return self.tr("Import the ledger")

    def run_import(self, path: str, progress: Progress, should_stop: ShouldStop) -> ImportReport:
        return ledger_import.import_file(
            self.ctx.backend, self.ctx.actor, path, progress=progress, should_stop=should_stop
        )

    def result_lines(self, report: ImportReport) -> list[str]:
        lines = [self.tr("Posted: %1 new entries.").replace("%1", str(report.created))]
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
        return lines

    def rejected_line(self, count: int) -> str:
        return self.tr("Not posted: %1 rows — listed below; correct them in the accounting program.").replace(
            "%1", str(count)
        )
