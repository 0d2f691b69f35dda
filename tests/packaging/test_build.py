"""The one build command makes a self-contained folder, and the program in it really works.

The folder is built once for this module (``python packaging/build.py`` into a temporary directory,
about a minute) and then started as a user would: ``--version``, ``db upgrade`` on a new SQLite file,
``user add``, the demo, a statements batch with two worker processes (the frozen program starts them
itself) and ``--self-test`` of the clerk's sign-in window and of the kiosk on the offscreen platform;
``db upgrade`` and the sign-in also on the suite's PostgreSQL server. Every run happens outside the
source tree with a clean environment, so nothing is borrowed from the virtualenv.
"""

from __future__ import annotations

import os
import sqlite3
import struct
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest

from iok_desktop import __version__
from iok_desktop.db import migrate
from tests.support.postgres import PostgresCluster

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
BUILD_TIMEOUT_S = 900
RUN_TIMEOUT_S = 180
# A staff password that meets the rules (read from standard input by ``user add``).
PASSWORD = "Zażółć-gęślą-2026"


@dataclass(frozen=True)
class Build:
    folder: Path
    executable: Path
    home: Path

    @property
    def internal(self) -> Path:
        return self.folder / "_internal"

    def run(
        self, *args: str, stdin: str = "", env: Mapping[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(self.executable), *args],
            input=stdin,
            capture_output=True,
            text=True,
            encoding="utf-8",
            cwd=self.home,
            env={**_clean_environment(self.home), **(env or {})},
            timeout=RUN_TIMEOUT_S,
            check=False,
        )


def _clean_environment(home: Path) -> dict[str, str]:
    """No Python or IOK settings of the developer's session; a home of its own (config, QSettings)."""
    keep = ("PATH", "LANG", "LC_ALL", "TMPDIR", "SYSTEMROOT")
    environment = {name: os.environ[name] for name in keep if name in os.environ}
    environment |= {
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_RUNTIME_DIR": str(home / "runtime"),
    }
    return environment


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    base = tmp_path_factory.mktemp("build")
    command = [
        sys.executable,
        str(ROOT / "packaging" / "build.py"),
        f"--dist={base / 'dist'}",
        f"--work={base / 'work'}",
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=BUILD_TIMEOUT_S, check=False)
    assert result.returncode == 0, f"the build failed:\n{result.stdout}\n{result.stderr[-20_000:]}"
    folder = base / "dist" / "iok-desktop"
    assert "Gotowe w " in result.stdout and str(folder) in result.stdout
    home = base / "home"
    (home / "runtime").mkdir(parents=True)
    (home / "runtime").chmod(0o700)
    name = "iok-desktop.exe" if sys.platform == "win32" else "iok-desktop"
    return Build(folder, folder / name, home)


@pytest.fixture(scope="module")
def staffed_database(build: Build) -> str:
    """A new SQLite database made by the built program itself, with one administrator."""
    url = f"sqlite:///{build.home / 'staff.sqlite3'}"
    upgrade = build.run("--database-url", url, "db", "upgrade")
    assert upgrade.returncode == 0, upgrade.stderr
    added = build.run("--database-url", url, "user", "add", "--login", "akowalska", "--role", "admin", stdin=PASSWORD)
    assert added.returncode == 0, added.stderr
    assert "Dodano pracownika akowalska" in added.stdout
    return url


