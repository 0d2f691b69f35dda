"""Money: always ``Decimal`` with two places, shown the Polish way (``1 234,56 zł``)."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from iok_desktop.domain.errors import ValidationError
from iok_desktop.domain.language import core_text, localize

GROSZ = Decimal("0.01")
ZERO = Decimal("0.00")
# Grouping and the space before "zł" are non-breaking, so an amount never wraps in a table or PDF.
NBSP = "\u00a0"
MAX_AMOUNT = Decimal("9999999999.99")  # NUMERIC(12, 2)

_AMOUNT_RE = re.compile(r"^[+-]?[0-9]+(?:[.,][0-9]{1,2})?$")


def quantize(amount: Decimal) -> Decimal:
    return amount.quantize(GROSZ, rounding=ROUND_HALF_UP)


def format_money(amount: Decimal, *, currency: bool = True) -> str:
    """``Decimal("-1234.5")`` → ``"-1 234,50 zł"`` (with non-breaking spaces)."""
    value = quantize(amount)
    sign = "-" if value < 0 else ""
    whole, _, fraction = f"{abs(value):.2f}".partition(".")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    text = f"{sign}{NBSP.join(groups)},{fraction}"
    return f"{text}{NBSP}zł" if currency else text


def parse_money(text: str, *, field: str = "amount") -> Decimal:
    """Parse an amount as a clerk types it: ``1234,56``, ``1 234.56``, ``-12,5``, ``12 zł``."""
    cleaned = (text or "").strip().replace(NBSP, "").replace(" ", "")
    if cleaned.lower().endswith("zł"):
        cleaned = cleaned[:-2]
    if not cleaned:
        raise ValidationError("Podaj kwotę.", field=field)
    if not _AMOUNT_RE.match(cleaned):
        raise ValidationError(
            "Kwota musi być liczbą z najwyżej dwoma miejscami po przecinku, np. 1234,56.", field=field
        )
    try:
        value = Decimal(cleaned.replace(",", "."))
    except InvalidOperation as exc:  # pragma: no cover - the regex already guarantees a number
        raise ValidationError("Kwota nie jest liczbą.", field=field) from exc
    if abs(value) > MAX_AMOUNT:
        raise ValidationError("Kwota jest za duża.", field=field)
    return quantize(value)


def balance_label(balance: Decimal) -> str:
    """The one word residents look for: a positive balance is owed, a negative one is overpaid
    (in the current language; ``polish_balance_label`` for Polish documents)."""
    return localize(polish_balance_label(balance))


def polish_balance_label(balance: Decimal) -> str:
    """``balance_label`` in Polish whatever the language (a statement is a Polish document)."""
    if balance > 0:
        return core_text("do zapłaty")
    if balance < 0:
        return core_text("nadpłata")
    return core_text("rozliczone")
