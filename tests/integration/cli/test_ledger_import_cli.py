"""``iok-desktop ledger import FILE`` as the office runs it after the accounting program's export."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from iok_desktop.cli.main import main
from iok_desktop.db.database import Database
from iok_desktop.db.models import AuditEntry, LedgerEntry
from iok_desktop.domain.enums import ActorKind
from tests.support.builders import make_premises

HEADER = "Numer lokalu;Data księgowania;Termin płatności;Rodzaj;Tytuł;Kwota;Numer dokumentu"
ROWS = [
    "01-005-012;01.11.2026;10.11.2026;naliczenie;Opłaty za lokal 11/2026;1 234,56;NAL/2026/11/12",
    "01-005-012;2026-11-08;;wpłata;Wpłata — przelew;1000;WB/2026/11/456",
    "09-999-999;08.11.2026;;wpłata;Wpłata;10,00;WB/2026/11/457",
    "01-005-012;08.11.2026;;korekta;Korekta;0;KOR/1",
]


def _file(tmp_path: Path) -> Path:
    path = tmp_path / "eksport.csv"
    path.write_bytes("\r\n".join([HEADER, *ROWS]).encode("cp1250") + b"\r\n")
    return path


def _premises(db: Database) -> None:
    with db.session() as s:
        make_premises(s).code = "01-005-012"
        s.commit()


def test_the_command_imports_prints_a_polish_summary_and_the_rejected_rows(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _premises(db)
    url = db.engine.url.render_as_string(hide_password=False)
    path = _file(tmp_path)
    assert main(["--database-url", url, "ledger", "import", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Plik eksport.csv (Windows-1250): wierszy z danymi 4." in out
    assert "Zaksięgowano nowych zapisów: 2." in out
    assert "naliczenia: 1, razem 1\u00a0234,56\u00a0zł" in out and "wpłaty: 1, razem 1\u00a0000,00\u00a0zł" in out
    assert "Odrzucone wiersze: 2" in out
    assert "wiersz 4: Nie ma w ewidencji lokalu o numerze 09-999-999." in out
    assert "wiersz 5: Kwota korekty nie może być zerowa." in out
    with db.session() as s:
        assert len(s.scalars(select(LedgerEntry)).all()) == 2
        summary = s.scalars(select(AuditEntry).where(AuditEntry.action == "ledger.import")).one()
        assert summary.actor_kind is ActorKind.SYSTEM and summary.details["created"] == 2

    # Again: nothing twice, and the clerk is told the rows were imported before (not an error).
    assert main(["--database-url", url, "ledger", "import", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Zaksięgowano nowych zapisów: 0." in out and "Już zaimportowane wcześniej (pominięte): 2." in out
    with db.session() as s:
        assert len(s.scalars(select(LedgerEntry)).all()) == 2


def test_a_file_that_cannot_be_read_ends_with_exit_code_2_and_imports_nothing(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _premises(db)
    url = db.engine.url.render_as_string(hide_password=False)
    path = tmp_path / "wyciag.pdf"
    path.write_bytes(b"%PDF-1.7\n\x00\x01\x02binary")
    assert main(["--database-url", url, "ledger", "import", str(path)]) == 2
    err = capsys.readouterr().err
    assert "To nie jest plik tekstowy CSV" in err
    with db.session() as s:
        assert s.scalars(select(LedgerEntry)).all() == [] and s.scalars(select(AuditEntry)).all() == []


def test_the_installed_command_on_a_sqlite_file(sqlite_db: Database, tmp_path: Path) -> None:
    _premises(sqlite_db)
    url = sqlite_db.engine.url.render_as_string(hide_password=False)
    command = [sys.executable, "-m", "iok_desktop", "--database-url", url, "ledger", "import"]
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run([*command, str(_file(tmp_path))], capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 0, done.stderr
    assert "Zaksięgowano nowych zapisów: 2." in done.stdout and "wiersz 5:" in done.stdout
    done = subprocess.run([*command, str(tmp_path / "brak.csv")], capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 2 and "Nie ma pliku brak.csv" in done.stderr
