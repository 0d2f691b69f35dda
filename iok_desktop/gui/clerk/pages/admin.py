"""Screen "Administracja" (administrators only): staff users, the cooperative's settings, reading windows."""

from __future__ import annotations

from iok_desktop.gui.clerk.admin.page import AdministrationPage
from iok_desktop.gui.clerk.context import ClerkContext
from iok_desktop.gui.clerk.page import Page


def create(ctx: ClerkContext) -> Page:
    return AdministrationPage(ctx)
