"""Resident IOK accounts: from an application (wniosek) filed at the office to a working login.

One account per person; it covers every premises the person holds a current title to. Only a
person with a current legal title gets an account. The initial password is generated, shown once
for the handover slip and must be changed at first login.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import exists, func, select
from sqlalchemy.orm import joinedload

from iok_desktop.db.models import AccountApplication, Building, LegalTitle, Person, Premises, ResidentAccount
from iok_desktop.domain.address import full_address
from iok_desktop.domain.dates import format_date
from iok_desktop.domain.enums import AccountStatus, ApplicationStatus
from iok_desktop.domain.errors import NotFoundError, ValidationError
from iok_desktop.domain.language import core_text, localize
from iok_desktop.domain.login_ids import propose_login
from iok_desktop.domain.passwords import RULES_TEXT, generate_initial_password, hash_password
from iok_desktop.domain.text import clean_line
from iok_desktop.services import audit
from iok_desktop.services.access import title_is_current
from iok_desktop.services.auth import has_current_title
from iok_desktop.services.context import ServiceContext
from iok_desktop.services.settings import get_settings

LOGIN_ATTEMPTS = 50


@dataclass(frozen=True)
class ApplicationRow:
    id: int
    person_id: int
    person_name: str
    premises_id: int
    premises_address: str
    filed_on: date
    office: str
    status: ApplicationStatus
    refusal_reason: str | None
    account_id: int | None
    decided_at: datetime | None


@dataclass(frozen=True)
class AccountRow:
    id: int
    login: str
    person_id: int
    person_name: str
    status: AccountStatus
    status_reason: str | None
    must_change_password: bool
    locked_until: datetime | None
    failed_attempts: int
    created_at: datetime
    last_login_at: datetime | None


@dataclass(frozen=True)
class AccountCredentials:
    """Everything the handover slip carries. Shown once; the password is not stored in clear."""

    account_id: int
    login: str
    initial_password: str
    person_name: str
    premises_addresses: list[str]
    iok_url: str
    password_rules: str = RULES_TEXT


def _premises_address(premises: Premises) -> str:
    b: Building = premises.building
    return full_address(b.street, b.house_number, premises.number, b.postal_code, b.city)


def _application_row(app: AccountApplication) -> ApplicationRow:
    return ApplicationRow(
        id=app.id,
        person_id=app.person_id,
        person_name=app.person.full_name,
        premises_id=app.premises_id,
        premises_address=_premises_address(app.premises),
        filed_on=app.filed_on,
        office=app.office,
        status=app.status,
        refusal_reason=app.refusal_reason,
        account_id=app.account_id,
        decided_at=app.decided_at,
    )


def account_row(account: ResidentAccount) -> AccountRow:
    return AccountRow(
        id=account.id,
        login=account.login,
        person_id=account.person_id,
        person_name=account.person.full_name,
        status=account.status,
        status_reason=localize(account.status_reason) if account.status_reason else account.status_reason,
        must_change_password=account.must_change_password,
        locked_until=account.locked_until,
        failed_attempts=account.failed_attempts,
        created_at=account.created_at,
        last_login_at=account.last_login_at,
    )


def _account_for_person(ctx: ServiceContext, person_id: int) -> ResidentAccount | None:
    return ctx.session.scalar(select(ResidentAccount).where(ResidentAccount.person_id == person_id))


def record_application(
    ctx: ServiceContext, *, person_id: int, premises_id: int, filed_on: date, office: str
) -> ApplicationRow:
    ctx.require_staff()
    person = ctx.session.get(Person, person_id)
    premises = ctx.session.get(Premises, premises_id)
    if person is None:
        raise NotFoundError("Nie ma takiej osoby w kartotece.")
    if premises is None:
        raise NotFoundError("Nie ma takiego lokalu.")
    if filed_on > ctx.today():
        raise ValidationError("Data złożenia wniosku nie może być w przyszłości.", field="filed_on")
    office_text = clean_line(office, max_length=200)
    if not office_text:
        raise ValidationError("Podaj, gdzie złożono wniosek (np. siedziba, pokój 4).", field="office")
    existing = _account_for_person(ctx, person_id)
    if existing is not None and existing.status is AccountStatus.ACTIVE:
        raise ValidationError(
            f"{person.full_name} ma już konto IOK (identyfikator {existing.login}). "
            "Jedno konto obejmuje wszystkie lokale tej osoby.",
            field="person",
        )
    app = AccountApplication(
        person_id=person_id,
        premises_id=premises_id,
        filed_on=filed_on,
        office=office_text,
        status=ApplicationStatus.SUBMITTED,
        recorded_by_staff_id=ctx.actor.id,
        recorded_at=ctx.now(),
    )
    ctx.session.add(app)
    ctx.session.flush()
    audit.record(
        ctx,
        "application.record",
        entity_type="account_applications",
        entity_id=app.id,
        premises_id=premises_id,
        details={"person_id": person_id, "filed_on": filed_on, "office": office_text},
    )
    return _application_row(app)


def _get_application(ctx: ServiceContext, application_id: int) -> AccountApplication:
    app = ctx.session.get(AccountApplication, application_id, options=[joinedload(AccountApplication.person)])
    if app is None:
        raise NotFoundError("Nie ma takiego wniosku.")
    if app.status is not ApplicationStatus.SUBMITTED:
        raise ValidationError(f"Ten wniosek został już rozpatrzony ({app.status.label}).", field="status")
    return app


def _title_refusal(ctx: ServiceContext, app: AccountApplication) -> str | None:
    """Why the person cannot get an account for this premises today, or None."""
    today = ctx.today()
    titles = ctx.session.scalars(
        select(LegalTitle)
        .where(LegalTitle.person_id == app.person_id, LegalTitle.premises_id == app.premises_id)
        .order_by(LegalTitle.valid_from.desc())
    ).all()
    address = _premises_address(app.premises)
    who = app.person.full_name
    if not titles:
        return core_text(f"{who} nie ma tytułu prawnego do lokalu {address}.")
    if any(t.valid_from <= today and (t.valid_to is None or t.valid_to >= today) for t in titles):
        return None
    latest = titles[0]
    if latest.valid_from > today:
        return core_text(
            f"Tytuł prawny {who} do lokalu {address} zaczyna się dopiero {format_date(latest.valid_from)}."
        )
    ended = max(t.valid_to for t in titles if t.valid_to is not None)
    return core_text(f"Tytuł prawny {who} do lokalu {address} wygasł {format_date(ended)}.")


def _unique_login(ctx: ServiceContext, last_name: str) -> str:
    rng = secrets.SystemRandom()
    for _ in range(LOGIN_ATTEMPTS):
        candidate = propose_login(last_name, rng=rng)
        if ctx.session.scalar(select(exists().where(ResidentAccount.login == candidate))) is False:
            return candidate
    raise ValidationError("Nie udało się dobrać wolnego identyfikatora. Spróbuj ponownie.", field="login")


def _current_addresses(ctx: ServiceContext, person_id: int) -> list[str]:
    premises = ctx.session.scalars(
        select(Premises)
        .join(LegalTitle, LegalTitle.premises_id == Premises.id)
        .where(LegalTitle.person_id == person_id, title_is_current(ctx.today()))
        .options(joinedload(Premises.building))
        .order_by(Premises.code)
        .distinct()
    ).all()
    return [_premises_address(p) for p in premises]


def _credentials(ctx: ServiceContext, account: ResidentAccount, password: str) -> AccountCredentials:
    return AccountCredentials(
        account_id=account.id,
        login=account.login,
        initial_password=password,
        person_name=account.person.full_name,
        premises_addresses=_current_addresses(ctx, account.person_id),
        iok_url=get_settings(ctx).iok_url,
    )


def approve_application(ctx: ServiceContext, application_id: int) -> AccountCredentials:
    """Create (or reactivate) the person's account. Refused, with the reason, without a current title."""
    ctx.require_staff()
    app = _get_application(ctx, application_id)
    refusal = _title_refusal(ctx, app)
    if refusal is not None:
        raise ValidationError(f"Nie można zatwierdzić wniosku: {refusal}", field="premises")
    password = generate_initial_password()
    account = _account_for_person(ctx, app.person_id)
    if account is not None and account.status is AccountStatus.ACTIVE:
        raise ValidationError(
            f"{app.person.full_name} ma już aktywne konto IOK (identyfikator {account.login}).", field="person"
        )
    if account is None:
        account = ResidentAccount(
            person_id=app.person_id,
            login=_unique_login(ctx, app.person.last_name),
            password_hash=hash_password(password),
            must_change_password=True,
            status=AccountStatus.ACTIVE,
            created_at=ctx.now(),
        )
        ctx.session.add(account)
        action = "account.create"
    else:
        # A returning holder keeps the login (and history); the old password stops working.
        account.password_hash = hash_password(password)
        account.must_change_password = True
        account.status = AccountStatus.ACTIVE
        account.status_reason = None
        account.failed_attempts = 0
        account.locked_until = None
        action = "account.reactivate"
    ctx.session.flush()
    app.status = ApplicationStatus.APPROVED
    app.verified_by_staff_id = ctx.actor.id
    app.decided_at = ctx.now()
    app.account_id = account.id
    ctx.session.flush()
    audit.record(
        ctx,
        action,
        entity_type="resident_accounts",
        entity_id=account.id,
        premises_id=app.premises_id,
        details={"login": account.login, "application_id": app.id, "person_id": app.person_id},
    )
    return _credentials(ctx, account, password)


