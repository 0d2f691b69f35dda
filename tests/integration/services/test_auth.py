"""Logging in: the same answer for unknown logins, throttling, lockout, rehash, first-login change."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

from iok_desktop.db.database import Database
from iok_desktop.db.models import AuditEntry, LegalTitle, ResidentAccount, StaffUser
from iok_desktop.domain.enums import AccountStatus, ReadingSource
from iok_desktop.domain.errors import (
    AccountLockedError,
    AuthenticationError,
    DomainError,
    PasswordChangeRequiredError,
    ThrottledError,
    ValidationError,
)
from iok_desktop.services import auth
from iok_desktop.services.access import resident_person_id
from iok_desktop.services.backend import Backend
from iok_desktop.services.context import SYSTEM, FixedClock, ServiceContext
from iok_desktop.services.settings import get_settings, update_settings
from tests.support.builders import (
    RESIDENT_PASSWORD,
    STAFF_PASSWORD,
    grant_title,
    make_account,
    make_household,
    make_person,
    make_premises,
    make_staff,
)


def _anon(session, clock: FixedClock) -> ServiceContext:  # type: ignore[no-untyped-def]
    return ServiceContext(session, SYSTEM, clock)


def _actions(session) -> list[str]:  # type: ignore[no-untyped-def]
    return list(session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))


def test_staff_logs_in_with_correct_password_and_login_is_audited(db: Database, clock: FixedClock) -> None:
    with db.session() as s:
        staff = make_staff(s, "jkowalska")
        s.commit()
        outcome = auth.login_staff(_anon(s, clock), "  JKowalska ", STAFF_PASSWORD)
        s.commit()
        session = outcome.unwrap()
        assert session.staff_id == staff.id
        assert session.login == "jkowalska"
        assert s.get(StaffUser, staff.id).last_login_at == clock.now()  # type: ignore[union-attr]
        assert _actions(s) == ["auth.login"]


def test_unknown_login_and_wrong_password_get_the_same_answer(db: Database, clock: FixedClock) -> None:
    with db.session() as s:
        make_staff(s, "jkowalska")
        s.commit()
        unknown = auth.login_staff(_anon(s, clock), "nikt", "Cokolwiek123")
        wrong = auth.login_staff(_anon(s, clock), "jkowalska", "Cokolwiek123")
        s.commit()
        assert type(unknown.error) is AuthenticationError
        assert type(wrong.error) is AuthenticationError
        assert str(unknown.error) == str(wrong.error) == "Nieprawidłowy identyfikator lub hasło."
        failed = s.scalars(select(AuditEntry).where(AuditEntry.action == "auth.login_failed")).all()
        assert [e.actor_login for e in failed] == ["nikt", "jkowalska"]


def test_failed_attempt_count_survives_the_refused_login(db: Database, clock: FixedClock) -> None:
    """The outcome is returned, not raised, so the caller's commit keeps the counter."""

    def attempt() -> None:
        db.run(lambda s: auth.login_resident(_anon(s, clock), "mieszk1", "Zle-haslo-1"))

    with db.session() as s:
        make_account(s, make_person(s), "mieszk1")
        s.commit()
    attempt()
    attempt()
    with db.session() as s:
        assert s.scalar(select(ResidentAccount.failed_attempts)) == 2


def test_throttle_then_lockout_then_unlock_after_time(db: Database, clock: FixedClock) -> None:
    with db.session() as s:
        make_account(s, make_person(s), "mieszk1")
        grant_title(s, s.get(ResidentAccount, 1).person, make_premises(s))  # type: ignore[union-attr]
        s.commit()

    def attempt(password: str) -> auth.LoginOutcome[auth.ResidentSession]:
        return db.run(lambda s: auth.login_resident(_anon(s, clock), "mieszk1", password))

    # Failures 1-4: plain wrong password.
    for _ in range(4):
        assert type(attempt("Zle-haslo-1").error) is AuthenticationError
    # 5th failure (throttle_after_failures = 5): the answer says how long to wait.
    fifth = attempt("Zle-haslo-1").error
    assert isinstance(fifth, ThrottledError) and fifth.retry_after_seconds == 2
    # Too early: refused without even checking the password, even the right one.
    early = attempt(RESIDENT_PASSWORD).error
    assert isinstance(early, ThrottledError)
    assert "Spróbuj ponownie za" in str(early)
    # Failures 6..10 with waits in between; the 10th locks for 15 minutes.
    for _ in range(5):
        clock.advance(seconds=61)
        outcome = attempt("Zle-haslo-1")
    assert isinstance(outcome.error, AccountLockedError)
    assert "biura spółdzielni" in str(outcome.error)
    clock.advance(minutes=5)
    locked = attempt(RESIDENT_PASSWORD).error
    assert isinstance(locked, AccountLockedError)
    assert "10:" in str(locked) or "po godzinie" in str(locked)
    clock.advance(minutes=11)
    assert attempt(RESIDENT_PASSWORD).unwrap().login == "mieszk1"
    with db.session() as s:
        account = s.scalar(select(ResidentAccount))
        assert account is not None and account.failed_attempts == 0 and account.locked_until is None
        assert _actions(s).count("auth.lockout") == 1


def test_lockout_minutes_zero_means_until_the_office_unlocks(db: Database, clock: FixedClock) -> None:
    with db.session() as s:
        staff = make_staff(s, "jkowalska")
        ctx = _anon(s, clock)
        current = get_settings(ctx)
        update_settings(
            ctx,
            current.__class__(
                **{**current.__dict__, "lockout_after_failures": 5, "throttle_after_failures": 5, "lockout_minutes": 0}
            ),
        )
        s.commit()
    for _ in range(5):
        clock.advance(seconds=61)
        outcome = db.run(lambda s: auth.login_staff(_anon(s, clock), "jkowalska", "Zle-haslo-1"))
    assert isinstance(outcome.error, AccountLockedError)
    clock.advance(days=30)
    again = db.run(lambda s: auth.login_staff(_anon(s, clock), "jkowalska", STAFF_PASSWORD))
    assert isinstance(again.error, AccountLockedError)
    assert staff.id


