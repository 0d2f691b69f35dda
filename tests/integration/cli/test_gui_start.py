"""``iok-desktop`` with no subcommand starts the clerk application: the first-run wizard on an empty
database, the sign-in window once there is staff.

Each start runs in its own Python process, offscreen, from ``iok_desktop.cli.main.main`` with the
arguments a user types. A separate process because the real start changes process-wide state that
the GUI tests share: it makes the QApplication itself, installs its own Qt message handler (which
would replace pytest-qt's, so Qt warnings would stop failing tests), installs the translators again,
and keeps window geometry in the user's real QSettings (here under a temporary HOME). The only thing
the child changes is ``QApplication.exec``: it runs the real event loop, reports the first window
that appears, closes it and quits — or gives up after a deadline, so the test can never hang.
"""

from __future__ import annotations

import io
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from iok_desktop.cli.main import main

DRIVER = r"""
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel
from iok_desktop.cli.main import main

real_exec = QApplication.exec


def exec_until_a_window_shows(app):
    def look():
        shown = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w.objectName()]
        if not shown:
            return
        label = shown[0].findChild(QLabel, "database_label")
        if label is not None and label.text().endswith(("łączenie…", "connecting…")):
            return  # the sign-in window is up before the database is open: wait for it
        timer.stop()
        for window in shown:
            database = window.findChild(QLabel, "database_label")
            report = {
                "object_name": window.objectName(),
                "title": window.windowTitle(),
                "database": database.text() if database is not None else None,
            }
            print("WINDOW " + json.dumps(report, ensure_ascii=False), flush=True)
            window.close()
        app.quit()

    def give_up():
        print("NO WINDOW", flush=True)
        app.exit(3)

    timer = QTimer(app)
    timer.timeout.connect(look)
    timer.start(50)
    QTimer.singleShot(30_000, give_up)
    return real_exec()


QApplication.exec = exec_until_a_window_shows
sys.exit(main(sys.argv[1:]))
"""


