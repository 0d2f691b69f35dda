"""``iok-desktop db demo`` end to end: output, refusal on a non-empty database, ``--if-empty``."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from iok_desktop.cli.main import main
from iok_desktop.db.database import Database
from iok_desktop.db.models import Building, LegalTitle, Premises, ResidentAccount, StaffUser
from iok_desktop.demo.windows import period_label, showcase_rule
from iok_desktop.domain.address import full_address
from iok_desktop.domain.dates import format_date, office_today, utc_now
from iok_desktop.domain.passwords import verify_password
from iok_desktop.domain.readings import window_containing


def _url(db: Database) -> str:
    return db.engine.url.render_as_string(hide_password=False)


def _demo(db: Database, *extra: str) -> int:
    return main(["--database-url", _url(db), "db", "demo", "--premises", "20", "--years", "1", *extra])


def test_db_demo_fills_the_database_and_prints_working_logins(db: Database, capsys: pytest.CaptureFixture[str]) -> None:
    assert _demo(db) == 0
    out, err = capsys.readouterr()
    assert "[100%]" in err
    assert "Hasła demonstracyjne — nie używać w produkcji." in out
    assert "lokale 20" in out
    # "  login   password   …" lines of the staff and resident sections.
    logins = re.findall(r"^  (\S+)\s+(\S{10})\s", out, flags=re.MULTILINE)
    assert len(logins) == 3 + 5
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(Premises)) == 20
        for login, password in logins:
            stored = session.scalar(select(StaffUser.password_hash).where(StaffUser.login == login)) or session.scalar(
                select(ResidentAccount.password_hash).where(ResidentAccount.login == login)
            )
            assert verify_password(stored, password), login


def test_residents_are_printed_with_their_addresses_and_the_open_window(
    db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _demo(db) == 0
    out = capsys.readouterr().out
    # Each resident's line is followed by the addresses of the premises they hold, as the services write them.
    printed: dict[str, list[str]] = {}
    login = ""
    for line in out.splitlines():
        if match := re.match(r"^  (\S+)\s+\S{10}\s", line):
            login = match.group(1)
        elif line.startswith("      ") and not line.strip().startswith("(") and login:
            printed.setdefault(login, []).append(line.strip())
    with db.session() as session:
        for login, addresses in printed.items():
            person_id = session.scalar(select(ResidentAccount.person_id).where(ResidentAccount.login == login))
            if person_id is None:
                continue  # a staff login
            held = session.execute(
                select(Building.street, Building.house_number, Premises.number, Building.postal_code, Building.city)
                .join(Premises, Premises.building_id == Building.id)
                .join(LegalTitle, LegalTitle.premises_id == Premises.id)
                .where(LegalTitle.person_id == person_id, LegalTitle.valid_to.is_(None))
                .order_by(Premises.id)
            ).all()
            assert addresses == [full_address(*row) for row in held]
    flat, garage = next(a for a in printed.values() if len(a) == 2)  # the resident with a garage
    assert re.fullmatch(r"ul\. .+ \d+A?/\d+, 7\d-\d{3} Szczecin", flat)
    assert re.fullmatch(r"ul\. .+ \d+A?/G\d+, 7\d-\d{3} Szczecin", garage)
    # The command says which window is open today (the real day: the command takes no --today).
    today = office_today(utc_now())
    rule = showcase_rule(today)
    window = window_containing(rule, today)
    assert window is not None
    assert (f"od {format_date(window.opens)} do {format_date(window.closes)}, za {period_label(rule, window)}") in out


def test_db_demo_refuses_a_database_with_premises(db: Database, capsys: pytest.CaptureFixture[str]) -> None:
    assert _demo(db) == 0
    capsys.readouterr()
    assert _demo(db) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert "Baza zawiera już dane (20 lokali)" in err
    assert "--if-empty" in err


def test_if_empty_exits_quietly_when_there_is_data(db: Database, capsys: pytest.CaptureFixture[str]) -> None:
    assert _demo(db) == 0
    capsys.readouterr()
    assert _demo(db, "--if-empty") == 0
    assert capsys.readouterr() == ("", "")


def test_if_empty_generates_into_an_empty_database(db: Database, capsys: pytest.CaptureFixture[str]) -> None:
    assert _demo(db, "--if-empty") == 0
    assert "Hasła demonstracyjne" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--premises", "0"], "Liczba lokali musi być z zakresu 1–100000."),
        (["--premises", "100001"], "Liczba lokali musi być z zakresu 1–100000."),
        (["--years", "0"], "Liczba lat historii musi być z zakresu 1–15."),
        (["--years", "16"], "Liczba lat historii musi być z zakresu 1–15."),
    ],
)
def test_arguments_out_of_range_are_refused(
    sqlite_db: Database, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    assert main(["--database-url", _url(sqlite_db), "db", "demo", *args]) == 2
    assert message in capsys.readouterr().err
    with sqlite_db.session() as session:
        assert session.scalar(select(func.count()).select_from(Premises)) == 0


def test_demo_is_listed_under_db(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["db", "--help"])
    assert "demo" in capsys.readouterr().out
