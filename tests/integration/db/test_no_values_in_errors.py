"""A database error names the statement, never the values it carried (hashes, residents' data)."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from iok_desktop.db.database import Database


def test_a_failing_statement_does_not_show_its_values(db: Database) -> None:
    secret = "$argon2id$v=19$sekretny-skrot-hasla"
    with db.session() as session, pytest.raises(DBAPIError) as failed:
        session.execute(text("INSERT INTO no_such_table (password_hash) VALUES (:secret)"), {"secret": secret})
    assert secret not in str(failed.value)
    assert "hidden due to hide_parameters" in str(failed.value)