def _start_gui(tmp_path: Path, url: str, *args: str) -> list[dict[str, str | None]]:
    done = subprocess.run(
        [sys.executable, "-c", DRIVER, "--database-url", url, *args],
        env=_env(tmp_path),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, f"exit {done.returncode}\n{done.stdout}\n{done.stderr}"
    windows = [
        json.loads(line.removeprefix("WINDOW ")) for line in done.stdout.splitlines() if line.startswith("WINDOW ")
    ]
    assert windows, done.stdout + done.stderr
    return windows


def test_on_an_empty_sqlite_file_it_creates_the_schema_and_opens_the_first_run_wizard(tmp_path: Path) -> None:
    path = tmp_path / "nowa.sqlite3"
    windows = _start_gui(tmp_path, f"sqlite:///{path}")
    assert [w["object_name"] for w in windows] == ["first_run_wizard"]
    assert windows[0]["title"] == "IOK Desktop — pierwsze uruchomienie"
    with sqlite3.connect(path) as conn:  # the embedded database was brought up to date on the way
        assert conn.execute("SELECT count(*) FROM alembic_version").fetchone() == (1,)
        assert conn.execute("SELECT count(*) FROM staff_users").fetchone() == (0,)


def test_with_staff_in_the_database_it_opens_the_sign_in_window(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "biuro.sqlite3"
    url = f"sqlite:///{path}"
    assert main(["--database-url", url, "db", "upgrade"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("Bursztyn-Fala26\n"))
    assert main(["--database-url", url, "user", "add", "--login", "admin", "--role", "admin"]) == 0
    windows = _start_gui(tmp_path, url)
    assert [w["object_name"] for w in windows] == ["LoginDialog"]
    assert windows[0]["title"] == "IOK Desktop — logowanie"
    assert str(windows[0]["database"]).endswith(str(path))


def test_lang_en_opens_the_sign_in_window_in_english(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"sqlite:///{tmp_path / 'biuro.sqlite3'}"
    assert main(["--database-url", url, "db", "upgrade"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("Bursztyn-Fala26\n"))
    assert main(["--database-url", url, "user", "add", "--login", "admin", "--role", "admin"]) == 0
    windows = _start_gui(tmp_path, url, "--lang", "en")
    assert [(w["object_name"], w["title"]) for w in windows] == [("LoginDialog", "IOK Desktop — sign in")]
    assert str(windows[0]["database"]).startswith("Database: SQLite ")


def _self_test(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "iok_desktop", "--self-test", *args],
        env=_env(tmp_path),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_self_test_shows_the_first_window_opens_the_database_and_ends(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "biuro.sqlite3"
    url = f"sqlite:///{path}"
    done = _self_test(tmp_path, "--database-url", url)  # a new file: the first run
    assert done.returncode == 0, done.stderr
    # On a first run the wizard comes after the database is open (it asks it whether there is staff).
    lines = done.stdout.splitlines()
    assert lines[0] == f"self-test: database open: SQLite {path}"
    assert lines[1].startswith("self-test: first_run_wizard shown, peak memory ")
    assert lines[2:] == ["self-test: ok"]
    monkeypatch.setattr("sys.stdin", io.StringIO("Bursztyn-Fala26\n"))
    assert main(["--database-url", url, "user", "add", "--login", "admin", "--role", "admin"]) == 0
    done = _self_test(tmp_path, "--database-url", url)  # staff: the sign-in window, before the database
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("self-test: LoginDialog shown, peak memory ")
    assert lines[1:] == [f"self-test: database open: SQLite {path}", "self-test: ok"]


def test_self_test_of_a_database_that_cannot_be_opened_fails_with_the_reason(tmp_path: Path) -> None:
    # Port 1 on the loopback: nothing listens, the connection is refused at once.
    done = _self_test(tmp_path, "--database-url", "postgresql+psycopg://iok@127.0.0.1:1/iok")
    assert done.returncode == 2
    assert "self-test: failed: Nie można otworzyć bazy danych." in done.stderr
    assert "self-test: ok" not in done.stdout


def test_the_sign_in_window_waits_for_no_database_code(tmp_path: Path) -> None:
    """What the start imports before the window shows: Qt and our GUI, not the services, SQLAlchemy,
    the driver, alembic or reportlab (those come on the worker thread, benchmarks/README.md)."""
    probe = """
import sys
from iok_desktop.cli.main import _commands_needed, build_parser
parser = build_parser(_commands_needed(["--database-url", "sqlite:///x.sqlite3"]))
import iok_desktop.gui.main, iok_desktop.gui.clerk.app, iok_desktop.gui.login_dialog, iok_desktop.gui.self_test
heavy = ("sqlalchemy", "psycopg", "alembic", "reportlab", "argon2", "iok_desktop.services", "iok_desktop.db",
         "iok_desktop.cli.db_commands", "iok_desktop.demo", "multiprocessing")
print(sorted(m for m in sys.modules if m.split(".")[0] in heavy or m.startswith(heavy)))
"""
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout.strip() == "[]"


def _env(tmp_path: Path) -> dict[str, str]:
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    env = {k: v for k, v in os.environ.items() if k != "IOK_DATABASE_URL"}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_RUNTIME_DIR=str(home),
    )
    return env


def test_the_database_of_the_config_file_is_found_on_the_worker_and_a_broken_file_is_named(tmp_path: Path) -> None:
    config = tmp_path / "home" / ".config" / "iok-desktop" / "config.toml"
    config.parent.mkdir(parents=True)
    path = tmp_path / "z-pliku.sqlite3"
    config.write_text(f'[database]\nurl = "sqlite:///{path}"\n', encoding="utf-8")
    done = _self_test(tmp_path)
    assert done.returncode == 0, done.stderr
    # A new file named in the config file: found to be a first run only once the worker has read it.
    assert f"self-test: database open: SQLite {path}" in done.stdout.splitlines()
    assert path.exists()
    config.write_text("[database\nurl = ", encoding="utf-8")
    done = _self_test(tmp_path)
    assert done.returncode == 2
    assert f"self-test: failed: Plik konfiguracyjny {config} jest uszkodzony" in done.stderr


def test_lang_en_also_puts_the_core_messages_into_english(tmp_path: Path) -> None:
    config = tmp_path / "home" / ".config" / "iok-desktop" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text("[database\nurl = ", encoding="utf-8")
    done = _self_test(tmp_path, "--lang", "en")
    assert done.returncode == 2
    assert f"self-test: failed: The configuration file {config} is damaged" in done.stderr
    done = _self_test(tmp_path, "--lang", "en", "--database-url", "postgresql+psycopg://iok@127.0.0.1:1/iok")
    assert done.returncode == 2
    assert "self-test: failed: The database cannot be opened. Check that the database server is running" in done.stderr


def test_the_kiosk_with_a_database_it_cannot_open_says_why_in_polish(tmp_path: Path) -> None:
    done = _self_test(tmp_path, "--kiosk", "--database-url", "nonsense://iok")
    assert done.returncode == 2
    assert "self-test: failed: Nie można otworzyć bazy danych." in done.stderr
    assert "Traceback" not in done.stderr
