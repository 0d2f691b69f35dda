"""The benchmark suite's data sets: built once with the demo generator, kept in a cache folder, reused.

Layout of the cache folder (``--data-dir``; default ``~/.cache/iok-desktop-bench``, or
``/var/tmp/iok-desktop-bench`` when run as root, since the PostgreSQL server then runs as the
``postgres`` user, which cannot enter ``/root``):

    records.json                  what was built: parameters, fingerprint, date, demo generation time, logins
    postgres/data/                a PostgreSQL cluster kept between runs (stopped at the end of a run,
                                  started again on the next one, on a free loopback port)
    sqlite/<key>.sqlite3          one SQLite file per data set

One database (or file) per set of parameters, named after them (``p30000_y10_q100000``: premises,
years of history, pending readings), so a quick run at a small scale does not throw away the full one.
A data set is rebuilt only when it is missing, when its record is missing, or when its fingerprint
changed: a hash of the demo generator's sources, the migrations and this module's ``DATASET_VERSION``.

Building = the schema (migrations), ``generate_demo`` as of 25.11.2026 (timed: that is the "demo
generation" figure), then pending readings added until the approval queue holds the wanted number
(``clerk_screens.add_pending``), then fresh planner statistics.

The suite changes a data set only where a figure needs it (bulk approval, batch statements, sign-ins
write audit entries) and puts it back afterwards (``Dataset.restore``): the approved readings get their
earlier rows back and audit entries newer than the build are deleted. ``Dataset.check`` verifies that
on the next run (pending count, audit log) and rebuilds when it does not hold.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import pwd
import shutil
import socket
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from iok_desktop.db import migrate
from iok_desktop.db.database import Database
from iok_desktop.db.models import AuditEntry, MeterReading
from iok_desktop.demo import generate_demo
from iok_desktop.demo.params import DEFAULT_SEED
from iok_desktop.demo.writer import analyze
from iok_desktop.domain.enums import ReadingStatus
from tests.support.postgres import PostgresCluster, find_bindir  # the tests' throwaway cluster, kept here

# Bump when what is built changes outside the demo generator and the migrations (e.g. the top-up).
DATASET_VERSION = 1
TODAY = date(2026, 11, 25)
REPO = Path(__file__).resolve().parent.parent
FINGERPRINTED = ("iok_desktop/demo", "iok_desktop/db/migrations", "iok_desktop/db/models")

Progress = Callable[[str], None]
AUDIT_GUARD = {"n": "audit_log_no_delete"}  # SQLite's trigger refusing DELETE on the audit log (migration 0002)


def default_data_dir() -> Path:
    if os.geteuid() == 0:
        return Path("/var/tmp/iok-desktop-bench")  # noqa: S108 - a fixed, documented cache folder
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "iok-desktop-bench"


def fingerprint() -> str:
    digest = hashlib.sha256(f"dataset {DATASET_VERSION}\n".encode())
    for folder in FINGERPRINTED:
        for path in sorted((REPO / folder).rglob("*.py")):
            digest.update(str(path.relative_to(REPO)).encode() + b"\n" + path.read_bytes())
    return digest.hexdigest()[:16]


@dataclass(frozen=True)
class Spec:
    dialect: str  # "postgresql" or "sqlite"
    premises: int
    years: int
    pending: int
    seed: int = DEFAULT_SEED

    @property
    def key(self) -> str:
        return f"p{self.premises}_y{self.years}_q{self.pending}" + (
            "" if self.seed == DEFAULT_SEED else f"_s{self.seed}"
        )

    @property
    def label(self) -> str:
        return f"{self.premises:,} premises, {self.years} years, {self.pending:,} pending readings"


def _load() -> tuple[float, float, float]:
    return os.getloadavg()


class KeptCluster(PostgresCluster):
    """``PostgresCluster`` with its directory in the cache folder: not removed, only stopped."""

    def __init__(self, root: Path) -> None:  # not super().__init__: no temporary directory
        self.bindir = find_bindir()
        self.port = _free_port()
        self.root = root
        self.datadir = root / "data"
        self.logfile = root / "server.log"
        self._user = "postgres" if os.geteuid() == 0 else None
        root.mkdir(parents=True, exist_ok=True)
        if self._user:
            pw = pwd.getpwnam(self._user)
            os.chown(root, pw.pw_uid, pw.pw_gid)
        root.chmod(0o700)

    def open(self, progress: Progress) -> KeptCluster:
        version = self.datadir / "PG_VERSION"
        if version.exists() and version.read_text().strip() != self.bindir.parent.name:
            progress(f"the kept cluster is PostgreSQL {version.read_text().strip()}, binaries are {self.bindir}: new")
            shutil.rmtree(self.datadir)
        if not version.exists():
            shutil.rmtree(self.datadir, ignore_errors=True)
            progress(f"creating a PostgreSQL cluster in {self.datadir}")
            self.start()
        else:
            if self.is_running():  # left running by an interrupted run: restart it on our port
                self.stop("fast")
            progress(f"starting the kept PostgreSQL cluster in {self.datadir} (port {self.port})")
            self.start_server()
        return self

    def close(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):
            self.stop("fast")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Dataset:
    spec: Spec
    url: str
    database: Database
    record: dict[str, Any]
    built_now: bool = False
    _restorers: list[Callable[[], None]] = field(default_factory=list)

    @property
    def demo_seconds(self) -> float:
        return float(self.record["demo_seconds"])

    @property
    def admin(self) -> tuple[str, str]:
        login, password = self.record["admin"]
        return str(login), str(password)

    def state(self) -> dict[str, int]:
        with self.database.session() as s:
            pending = s.scalar(select(func.count()).where(MeterReading.status == ReadingStatus.PENDING)) or 0
            audit = s.scalar(select(func.coalesce(func.max(AuditEntry.id), 0))) or 0
        return {"pending": int(pending), "audit_mark": int(audit)}

    def restore_audit(self) -> int:
        """Delete audit entries written by the suite (newer than the build); returns how many.

        The audit log is append-only (database triggers, migration 0002). On this benchmark-only
        database the guard is lifted for the one DELETE, inside its transaction: PostgreSQL skips
        ordinary triggers under ``session_replication_role = replica`` (``SET LOCAL``); on SQLite the
        DELETE trigger is dropped and created again from its own stored SQL.
        """
        mark = {"mark": self.record["audit_mark"]}
        with self.database.session() as s:
            if not s.scalar(text("SELECT count(*) FROM audit_log WHERE id > :mark"), mark):
                return 0
            if self.database.dialect == "postgresql":
                s.execute(text("SET LOCAL session_replication_role = replica"))
                deleted = s.execute(text("DELETE FROM audit_log WHERE id > :mark"), mark)
            else:
                find = text("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = :n")
                guard = s.scalar(find, AUDIT_GUARD)
                if guard:
                    s.execute(text(f"DROP TRIGGER {AUDIT_GUARD['n']}"))
                deleted = s.execute(text("DELETE FROM audit_log WHERE id > :mark"), mark)
                if guard:
                    s.execute(text(guard))
            s.commit()
            return int(deleted.rowcount or 0)

    def check(self) -> bool:
        self.restore_audit()  # an interrupted earlier run may have left some
        return self.state() == {"pending": self.record["pending"], "audit_mark": self.record["audit_mark"]}


class Cache:
    def __init__(self, root: Path, progress: Progress) -> None:
        self.root = root
        self.progress = progress
        root.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            root.chmod(0o755)  # the postgres user goes through it to its own directory
        self.records_path = root / "records.json"
        self.cluster: KeptCluster | None = None
        self._print = fingerprint()

    # --- records ------------------------------------------------------------------------------
    def _records(self) -> dict[str, Any]:
        if self.records_path.exists():
            loaded: dict[str, Any] = json.loads(self.records_path.read_text())
            return loaded
        return {}

    def _save_record(self, name: str, record: dict[str, Any] | None) -> None:
        records = self._records()
        if record is None:
            records.pop(name, None)
        else:
            records[name] = record
        tmp = self.records_path.with_suffix(".tmp")
        tmp.write_text(json.dumps(records, indent=2, ensure_ascii=False))
        tmp.replace(self.records_path)

    # --- PostgreSQL ---------------------------------------------------------------------------
    def postgres(self) -> KeptCluster:
        if self.cluster is None:
            self.cluster = KeptCluster(self.root / "postgres").open(self.progress)
        return self.cluster

    def close(self) -> None:
        if self.cluster is not None:
            self.cluster.close()
            self.cluster = None

    def _pg_admin(self, statement: str) -> None:
        engine = create_engine(self.postgres().url(), isolation_level="AUTOCOMMIT")
        try:
            with engine.connect() as connection:
                connection.exec_driver_sql(statement)
        finally:
            engine.dispose()

    def _pg_databases(self) -> set[str]:
        engine = create_engine(self.postgres().url())
        try:
            with engine.connect() as connection:
                return set(connection.scalars(text("SELECT datname FROM pg_database")))
        finally:
            engine.dispose()

    # --- data sets ----------------------------------------------------------------------------
    def dataset(self, spec: Spec, *, rebuild: bool = False) -> Dataset:
        name = f"{spec.dialect}:{spec.key}"
        record = self._records().get(name)
        if spec.dialect == "postgresql":
            cluster = self.postgres()
            exists = spec.key in self._pg_databases()
            url = cluster.url(spec.key)
        else:
            path = self.root / "sqlite" / f"{spec.key}.sqlite3"
            exists = path.exists()
            url = f"sqlite:///{path}"
        stale = record is None or record.get("fingerprint") != self._print
        if exists and not stale and not rebuild and record is not None:
            dataset = Dataset(spec, url, Database(url), record)
            if dataset.check():
                self.progress(f"reusing the {spec.dialect} data set {spec.key} built {record['built_at']}")
                return dataset
            self.progress(f"the {spec.dialect} data set {spec.key} was changed: rebuilding it")
            dataset.database.dispose()
        elif exists:
            why = "asked to" if rebuild else "its record is missing" if record is None else "the generator changed"
            self.progress(f"rebuilding the {spec.dialect} data set {spec.key} ({why})")
        self._save_record(name, None)
        if spec.dialect == "postgresql":
            if exists:
                self._pg_admin(f'DROP DATABASE "{spec.key}" WITH (FORCE)')
            self._pg_admin(f'CREATE DATABASE "{spec.key}"')
        else:
            path = Path(make_url(url).database or "")
            path.parent.mkdir(parents=True, exist_ok=True)
            for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
                leftover.unlink(missing_ok=True)
        database = Database(url)
        record = self._build(database, spec)
        self._save_record(name, record)
        return Dataset(spec, url, database, record, built_now=True)

    def _build(self, database: Database, spec: Spec) -> dict[str, Any]:
        from benchmarks.clerk_screens import add_pending  # noqa: PLC0415 - avoids an import cycle

        self.progress(f"building the {spec.dialect} data set: {spec.label} …")
        load_before = _load()
        migrate.upgrade(database.engine)
        started = time.perf_counter()
        result = generate_demo(database, premises=spec.premises, years=spec.years, seed=spec.seed, today=TODAY)
        demo_seconds = time.perf_counter() - started
        self.progress(f"   demo generated in {demo_seconds:.1f} s; adding pending readings …")
        started = time.perf_counter()
        add_pending(database, spec.pending)
        analyze(database.engine, ["meter_readings"])
        topup_seconds = time.perf_counter() - started
        admin = next(c for c in result.staff if c.role == "administrator")
        record: dict[str, Any] = {
            "fingerprint": self._print,
            "params": {"premises": spec.premises, "years": spec.years, "pending": spec.pending, "seed": spec.seed},
            "today": TODAY.isoformat(),
            "built_at": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
            "demo_seconds": round(demo_seconds, 1),
            "topup_seconds": round(topup_seconds, 1),
            "load_before": [round(v, 2) for v in load_before],
            "load_after": [round(v, 2) for v in _load()],
            "counts": result.counts,
            "admin": [admin.login, admin.password],
        }
        dataset = Dataset(spec, "", database, record)
        record.update(dataset.state())
        self.progress(f"   built: {record['pending']:,} pending readings, {result.counts['ledger_entries']:,} entries")
        return record