def refuse_application(ctx: ServiceContext, application_id: int, reason: str) -> ApplicationRow:
    ctx.require_staff()
    app = _get_application(ctx, application_id)
    text = clean_line(reason, max_length=500)
    if not text:
        raise ValidationError("Podaj powód odrzucenia wniosku.", field="reason")
    app.status = ApplicationStatus.REFUSED
    app.refusal_reason = text
    app.verified_by_staff_id = ctx.actor.id
    app.decided_at = ctx.now()
    ctx.session.flush()
    audit.record(
        ctx,
        "application.refuse",
        entity_type="account_applications",
        entity_id=app.id,
        premises_id=app.premises_id,
        details={"reason": text},
    )
    return _application_row(app)


def _get_account(ctx: ServiceContext, account_id: int) -> ResidentAccount:
    account = ctx.session.get(ResidentAccount, account_id, options=[joinedload(ResidentAccount.person)])
    if account is None:
        raise NotFoundError("Nie ma takiego konta IOK.")
    return account


def _require_reason(reason: str) -> str:
    text = clean_line(reason, max_length=300)
    if not text:
        raise ValidationError("Podaj powód.", field="reason")
    return text


def reset_password(ctx: ServiceContext, account_id: int) -> AccountCredentials:
    """A new one-time password (new handover letter); failures and time lockouts are cleared."""
    ctx.require_staff()
    account = _get_account(ctx, account_id)
    if account.status is AccountStatus.DEACTIVATED:
        raise ValidationError("Konto jest wyłączone — aby je przywrócić, przyjmij nowy wniosek.", field="status")
    password = generate_initial_password()
    account.password_hash = hash_password(password)
    account.must_change_password = True
    account.failed_attempts = 0
    account.locked_until = None
    ctx.session.flush()
    audit.record(
        ctx,
        "account.password_reset",
        entity_type="resident_accounts",
        entity_id=account.id,
        details={"login": account.login},
    )
    return _credentials(ctx, account, password)


