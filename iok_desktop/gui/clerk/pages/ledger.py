"""Kartoteka finansowa (the financial ledger of a premises); the screen lives in ``gui/clerk/ledger/``."""

from __future__ import annotations

from iok_desktop.gui.clerk.context import ClerkContext
from iok_desktop.gui.clerk.ledger.page import LedgerPage
from iok_desktop.gui.clerk.page import Page


def create(ctx: ClerkContext) -> Page:
    return LedgerPage(ctx)
