"""Statements for many premises at once: one combined PDF, or one file per premises named by its code.

The work is spread over ``workers`` processes (two by default: the office PCs have two cores).
Each process opens its own connection from the database URL; no connection ever crosses a process.
The premises go out in small chunks, so progress moves steadily and a cancel stops after the chunks
already running (a fraction of a second), never leaving a half-written file:

* one file per premises: each file is written under a temporary name and renamed when complete, and
  its ``statement.save`` audit entry commits with the chunk that wrote it (a failed commit removes
  the chunk's files). Files finished before a cancel stay, each with its entry.
* combined: the worker processes render their chunks in order into PDF parts (one font subset per
  part); the parent joins them into one file under a temporary name and renames it at the end, then
  records one ``statement.save`` entry per premises. A cancelled run leaves no file and no entry.
"""

from __future__ import annotations

import io
import multiprocessing
import os
import re
import sys
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from iok_desktop.db.database import Database
from iok_desktop.reports import layout, statement_pdf
from iok_desktop.reports.fonts import register_fonts
from iok_desktop.services.context import Actor, ServiceContext
from iok_desktop.services.settings import get_settings
from iok_desktop.services.statements import StatementDocument, record_statement_output, statement_documents

Progress = Callable[[int, int], None]
DEFAULT_WORKERS = 2
MAX_CHUNK = 16
COMBINED_TITLE = "Wyciągi z kartotek finansowych lokali"
_UNSAFE = re.compile(r"[^0-9A-Za-z._-]+")


@dataclass(frozen=True)
class BatchJob:
    """What to render. ``out`` is the combined file, or the folder for one file per premises."""

    database_url: str
    actor: Actor
    premises_ids: tuple[int, ...]
    date_from: date
    date_to: date
    out: Path
    combined: bool
    personal: bool = True


@dataclass(frozen=True)
class BatchResult:
    total: int
    # Statements written (and recorded in the audit log).
    done: int
    pages: int
    cancelled: bool
    paths: tuple[Path, ...]


def file_name(premises_code: str) -> str:
    """``01-005-012.pdf``: the premises code, with anything a file system may refuse replaced."""
    return f"{_UNSAFE.sub('_', premises_code).strip('._') or 'lokal'}.pdf"


# --- in the worker processes ------------------------------------------------------------------

_database: Database | None = None


def _worker_start(database_url: str) -> None:
    global _database  # noqa: PLW0603 - one connection pool per worker process, opened once
    _database = Database(database_url)
    register_fonts()


def _documents(job: BatchJob, ids: Sequence[int]) -> list[StatementDocument]:
    if _database is None:  # pragma: no cover - the pool initializer sets it
        raise RuntimeError("worker not started")
    with _database.session() as session:
        ctx = ServiceContext(session, job.actor)
        return statement_documents(ctx, ids, job.date_from, job.date_to)


@dataclass(frozen=True)
class _ChunkOutcome:
    count: int
    pages: int
    paths: tuple[Path, ...] = ()
    # The chunk's statements as one PDF part (combined runs only).
    part: bytes = b""


def _render_part(job: BatchJob, ids: Sequence[int]) -> _ChunkOutcome:
    documents = _documents(job, ids)
    buffer = io.BytesIO()
    canvas = layout.new_canvas(buffer, layout.DocumentInfo(title="", author=""))
    pages = sum(statement_pdf.draw_statement(canvas, doc, personal=job.personal) for doc in documents)
    return _ChunkOutcome(len(documents), pages, part=layout.finish(canvas, buffer))


def _render_files(job: BatchJob, ids: Sequence[int]) -> _ChunkOutcome:
    """Read, then draw and write with no transaction open (SQLite lets one writer in at a time),
    then record the chunk's audit entries in one short transaction."""
    if _database is None:  # pragma: no cover - the pool initializer sets it
        raise RuntimeError("worker not started")
    written: list[Path] = []
    pages = 0
    try:
        for doc in _documents(job, ids):
            pdf, page_count = statement_pdf.render_statement_pages(doc, personal=job.personal)
            pages += page_count
            target = job.out / file_name(doc.premises_code)
            _write_atomically(target, pdf)
            written.append(target)
        with _database.session() as session:
            ctx = ServiceContext(session, job.actor)
            for pid in ids:
                record_statement_output(ctx, pid, job.date_from, job.date_to, action="save", personal=job.personal)
            session.commit()
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    return _ChunkOutcome(len(written), pages, paths=tuple(written))


def _render_chunk(job: BatchJob, ids: tuple[int, ...]) -> _ChunkOutcome:
    return _render_part(job, ids) if job.combined else _render_files(job, ids)


def _write_atomically(target: Path, data: bytes) -> None:
    temporary = target.with_name(f".{target.name}.part")
    try:
        temporary.write_bytes(data)
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


# --- in the calling process -------------------------------------------------------------------