def lock_account(ctx: ServiceContext, account_id: int, reason: str) -> AccountRow:
    ctx.require_staff()
    account = _get_account(ctx, account_id)
    text = _require_reason(reason)
    if account.status is not AccountStatus.ACTIVE:
        raise ValidationError(f"Konto jest już {account.status.label}.", field="status")
    account.status = AccountStatus.LOCKED
    account.status_reason = text
    ctx.session.flush()
    audit.record(ctx, "account.lock", entity_type="resident_accounts", entity_id=account.id, details={"reason": text})
    return account_row(account)


def unlock_account(ctx: ServiceContext, account_id: int, reason: str) -> AccountRow:
    """Lift an office lock or a lockout after failed logins. Not possible without a current title."""
    ctx.require_staff()
    account = _get_account(ctx, account_id)
    text = _require_reason(reason)
    if account.status is AccountStatus.DEACTIVATED:
        raise ValidationError("Konto jest wyłączone — aby je przywrócić, przyjmij nowy wniosek.", field="status")
    if not has_current_title(ctx, account.person_id):
        raise ValidationError(
            f"Nie można odblokować: {account.person.full_name} nie ma aktualnego tytułu prawnego do żadnego lokalu.",
            field="status",
        )
    old = {"status": account.status, "failed_attempts": account.failed_attempts, "locked_until": account.locked_until}
    account.status = AccountStatus.ACTIVE
    account.status_reason = None
    account.failed_attempts = 0
    account.locked_until = None
    ctx.session.flush()
    audit.record(
        ctx,
        "account.unlock",
        entity_type="resident_accounts",
        entity_id=account.id,
        details={"reason": text, "old": old},
    )
    return account_row(account)


