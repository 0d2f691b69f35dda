"""Logins and passwords of the demo: known ones to print, and one unusable hash for everyone else.

Passwords are drawn from the seeded generator, so the same seed prints the same passwords: handy
for a demo, and the reason they must never be used in production. They follow the domain's rules
(``check_policy``) and its alphabet without look-alike characters.

argon2 takes about a tenth of a second per hash, so the generator hashes each known password once
and gives the thousands of "other" accounts one shared hash of a random secret nobody knows.
"""

from __future__ import annotations

import random
import secrets
from functools import cache

from iok_desktop.domain.errors import ValidationError
from iok_desktop.domain.login_ids import login_stem
from iok_desktop.domain.passwords import (
    INITIAL_DIGITS,
    INITIAL_LENGTH,
    INITIAL_LOWER,
    INITIAL_UPPER,
    check_policy,
    hash_password,
)


def demo_password(rng: random.Random, login: str) -> str:
    alphabet = INITIAL_LOWER + INITIAL_UPPER + INITIAL_DIGITS
    while True:
        candidate = "".join(rng.choice(alphabet) for _ in range(INITIAL_LENGTH))
        if not (
            any(c in INITIAL_LOWER for c in candidate)
            and any(c in INITIAL_UPPER for c in candidate)
            and any(c in INITIAL_DIGITS for c in candidate)
        ):
            continue
        try:
            return check_policy(candidate, login=login)
        except ValidationError:
            continue


@cache
def hashed(password: str) -> str:
    """The argon2 hash of a known demo password (cached: tests generate the same demo repeatedly)."""
    return hash_password(password)


@cache
def unusable_hash() -> str:
    """A valid argon2 hash of a random secret that is thrown away: no password ever matches it."""
    return hash_password(secrets.token_urlsafe(32))


class Logins:
    """Resident logins as the service proposes them (folded surname + 4 digits), never twice."""

    def __init__(self, taken: set[str]) -> None:
        self.taken = set(taken)

    def propose(self, rng: random.Random, last_name: str) -> str:
        stem = login_stem(last_name)
        while True:
            login = f"{stem}{rng.randrange(1000, 10000)}"
            if login not in self.taken:
                self.taken.add(login)
                return login

    def reserve(self, login: str) -> str:
        """``login`` itself if free, else ``login2``, ``login3``… (staff logins, fixed names)."""
        candidate, n = login, 1
        while candidate in self.taken:
            n += 1
            candidate = f"{login}{n}"
        self.taken.add(candidate)
        return candidate
