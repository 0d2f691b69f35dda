"""Backups of the whole database and restoring them (``iok-desktop db backup`` / ``db restore``).

PostgreSQL: ``pg_dump --format=custom`` into a file; ``pg_restore --single-transaction`` back, so a
restore either completes or changes nothing. By default the target must be empty (no tables); with
``clean=True`` the objects of the backup are dropped and recreated in that same transaction (the
target may hold no tables the backup does not know). The client programs come from ``IOK_PG_BINDIR``,
else ``PATH``, else the usual installation folders.

SQLite: the ``sqlite3`` online backup API, which copies a consistent snapshot while desks keep
working. A restore copies and checks the backup in a temporary file beside the target first; a new
target is then that file renamed into place (``os.replace``), an existing one gets the checked copy in
one write transaction of the backup API (the target's own journal makes it all or nothing, and desks
that have the file open see the new contents at their next transaction instead of writing into a
replaced file).

Both refuse a file that is not a backup of the right kind (another engine, not an IOK database, a
schema revision this program does not know) before touching the target. The audit entries are the
command's business (``cli/backup_command.py``): this layer knows no services.
"""

from __future__ import annotations

import contextlib
import glob
import os
import re
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

from iok_desktop.db import migrate
from iok_desktop.db.roles import GROUP_ROLES, RolesError, apply_roles
from iok_desktop.domain.errors import DomainError

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_CUSTOM_MAGIC = b"PGDMP"
# Tables every IOK database has had since the first migration: a backup without them is not ours.
REQUIRED_TABLES = frozenset({"alembic_version", "audit_log", "premises", "meter_readings", "ledger_entries"})
# How long a PostgreSQL restore with clean=True waits for another session's lock before giving up.
LOCK_TIMEOUT_MS = 60_000

NOT_A_BACKUP = "Plik {name} nie jest kopią zapasową bazy IOK Desktop."


class BackupError(DomainError):
    """A backup or a restore refused or failed; the message (Polish) says why and what to do."""

    code = "backup"


@dataclass(frozen=True)
class BackupFile:
    """What a backup file holds, as far as a restore needs to know before it starts."""

    path: Path
    engine: str  # "sqlite" or "postgresql"
    revision: str
    tables: frozenset[str]
    size: int


@dataclass(frozen=True)
class Outcome:
    """A finished backup or restore."""

    path: Path
    engine: str
    revision: str
    size: int
    # Rows per table of the database backed up (at the moment of the snapshot) or restored.
    counts: dict[str, int]
    # What the administrator should know (Polish), e.g. that the roles' grants were applied again.
    notes: tuple[str, ...] = ()


def engine_of(url: str) -> str:
    backend = make_url(url).get_backend_name()
    if backend not in ("sqlite", "postgresql"):
        raise BackupError(f"Kopie zapasowe obsługują bazy SQLite i PostgreSQL, nie {backend}.")
    return backend


def known_revisions() -> set[str]:
    return {script.revision for script in ScriptDirectory.from_config(migrate.alembic_config()).walk_revisions()}


def _check_revision(revision: str | None, name: str) -> str:
    if not revision:
        raise BackupError(NOT_A_BACKUP.format(name=name) + " Brak wersji struktury bazy (alembic_version).")
    if revision not in known_revisions():
        raise BackupError(
            f"Kopia {name} ma strukturę bazy w wersji {revision}, której ten program nie zna — "
            "powstała w nowszej wersji IOK Desktop. Odtwórz ją tą nowszą wersją."
        )
    return revision


def _check_tables(tables: frozenset[str], name: str) -> None:
    missing = sorted(REQUIRED_TABLES - tables)
    if missing:
        raise BackupError(NOT_A_BACKUP.format(name=name) + f" Brakuje w niej tabel: {', '.join(missing)}.")


def _head(path: Path, size: int = 16) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(size)
    except FileNotFoundError:
        raise BackupError(f"Nie ma pliku {path}.") from None
    except IsADirectoryError:
        raise BackupError(f"{path} jest folderem, a nie plikiem kopii zapasowej.") from None
    except OSError as error:
        raise BackupError(f"Nie można odczytać pliku {path}: {error.strerror or error}.") from None


