"""What every clerk screen needs, passed to its constructor (no global application object)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Concatenate, ParamSpec, TypeVar

from PySide6.QtCore import QSettings

from iok_desktop.gui.dialogs import Dialogs
from iok_desktop.gui.errors import ErrorPresenter
from iok_desktop.gui.operations import OperationRunner
from iok_desktop.services.auth import StaffSession
from iok_desktop.services.backend import Backend
from iok_desktop.services.context import Actor, ServiceContext

P = ParamSpec("P")
T = TypeVar("T")


@dataclass
class ClerkContext:
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

    def call(
        self,
        fn: Callable[Concatenate[ServiceContext, P], T],
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> Callable[[], T]:
        """A unit of work for ``runner.run``: the service call, as this clerk, in its own transaction."""
        actor = self.actor
        return lambda: self.backend.call(actor, fn, *args, **kwargs)

    def run(
        self,
        work: Callable[[], T],
        on_success: Callable[[T], None] | None = None,
        on_failure: Callable[[BaseException], bool | None] | None = None,
    ) -> None:
        self.runner.run(work, on_success, on_failure)
