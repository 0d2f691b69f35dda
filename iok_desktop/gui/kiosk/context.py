"""What every kiosk page needs: the backend, the worker thread and the signed-in resident."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Concatenate, ParamSpec, TypeVar

from iok_desktop.gui.operations import OperationRunner
from iok_desktop.services.auth import ResidentSession
from iok_desktop.services.backend import Backend
from iok_desktop.services.context import Actor, ServiceContext

P = ParamSpec("P")
T = TypeVar("T")


@dataclass
class KioskContext:
    backend: Backend
    runner: OperationRunner
    session: ResidentSession

    @property
    def actor(self) -> Actor:
        return self.session.actor(self.backend.workstation)

    def call(
        self, fn: Callable[Concatenate[ServiceContext, P], T], *args: P.args, **kwargs: P.kwargs
    ) -> Callable[[], T]:
        """A unit of work for ``run``: the service call, as this resident, in its own transaction."""
        actor = self.actor
        return lambda: self.backend.call(actor, fn, *args, **kwargs)

    def run(
        self,
        work: Callable[[], T],
        on_success: Callable[[T], None] | None = None,
        on_failure: Callable[[BaseException], bool | None] | None = None,
    ) -> None:
        self.runner.run(work, on_success, on_failure)
