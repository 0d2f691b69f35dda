"""What every clerk screen needs, passed to its constructor (no global application object)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings

from iok_desktop.gui.dialogs import Dialogs
from iok_desktop.gui.errors import ErrorPresenter
from iok_desktop.gui.operations import OperationRunner
from iok_desktop.gui.service_calls import ServiceCalls
from iok_desktop.services.auth import StaffSession
from iok_desktop.services.backend import Backend
from iok_desktop.services.context import Actor


@dataclass
class ClerkContext(ServiceCalls):
    backend: Backend
    runner: OperationRunner
    errors: ErrorPresenter
    dialogs: Dialogs
    settings: QSettings
    session: StaffSession

    @property
    def actor(self) -> Actor:
        return self.session.actor(self.backend.workstation)

    @property
    def is_admin(self) -> bool:
        return self.actor.is_admin
