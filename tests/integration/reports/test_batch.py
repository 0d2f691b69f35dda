"""Batch statements in worker processes that open their own connections: one file per premises or one
combined file, progress, cancel, and an audit entry for every saved statement. Both databases."""

from __future__ import annotations

import re
import threading
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, insert, select

from iok_desktop.db.database import Database
from iok_desktop.db.models import AuditEntry, LedgerEntry
from iok_desktop.domain.enums import StaffRole
from iok_desktop.reports.batch import BatchJob, file_name, run_batch
from iok_desktop.services.context import staff_actor
from tests.integration.reports.scene import COOPERATIVE, build_scene, monthly_entries, pdfinfo, pdftotext
from tests.support.builders import make_premises

PERIOD = (date(2026, 1, 1), date(2026, 11, 25))


def _url(db: Database) -> str:
    return db.engine.url.render_as_string(hide_password=False)


def _scene(db: Database, extra_premises: int = 0) -> tuple[list[str], list[int], int]:
    """Codes and ids (in code order) of the premises, and the clerk's id; committed for the workers."""
    with db.session() as session:
        scene = build_scene(session)
        premises = [scene.premises, scene.other]
        for number in range(extra_premises):
            extra = make_premises(session, scene.premises.building, number=f"D{number}")
            session.execute(insert(LedgerEntry), monthly_entries(extra.id, 2025, 2))
            premises.append(extra)
        premises.sort(key=lambda p: p.code)
        codes, ids, clerk = [p.code for p in premises], [p.id for p in premises], scene.clerk.id
        session.commit()
    return codes, ids, clerk


def _job(db: Database, ids: list[int], clerk: int, out: Path, *, combined: bool, personal: bool = True) -> BatchJob:
    return BatchJob(
        database_url=_url(db),
        actor=staff_actor(clerk, "urzednik", StaffRole.CLERK, workstation="test-desk"),
        premises_ids=tuple(ids),
        date_from=PERIOD[0],
        date_to=PERIOD[1],
        out=out,
        combined=combined,
        personal=personal,
    )


def _saved(db: Database) -> list[AuditEntry]:
    with db.session() as session:
        return list(
            session.scalars(select(AuditEntry).where(AuditEntry.action == "statement.save").order_by(AuditEntry.id))
        )


def test_one_file_per_premises_named_by_code(db: Database, tmp_path: Path) -> None:
    codes, ids, clerk = _scene(db)
    seen: list[tuple[int, int]] = []
    result = run_batch(
        _job(db, ids, clerk, tmp_path / "wyciagi", combined=False, personal=False),
        workers=2,
        progress=lambda done, total: seen.append((done, total)),
    )

    assert (result.total, result.done, result.cancelled) == (2, 2, False)
    assert [p.name for p in result.paths] == [file_name(code) for code in codes]
    assert sorted(p.name for p in (tmp_path / "wyciagi").iterdir()) == [file_name(code) for code in codes]
    for code, path in zip(codes, result.paths, strict=True):
        text = pdftotext(path)
        assert code in text
        assert "Gęślą" not in text  # the anonymous variant
        assert "Strona 1 z 1" in text
    assert seen[0] == (0, 2)
    assert seen[-1] == (2, 2)
    assert result.pages == 2

    entries = _saved(db)
    assert sorted(e.premises_id for e in entries if e.premises_id) == sorted(ids)
    assert all(e.actor_staff_id == clerk and e.details["variant"] == "anonymous" for e in entries)
    assert all(e.details["date_from"] == "2026-01-01" and e.details["date_to"] == "2026-11-25" for e in entries)


def test_one_combined_file_with_each_statement_numbered_on_its_own(db: Database, tmp_path: Path) -> None:
    codes, ids, clerk = _scene(db, extra_premises=3)
    out = tmp_path / "razem" / "wyciagi.pdf"
    result = run_batch(_job(db, ids, clerk, out, combined=True), workers=2)

    assert result.paths == (out,)
    assert (result.done, result.cancelled) == (len(ids), False)
    info = pdfinfo(out)
    assert int(info["Pages"]) == result.pages >= len(ids)
    assert info["Title"] == "Wyciągi z kartotek finansowych lokali, okres 01.01.2026 – 25.11.2026"
    assert info["Author"] == COOPERATIVE
    text = pdftotext(out)
    pages = text.split("\f")
    # Each statement starts on its own page, in premises-code order, and numbers its own pages.
    starts = [i for i, page in enumerate(pages) if "Strona 1 z " in page]
    assert len(starts) == len(ids)
    for code, start in zip(codes, starts, strict=True):
        assert f"Numer lokalu: {code}" in " ".join(pages[start].split())
        total = int(re.search(r"Strona 1 z (\d+)", pages[start]).group(1))  # type: ignore[union-attr]
        assert f"Strona {total} z {total}" in pages[start + total - 1]
    assert "Zażółć Gęślą-Jaźń" in "".join(pages)
    assert sorted(e.premises_id for e in _saved(db) if e.premises_id) == sorted(ids)
    assert not list(out.parent.glob(".*.part"))


def test_cancel_stops_promptly_and_leaves_only_whole_files(db: Database, tmp_path: Path) -> None:
    _codes, ids, clerk = _scene(db, extra_premises=40)
    cancel = threading.Event()

    def progress(done: int, total: int) -> None:
        if done:
            cancel.set()

    out = tmp_path / "czesc"
    result = run_batch(_job(db, ids, clerk, out, combined=False), workers=1, progress=progress, cancel=cancel)

    assert result.cancelled
    assert 0 < result.done < result.total
    files = sorted(out.iterdir())
    assert [f.name for f in files] == sorted(p.name for p in result.paths)
    assert len(files) == result.done
    assert all(f.suffix == ".pdf" and f.read_bytes().rstrip().endswith(b"%%EOF") for f in files)
    assert len(_saved(db)) == result.done


def test_a_cancelled_combined_run_writes_no_file_and_records_nothing(db: Database, tmp_path: Path) -> None:
    _codes, ids, clerk = _scene(db, extra_premises=40)
    cancel = threading.Event()
    out = tmp_path / "razem.pdf"
    result = run_batch(
        _job(db, ids, clerk, out, combined=True),
        workers=2,
        progress=lambda done, _total: cancel.set() if done else None,
        cancel=cancel,
    )

    assert result.cancelled
    assert result.paths == ()
    assert list(tmp_path.iterdir()) == []
    assert _saved(db) == []


def test_an_empty_list_writes_nothing(db: Database, tmp_path: Path) -> None:
    result = run_batch(_job(db, [], 1, tmp_path / "nic", combined=False), workers=2)
    assert (result.total, result.done, result.paths) == (0, 0, ())
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(AuditEntry)) == 0


def test_file_names_are_safe() -> None:
    assert file_name("01-005-012") == "01-005-012.pdf"
    assert file_name("A/1 ..\\x") == "A_1_.._x.pdf"
    assert file_name("..") == "lokal.pdf"


@pytest.mark.parametrize("workers", [1, 2])
def test_the_worker_count_does_not_change_the_result(db: Database, tmp_path: Path, workers: int) -> None:
    _codes, ids, clerk = _scene(db, extra_premises=5)
    result = run_batch(_job(db, ids, clerk, tmp_path / "w", combined=False), workers=workers)
    assert result.done == len(ids)
    assert len(list((tmp_path / "w").iterdir())) == len(ids)
