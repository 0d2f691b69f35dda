"""Login IDs residents can read aloud over the phone: a folded surname and four digits."""

from __future__ import annotations

import re
import secrets
import unicodedata

from iok_desktop.domain.errors import ValidationError
from iok_desktop.domain.text import fold

LOGIN_RE = re.compile(r"^[a-z][a-z0-9._-]{2,63}$")


def login_stem(last_name: str) -> str:
    letters = "".join(ch for ch in fold(last_name) if "a" <= ch <= "z")
    return (letters or "iok")[:8]


def propose_login(last_name: str, *, rng: secrets.SystemRandom | None = None) -> str:
    """``"Wróblewska"`` → ``"wroblews4821"``. The caller retries on a clash with an existing login."""
    rand = rng or secrets.SystemRandom()
    return f"{login_stem(last_name)}{rand.randrange(1000, 10000)}"


def normalise_login(text: str, *, field: str = "login") -> str:
    """Logins are compared case-insensitively: stored and looked up lower-case, trimmed."""
    login = unicodedata.normalize("NFKC", text or "").strip().lower()
    if not login:
        raise ValidationError("Podaj identyfikator użytkownika.", field=field)
    # Control characters (NUL above all: PostgreSQL refuses it in text) never belong in a login.
    if any(unicodedata.category(ch).startswith("C") for ch in login) or len(login) > 64:
        raise ValidationError("Identyfikator zawiera niedozwolone znaki.", field=field)
    return login


def check_staff_login(text: str) -> str:
    login = normalise_login(text)
    if not LOGIN_RE.match(login):
        raise ValidationError(
            "Identyfikator: 3–64 znaki, zaczyna się od litery, dalej małe litery, cyfry, kropka, "
            "podkreślenie lub myślnik.",
            field="login",
        )
    return login
