"""Screen "Konta IOK": applications, resident accounts, one-time passwords and the handover slip."""

from __future__ import annotations

from iok_desktop.gui.clerk.accounts.page import AccountsPage
from iok_desktop.gui.clerk.context import ClerkContext
from iok_desktop.gui.clerk.page import Page


def create(ctx: ClerkContext) -> Page:
    return AccountsPage(ctx)