def _chunks(ids: Sequence[int], workers: int) -> list[tuple[int, ...]]:
    # Several chunks per worker keep both busy to the end and the progress bar moving.
    size = max(1, min(MAX_CHUNK, len(ids) // (workers * 6) or 1))
    return [tuple(ids[i : i + size]) for i in range(0, len(ids), size)]


def _finish_combined(job: BatchJob, parts: Sequence[bytes]) -> None:
    """Join the parts into ``job.out`` and record one audit entry per premises, or leave nothing."""
    from pypdf import PdfWriter  # noqa: PLC0415 - the parent alone joins; workers need not load it

    database = Database(job.database_url)
    try:
        with database.session() as session:
            ctx = ServiceContext(session, job.actor)
            writer = PdfWriter()
            for part in parts:
                writer.append(io.BytesIO(part))
            writer.add_metadata(
                {
                    "/Title": f"{COMBINED_TITLE}, okres {layout.period(job.date_from, job.date_to)}",
                    "/Author": get_settings(ctx).name,
                    "/Creator": "IOK Desktop",
                }
            )
            buffer = io.BytesIO()
            writer.write(buffer)
            for pid in job.premises_ids:
                record_statement_output(ctx, pid, job.date_from, job.date_to, action="save", personal=job.personal)
            session.flush()
            _write_atomically(job.out, buffer.getvalue())
            try:
                session.commit()
            except BaseException:
                job.out.unlink(missing_ok=True)
                raise
    finally:
        database.dispose()


def _process_context() -> multiprocessing.context.BaseContext:
    """How worker processes start: never by forking this process, which runs Qt and database threads.

    On Linux a fork server: one clean process, started at the first batch, that has imported this
    module (reportlab, SQLAlchemy, the services) and forks each worker from itself, so a worker is
    ready in milliseconds instead of the second a "spawn" spends importing everything again. The
    server lives as long as the application, so later batches do not pay for it at all. Elsewhere
    (Windows, a frozen build) "spawn".
    """
    if "forkserver" in multiprocessing.get_all_start_methods() and not getattr(sys, "frozen", False):
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload([__name__])
        return context
    return multiprocessing.get_context("spawn")


def _run_chunks(
    job: BatchJob,
    chunks: list[tuple[int, ...]],
    workers: int,
    progress: Progress | None,
    cancel: threading.Event | None,
) -> tuple[dict[int, _ChunkOutcome], bool]:
    """Each finished chunk's outcome by chunk number, and whether the run was cancelled."""
    outcomes: dict[int, _ChunkOutcome] = {}
    total = len(job.premises_ids)
    done = 0
    cancelled = False
    context = _process_context()
    with ProcessPoolExecutor(
        max_workers=max(1, workers), mp_context=context, initializer=_worker_start, initargs=(job.database_url,)
    ) as pool:
        pending = {pool.submit(_render_chunk, job, chunk): index for index, chunk in enumerate(chunks)}
        try:
            while pending:
                finished, _ = wait(pending, timeout=0.05, return_when=FIRST_COMPLETED)
                if cancel is not None and cancel.is_set() and not cancelled:
                    cancelled = True
                    for future in pending:
                        future.cancel()
                for future in finished:
                    outcome = outcomes[pending.pop(future)] = future.result()
                    done += outcome.count
                    if progress:
                        progress(done, total)
                pending = {f: i for f, i in pending.items() if not f.cancelled()}
        except BaseException:
            pool.shutdown(wait=True, cancel_futures=True)
            raise
    return outcomes, cancelled


def run_batch(
    job: BatchJob,
    *,
    workers: int = DEFAULT_WORKERS,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> BatchResult:
    """Render the statements of ``job`` with ``workers`` processes; see the module docstring.

    ``progress(done, total)`` is called in the calling thread after each chunk; setting ``cancel``
    stops the run after the chunks in flight (their per-premises files are kept).
    """
    total = len(job.premises_ids)
    if job.combined:
        job.out.parent.mkdir(parents=True, exist_ok=True)
    else:
        job.out.mkdir(parents=True, exist_ok=True)
    if progress:
        progress(0, total)
    if not total:
        return BatchResult(0, 0, 0, cancelled=False, paths=())

    chunks = _chunks(job.premises_ids, workers)
    outcomes, cancelled = _run_chunks(job, chunks, workers, progress, cancel)
    done = sum(o.count for o in outcomes.values())
    pages = sum(o.pages for o in outcomes.values())
    if job.combined:
        if cancelled or len(outcomes) != len(chunks):
            return BatchResult(total, 0, 0, cancelled=True, paths=())
        _finish_combined(job, [outcomes[i].part for i in range(len(chunks))])
        return BatchResult(total, done, pages, cancelled=False, paths=(job.out,))
    paths = sorted(path for o in outcomes.values() for path in o.paths)
    return BatchResult(total, done, pages, cancelled=cancelled, paths=tuple(paths))
