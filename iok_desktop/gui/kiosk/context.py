"""What every kiosk page needs: the backend, the worker thread and the signed-in resident."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from iok_desktop.gui.operations import OperationRunner
from iok_desktop.gui.service_calls import ServiceCalls
from iok_desktop.services.auth import ResidentSession
from iok_desktop.services.backend import Backend
from iok_desktop.services.context import Actor

T = TypeVar("T")


@dataclass
class KioskContext(ServiceCalls):
    backend: Backend
    runner: OperationRunner
    session: ResidentSession
    # The printer of this kiosk (None: the system's default printer).
    printer_name: str | None = None
    # Set at logout: results still on their way belong to a resident who has gone, and their screens
    # are deleted, so they are dropped instead of being shown (or touching deleted widgets).
    closed: bool = False

    @property
    def actor(self) -> Actor:
        return self.session.actor(self.backend.workstation)

    def run(
        self,
        work: Callable[[], T],
        on_success: Callable[[T], None] | None = None,
        on_failure: Callable[[BaseException], bool | None] | None = None,
    ) -> None:
        def succeeded(result: T) -> None:
            if not self.closed and on_success is not None:
                on_success(result)

        def failed(error: BaseException) -> bool | None:
            if self.closed:
                return True
            return on_failure(error) if on_failure is not None else None

        super().run(work, succeeded, failed)
