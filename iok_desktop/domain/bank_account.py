"""Polish bank account numbers (NRB): 26 digits, checked like an IBAN with country code PL."""

from __future__ import annotations

from iok_desktop.domain.errors import ValidationError


def _iban_remainder(nrb: str) -> int:
    # IBAN check: move "PL" + check digits to the end, letters to numbers (P=25, L=21), mod 97.
    rearranged = nrb[2:] + "2521" + nrb[:2]
    return int(rearranged) % 97


def is_valid_nrb(nrb: str) -> bool:
    return len(nrb) == 26 and nrb.isdigit() and _iban_remainder(nrb) == 1


def normalise_nrb(text: str, *, field: str = "bank_account") -> str:
    """Accept "PL61 1090 1014 0000 0712 1981 2874" or plain digits; return 26 digits."""
    cleaned = "".join(ch for ch in (text or "") if not ch.isspace() and ch != "-").upper()
    cleaned = cleaned.removeprefix("PL")
    if len(cleaned) != 26 or not cleaned.isdigit():
        raise ValidationError("Numer rachunku musi mieć 26 cyfr.", field=field)
    if not is_valid_nrb(cleaned):
        raise ValidationError("Numer rachunku ma błędną sumę kontrolną — sprawdź cyfry.", field=field)
    return cleaned


def format_nrb(nrb: str) -> str:
    """``61 1090 1014 0000 0712 1981 2874``: check digits, then groups of four."""
    return " ".join([nrb[:2], *(nrb[i : i + 4] for i in range(2, 26, 4))])


def make_nrb(bank_and_account: str) -> str:
    """Compute the check digits for 24 digits (bank sort code + account), giving a valid NRB."""
    if len(bank_and_account) != 24 or not bank_and_account.isdigit():
        raise ValueError("24 digits expected")
    check = 98 - int(bank_and_account + "252100") % 97
    return f"{check:02d}{bank_and_account}"
