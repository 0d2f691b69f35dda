"""Calling services from a screen: as the signed-in person, on the worker thread.

Both the clerk application and the kiosk give their screens a context with ``backend``, ``runner`` and
``actor``; ``ServiceCalls`` adds the two ways in: ``call`` (a unit of work, one transaction) and ``run``
(that work on the worker, the callbacks back on the UI thread).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Concatenate, ParamSpec, TypeVar

from iok_desktop.gui.operations import OperationRunner
from iok_desktop.services.backend import Backend
from iok_desktop.services.context import Actor, ServiceContext

P = ParamSpec("P")
T = TypeVar("T")


class ServiceCalls:
    backend: Backend
    runner: OperationRunner

    @property
    def actor(self) -> Actor:
        raise NotImplementedError

    def call(
        self, fn: Callable[Concatenate[ServiceContext, P], T], *args: P.args, **kwargs: P.kwargs
    ) -> Callable[[], T]:
        """A unit of work for ``run``: the service call, as this person, in its own transaction."""
        actor = self.actor
        return lambda: self.backend.call(actor, fn, *args, **kwargs)

    def run(
        self,
        work: Callable[[], T],
        on_success: Callable[[T], None] | None = None,
        on_failure: Callable[[BaseException], bool | None] | None = None,
    ) -> None:
        self.runner.run(work, on_success, on_failure)
