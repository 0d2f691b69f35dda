"""Hostile logins and passwords: never a crash, always the one Polish answer; NFC = NFD; and an
unknown login costs as much time as a wrong password."""

from __future__ import annotations

import logging
import statistics
import time
import unicodedata
from collections.abc import Callable

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from iok_desktop.db.database import Database
from iok_desktop.db.models import AuditEntry, ResidentAccount, StaffUser
from iok_desktop.domain.errors import AuthenticationError, DomainError, ValidationError
from iok_desktop.domain.passwords import HARD_INPUT_CAP, verify_password
from iok_desktop.services import auth
from iok_desktop.services.backend import Backend
from iok_desktop.services.context import SYSTEM, FixedClock, ServiceContext, resident_actor
from tests.integration.hostile.hostile_input import (
    DB_SETTINGS,
    HOSTILE,
    NFC_POLISH,
    assert_polish_refusal,
    hostile_text,
)
from tests.support.builders import RESIDENT_PASSWORD, STAFF_PASSWORD, Household, make_household

ANSWERS = {auth.WRONG_CREDENTIALS, "Podaj identyfikator i hasło."}
# Each example runs argon2 (~0.1 s): fewer examples than elsewhere.
AUTH_SETTINGS = DB_SETTINGS.__class__(DB_SETTINGS, max_examples=25)


@pytest.fixture
def home(db: Database) -> Household:
    with db.session() as s:
        household = make_household(s)
        s.commit()
        return household


def _login(s: Session, clock: FixedClock, staff: bool, login: str, password: str) -> auth.LoginOutcome[object]:
    ctx = ServiceContext(s, SYSTEM, clock)
    outcome: auth.LoginOutcome[object]
    outcome = auth.login_staff(ctx, login, password) if staff else auth.login_resident(ctx, login, password)  # type: ignore[assignment]
    s.flush()  # the failure counter and the audit entry must be storable (PostgreSQL refuses NUL in text)
    return outcome


def _assert_refused(outcome: auth.LoginOutcome[object]) -> None:
    assert outcome.session is None
    assert isinstance(outcome.error, AuthenticationError)
    assert_polish_refusal(outcome.error)
    assert outcome.error.message in ANSWERS  # never which of the two was wrong


@AUTH_SETTINGS
@given(login=hostile_text, password=hostile_text, staff=st.booleans(), real_login=st.booleans())
@example(login="\x00", password="\x00", staff=True, real_login=False)
@example(login="", password=HOSTILE["lone_surrogate"], staff=False, real_login=True)
def test_a_hostile_login_or_password_gets_the_one_polish_answer(
    db: Database, clock: FixedClock, home: Household, login: str, password: str, staff: bool, real_login: bool
) -> None:
    with db.session() as s:
        if real_login:
            login = home.clerk.login if staff else home.account.login
        try:
            _assert_refused(_login(s, clock, staff, login, password))
        finally:
            s.rollback()


@pytest.mark.parametrize("name", list(HOSTILE))
@pytest.mark.parametrize("staff", [False, True], ids=["resident", "staff"])
def test_hostile_strings_as_login_or_password_are_refused_and_audited(
    db: Database, clock: FixedClock, home: Household, staff: bool, name: str
) -> None:
    real = home.clerk.login if staff else home.account.login
    with db.session() as s:
        _assert_refused(_login(s, clock, staff, HOSTILE[name], "Haslo1234x"))
        _assert_refused(_login(s, clock, staff, real, HOSTILE[name]))
        _assert_refused(_login(s, clock, staff, HOSTILE[name], HOSTILE[name]))
        s.commit()
        logins = list(s.scalars(select(AuditEntry.actor_login).where(AuditEntry.action == "auth.login_failed")))
        # Refusals are audited (an empty password, or one longer than any password can be, is not an
        # attempt at the account); an unknown login is named (bounded), never with control characters.
        assert (real in logins) is (0 < len(HOSTILE[name]) <= HARD_INPUT_CAP)
        assert all(login is None or (len(login) <= 64 and "\x00" not in login) for login in logins)
    with db.session() as s:  # the account still works
        outcome = _login(s, clock, staff, real, STAFF_PASSWORD if staff else RESIDENT_PASSWORD)
        assert outcome.error is None and outcome.session is not None


