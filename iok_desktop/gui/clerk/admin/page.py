"""Screen "Administracja" (administrators only): staff users, cooperative settings, reading windows."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTabWidget

from iok_desktop.gui.clerk.admin.settings_tab import SettingsTab
from iok_desktop.gui.clerk.admin.staff_tab import StaffTab
from iok_desktop.gui.clerk.admin.windows_tab import WindowsTab
from iok_desktop.gui.clerk.context import ClerkContext
from iok_desktop.gui.clerk.page import Page


class AdministrationPage(Page):
    def __init__(self, ctx: ClerkContext) -> None:
        super().__init__(ctx, QCoreApplication.translate("Navigation", "Administration"))
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("admin_tabs")
        self.staff_tab = StaffTab(ctx, self.tabs)
        self.staff_tab.setObjectName("staff_tab")
        self.settings_tab = SettingsTab(ctx, self.tabs)
        self.settings_tab.setObjectName("settings_tab")
        self.windows_tab = WindowsTab(ctx, self.tabs)
        self.windows_tab.setObjectName("windows_tab")
        self.tabs.addTab(self.staff_tab, self.tr("&Staff users"))
        self.tabs.addTab(self.settings_tab, self.tr("&Cooperative settings"))
        self.tabs.addTab(self.windows_tab, self.tr("&Reading windows"))
        self.layout_.addWidget(self.tabs, 1)

    def activated(self) -> None:
        self.staff_tab.reload()
        if not self.settings_tab.is_dirty():  # never overwrite what the admin is typing
            self.settings_tab.reload()
        self.windows_tab.reload()
