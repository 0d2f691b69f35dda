"""The clerk application's screens, in navigation order (one module per screen).

Each screen lives in ``iok_desktop/gui/clerk/pages/<key>.py`` and offers ``create(ctx) -> Page``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from iok_desktop.gui.clerk.context import ClerkContext
from iok_desktop.gui.clerk.page import Page


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str
    icon: str
    factory: Callable[[ClerkContext], Page]
    admin_only: bool = False


def _factory(key: str) -> Callable[[ClerkContext], Page]:
    def create(ctx: ClerkContext) -> Page:
        module = importlib.import_module(f"iok_desktop.gui.clerk.pages.{key}")
        page: Page = module.create(ctx)
        return page

    return create


def all_pages() -> list[PageSpec]:
    return [
        PageSpec("queue", QCoreApplication.translate("Navigation", "Reading queue"), "queue", _factory("queue")),
        PageSpec(
            "registry",
            QCoreApplication.translate("Navigation", "Premises and residents"),
            "registry",
            _factory("registry"),
        ),
        PageSpec(
            "accounts", QCoreApplication.translate("Navigation", "IOK accounts"), "accounts", _factory("accounts")
        ),
        PageSpec("ledger", QCoreApplication.translate("Navigation", "Financial ledger"), "ledger", _factory("ledger")),
        PageSpec("meters", QCoreApplication.translate("Navigation", "Meters"), "meters", _factory("meters")),
        PageSpec(
            "announcements",
            QCoreApplication.translate("Navigation", "Announcements"),
            "announcements",
            _factory("announcements"),
        ),
        PageSpec("audit", QCoreApplication.translate("Navigation", "Event log"), "audit", _factory("audit")),
        PageSpec(
            "admin",
            QCoreApplication.translate("Navigation", "Administration"),
            "admin",
            _factory("admin"),
            admin_only=True,
        ),
    ]
