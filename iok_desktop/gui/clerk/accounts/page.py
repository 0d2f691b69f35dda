"""The "Konta IOK" screen: accounts (by status) and applications, with the credentials dialog and slip."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QWidget

from iok_desktop.gui.clerk.accounts.accounts_view import AccountsView
from iok_desktop.gui.clerk.accounts.application_dialog import ApplicationDialog
from iok_desktop.gui.clerk.accounts.applications_view import ApplicationsView
from iok_desktop.gui.clerk.accounts.credentials_dialog import CredentialsDialog
from iok_desktop.gui.clerk.accounts.data import IssuedCredentials
from iok_desktop.gui.clerk.context import ClerkContext
from iok_desktop.gui.clerk.page import Page
from iok_desktop.services.accounts import ApplicationRow

ACCOUNTS_TAB, APPLICATIONS_TAB = 0, 1


class AccountsPage(Page):
    def __init__(self, ctx: ClerkContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("IOK accounts"), parent)
        self.application_dialog: ApplicationDialog | None = None
        self.credentials_dialog: CredentialsDialog | None = None
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("accounts_tabs")
        self.accounts = AccountsView(ctx, self.tabs)
        self.applications = ApplicationsView(ctx, self.tabs)
        self.tabs.addTab(self.accounts, self.tr("Accounts"))
        self.tabs.addTab(self.applications, self.tr("Applications"))
        self.layout_.addWidget(self.tabs, 1)
        self.accounts.credentials_issued.connect(self.show_credentials)
        self.applications.credentials_issued.connect(self.show_credentials)
        self.applications.new_application_requested.connect(self.new_application)
        self._loaded = False

    def activated(self) -> None:
        if self._loaded:
            self.accounts.refresh()
            self.applications.model.refresh()
        else:
            self.accounts.reload()
            self.applications.reload()
            self._loaded = True

    # --- applications ------------------------------------------------------------------------------
    def new_application(self) -> None:
        if self.application_dialog is not None:
            self.application_dialog.deleteLater()
        dialog = ApplicationDialog(self.ctx, self)
        dialog.recorded.connect(self._recorded)
        self.application_dialog = dialog
        dialog.open()

    def _recorded(self, row: ApplicationRow) -> None:
        self.tabs.setCurrentIndex(APPLICATIONS_TAB)
        self.applications.reload(select_id=row.id)

    # --- credentials, shown once -------------------------------------------------------------------
    def show_credentials(self, issued: IssuedCredentials, reset: bool) -> None:
        if self.credentials_dialog is not None:
            self.credentials_dialog.deleteLater()
        dialog = CredentialsDialog(self.ctx, issued, reset=reset, parent=self)
        dialog.finished.connect(lambda _result: self.accounts.reload())
        self.credentials_dialog = dialog
        dialog.open()
