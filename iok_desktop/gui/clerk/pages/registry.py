"""Screen "Lokale i mieszkańcy": premises search, the premises card, contact data, residents' changes."""

from __future__ import annotations

from iok_desktop.gui.clerk.context import ClerkContext
from iok_desktop.gui.clerk.page import Page
from iok_desktop.gui.clerk.registry.page import RegistryPage


def create(ctx: ClerkContext) -> Page:
    return RegistryPage(ctx)
