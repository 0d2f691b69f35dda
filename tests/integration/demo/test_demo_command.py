"""``iok-desktop db demo`` end to end: output, refusal on a non-empty database, ``--if-empty``."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from iok_desktop.cli.main import main
from iok_desktop.db.database import Database
from iok_desktop.db.models import Premises, ResidentAccount, StaffUser
from iok_desktop.domain.passwords import verify_password


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
    assert "ul. " in out  # every resident is printed with the address of the premises


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