def _prepare_output(path: Path) -> Path:
    """Refuse to overwrite; return the temporary name the backup is written under before it is renamed."""
    if path.exists():
        raise BackupError(f"Plik {path} już istnieje — podaj nazwę nowego pliku (kopia niczego nie nadpisuje).")
    if not path.parent.is_dir():
        raise BackupError(f"Nie ma folderu {path.parent}.")
    return path.with_name(f".{path.name}.{os.getpid()}.tmp")


# --- SQLite ------------------------------------------------------------------------------------


def _sqlite_path(url: str) -> Path:
    database = make_url(url).database
    if not database or database == ":memory:":
        raise BackupError("Baza SQLite w pamięci nie ma pliku, z którego można zrobić kopię.")
    return Path(database)


@contextlib.contextmanager
def _sqlite(path: Path | str, *, uri: bool = False) -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(path, uri=uri, timeout=10, isolation_level=None)
    try:
        conn.execute("PRAGMA busy_timeout=10000")
        yield conn
    finally:
        conn.close()


def _sqlite_tables(conn: sqlite3.Connection) -> frozenset[str]:
    return frozenset(row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"))


def _sqlite_revision(conn: sqlite3.Connection) -> str | None:
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError:
        return None
    return str(row[0]) if row else None


def _sqlite_counts(conn: sqlite3.Connection, tables: frozenset[str]) -> dict[str, int]:
    # Table names come from sqlite_master of a checked IOK database, not from a user.
    return {t: int(conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]) for t in sorted(tables)}  # noqa: S608


def backup_sqlite(url: str, out: Path) -> Outcome:
    source = _sqlite_path(url)
    if not source.is_file():
        raise BackupError(f"Nie ma pliku bazy {source}.")
    tmp = _prepare_output(out)
    try:
        with _sqlite(source) as src:
            revision = _sqlite_revision(src)
            if revision is None:
                raise BackupError(
                    f"Plik {source} nie zawiera bazy IOK Desktop (brak struktury) — nie ma czego kopiować."
                )
            with _sqlite(tmp) as dst:
                # One step (pages=-1): the source is read under one read lock, a consistent snapshot,
                # while other connections keep writing (WAL).
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
                tables = _sqlite_tables(dst) - {"sqlite_sequence"}
                counts = _sqlite_counts(dst, tables)
        os.replace(tmp, out)
    except sqlite3.DatabaseError as error:
        raise BackupError(f"Nie udało się wykonać kopii bazy {source}: {error}.") from error
    finally:
        tmp.unlink(missing_ok=True)
    return Outcome(out, "sqlite", revision, out.stat().st_size, counts)


def inspect_sqlite(path: Path, conn: sqlite3.Connection | None = None) -> BackupFile:
    head = _head(path)
    if head.startswith(PG_CUSTOM_MAGIC):
        raise BackupError(
            f"Plik {path.name} jest kopią bazy PostgreSQL (pg_dump), a baza docelowa to SQLite — "
            "odtwórz go do bazy PostgreSQL."
        )
    if head != SQLITE_MAGIC:
        raise BackupError(NOT_A_BACKUP.format(name=path.name) + " To nie jest plik bazy SQLite.")
    try:
        with contextlib.ExitStack() as stack:
            if conn is None:
                conn = stack.enter_context(_sqlite(f"{path.resolve().as_uri()}?mode=ro", uri=True))
            check = [row[0] for row in conn.execute("PRAGMA integrity_check")]
            if check != ["ok"]:
                raise BackupError(f"Plik {path.name} jest uszkodzony (sprawdzenie spójności: {'; '.join(check[:3])}).")
            tables = _sqlite_tables(conn)
            _check_tables(tables, path.name)
            revision = _check_revision(_sqlite_revision(conn), path.name)
    except sqlite3.DatabaseError as error:
        raise BackupError(f"Plik {path.name} jest uszkodzony albo nie jest bazą SQLite ({error}).") from error
    return BackupFile(path, "sqlite", revision, tables, path.stat().st_size)


