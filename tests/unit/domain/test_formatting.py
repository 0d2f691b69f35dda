"""Money, dates, bank accounts, addresses and search folding as Polish users read them."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from iok_desktop.domain.address import full_address, street_line
from iok_desktop.domain.bank_account import format_nrb, is_valid_nrb, make_nrb, normalise_nrb
from iok_desktop.domain.dates import format_date, format_datetime, parse_date
from iok_desktop.domain.errors import ValidationError
from iok_desktop.domain.login_ids import normalise_login, propose_login
from iok_desktop.domain.money import NBSP, balance_label, format_money, parse_money
from iok_desktop.domain.text import clean_line, fold


@pytest.mark.parametrize(
    ("amount", "text"),
    [("1234.56", "1 234,56 zł"), ("-1234567.5", "-1 234 567,50 zł"), ("0", "0,00 zł"), ("999.999", "1 000,00 zł")],
)
def test_money_is_shown_with_grouping_and_a_decimal_comma(amount: str, text: str) -> None:
    assert format_money(Decimal(amount)).replace(NBSP, " ") == text


@given(st.decimals(min_value=Decimal("-9999999999.99"), max_value=Decimal("9999999999.99"), places=2))
def test_money_round_trips_through_its_polish_form(amount: Decimal) -> None:
    assert parse_money(format_money(amount)) == amount


@pytest.mark.parametrize("text", ["", "abc", "12,345", "1.2.3", "1e3", "99999999999"])
def test_bad_amounts_are_refused(text: str) -> None:
    with pytest.raises(ValidationError):
        parse_money(text)


def test_balance_labels() -> None:
    assert [balance_label(Decimal(x)) for x in ("10", "-10", "0")] == ["do zapłaty", "nadpłata", "rozliczone"]


def test_dates_in_both_written_forms() -> None:
    assert parse_date("25.11.2026") == parse_date("2026-11-25") == date(2026, 11, 25)
    assert format_date(date(2026, 1, 5)) == "05.01.2026"
    assert format_datetime(datetime(2026, 11, 25, 9, 5, tzinfo=UTC)) == "25.11.2026 10:05"
    assert format_datetime(datetime(2026, 7, 1, 9, 5, tzinfo=UTC)) == "01.07.2026 11:05"
    with pytest.raises(ValidationError, match="nie istnieje"):
        parse_date("31.02.2026")
    with pytest.raises(ValidationError, match=r"DD\.MM\.RRRR"):
        parse_date("jutro")


def test_bank_account_checksum_and_grouping() -> None:
    nrb = "61109010140000071219812874"
    assert is_valid_nrb(nrb)
    assert normalise_nrb("PL61 1090 1014 0000 0712 1981 2874") == nrb
    assert format_nrb(nrb) == "61 1090 1014 0000 0712 1981 2874"
    with pytest.raises(ValidationError, match="sumę kontrolną"):
        normalise_nrb("62109010140000071219812874")
    with pytest.raises(ValidationError, match="26 cyfr"):
        normalise_nrb("1234")


@given(st.text(alphabet="0123456789", min_size=24, max_size=24))
def test_made_account_numbers_are_always_valid(digits: str) -> None:
    assert is_valid_nrb(make_nrb(digits))


def test_addresses() -> None:
    assert street_line("Zgoda", "8", "4") == "ul. Zgoda 8/4"
    assert street_line("al. Wojska Polskiego", "12") == "al. Wojska Polskiego 12"
    assert full_address("Łąkowa", "3A", "12", "70-001", "Szczecin") == "ul. Łąkowa 3A/12, 70-001 Szczecin"


def test_search_folding_ignores_case_and_polish_diacritics() -> None:
    assert fold("  ŁÓDŹ   Żeromskiego ") == "lodz zeromskiego"
    assert fold("Gęślą-Jaźń") == "gesla-jazn"


def test_clean_line_removes_control_characters_and_caps_length() -> None:
    assert clean_line("  Jan\x00\tKowalski\n ", max_length=100) == "Jan Kowalski"
    assert clean_line("x" * 500, max_length=10) == "x" * 10


def test_logins_are_readable_and_normalised() -> None:
    login = propose_login("Wróblewska-Żak")
    assert login[:8] == "wroblews" and login[8:].isdigit() and len(login) == 12
    assert normalise_login("  Jan.Kowalski ") == "jan.kowalski"
    with pytest.raises(ValidationError):
        normalise_login("ja\x00n")
