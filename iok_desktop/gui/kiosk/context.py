"""What every kiosk page needs: the backend, the worker thread and the signed-in resident."""

from __future__ import annotations

from dataclasses import dataclass

from iok_desktop.gui.operations import OperationRunner
from iok_desktop.gui.service_calls import ServiceCalls
from iok_desktop.services.auth import ResidentSession
from iok_desktop.services.backend import Backend
from iok_desktop.services.context import Actor


@dataclass
class KioskContext(ServiceCalls):
    backend: Backend
    runner: OperationRunner
    session: ResidentSession

    @property
    def actor(self) -> Actor:
        return self.session.actor(self.backend.workstation)
