"""Kolejka odczytów (the reading-approval queue); the screen lives in ``gui/clerk/queue/``."""

from __future__ import annotations

from iok_desktop.gui.clerk.context import ClerkContext
from iok_desktop.gui.clerk.page import Page
from iok_desktop.gui.clerk.queue.page import QueuePage


def create(ctx: ClerkContext) -> Page:
    return QueuePage(ctx)