def test_version(build: Build) -> None:
    result = build.run("--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"iok-desktop {__version__}"


def test_db_upgrade_creates_the_schema_from_the_bundled_migrations(build: Build) -> None:
    path = build.home / "upgrade.sqlite3"
    result = build.run("--database-url", f"sqlite:///{path}", "db", "upgrade")
    assert result.returncode == 0, result.stderr
    assert f"→ {migrate.head_revision()}" in result.stdout
    with sqlite3.connect(path) as connection:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        (revision,) = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    assert {"staff_users", "premises", "meter_readings", "ledger_entries", "audit_log"} <= tables
    assert revision == migrate.head_revision()
    again = build.run("--database-url", f"sqlite:///{path}", "db", "upgrade")
    assert again.returncode == 0, again.stderr
    assert "jest aktualna" in again.stdout


def test_a_refusal_is_a_polish_message_not_a_traceback(build: Build) -> None:
    result = build.run(
        "--database-url",
        f"sqlite:///{build.home / 'refusal.sqlite3'}",
        "user",
        "add",
        "--login",
        "x",
        "--role",
        "clerk",
        stdin=PASSWORD,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("iok-desktop: Identyfikator")
    assert "Traceback" not in result.stderr


def test_the_login_window_appears_and_the_program_ends(build: Build, staffed_database: str) -> None:
    result = build.run("--database-url", staffed_database, "--self-test", env={"QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test: LoginDialog shown" in result.stdout
    assert "self-test: ok" in result.stdout


def test_the_kiosk_starts_from_the_same_build(build: Build, staffed_database: str) -> None:
    result = build.run(
        "--database-url", staffed_database, "--kiosk", "--self-test", env={"QT_QPA_PLATFORM": "offscreen"}
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test: kiosk_window shown" in result.stdout
    assert "self-test: ok" in result.stdout


def test_the_bundled_postgresql_driver_upgrades_a_server_database_and_signs_in(
    build: Build, pg_cluster: PostgresCluster
) -> None:
    """psycopg's own libpq comes with the build: a shared server is created, upgraded and used by it."""
    with psycopg.connect(pg_cluster.url().replace("+psycopg", ""), autocommit=True) as connection:
        connection.execute("CREATE DATABASE packaged_build")
    url = pg_cluster.url("packaged_build")
    upgrade = build.run("--database-url", url, "db", "upgrade")
    assert upgrade.returncode == 0, upgrade.stderr
    assert f"→ {migrate.head_revision()}" in upgrade.stdout
    added = build.run("--database-url", url, "user", "add", "--login", "admin", "--role", "admin", stdin=PASSWORD)
    assert added.returncode == 0, added.stderr
    shown = build.run("--database-url", url, "--self-test", env={"QT_QPA_PLATFORM": "offscreen"})
    assert shown.returncode == 0, shown.stdout + shown.stderr
    assert "self-test: LoginDialog shown" in shown.stdout
    assert "self-test: database open: PostgreSQL" in shown.stdout


def test_statements_are_drawn_by_worker_processes_with_the_bundled_font(build: Build) -> None:
    """The demo and a two-worker batch: the frozen program starts its own workers (spawn)."""
    url = f"sqlite:///{build.home / 'demo.sqlite3'}"
    demo = build.run("--database-url", url, "db", "demo", "--premises", "12", "--years", "1")
    assert demo.returncode == 0, demo.stderr
    out = build.home / "statements.pdf"
    args = ("--database-url", url, "statements", "--from", "01.01.2026", "--to", "30.11.2026", "--workers", "2")
    result = build.run(*args, "--combined", "--out", str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Zapisane wyciągi: 12 z 12" in result.stdout
    assert out.read_bytes().startswith(b"%PDF")
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout
    assert "DejaVuSans" in fonts
    assert "Helvetica" not in fonts


def test_fonts_migrations_and_translations_are_inside(build: Build) -> None:
    package = build.internal / "iok_desktop"
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "LICENSE"):
        assert (package / "fonts" / "dejavu" / name).is_file(), name
    assert (package / "domain" / "data" / "common_passwords.txt").is_file()
    source_package = ROOT / "iok_desktop"
    data = [
        path.relative_to(source_package)
        for path in source_package.rglob("*")
        if path.is_file() and path.suffix not in {".py", ".pyc"} and "__pycache__" not in path.parts
    ]
    assert [str(path) for path in data if path.name != "py.typed" and not (package / path).is_file()] == []
    migrations = package / "db" / "migrations"
    assert (migrations / "env.py").is_file()
    source = sorted(path.name for path in (migrate.MIGRATIONS_DIR / "versions").glob("*.py"))
    assert sorted(path.name for path in (migrations / "versions").glob("*.py")) == source
    qt = build.internal / "PySide6" / ("translations" if sys.platform == "win32" else "Qt/translations")
    assert (qt / "qtbase_pl.qm").is_file()
    assert sorted(path.name for path in qt.glob("*.qm") if not path.stem.endswith("_pl")) == []
    plugins = build.internal / "PySide6" / ("plugins" if sys.platform == "win32" else "Qt/plugins")
    for plugin in ("platforms/*offscreen*", "imageformats/*svg*", "iconengines/*svg*", "printsupport/*"):
        assert list(plugins.glob(plugin)), plugin
    if sys.platform != "win32":
        assert list(plugins.glob("platforms/*qxcb*"))


def test_no_test_or_development_tools_are_bundled(build: Build) -> None:
    from PyInstaller.archive.readers import CArchiveReader  # noqa: PLC0415 - only here

    modules = set(CArchiveReader(str(build.executable)).open_embedded_archive("PYZ.pyz").toc)
    assert "iok_desktop.gui.clerk.app" in modules
    assert "iok_desktop.gui.kiosk.app" in modules
    assert "iok_desktop.cli.statements_command" in modules
    unwanted = ("tests", "pytest", "_pytest", "pytestqt", "hypothesis", "mypy", "PyInstaller", "pygments")
    assert sorted(name for name in modules if name.split(".")[0] in unwanted) == []
    assert "iok_desktop.gui.build" not in modules


def test_the_linux_folder_has_its_menu_entries_and_icon(build: Build) -> None:
    if sys.platform == "win32":
        pytest.skip("the Linux desktop files are added on Linux only")
    desktop = (build.folder / "iok-desktop.desktop").read_text(encoding="utf-8")
    assert "Exec=/opt/iok-desktop/iok-desktop\n" in desktop
    kiosk = (build.folder / "iok-desktop-kiosk.desktop").read_text(encoding="utf-8")
    assert "Exec=/opt/iok-desktop/iok-desktop --kiosk\n" in kiosk
    assert os.access(build.folder / "install.sh", os.X_OK)
    png = (build.folder / "iok-desktop.png").read_bytes()
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = struct.unpack(">II", png[16:24])
    assert (width, height) == (256, 256)