def _change(db: Database, clock: FixedClock, home: Household, current: str, new: str) -> DomainError | None:
    with db.session() as s:
        ctx = home.resident(s, clock)
        try:
            auth.change_own_password(ctx, current, new)
        except DomainError as error:
            s.rollback()
            return error
        s.commit()
        return None


@AUTH_SETTINGS
@given(new=hostile_text | st.text(min_size=8, max_size=40).map(lambda t: t + "Aa1"))
@example(new=NFC_POLISH.replace(" ", "") + "1")
@example(new=unicodedata.normalize("NFD", "Źdźbło7Gęsi"))
@example(new="Ab1" + "x" * 2000)
def test_a_new_password_is_stored_verifiable_in_any_normal_form_or_refused_in_polish(
    db: Database, clock: FixedClock, home: Household, new: str
) -> None:
    with db.session() as s:
        before = s.scalar(select(ResidentAccount.password_hash).where(ResidentAccount.id == home.account.id))
    refusal = _change(db, clock, home, RESIDENT_PASSWORD, new)
    with db.session() as s:
        stored = s.scalar(select(ResidentAccount.password_hash).where(ResidentAccount.id == home.account.id))
        assert stored is not None
        if refusal is not None:
            assert isinstance(refusal, ValidationError) and refusal.field == "new_password"
            assert_polish_refusal(refusal)
            assert stored == before
            return
        assert stored.startswith("$argon2id$")
        for form in ("NFC", "NFD", "NFKC"):
            assert verify_password(stored, unicodedata.normalize(form, new))
        # Back to the known password for the next example (a resident may change it again).
        s.execute(update(ResidentAccount).where(ResidentAccount.id == home.account.id).values(password_hash=before))
        s.commit()


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_strings_as_current_or_new_password_are_refused_in_polish(
    db: Database, clock: FixedClock, home: Household, name: str
) -> None:
    refusal = _change(db, clock, home, HOSTILE[name], "Nowe-Haslo-2026")
    assert isinstance(refusal, ValidationError) and refusal.field == "current_password"
    assert_polish_refusal(refusal)
    refusal = _change(db, clock, home, RESIDENT_PASSWORD, HOSTILE[name])
    if name in ("nfc_polish", "nfd_polish"):
        # "Zażółć gęślą jaźń" has no digit: refused for that, not for its form.
        assert isinstance(refusal, ValidationError) and "cyfr" in refusal.message
    assert isinstance(refusal, ValidationError) and refusal.field == "new_password"
    assert_polish_refusal(refusal)


@pytest.mark.parametrize(("typed", "later"), [("NFC", "NFD"), ("NFD", "NFC")])
def test_a_password_set_in_one_normal_form_logs_in_with_the_other(
    db: Database, clock: FixedClock, home: Household, typed: str, later: str
) -> None:
    password = "Zażółć7Gęślą"
    assert _change(db, clock, home, RESIDENT_PASSWORD, unicodedata.normalize(typed, password)) is None  # type: ignore[arg-type]
    with db.session() as s:
        outcome = _login(s, clock, False, home.account.login, unicodedata.normalize(later, password))  # type: ignore[arg-type]
        assert outcome.error is None and outcome.session is not None
        s.commit()


# --- Timing ------------------------------------------------------------------------------------

ROUNDS = 15


def _timed(call: Callable[[], object]) -> float:
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


