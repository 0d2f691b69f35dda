"""Passwords: the IOK policy, argon2id hashing and initial passwords.

Every password is NFKC-normalised before it is measured or hashed: "Zażółć" typed on one keyboard
may arrive composed and on another decomposed, and the hash of one would not verify the other.
"""

from __future__ import annotations

import secrets
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from iok_desktop.domain.errors import ValidationError

MIN_LENGTH = 8
MAX_LENGTH = 128
# Inputs longer than this are refused before hashing (bounds the cost of a hostile input).
HARD_INPUT_CAP = 1024
INITIAL_LENGTH = 10
# No look-alikes: no 0/O/o, 1/l/I/i, 5/S/s, 2/Z/z, 8/B.
INITIAL_LOWER = "abcdefghjkmnpqrtuvwxy"
INITIAL_UPPER = "ACDEFGHJKLMNPQRTUVWXY"
INITIAL_DIGITS = "34679"

RULES_TEXT = "Hasło musi mieć co najmniej 8 znaków, zawierać małe i duże litery oraz cyfry."

_hasher = PasswordHasher()  # argon2id, library defaults (t=3, 64 MiB, p=4)


@cache
def _dummy_hash() -> str:
    """Verified against when the login does not exist, so that case takes as long as a wrong password.

    Made on first use, not at import: it costs a full argon2 hash (64 MiB, ~0.2 s) and the GUI's
    start-up imports this module. The application makes it on its worker thread right after the
    database opens (``prepare_timing_hash``), so even the first unknown login is not faster.
    """
    return _hasher.hash("iok-dummy-password-for-timing")


def prepare_timing_hash() -> None:
    _dummy_hash()


def normalise(password: str) -> str:
    return unicodedata.normalize("NFKC", password)


@dataclass(frozen=True)
class RuleCheck:
    """One line of the rule list that the GUI ticks off as the user types."""

    key: str
    text: str
    met: bool


def rule_checks(password: str, login: str | None = None) -> list[RuleCheck]:
    pw = normalise(password)
    checks = [
        RuleCheck("length", "co najmniej 8 znaków", len(pw) >= MIN_LENGTH),
        RuleCheck("lower", "mała litera", any(ch.islower() for ch in pw)),
        RuleCheck("upper", "duża litera", any(ch.isupper() for ch in pw)),
        RuleCheck("digit", "cyfra", any(ch.isdigit() for ch in pw)),
    ]
    if login:
        checks.append(RuleCheck("login", "nie zawiera identyfikatora użytkownika", login.lower() not in pw.lower()))
    return checks


@cache
def _common_passwords() -> frozenset[str]:
    text = resources.files("iok_desktop.domain").joinpath("data/common_passwords.txt").read_text("utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def _is_common(password: str) -> bool:
    lowered = password.lower()
    core = lowered.strip("0123456789!@#$%^&*()_+-=.,;:?/\\|[]{}<>~`'\" ")
    common = _common_passwords()
    return lowered in common or core in common or len(set(lowered)) <= 2


def check_policy(password: str, *, login: str | None = None, field: str = "password") -> str:
    """Return the normalised password, or raise a ``ValidationError`` naming the first broken rule."""
    if len(password) > HARD_INPUT_CAP:
        raise ValidationError(f"Hasło może mieć najwyżej {MAX_LENGTH} znaków.", field=field)
    pw = normalise(password)
    if len(pw) < MIN_LENGTH:
        raise ValidationError(f"Hasło jest za krótkie. {RULES_TEXT}", field=field)
    if len(pw) > MAX_LENGTH:
        raise ValidationError(f"Hasło może mieć najwyżej {MAX_LENGTH} znaków.", field=field)
    if any(unicodedata.category(ch).startswith("C") for ch in pw):
        raise ValidationError("Hasło nie może zawierać znaków sterujących.", field=field)
    missing = [c.text for c in rule_checks(pw) if not c.met]
    if missing:
        raise ValidationError(f"Hasło musi zawierać: {', '.join(missing)}. {RULES_TEXT}", field=field)
    if login and login.lower() in pw.lower():
        raise ValidationError("Hasło nie może zawierać identyfikatora użytkownika.", field=field)
    if _is_common(pw):
        raise ValidationError("To hasło jest zbyt popularne i łatwe do odgadnięcia. Wymyśl inne.", field=field)
    return pw


def hash_password(password: str) -> str:
    return _hasher.hash(normalise(password))


def verify_password(stored_hash: str | None, password: str) -> bool:
    """True when ``password`` matches; with no hash (unknown login) it still spends the same time."""
    # "surrogatepass": a lone surrogate (no stored password has one) must fail like any wrong
    # password, after the same work, instead of raising UnicodeEncodeError out of the login.
    candidate = normalise(password[:HARD_INPUT_CAP]).encode("utf-8", "surrogatepass")
    try:
        return _hasher.verify(stored_hash or _dummy_hash(), candidate) and stored_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    try:
        return _hasher.check_needs_rehash(stored_hash)
    except InvalidHashError:
        return True


def generate_initial_password() -> str:
    """A one-time password for the handover slip, meeting the policy, without look-alike characters."""
    alphabet = INITIAL_LOWER + INITIAL_UPPER + INITIAL_DIGITS
    while True:
        candidate = "".join(secrets.choice(alphabet) for _ in range(INITIAL_LENGTH))
        if (
            any(c in INITIAL_LOWER for c in candidate)
            and any(c in INITIAL_UPPER for c in candidate)
            and any(c in INITIAL_DIGITS for c in candidate)
            and not _is_common(candidate)
        ):
            return candidate
