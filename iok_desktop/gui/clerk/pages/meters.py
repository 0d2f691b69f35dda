"""The "Liczniki" (meters) screen: replace a meter, the worklists, readings import and export."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QTabWidget, QWidget

from iok_desktop.gui.clerk.context import ClerkContext
from iok_desktop.gui.clerk.meters.export_dialog import ReadingExportDialog
from iok_desktop.gui.clerk.meters.import_dialog import ReadingImportDialog
from iok_desktop.gui.clerk.meters.replacement import PremisesChoice, ReplacementWizard
from iok_desktop.gui.clerk.meters.worklists import NoReadingTab, VerificationTab
from iok_desktop.gui.clerk.page import Page
from iok_desktop.services.worklists import VerificationRow


class MetersPage(Page):
    def __init__(self, ctx: ClerkContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, QCoreApplication.translate("MetersPage", "Meters"), parent)
        self.wizard: ReplacementWizard | None = None
        self.import_dialog: ReadingImportDialog | None = None
        self.export_dialog: ReadingExportDialog | None = None
        actions = QHBoxLayout()
        self.replace_button = QPushButton(self.tr("&Replace a meter…"), self)
        self.replace_button.setObjectName("replace_button")
        self.import_button = QPushButton(self.tr("&Import readings…"), self)
        self.import_button.setObjectName("import_button")
        self.export_button = QPushButton(self.tr("&Export readings…"), self)
        self.export_button.setObjectName("export_button")
        for button in (self.replace_button, self.import_button, self.export_button):
            actions.addWidget(button)
        actions.addStretch()
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("meters_tabs")
        self.no_reading_tab = NoReadingTab(ctx, self.tabs)
        self.verification_tab = VerificationTab(ctx, self.tabs)
        self.tabs.addTab(self.no_reading_tab, self.tr("No reading in the window"))
        self.tabs.addTab(self.verification_tab, self.tr("Legalisation"))
        self.layout_.addLayout(actions)
        self.layout_.addWidget(self.tabs, 1)
        self.replace_button.clicked.connect(lambda _checked=False: self.open_replacement())
        self.import_button.clicked.connect(self.open_import)
        self.export_button.clicked.connect(self.open_export)
        self.verification_tab.replace_requested.connect(self._replace_due)

    def activated(self) -> None:
        self.refresh()

    def deactivated(self) -> None:
        self.verification_tab.stop_timers()

    def refresh(self) -> None:
        self.no_reading_tab.reload()
        self.verification_tab.reload()

    def open_replacement(
        self, premises: PremisesChoice | None = None, meter_id: int | None = None
    ) -> ReplacementWizard:
        if self.wizard is not None:
            self.wizard.close()
            self.wizard.deleteLater()
        self.wizard = ReplacementWizard(self.ctx, self, premises=premises, meter_id=meter_id)
        self.wizard.replaced.connect(lambda _result: self.refresh())
        self.wizard.show()
        return self.wizard

    def _replace_due(self, row: VerificationRow) -> None:
        self.open_replacement(PremisesChoice(row.premises_id, row.premises_code, row.address), row.meter_id)

    def open_import(self) -> ReadingImportDialog:
        if self.import_dialog is None:
            self.import_dialog = ReadingImportDialog(self.ctx, self)
            self.import_dialog.imported.connect(lambda _report: self.refresh())
        _bring_up(self.import_dialog)
        return self.import_dialog

    def open_export(self) -> ReadingExportDialog:
        if self.export_dialog is None:
            self.export_dialog = ReadingExportDialog(self.ctx, self)
        _bring_up(self.export_dialog)
        return self.export_dialog


def _bring_up(dialog: QDialog) -> None:
    """Show a dialog, or bring it to the front when it is already open."""
    if dialog.isVisible():
        dialog.raise_()
        dialog.activateWindow()
    else:
        dialog.show()


def create(ctx: ClerkContext) -> Page:
    return MetersPage(ctx)