def _sqlite_is_empty(path: Path) -> bool:
    if not path.exists() or path.stat().st_size == 0:
        return True
    try:
        with _sqlite(path) as conn:
            return not _sqlite_tables(conn)
    except sqlite3.DatabaseError as error:
        raise BackupError(f"Plik docelowy {path} nie jest bazą SQLite ({error}) — nie zastąpię go.") from error


def restore_sqlite(url: str, backup: Path, *, clean: bool) -> Outcome:
    target = _sqlite_path(url)
    inspect_sqlite(backup)  # the cheap refusals first, before anything is written anywhere
    empty = _sqlite_is_empty(target)
    if not empty and not clean:
        raise BackupError(
            f"Baza docelowa {target} nie jest pusta. Odtworzenie zastąpi całą jej zawartość kopią — "
            "jeśli tego chcesz, dodaj opcję --clean (najpierw zrób kopię bieżącej bazy)."
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.restore-{os.getpid()}.tmp")
    try:
        with _sqlite(f"{backup.resolve().as_uri()}?mode=ro", uri=True) as src, _sqlite(tmp) as copy:
            src.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")
            info = inspect_sqlite(backup, copy)  # checked again on the copy that is going in
            counts = _sqlite_counts(copy, info.tables - {"sqlite_sequence"})
            if empty and not target.exists():
                copy.close()
                os.replace(tmp, target)
            else:
                with _sqlite(target) as dst:
                    # One step: one write transaction on the target, rolled back by its own journal if
                    # anything (even the machine) fails halfway.
                    copy.backup(dst)
                    check = dst.execute("PRAGMA quick_check").fetchone()
                    if check is None or check[0] != "ok":  # pragma: no cover - the copy was checked
                        raise BackupError(f"Baza {target} po odtworzeniu nie przeszła sprawdzenia spójności.")
    except sqlite3.DatabaseError as error:
        raise BackupError(
            f"Odtwarzanie nie powiodło się ({error}); baza {target} pozostała bez zmian. "
            "Jeśli inne stanowisko ma ją otwartą, zamknij je i spróbuj ponownie."
        ) from error
    finally:
        tmp.unlink(missing_ok=True)
        for suffix in ("-journal", "-wal", "-shm"):
            Path(f"{tmp}{suffix}").unlink(missing_ok=True)
    return Outcome(backup, "sqlite", info.revision, info.size, counts)


# --- PostgreSQL ----------------------------------------------------------------------------------


def find_pg_tool(name: str) -> Path:
    """``pg_dump`` / ``pg_restore``: from IOK_PG_BINDIR, else PATH, else the usual installation folders."""
    exe = name + (".exe" if os.name == "nt" else "")
    explicit = os.environ.get("IOK_PG_BINDIR")
    if explicit:
        candidate = Path(explicit) / exe
        if candidate.exists():
            return candidate
        raise BackupError(f"W folderze IOK_PG_BINDIR={explicit} nie ma programu {name}.")
    found = shutil.which(name)
    if found:
        return Path(found)
    patterns = ["/usr/lib/postgresql/*/bin", "/usr/pgsql-*/bin", r"C:\Program Files\PostgreSQL\*\bin"]
    for pattern in patterns:
        for folder in sorted(glob.glob(pattern), reverse=True):
            candidate = Path(folder) / exe
            if candidate.exists():
                return candidate
    raise BackupError(
        f"Nie znaleziono programu {name}. Zainstaluj narzędzia klienta PostgreSQL (w wersji serwera lub "
        "nowszej), np. apt-get install postgresql-client, albo wskaż ich folder w zmiennej IOK_PG_BINDIR."
    )


def _libpq(url: str) -> tuple[str, dict[str, str]]:
    """The libpq connection string (without the password) and the environment that carries the password."""
    from psycopg.conninfo import make_conninfo  # noqa: PLC0415 - psycopg only matters for PostgreSQL

    parsed: URL = make_url(url)
    params: dict[str, str] = {}
    if parsed.host:
        params["host"] = parsed.host
    if parsed.port:
        params["port"] = str(parsed.port)
    if parsed.username:
        params["user"] = parsed.username
    if parsed.database:
        params["dbname"] = parsed.database
    for key, value in parsed.query.items():
        params[key] = value if isinstance(value, str) else value[-1]
    env = dict(os.environ)
    if parsed.password is not None:
        env["PGPASSWORD"] = str(parsed.password)
    return make_conninfo(**params), env


def _run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    # Our own argument lists (the program found by find_pg_tool, options, paths): no shell.
    return subprocess.run(args, env=env, capture_output=True, text=True, check=False)  # noqa: S603


def _tool_message(stderr: str) -> str:
    lines = [line.strip() for line in stderr.strip().splitlines() if line.strip()]
    return " / ".join(lines[-3:]) if lines else "bez komunikatu"


def _pg_engine(url: str) -> Engine:
    return create_engine(url, poolclass=NullPool)


_USER_TABLES = text(
    "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
    "WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND n.nspname NOT IN ('pg_catalog', 'information_schema') "
    "AND n.nspname NOT LIKE 'pg_toast%' AND n.nspname NOT LIKE 'pg_temp%'"
)


def _pg_state(url: str) -> tuple[frozenset[str], str | None]:
    engine = _pg_engine(url)
    try:
        with engine.connect() as conn:
            tables = frozenset(str(name) for name in conn.scalars(_USER_TABLES))
            revision = None
            if "alembic_version" in tables:
                revision = conn.scalar(text("SELECT version_num FROM alembic_version"))
            return tables, revision
    finally:
        engine.dispose()


def pg_counts(url: str, tables: frozenset[str]) -> dict[str, int]:
    engine = _pg_engine(url)
    try:
        with engine.connect() as conn:
            # Table names come from the backup's table of contents, checked to be an IOK database.
            counts = {}
            for table in sorted(tables):
                counts[table] = int(conn.scalar(text(f'SELECT count(*) FROM "{table}"')) or 0)  # noqa: S608
            return counts
    finally:
        engine.dispose()


def backup_postgres(url: str, out: Path) -> Outcome:
    pg_dump = find_pg_tool("pg_dump")
    _, revision = _pg_state(url)
    if revision is None:
        raise BackupError(
            "Baza nie zawiera struktury IOK Desktop — nie ma czego kopiować (albo uruchom: iok-desktop db upgrade)."
        )
    tmp = _prepare_output(out)
    conninfo, env = _libpq(url)
    try:
        done = _run(
            [str(pg_dump), "--format=custom", "--no-password", f"--file={tmp}", f"--dbname={conninfo}"],
            env,
        )
        if done.returncode != 0:
            raise BackupError(f"pg_dump nie wykonał kopii: {_tool_message(done.stderr)}")
        info = inspect_postgres(tmp)
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
    return Outcome(out, "postgresql", info.revision, out.stat().st_size, pg_counts(url, info.tables))


_TOC_TABLE = re.compile(r"^\d+; \d+ \d+ TABLE (?!DATA )(\S+) (\S+) ")


def inspect_postgres(path: Path) -> BackupFile:
    head = _head(path)
    if head == SQLITE_MAGIC:
        raise BackupError(
            f"Plik {path.name} jest kopią bazy SQLite, a baza docelowa to PostgreSQL — odtwórz go do bazy SQLite."
        )
    if not head.startswith(PG_CUSTOM_MAGIC):
        raise BackupError(NOT_A_BACKUP.format(name=path.name) + " To nie jest plik pg_dump w formacie custom.")
    pg_restore = find_pg_tool("pg_restore")
    listing = _run([str(pg_restore), "--list", str(path)], dict(os.environ))
    if listing.returncode != 0:
        raise BackupError(f"Plik {path.name} jest uszkodzony: {_tool_message(listing.stderr)}")
    tables = frozenset(match.group(2) for line in listing.stdout.splitlines() if (match := _TOC_TABLE.match(line)))
    _check_tables(tables, path.name)
    data = _run([str(pg_restore), "--data-only", "--table=alembic_version", "--file=-", str(path)], dict(os.environ))
    if data.returncode != 0:
        raise BackupError(f"Plik {path.name} jest uszkodzony: {_tool_message(data.stderr)}")
    revision = None
    lines = data.stdout.splitlines()
    for index, line in enumerate(lines):
        if line.startswith("COPY ") and "alembic_version" in line and index + 1 < len(lines):
            revision = lines[index + 1].strip() if lines[index + 1].strip() != "\\." else None
            break
    return BackupFile(path, "postgresql", _check_revision(revision, path.name), tables, path.stat().st_size)


def restore_postgres(url: str, backup: Path, *, clean: bool) -> Outcome:
    info = inspect_postgres(backup)
    pg_restore = find_pg_tool("pg_restore")
    existing, _ = _pg_state(url)
    where = make_url(url).database
    if existing and not clean:
        raise BackupError(
            f"Baza docelowa {where} nie jest pusta (tabele: {len(existing)}). Odtworzenie do niej usunie "
            "i utworzy od nowa wszystkie tabele IOK z kopii — jeśli tego chcesz, dodaj opcję --clean "
            "(najpierw zrób kopię bieżącej bazy); albo odtwórz do nowej, pustej bazy (createdb)."
        )
    foreign = sorted(existing - info.tables)
    if foreign:
        raise BackupError(
            f"Baza docelowa {where} zawiera tabele, których nie ma w kopii ({', '.join(foreign[:5])}"
            f"{', …' if len(foreign) > 5 else ''}) — odtwórz kopię do nowej, pustej bazy."
        )
    conninfo, env = _libpq(url)
    env["PGOPTIONS"] = f"{env.get('PGOPTIONS', '')} -c lock_timeout={LOCK_TIMEOUT_MS}".strip()
    args = [
        str(pg_restore),
        "--single-transaction",  # all or nothing; implies --exit-on-error
        "--no-owner",
        "--no-privileges",
        "--no-password",
        f"--dbname={conninfo}",
    ]
    if clean:
        args += ["--clean", "--if-exists"]
    done = _run([*args, str(backup)], env)
    if done.returncode != 0:
        hint = ""
        if "lock timeout" in done.stderr:
            hint = " Inne stanowiska mają otwarte transakcje — zamknij je i spróbuj ponownie."
        raise BackupError(
            f"Odtwarzanie nie powiodło się; baza {where} pozostała bez zmian (transakcja wycofana).{hint} "
            f"pg_restore: {_tool_message(done.stderr)}"
        )
    notes = _reapply_roles(url, info.revision)
    return Outcome(backup, "postgresql", info.revision, info.size, pg_counts(url, info.tables), notes)


def _reapply_roles(url: str, revision: str) -> tuple[str, ...]:
    """The grants of iok_clerk / iok_kiosk are not in the backup (``--no-privileges``: on another server
    the roles may not exist, and one failed GRANT would undo the whole restore). Where the roles exist,
    they are applied again to the restored schema, as ``iok-desktop db roles`` does."""
    engine = _pg_engine(url)
    try:
        with engine.connect() as conn:
            present = conn.scalar(
                text("SELECT count(*) FROM pg_roles WHERE rolname = ANY(:names)"), {"names": list(GROUP_ROLES)}
            )
        if not present:
            return ()
        if revision != migrate.head_revision():
            return (
                "Uprawnienia ról iok_clerk i iok_kiosk nadasz po aktualizacji: iok-desktop db upgrade, potem db roles.",
            )
        try:
            with engine.begin() as conn:
                apply_roles(conn)
        except (RolesError, DBAPIError) as error:
            return (
                f"Nie nadano ponownie uprawnień ról iok_clerk i iok_kiosk ({error}) — uruchom: iok-desktop db roles.",
            )
        return ("Uprawnienia ról iok_clerk i iok_kiosk nadano ponownie (jak db roles).",)
    finally:
        engine.dispose()


# --- both ------------------------------------------------------------------------------------------


def backup(url: str, out: Path) -> Outcome:
    """Write a backup of the database at ``url`` to the new file ``out`` (never overwritten)."""
    if engine_of(url) == "sqlite":
        return backup_sqlite(url, out)
    return backup_postgres(url, out)


def restore(url: str, path: Path, *, clean: bool = False) -> Outcome:
    """Replace the database at ``url`` with the backup ``path``: all of it, or nothing on any failure."""
    if engine_of(url) == "sqlite":
        return restore_sqlite(url, path, clean=clean)
    return restore_postgres(url, path, clean=clean)
