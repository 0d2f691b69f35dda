"""Screen "Dziennik zdarzeń": who did what and when, with the values before and after."""

from __future__ import annotations

from iok_desktop.gui.clerk.audit.page import AuditLogPage
from iok_desktop.gui.clerk.context import ClerkContext
from iok_desktop.gui.clerk.page import Page


def create(ctx: ClerkContext) -> Page:
    return AuditLogPage(ctx)
