"""Where the database URL comes from: flag, then environment, then config file, then embedded SQLite."""

from __future__ import annotations

from pathlib import Path

import pytest

from iok_desktop.config import ConfigFileError, default_sqlite_path, kiosk_printer, resolve_database_url


def test_flag_wins_over_everything(tmp_path: Path) -> None:
    found = resolve_database_url(
        "sqlite:///a.db", environ={"IOK_DATABASE_URL": "sqlite:///b.db"}, config_file=tmp_path / "none.toml"
    )
    assert (found.url, found.origin) == ("sqlite:///a.db", "--database-url")


def test_environment_wins_over_the_config_file(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[database]\nurl = "postgresql+psycopg://iok@db/iok"\n', encoding="utf-8")
    found = resolve_database_url(None, environ={"IOK_DATABASE_URL": "sqlite:///b.db"}, config_file=config)
    assert found.url == "sqlite:///b.db"


def test_config_file_is_read_when_there_is_no_flag_or_environment(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[database]\nurl = "postgresql+psycopg://iok@db/iok"\n', encoding="utf-8")
    found = resolve_database_url(None, environ={}, config_file=config)
    assert (found.url, found.origin) == ("postgresql+psycopg://iok@db/iok", str(config))


def test_embedded_sqlite_in_the_user_data_directory_is_the_default(tmp_path: Path) -> None:
    found = resolve_database_url(None, environ={}, config_file=tmp_path / "missing.toml")
    assert found.url == f"sqlite:///{default_sqlite_path()}"
    assert found.origin == "embedded default"
    assert default_sqlite_path().name == "iok.sqlite3"


def test_the_kiosk_printer_comes_from_the_command_line_then_the_config_file(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    assert kiosk_printer(None, config_file=config) is None  # no file: the system's default printer
    config.write_text('[kiosk]\nprinter = "Kiosk_Hol"\n', encoding="utf-8")
    assert kiosk_printer(None, config_file=config) == "Kiosk_Hol"
    assert kiosk_printer("Biuro_2", config_file=config) == "Biuro_2"


def test_a_broken_config_file_is_named_in_a_polish_message_not_a_traceback(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[database]\nurl = "postgresql+psycopg://iok@db/iok\n', encoding="utf-8")  # no closing quote
    with pytest.raises(ConfigFileError) as broken:
        resolve_database_url(None, environ={}, config_file=config)
    assert broken.value.message.startswith(f"Plik konfiguracyjny {config} jest uszkodzony")
    with pytest.raises(ConfigFileError):
        kiosk_printer(None, config_file=config)
