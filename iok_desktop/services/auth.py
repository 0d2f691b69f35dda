"""Logging in (staff and residents), throttling, lockout and changing one's own password.

A refused login still has to be *saved* (the failure counter, the lockout, the audit entry), so
the login functions do not raise: they return a ``LoginOutcome`` whose ``error`` the caller raises
or shows after the transaction is committed.

Rules (the numbers are cooperative settings):
- the same answer, "Nieprawidłowy identyfikator lub hasło.", for an unknown login and a wrong
  password, and the same work: an unknown login is verified against a dummy argon2 hash;
- from the ``throttle_after_failures``-th failure in a row the next attempt must wait, 2, 4, 8 …
  seconds up to a minute (a too-early attempt is refused without checking the password);
- at ``lockout_after_failures`` failures the account locks for ``lockout_minutes`` (0: until the
  office unlocks it); every lockout is audited; a successful login resets the count;
- a resident whose holder no longer holds any current legal title is blocked automatically.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Generic, TypeVar

from sqlalchemy import func, select, text, update

from iok_desktop.db.models import LegalTitle, ResidentAccount, StaffUser
from iok_desktop.domain.dates import OFFICE_TZ
from iok_desktop.domain.enums import AccountStatus, ActorKind, ReadingSource, StaffRole
from iok_desktop.domain.errors import (
    AccountLockedError,
    AuthenticationError,
    DomainError,
    PermissionDeniedError,
    ThrottledError,
    ValidationError,
)
from iok_desktop.domain.language import core_text
from iok_desktop.domain.login_ids import normalise_login
from iok_desktop.domain.passwords import HARD_INPUT_CAP, check_policy, hash_password, needs_rehash, verify_password
from iok_desktop.services import audit
from iok_desktop.services.access import title_is_current
from iok_desktop.services.context import Actor, ServiceContext, resident_actor, staff_actor
from iok_desktop.services.kiosk_throttle import kiosk_refusal
from iok_desktop.services.settings import CooperativeSettings, get_settings

S = TypeVar("S")
WRONG_CREDENTIALS = "Nieprawidłowy identyfikator lub hasło."
MAX_THROTTLE_SECONDS = 60
NO_TITLE_REASON = core_text("Brak aktualnego tytułu prawnego do lokalu.")  # stored; shown localised


@dataclass(frozen=True)
class StaffSession:
    staff_id: int
    login: str
    full_name: str
    role: StaffRole
    must_change_password: bool

    def actor(self, workstation: str | None = None) -> Actor:
        return staff_actor(self.staff_id, self.login, self.role, workstation)


@dataclass(frozen=True)
class ResidentSession:
    account_id: int
    login: str
    person_id: int
    full_name: str
    must_change_password: bool
    channel: ReadingSource

    def actor(self, workstation: str | None = None) -> Actor:
        return resident_actor(self.account_id, self.login, self.channel, workstation)


@dataclass(frozen=True)
class LoginOutcome(Generic[S]):
    session: S | None = None
    error: DomainError | None = None

    def unwrap(self) -> S:
        """The session, or raise the refusal (call after the transaction is committed)."""
        if self.error is not None:
            raise self.error
        if self.session is None:  # pragma: no cover - one of the two is always set
            raise AuthenticationError(WRONG_CREDENTIALS)
        return self.session


Credentials = StaffUser | ResidentAccount
C = TypeVar("C", StaffUser, ResidentAccount)


def throttle_delay(failed_attempts: int, throttle_after: int) -> int:
    """Seconds to wait before the next attempt after ``failed_attempts`` failures in a row."""
    if failed_attempts < throttle_after:
        return 0
    return int(min(MAX_THROTTLE_SECONDS, 2 ** (failed_attempts - throttle_after + 1)))


def _local_time(moment: datetime) -> str:
    return moment.astimezone(OFFICE_TZ).strftime("%H:%M")


def _precheck(ctx: ServiceContext, row: Credentials, policy: CooperativeSettings) -> DomainError | None:
    """Refusals that apply whatever the password (the password is still verified, for timing)."""
    now = ctx.now()
    if row.locked_until is not None and row.locked_until > now:
        return AccountLockedError(
            "Konto zostało zablokowane po zbyt wielu nieudanych próbach logowania. "
            f"Spróbuj ponownie po godzinie {_local_time(row.locked_until)} albo zgłoś się do biura spółdzielni."
        )
    if isinstance(row, ResidentAccount) and row.status is AccountStatus.LOCKED:
        return AccountLockedError("Konto jest zablokowane. Zgłoś się do biura spółdzielni.")
    if (isinstance(row, ResidentAccount) and row.status is AccountStatus.DEACTIVATED) or (
        isinstance(row, StaffUser) and not row.is_active
    ):
        return AuthenticationError("Konto jest nieaktywne. Zgłoś się do biura spółdzielni.")
    delay = throttle_delay(row.failed_attempts, policy.throttle_after_failures)
    if delay and row.last_failed_at is not None:
        allowed_at = row.last_failed_at + timedelta(seconds=delay)
        if allowed_at > now:
            wait = max(1, int((allowed_at - now).total_seconds() + 0.999))
            return ThrottledError(
                f"Zbyt wiele nieudanych prób logowania. Spróbuj ponownie za {wait} s.", retry_after_seconds=wait
            )
    return None


def _record_failure(ctx: ServiceContext, row: Credentials, policy: CooperativeSettings, kind: ActorKind) -> DomainError:
    now = ctx.now()
    table = type(row)
    failures = row.failed_attempts + 1
    values: dict[str, object] = {"failed_attempts": table.failed_attempts + 1, "last_failed_at": now}
    locked = failures >= policy.lockout_after_failures
    until: datetime | None = None
    if locked:
        minutes = policy.lockout_minutes
        # 0 minutes: locked until the office unlocks it. A far date keeps one mechanism for both.
        until = now + (timedelta(minutes=minutes) if minutes else timedelta(days=365 * 100))
        values["locked_until"] = until
    # A plain UPDATE with "+ 1": two simultaneous wrong attempts both count. It deliberately skips
    # the version check: counters are not something a clerk edits.
    ctx.session.execute(update(table).where(table.id == row.id).values(**values))
    actor = (kind, row.id, row.login)
    audit.record(
        ctx,
        "auth.login_failed",
        entity_type=table.__tablename__,
        entity_id=row.id,
        details={"failed_attempts": failures},
        actor_override=actor,
    )
    if locked:
        audit.record(
            ctx,
            "auth.lockout",
            entity_type=table.__tablename__,
            entity_id=row.id,
            details={"failed_attempts": failures, "minutes": policy.lockout_minutes},
            actor_override=actor,
        )
    return _failure_refusal(policy, failures, until)


def _failure_refusal(policy: CooperativeSettings, failures: int, locked_until: datetime | None) -> DomainError:
    """What a user is told after a wrong password that was the ``failures``-th in a row."""
    if locked_until is not None:
        if policy.lockout_minutes:
            return AccountLockedError(
                "Konto zostało zablokowane po zbyt wielu nieudanych próbach logowania. "
                f"Spróbuj ponownie po godzinie {_local_time(locked_until)}"
                " albo zgłoś się do biura spółdzielni."
            )
        return AccountLockedError(
            "Konto zostało zablokowane po zbyt wielu nieudanych próbach logowania. Zgłoś się do biura spółdzielni."
        )
    delay = throttle_delay(failures, policy.throttle_after_failures)
    if delay:
        return ThrottledError(f"{WRONG_CREDENTIALS} Następna próba możliwa za {delay} s.", retry_after_seconds=delay)
    return AuthenticationError(WRONG_CREDENTIALS)


def _record_success(ctx: ServiceContext, row: Credentials, password: str) -> None:
    row.failed_attempts = 0
    row.last_failed_at = None
    row.locked_until = None
    row.last_login_at = ctx.now()
    if needs_rehash(row.password_hash):
        row.password_hash = hash_password(password)
    ctx.session.flush()


def _unknown_login(ctx: ServiceContext, login: str, password: str, kind: ActorKind) -> DomainError:
    verify_password(None, password)  # same cost as a wrong password
    audit.record(ctx, "auth.login_failed", details={"unknown_login": True}, actor_override=(kind, None, login[:64]))
    return AuthenticationError(WRONG_CREDENTIALS)


def _check_inputs(login_text: str, password: str) -> DomainError | str:
    """The normalised login, or the refusal for input that cannot belong to any account."""
    if not (login_text or "").strip() or not password:
        return AuthenticationError("Podaj identyfikator i hasło.")
    try:
        login = normalise_login(login_text)
    except ValidationError:
        login = None
    if login is None or len(password) > HARD_INPUT_CAP:
        verify_password(None, password[:HARD_INPUT_CAP])  # same cost as any wrong password
        return AuthenticationError(WRONG_CREDENTIALS)
    return login


def _verify_credentials(
    ctx: ServiceContext, table: type[C], login_text: str, password: str, kind: ActorKind
) -> C | DomainError:
    """The account whose password matched, or the refusal (already counted and audited).

    Shared by staff and resident logins so both keep the same answers, timing and lockout.
    """
    login = _check_inputs(login_text, password)
    if isinstance(login, DomainError):
        return login
    row = ctx.session.scalar(select(table).where(table.login == login))
    if row is None:
        return _unknown_login(ctx, login, password, kind)
    policy = get_settings(ctx)
    refusal = _precheck(ctx, row, policy)
    if refusal is not None:
        if not isinstance(refusal, ThrottledError):
            verify_password(row.password_hash, password)  # same cost as a normal attempt
        return refusal
    if not verify_password(row.password_hash, password):
        return _record_failure(ctx, row, policy, kind)
    return row


def _audit_login(ctx: ServiceContext, row: Credentials, kind: ActorKind, **details: object) -> None:
    audit.record(
        ctx,
        "auth.login",
        entity_type=type(row).__tablename__,
        entity_id=row.id,
        details=details,
        actor_override=(kind, row.id, row.login),
    )


def login_staff(ctx: ServiceContext, login_text: str, password: str) -> LoginOutcome[StaffSession]:
    row = _verify_credentials(ctx, StaffUser, login_text, password, ActorKind.STAFF)
    if isinstance(row, DomainError):
        return LoginOutcome(error=row)
    _record_success(ctx, row, password)
    _audit_login(ctx, row, ActorKind.STAFF)
    return LoginOutcome(session=StaffSession(row.id, row.login, row.full_name, row.role, row.must_change_password))


def login_kiosk_admin(ctx: ServiceContext, login_text: str, password: str) -> LoginOutcome[StaffSession]:
    """The kiosk's exit: an administrator's login, also where the kiosk may not read staff password hashes.

    A kiosk's PostgreSQL role (``iok-desktop db roles``) has no SELECT on ``staff_users.password_hash``;
    there the hash of an *active administrator* (nobody else's) comes from the SECURITY DEFINER function
    ``iok_kiosk_admin_credentials`` and the failure count from ``iok_kiosk_admin_attempt`` (db/roles.py;
    the reasoning and the residual risk: docs/decisions.md). Elsewhere this is ``login_staff``.
    """
    if not _kiosk_admin_functions(ctx):
        return login_staff(ctx, login_text, password)
    login = _check_inputs(login_text, password)
    if isinstance(login, DomainError):
        return LoginOutcome(error=login)
    found = ctx.session.execute(
        text("SELECT * FROM iok_kiosk_admin_credentials(:login)"), {"login": login}
    ).one_or_none()
    if found is None:  # unknown, not an administrator or inactive: one answer, the same work
        return LoginOutcome(error=_unknown_login(ctx, login, password, ActorKind.STAFF))
    row = StaffUser(  # transient, never added to the session: the checks below only read it
        id=found.id,
        login=found.login,
        full_name=found.full_name,
        role=StaffRole.ADMIN,
        password_hash=found.password_hash,
        is_active=True,
        failed_attempts=found.failed_attempts,
        last_failed_at=found.last_failed_at,
        locked_until=found.locked_until,
    )
    policy = get_settings(ctx)
    refusal = _precheck(ctx, row, policy)
    if refusal is not None:
        if not isinstance(refusal, ThrottledError):
            verify_password(row.password_hash, password)
        return LoginOutcome(error=refusal)
    actor = (ActorKind.STAFF, row.id, row.login)
    attempt = text("SELECT failed_attempts, locked_until FROM iok_kiosk_admin_attempt(:id, :ok)")
    if not verify_password(row.password_hash, password):
        failures, locked_until = ctx.session.execute(attempt, {"id": row.id, "ok": False}).one()
        audit.record(
            ctx,
            "auth.login_failed",
            entity_type="staff_users",
            entity_id=row.id,
            details={"failed_attempts": failures, "kiosk_exit": True},
            actor_override=actor,
        )
        locked = locked_until is not None and failures >= policy.lockout_after_failures
        if locked:
            audit.record(
                ctx,
                "auth.lockout",
                entity_type="staff_users",
                entity_id=row.id,
                details={"failed_attempts": failures, "minutes": policy.lockout_minutes},
                actor_override=actor,
            )
        return LoginOutcome(error=_failure_refusal(policy, failures, locked_until if locked else None))
    ctx.session.execute(attempt, {"id": row.id, "ok": True})
    _audit_login(ctx, row, ActorKind.STAFF, kiosk_exit=True)
    return LoginOutcome(session=StaffSession(row.id, row.login, row.full_name, StaffRole.ADMIN, False))


def _kiosk_admin_functions(ctx: ServiceContext) -> bool:
    """True where the login may not read staff password hashes but may use the kiosk's functions."""
    if ctx.session.get_bind().dialect.name != "postgresql":
        return False
    return bool(
        ctx.session.scalar(
            text(
                "SELECT NOT has_column_privilege('staff_users', 'password_hash', 'SELECT') "
                "AND to_regprocedure('iok_kiosk_admin_credentials(text)') IS NOT NULL "
                "AND has_function_privilege('iok_kiosk_admin_credentials(text)', 'EXECUTE')"
            )
        )
    )


def has_current_title(ctx: ServiceContext, person_id: int) -> bool:
    count = ctx.session.scalar(
        select(func.count())
        .select_from(LegalTitle)
        .where(LegalTitle.person_id == person_id, title_is_current(ctx.today()))
    )
    return bool(count)


def block_for_missing_title(ctx: ServiceContext, account: ResidentAccount) -> None:
    account.status = AccountStatus.LOCKED
    account.status_reason = NO_TITLE_REASON
    ctx.session.flush()
    audit.record(
        ctx,
        "account.auto_block",
        entity_type="resident_accounts",
        entity_id=account.id,
        details={"reason": NO_TITLE_REASON},
    )


def login_resident(
    ctx: ServiceContext, login_text: str, password: str, *, channel: ReadingSource = ReadingSource.WEB
) -> LoginOutcome[ResidentSession]:
    if channel is ReadingSource.KIOSK and (refusal := kiosk_refusal(ctx)) is not None:
        verify_password(None, password[:HARD_INPUT_CAP])  # the same cost as any other attempt
        return LoginOutcome(error=refusal)
    row = _verify_credentials(ctx, ResidentAccount, login_text, password, ActorKind.RESIDENT)
    if isinstance(row, DomainError):
        return LoginOutcome(error=row)
    if not has_current_title(ctx, row.person_id):
        block_for_missing_title(ctx, row)
        return LoginOutcome(
            error=AccountLockedError(
                "Konto jest nieaktywne, ponieważ nie masz już tytułu prawnego do lokalu. "
                "Zgłoś się do biura spółdzielni."
            )
        )
    _record_success(ctx, row, password)
    _audit_login(ctx, row, ActorKind.RESIDENT, channel=channel)
    return LoginOutcome(
        session=ResidentSession(
            row.id, row.login, row.person_id, row.person.full_name, row.must_change_password, channel
        )
    )


def change_own_password(ctx: ServiceContext, current_password: str, new_password: str) -> None:
    """The logged-in staff member or resident sets a new password (forced at first login)."""
    actor = ctx.actor
    row: Credentials | None
    if actor.is_staff:
        row = ctx.session.get(StaffUser, actor.id)
    elif actor.is_resident:
        row = ctx.session.get(ResidentAccount, actor.id)
    else:
        raise PermissionDeniedError("Zmiana hasła wymaga zalogowania.")
    if row is None:
        raise PermissionDeniedError("Konto nie istnieje.")
    if not verify_password(row.password_hash, current_password):
        raise ValidationError("Obecne hasło jest nieprawidłowe.", field="current_password")
    normalised = check_policy(new_password, login=row.login, field="new_password")
    if verify_password(row.password_hash, normalised):
        raise ValidationError("Nowe hasło musi być inne niż obecne.", field="new_password")
    row.password_hash = hash_password(normalised)
    row.must_change_password = False
    if isinstance(row, ResidentAccount):
        row.password_changed_at = ctx.now()
    ctx.session.flush()
    audit.record(ctx, "auth.password_changed", entity_type=type(row).__tablename__, entity_id=row.id)


def block_accounts_without_current_title(ctx: ServiceContext) -> int:
    """Sweep: lock every active resident account whose person holds no current title any more.

    Titles can end on a date set in advance, so this runs at application start and daily; the
    login check above catches the rest.
    """
    ctx.require_staff_or_system()
    current = select(LegalTitle.person_id).where(title_is_current(ctx.today()))
    accounts = ctx.session.scalars(
        select(ResidentAccount).where(
            ResidentAccount.status == AccountStatus.ACTIVE, ResidentAccount.person_id.not_in(current)
        )
    ).all()
    for account in accounts:
        block_for_missing_title(ctx, account)
    return len(accounts)
