"""Fresh, migrated databases for tests: a copy of a migrated template, per test, on either engine."""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path

import psycopg

from iok_desktop.db import migrate
from iok_desktop.db.engine import create_db_engine
from tests.support.postgres import PostgresCluster


class SqliteDatabases:
    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        self.template = workdir / "template.sqlite3"
        engine = create_db_engine(f"sqlite:///{self.template}")
        migrate.upgrade(engine)
        engine.dispose()
        self._counter = itertools.count(1)

    def create(self) -> str:
        path = self.workdir / f"test_{next(self._counter)}.sqlite3"
        shutil.copyfile(self.template, path)
        return f"sqlite:///{path}"

    def drop(self, url: str) -> None:
        path = Path(url.removeprefix("sqlite:///"))
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)


class PostgresDatabases:
    TEMPLATE = "iok_template"

    def __init__(self, cluster: PostgresCluster) -> None:
        self.cluster = cluster
        self._counter = itertools.count(1)
        self._admin(f"CREATE DATABASE {self.TEMPLATE}")
        engine = create_db_engine(cluster.url(self.TEMPLATE))
        migrate.upgrade(engine)
        engine.dispose()

    def _admin(self, sql: str) -> None:
        dsn = self.cluster.url().replace("postgresql+psycopg", "postgresql")
        with psycopg.connect(dsn, autocommit=True) as conn:
            conn.execute(sql)  # type: ignore[arg-type]

    def create(self) -> str:
        name = f"test_{next(self._counter)}"
        self._admin(f"CREATE DATABASE {name} TEMPLATE {self.TEMPLATE}")
        return self.cluster.url(name)

    def drop(self, url: str) -> None:
        name = url.rsplit("/", 1)[1]
        self._admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
