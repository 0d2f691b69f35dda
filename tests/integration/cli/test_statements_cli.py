"""``iok-desktop statements`` against SQLite and PostgreSQL: files, scope, variants, refusals, audit."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from iok_desktop.cli.main import main
from iok_desktop.db.database import Database
from iok_desktop.db.models import AuditEntry
from iok_desktop.domain.enums import ActorKind
from iok_desktop.reports.batch import file_name
from tests.integration.reports.scene import build_scene, pdfinfo, pdftotext


def _prepare(db: Database) -> tuple[str, str, str, str]:
    with db.session() as session:
        scene = build_scene(session)
        found = scene.premises.code, scene.other.code, scene.premises.building.code
        session.commit()
    return db.engine.url.render_as_string(hide_password=False), *found


def test_one_file_per_premises_of_a_building(db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url, code, other, building = _prepare(db)
    out = tmp_path / "wyciagi"
    args = ["--database-url", url, "statements", "--from", "01.01.2026", "--to", "2026-11-25"]
    assert main([*args, "--building", building, "--out", str(out)]) == 0

    assert sorted(p.name for p in out.iterdir()) == sorted([file_name(code), file_name(other)])
    assert "Zażółć Gęślą-Jaźń" in pdftotext(out / file_name(code))
    captured = capsys.readouterr()
    assert "Zapisane wyciągi: 2 z 2, strony: 2" in captured.out
    assert "Wyciągi: 2/2" in captured.err
    with db.session() as session:
        entries = session.scalars(select(AuditEntry).where(AuditEntry.action == "statement.save")).all()
    assert len(entries) == 2
    assert all(e.actor_kind is ActorKind.SYSTEM and e.workstation and "@" in e.workstation for e in entries)


def test_combined_arrears_only_without_personal_data(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url, code, other, _building = _prepare(db)
    out = tmp_path / "zalegle.pdf"
    args = ["--database-url", url, "statements", "--from", "2026-01-01", "--to", "25.11.2026", "--arrears-only"]
    assert main([*args, "--without-personal-data", "--combined", "--out", str(out), "--workers", "1"]) == 0

    text = " ".join(pdftotext(out).split())
    assert code in text
    assert other not in text  # paid up
    assert "Gęślą" not in text
    assert pdfinfo(out)["Title"].startswith("Wyciągi z kartotek")
    assert "Zapisane wyciągi: 1 z 1" in capsys.readouterr().out


def test_refusals_in_polish(db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url, _code, _other, _building = _prepare(db)
    base = ["--database-url", url, "statements", "--out", str(tmp_path / "x")]
    assert main([*base, "--from", "31.02.2026", "--to", "01.03.2026"]) == 2
    assert "nie istnieje w kalendarzu" in capsys.readouterr().err
    assert main([*base, "--from", "01.03.2026", "--to", "01.02.2026"]) == 2
    assert "Data początkowa" in capsys.readouterr().err
    assert main([*base, "--from", "01.01.2026", "--to", "01.02.2026", "--building", "NIE-MA"]) == 2
    assert "Nie ma budynku o kodzie NIE-MA" in capsys.readouterr().err
    assert main([*base, "--from", "01.01.2026", "--to", "01.02.2026", "--estate", "NIE-MA"]) == 2
    assert "Nie ma osiedla" in capsys.readouterr().err
    assert not (tmp_path / "x").exists()
