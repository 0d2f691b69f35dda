"""Alembic environment. The application passes an open connection in ``config.attributes``;
the ``alembic`` command line (for developers writing a migration) uses ``IOK_DATABASE_URL``."""

from __future__ import annotations

import os

from alembic import context
from sqlalchemy import Connection

import iok_desktop.db.models  # noqa: F401 - registers every table
from iok_desktop.db.base import Base
from iok_desktop.db.engine import create_db_engine

config = context.config
target_metadata = Base.metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        compare_type=True,
        # SQLite cannot ALTER most things; batch mode copies the table instead.
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    url = os.environ.get("IOK_DATABASE_URL") or config.get_main_option("sqlalchemy.url")
    if not url:
        raise SystemExit("Set IOK_DATABASE_URL to the database to migrate.")
    engine = create_db_engine(url)
    with engine.connect() as conn:
        _run(conn)
    engine.dispose()
