"""How a premises' address is written on screen and on paper."""

from __future__ import annotations


def street_line(street: str, house_number: str, premises_number: str | None = None) -> str:
    """``ul. Zgoda 8/12``: "ul." unless the name already says what it is (al., pl., os.)."""
    prefix = (
        ""
        if street.split(" ", 1)[0].lower().rstrip(".") in {"al", "aleja", "pl", "plac", "os", "osiedle", "ul"}
        else "ul. "
    )
    number = f"{house_number}/{premises_number}" if premises_number else house_number
    return f"{prefix}{street} {number}"


def full_address(street: str, house_number: str, premises_number: str | None, postal_code: str, city: str) -> str:
    return f"{street_line(street, house_number, premises_number)}, {postal_code} {city}"
