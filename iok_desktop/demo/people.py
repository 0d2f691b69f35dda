"""Persons (kontrahenci) with Polish names and contact data in the stored, normalised form.

Contact data is written exactly as ``domain.contacts`` would store it (``+48 601 234 567``,
``+48 91 433 22 11``, a lower-case e-mail), so the demo looks like data that went through the
services; the tests run every value through the normalisers to prove it.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from iok_desktop.demo import names
from iok_desktop.demo.rows import Ids, Row
from iok_desktop.domain.text import fold


@dataclass(slots=True)
class PersonInfo:
    id: int
    first_name: str
    last_name: str
    female: bool
    # The family name in its masculine form, which a spouse's surname is made from.
    family: str
    landline: str | None
    mobile: str | None
    email: str | None

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    def row(self) -> Row:
        return (
            self.id,
            self.first_name,
            self.last_name,
            fold(f"{self.last_name} {self.first_name}"),
            self.landline,
            self.mobile,
            self.email,
        )


class People:
    """Makes persons; remembers used mobiles and e-mails so no two persons share one by accident."""

    def __init__(self, ids: Ids) -> None:
        self.ids = ids
        self._mobiles: set[str] = set()
        self._emails: set[str] = set()

    def person(
        self,
        rng: random.Random,
        *,
        female: bool | None = None,
        surname: str | None = None,
        contact_share: float = 1.0,
    ) -> PersonInfo:
        """A new person; ``surname`` is the masculine form (family members share it).

        ``contact_share`` below 1 makes contact data rarer (previous owners, tenants of shops).
        """
        if female is None:
            female = rng.random() < 0.53
        first = rng.choice(names.FEMALE_FIRST_NAMES if female else names.MALE_FIRST_NAMES)
        base = surname or rng.choice(names.SURNAMES)
        last = names.feminine(base) if female else base
        mobile = self.mobile(rng) if rng.random() < 0.75 * contact_share else None
        landline = self.landline(rng) if rng.random() < 0.18 * contact_share else None
        email = self.email(rng, first, last) if rng.random() < 0.55 * contact_share else None
        return PersonInfo(self.ids.next("persons"), first, last, female, base, landline, mobile, email)

    def spouse(self, rng: random.Random, partner: PersonInfo) -> PersonInfo:
        """The other half of a married couple: opposite sex, usually the same family name."""
        same_name = rng.random() < 0.85
        spouse = self.person(rng, female=not partner.female, surname=partner.family if same_name else None)
        if same_name and spouse.female and rng.random() < 0.08:
            # Kept her maiden name as well: "Kowalska-Nowak".
            spouse.last_name = f"{names.feminine(rng.choice(names.SURNAMES))}-{spouse.last_name}"
        if rng.random() < 0.4:
            # Couples often share the landline.
            spouse.landline = partner.landline
        return spouse

    def mobile(self, rng: random.Random) -> str:
        while True:
            number = f"+48 {rng.choice(names.MOBILE_PREFIXES)} {rng.randrange(1000):03d} {rng.randrange(1000):03d}"
            if number not in self._mobiles:
                self._mobiles.add(number)
                return number

    @staticmethod
    def landline(rng: random.Random) -> str:
        return f"+48 {names.LANDLINE_AREA} 4{rng.randrange(100):02d} {rng.randrange(100):02d} {rng.randrange(100):02d}"

    def email(self, rng: random.Random, first: str, last: str) -> str:
        f, last_folded = _ascii(first), _ascii(last)
        local = rng.choice((f"{f}.{last_folded}", f"{f[0]}{last_folded}", f"{last_folded}.{f}", f"{f}{last_folded}"))
        domain = rng.choice(names.EMAIL_DOMAINS)
        address = f"{local}@{domain}"
        while address in self._emails:
            address = f"{local}{rng.randint(1, 99)}@{domain}"
        self._emails.add(address)
        return address


def _ascii(text: str) -> str:
    """E-mail local parts: folded, letters only (``Kowalska-Nowak`` → ``kowalskanowak``)."""
    return "".join(ch for ch in fold(text) if "a" <= ch <= "z")
