"""Contact data residents keep current: Polish landline, Polish mobile, e-mail.

Phone numbers are checked against the Polish numbering plan (``phonenumbers``) and stored in one
form, ``+48 12 345 67 89`` / ``+48 601 234 567``, so the same number typed two ways is one value.
An empty input clears the field.
"""

from __future__ import annotations

import phonenumbers
from email_validator import EmailNotValidError, validate_email
from phonenumbers import PhoneNumberType

from iok_desktop.domain.enums import ContactField
from iok_desktop.domain.errors import ValidationError

MAX_PHONE_INPUT = 40
MAX_EMAIL_LENGTH = 254

_ALLOWED_PHONE_CHARS = set("0123456789 +-()./")


def _parse_polish(text: str, field: str) -> phonenumbers.PhoneNumber:
    if len(text) > MAX_PHONE_INPUT or not set(text) <= _ALLOWED_PHONE_CHARS:
        raise ValidationError(
            "Numer telefonu może zawierać tylko cyfry, spacje, myślniki i + na początku.", field=field
        )
    digits = "".join(ch for ch in text if ch.isdigit())
    if text.startswith("00"):
        text = "+" + text[2:]
    elif not text.startswith("+") and len(digits) == 11 and digits.startswith("48"):
        text = "+" + digits
    try:
        number = phonenumbers.parse(text, "PL")
    except phonenumbers.NumberParseException as exc:
        raise ValidationError("To nie jest poprawny numer telefonu.", field=field) from exc
    if number.country_code != 48:
        raise ValidationError("Podaj polski numer telefonu (+48).", field=field)
    if not phonenumbers.is_valid_number(number):
        raise ValidationError("To nie jest poprawny polski numer telefonu — powinien mieć 9 cyfr.", field=field)
    return number


def _format(number: phonenumbers.PhoneNumber) -> str:
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def normalise_landline(text: str | None) -> str | None:
    cleaned = (text or "").strip()
    if not cleaned:
        return None
    number = _parse_polish(cleaned, ContactField.LANDLINE.value)
    kind = phonenumbers.number_type(number)
    if kind not in (PhoneNumberType.FIXED_LINE, PhoneNumberType.FIXED_LINE_OR_MOBILE, PhoneNumberType.VOIP):
        raise ValidationError(
            "To numer komórkowy — wpisz go w polu „telefon komórkowy”.", field=ContactField.LANDLINE.value
        )
    return _format(number)


def normalise_mobile(text: str | None) -> str | None:
    cleaned = (text or "").strip()
    if not cleaned:
        return None
    number = _parse_polish(cleaned, ContactField.MOBILE.value)
    kind = phonenumbers.number_type(number)
    if kind not in (PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE):
        raise ValidationError(
            "To nie jest numer komórkowy — numer stacjonarny wpisz w polu „telefon stacjonarny”.",
            field=ContactField.MOBILE.value,
        )
    return _format(number)


def normalise_email(text: str | None) -> str | None:
    cleaned = (text or "").strip()
    if not cleaned:
        return None
    field = ContactField.EMAIL.value
    if len(cleaned) > MAX_EMAIL_LENGTH:
        raise ValidationError("Adres e-mail jest za długi.", field=field)
    try:
        result = validate_email(cleaned, check_deliverability=False)
    except EmailNotValidError as exc:
        raise ValidationError(
            "To nie jest poprawny adres e-mail — sprawdź, czy ma postać nazwa@domena.pl.", field=field
        ) from exc
    # The domain part is case-insensitive; the local part is kept as typed.
    return str(result.normalized)


NORMALISERS = {
    ContactField.LANDLINE: normalise_landline,
    ContactField.MOBILE: normalise_mobile,
    ContactField.EMAIL: normalise_email,
}