def test_password_is_normalised_so_composed_and_decomposed_forms_both_work(db: Database, clock: FixedClock) -> None:
    with db.session() as s:
        household = make_household(s)
        s.commit()
        ctx = household.resident(s, clock)
        auth.change_own_password(ctx, RESIDENT_PASSWORD, unicodedata.normalize("NFC", "Zażółć-Gęślą7"))
        s.commit()
        decomposed = unicodedata.normalize("NFD", "Zażółć-Gęślą7")
        assert auth.login_resident(_anon(s, clock), household.account.login, decomposed).unwrap()


def test_old_hash_parameters_are_upgraded_at_login(db: Database, clock: FixedClock) -> None:
    weak = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1).hash(STAFF_PASSWORD)
    with db.session() as s:
        staff = make_staff(s, "jkowalska")
        staff.password_hash = weak
        s.commit()
        auth.login_staff(_anon(s, clock), "jkowalska", STAFF_PASSWORD).unwrap()
        s.commit()
        s.refresh(staff)
        assert staff.password_hash != weak
        assert staff.password_hash.startswith("$argon2id$")


def test_first_login_requires_a_password_change_before_anything_else(db: Database, clock: FixedClock) -> None:
    with db.session() as s:
        household = make_household(s)
        household.account.must_change_password = True
        s.commit()
        session = auth.login_resident(_anon(s, clock), household.account.login, RESIDENT_PASSWORD).unwrap()
        assert session.must_change_password
        ctx = household.resident(s, clock)
        with pytest.raises(PasswordChangeRequiredError):
            resident_person_id(ctx)
        with pytest.raises(ValidationError, match="za krótkie"):
            auth.change_own_password(ctx, RESIDENT_PASSWORD, "Ab1")
        with pytest.raises(ValidationError, match="identyfikatora"):
            auth.change_own_password(ctx, RESIDENT_PASSWORD, f"X{household.account.login}9")
        with pytest.raises(ValidationError, match="inne niż obecne"):
            auth.change_own_password(ctx, RESIDENT_PASSWORD, RESIDENT_PASSWORD)
        with pytest.raises(ValidationError, match="Obecne hasło"):
            auth.change_own_password(ctx, "Zle-haslo-1", "NoweHaslo2026x")
        auth.change_own_password(ctx, RESIDENT_PASSWORD, "NoweHaslo2026x")
        s.commit()
        assert resident_person_id(ctx) == household.person.id
        assert "auth.password_changed" in _actions(s)


def test_resident_without_a_current_title_is_blocked_at_login(db: Database, clock: FixedClock) -> None:
    with db.session() as s:
        household = make_household(s)
        title = s.scalar(select(LegalTitle))
        title.valid_to = date(2026, 10, 31)  # type: ignore[union-attr]
        s.commit()
        outcome = auth.login_resident(
            _anon(s, clock), household.account.login, RESIDENT_PASSWORD, channel=ReadingSource.KIOSK
        )
        s.commit()
        assert isinstance(outcome.error, AccountLockedError)
        assert "tytułu prawnego" in str(outcome.error)
        s.refresh(household.account)
        assert household.account.status is AccountStatus.LOCKED
        assert "account.auto_block" in _actions(s)


def test_sweep_blocks_every_account_whose_titles_ended(db: Database, clock: FixedClock) -> None:
    with db.session() as s:
        ended = make_person(s, "Jan", "Nowak")
        grant_title(s, ended, make_premises(s), valid_to=date(2026, 11, 24))
        make_account(s, ended, "nowak1111")
        still = make_household(s)
        s.commit()
        assert auth.block_accounts_without_current_title(_anon(s, clock)) == 1
        s.commit()
        statuses = dict(s.execute(select(ResidentAccount.login, ResidentAccount.status)).all())
        assert statuses == {"nowak1111": AccountStatus.LOCKED, still.account.login: AccountStatus.ACTIVE}


def test_empty_and_absurd_inputs_are_refused_politely(db: Database, clock: FixedClock) -> None:
    with db.session() as s:
        for login, password in [("", "x"), ("jan", ""), ("jan", "x" * 5000), ("\x00\n", "Abcdef123")]:
            outcome = auth.login_staff(_anon(s, clock), login, password)
            assert isinstance(outcome.error, AuthenticationError)


def test_throttle_delay_grows_and_is_capped() -> None:
    assert [auth.throttle_delay(n, 5) for n in range(4, 13)] == [0, 2, 4, 8, 16, 32, 60, 60, 60]


def test_a_staff_sign_in_through_the_backend_is_audited_with_the_desk(db: Database, clock: FixedClock) -> None:
    """As a resident's at a kiosk: the event log's "Stanowisko" column names the desk (success and refusal)."""
    with db.session() as s:
        make_staff(s, "jkowalska")
        s.commit()
    backend = Backend(db, clock=clock, workstation="biuro-2")
    backend.login_staff("jkowalska", STAFF_PASSWORD)
    with pytest.raises(DomainError):
        backend.login_staff("jkowalska", "Cokolwiek123")
    with db.session() as s:
        entries = s.execute(select(AuditEntry.action, AuditEntry.workstation).order_by(AuditEntry.id)).all()
    assert [tuple(e) for e in entries] == [("auth.login", "biuro-2"), ("auth.login_failed", "biuro-2")]
