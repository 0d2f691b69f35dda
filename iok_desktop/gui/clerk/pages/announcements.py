"""Screen "Ogłoszenia": clerks write, schedule, publish and end announcements, and preview them."""

from __future__ import annotations

from iok_desktop.gui.clerk.announcements.page import AnnouncementsPage
from iok_desktop.gui.clerk.context import ClerkContext
from iok_desktop.gui.clerk.page import Page


def create(ctx: ClerkContext) -> Page:
    return AnnouncementsPage(ctx)