def deactivate_account(ctx: ServiceContext, account_id: int, reason: str) -> AccountRow:
    """The login stops working for good; its history stays. A new application can revive it."""
    ctx.require_staff()
    account = _get_account(ctx, account_id)
    text = _require_reason(reason)
    old_status = account.status
    account.status = AccountStatus.DEACTIVATED
    account.status_reason = text
    ctx.session.flush()
    audit.record(
        ctx,
        "account.deactivate",
        entity_type="resident_accounts",
        entity_id=account.id,
        details={"reason": text, "old_status": old_status},
    )
    return account_row(account)


def list_accounts(
    ctx: ServiceContext, *, status: AccountStatus | None = None, after_login: str | None = None, limit: int = 200
) -> list[AccountRow]:
    """One page in login order (keyset: pass the last login of the previous page)."""
    ctx.require_staff()
    query = (
        select(ResidentAccount).options(joinedload(ResidentAccount.person)).order_by(ResidentAccount.login).limit(limit)
    )
    if status is not None:
        query = query.where(ResidentAccount.status == status)
    if after_login is not None:
        query = query.where(ResidentAccount.login > after_login)
    return [account_row(a) for a in ctx.session.scalars(query)]


MAX_OFFICES = 10


def known_offices(ctx: ServiceContext) -> list[str]:
    """Where applications are usually filed, most recently used first, to offer on the form.

    A new cooperative has none yet: its head office (the address in the settings) is offered instead.
    """
    ctx.require_staff()
    latest = func.max(AccountApplication.id)
    query = select(AccountApplication.office).group_by(AccountApplication.office).order_by(latest.desc())
    offices = list(ctx.session.scalars(query.limit(MAX_OFFICES)))
    if offices:
        return offices
    address = get_settings(ctx).address.strip()
    return [f"Siedziba, {address}"] if address else []


def list_applications(
    ctx: ServiceContext, *, status: ApplicationStatus | None = None, limit: int = 200
) -> list[ApplicationRow]:
    ctx.require_staff()
    query = (
        select(AccountApplication)
        .options(
            joinedload(AccountApplication.person),
            joinedload(AccountApplication.premises).joinedload(Premises.building),
        )
        .order_by(AccountApplication.filed_on.desc(), AccountApplication.id.desc())
        .limit(limit)
    )
    if status is not None:
        query = query.where(AccountApplication.status == status)
    return [_application_row(a) for a in ctx.session.scalars(query)]