@pytest.mark.parametrize("staff", [False, True], ids=["resident", "staff"])
def test_an_unknown_login_takes_about_as_long_as_a_wrong_password(
    db: Database, clock: FixedClock, home: Household, staff: bool
) -> None:
    """Medians of interleaved attempts through the real login service (one transaction each, as
    the desk and the kiosk run it). The counter is reset between wrong attempts so no throttling
    or lockout (which refuse without argon2) distorts the comparison."""
    backend = Backend(db, clock=clock, workstation="test-desk")
    table: type[StaffUser] | type[ResidentAccount] = StaffUser if staff else ResidentAccount
    row_id = home.clerk.id if staff else home.account.id
    real = home.clerk.login if staff else home.account.login
    service = auth.login_staff if staff else auth.login_resident

    def reset() -> None:
        with db.session() as s:
            s.execute(
                update(table)
                .where(table.id == row_id)
                .values(failed_attempts=0, last_failed_at=None, locked_until=None)
            )
            s.commit()

    def attempt(login: str) -> None:
        outcome: auth.LoginOutcome[object] = backend.call(SYSTEM, service, login, "Zle-Haslo-2026")  # type: ignore[arg-type]
        assert isinstance(outcome.error, AuthenticationError)
        assert outcome.error.message == auth.WRONG_CREDENTIALS

    samples: dict[str, list[float]] = {"wrong": [], "unknown": [], "impossible": []}
    logins = {"wrong": lambda i: real, "unknown": lambda i: f"nieznany{i}", "impossible": lambda i: f"zły\x00{i}"}
    attempt(real)  # warm-up: connections, caches
    attempt("rozgrzewka")
    for i in range(ROUNDS):
        order = list(samples) if i % 2 == 0 else list(reversed(samples))
        for kind in order:
            reset()
            login = logins[kind](i)
            samples[kind].append(_timed(lambda login=login: attempt(login)))  # type: ignore[misc]
    wrong = statistics.median(samples["wrong"])
    for kind in ("unknown", "impossible"):
        ratio = statistics.median(samples[kind]) / wrong
        assert 0.5 <= ratio <= 2.0, f"{kind}: median {statistics.median(samples[kind]):.3f} s vs wrong {wrong:.3f} s"
    # And one attempt really did the argon2 work (tens of milliseconds at least).
    assert wrong > 0.02


def test_a_password_change_never_leaks_through_the_audit_log(db: Database, clock: FixedClock, home: Household) -> None:
    secret = "Tajne-Haslo-2026x"
    assert _change(db, clock, home, RESIDENT_PASSWORD, secret) is None
    with db.session() as s:
        _login(s, clock, False, home.account.login, secret + "zle")
        _login(s, clock, False, secret, secret)
        s.commit()
        for entry in s.scalars(select(AuditEntry)):
            assert secret not in repr(entry.details) and secret not in (entry.actor_login or "")
    assert resident_actor(home.account.id, home.account.login)  # the account is still addressable


def test_no_password_reaches_the_log_even_with_sql_logging_on(
    db: Database, clock: FixedClock, home: Household, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)  # every logger …
    caplog.set_level(logging.DEBUG, logger="sqlalchemy.engine")  # … SQLAlchemy statements and parameters too
    secret = "Inne-Tajne-Haslo-77"
    backend = Backend(db, clock=clock, workstation="test-desk")
    assert _change(db, clock, home, RESIDENT_PASSWORD, secret) is None
    for password in (secret, secret + "x", RESIDENT_PASSWORD):
        backend.call(SYSTEM, auth.login_resident, home.account.login, password)
    backend.call(SYSTEM, auth.login_resident, "nieznany-login", secret)
    logged = "\n".join(f"{r.getMessage()} {r.args!r}" for r in caplog.records)
    assert "SELECT" in logged  # the statements were logged, with their parameters
    assert secret not in logged and RESIDENT_PASSWORD not in logged  # a password never reaches SQL
    with db.session() as s:
        stored = s.scalar(select(ResidentAccount.password_hash).where(ResidentAccount.id == home.account.id))
    # The application's own log never names a hash. (SQLAlchemy's statement log, off unless a developer
    # turns it on, shows bound parameters, hashes included: see docs/security.md.)
    ours = "\n".join(f"{r.getMessage()} {r.args!r}" for r in caplog.records if r.name.startswith("iok"))
    assert stored and stored not in ours
