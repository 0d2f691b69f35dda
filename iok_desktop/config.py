"""Where the database is: ``--database-url``, else ``IOK_DATABASE_URL``, else the config file, else SQLite.

The config file is ``config.toml`` in the user's config directory (``platformdirs``), e.g.
``~/.config/iok-desktop/config.toml`` on Linux::

    [database]
    url = "postgresql+psycopg://iok_clerk@db.spoldzielnia.local/iok"
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, NamedTuple

import platformdirs

from iok_desktop.domain.errors import DomainError

APP_NAME = "iok-desktop"
ENV_DATABASE_URL = "IOK_DATABASE_URL"


class DatabaseLocation(NamedTuple):  # not a dataclass: this module is on the timed start-up path
    url: str
    # Where the URL came from, shown in the status bar and in `db` command output.
    origin: str


def user_config_file() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "config.toml"


def default_sqlite_path() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "iok.sqlite3"


class ConfigFileError(DomainError):
    """The config file exists but cannot be read: say where and what, instead of a traceback."""

    code = "config_file"


def _read_config(path: Path) -> dict[str, Any]:
    import tomllib  # noqa: PLC0415 - most starts have no config file; the application's start is timed

    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise ConfigFileError(f"Plik konfiguracyjny {path} jest uszkodzony ({error}). Popraw go albo usuń.") from error
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigFileError(f"Nie można odczytać pliku konfiguracyjnego {path}: {error}.") from error


def resolve_database_url(
    cli_url: str | None = None,
    *,
    environ: dict[str, str] | None = None,
    config_file: Path | None = None,
) -> DatabaseLocation:
    if cli_url:
        return DatabaseLocation(cli_url, "--database-url")
    env = os.environ if environ is None else environ
    if env.get(ENV_DATABASE_URL):
        return DatabaseLocation(env[ENV_DATABASE_URL], ENV_DATABASE_URL)
    path = config_file or user_config_file()
    if path.is_file():
        url = _read_config(path).get("database", {}).get("url")
        if url:
            return DatabaseLocation(str(url), str(path))
    sqlite_path = default_sqlite_path()
    return DatabaseLocation(f"sqlite:///{sqlite_path}", "embedded default")


def kiosk_printer(cli_printer: str | None = None, *, config_file: Path | None = None) -> str | None:
    """The kiosk's printer: ``--printer``, else ``[kiosk] printer`` in the config file, else None (the
    system's default printer)."""
    if cli_printer:
        return cli_printer
    path = config_file or user_config_file()
    if path.is_file():
        printer = _read_config(path).get("kiosk", {}).get("printer")
        if printer:
            return str(printer)
    return None
