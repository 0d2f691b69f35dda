"""Who is acting, when, and in which session: passed to every service call."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Protocol

from sqlalchemy.orm import Session

from iok_desktop.domain.dates import office_today, utc_now
from iok_desktop.domain.enums import ActorKind, ReadingSource, StaffRole
from iok_desktop.domain.errors import PermissionDeniedError


@dataclass(frozen=True)
class Actor:
    kind: ActorKind
    id: int | None
    login: str
    role: StaffRole | None = None
    # Residents act through the web portal or the office kiosk; recorded on their readings.
    channel: ReadingSource | None = None
    workstation: str | None = None

    @property
    def is_staff(self) -> bool:
        return self.kind is ActorKind.STAFF

    @property
    def is_admin(self) -> bool:
        return self.is_staff and self.role is StaffRole.ADMIN

    @property
    def is_resident(self) -> bool:
        return self.kind is ActorKind.RESIDENT


SYSTEM = Actor(kind=ActorKind.SYSTEM, id=None, login="system")


def staff_actor(staff_id: int, login: str, role: StaffRole, workstation: str | None = None) -> Actor:
    return Actor(ActorKind.STAFF, staff_id, login, role=role, workstation=workstation)


def resident_actor(
    account_id: int, login: str, channel: ReadingSource = ReadingSource.WEB, workstation: str | None = None
) -> Actor:
    return Actor(ActorKind.RESIDENT, account_id, login, channel=channel, workstation=workstation)


class Clock(Protocol):
    def now(self) -> datetime: ...


class SystemClock:
    def now(self) -> datetime:
        return utc_now()


@dataclass
class FixedClock:
    """A clock tests (and the demo generator) can set and move."""

    current: datetime

    def now(self) -> datetime:
        return self.current

    def advance(self, **delta: float) -> None:
        self.current += timedelta(**delta)


@dataclass
class ServiceContext:
    session: Session
    actor: Actor
    clock: Clock = field(default_factory=SystemClock)

    def now(self) -> datetime:
        return self.clock.now()

    def today(self) -> date:
        return office_today(self.clock.now())

    def require_staff(self) -> Actor:
        if not self.actor.is_staff:
            raise PermissionDeniedError("Ta czynność jest dostępna tylko dla pracowników spółdzielni.")
        return self.actor

    def require_admin(self) -> Actor:
        if not self.actor.is_admin:
            raise PermissionDeniedError("Ta czynność jest dostępna tylko dla administratora.")
        return self.actor

    def require_staff_or_system(self) -> Actor:
        if self.actor.kind is ActorKind.SYSTEM:
            return self.actor
        return self.require_staff()
