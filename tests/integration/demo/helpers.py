"""Shared pieces of the demo tests: one small demo, and a digest of what it wrote."""

from __future__ import annotations

import hashlib
from datetime import date

from sqlalchemy import select

from iok_desktop.db.base import Base
from iok_desktop.db.database import Database
from iok_desktop.demo import DemoResult, generate_demo

# The suite's fixed day (conftest.TEST_NOW): 25 November 2026, inside the default (quarterly) reading
# window 21.11.2026–14.01.2027 and the monthly one 20.11–10.12.2026.
TODAY = date(2026, 11, 25)
SMALL = {"premises": 30, "years": 2, "seed": 2026}

# Left out of the digest: salted hashes differ every time by design, the cooperative's
# ``updated_at`` and the audit entry record the real moment of generation.
NOT_DETERMINISTIC = {("staff_users", "password_hash"), ("resident_accounts", "password_hash")}
DIGEST_TABLES = (
    "estates", "buildings", "reading_windows", "persons", "premises", "legal_titles", "staff_users",
    "resident_accounts", "meters", "meter_readings", "ledger_entries", "contact_changes", "announcements",
    "announcement_reads", "account_applications",
)  # fmt: skip


def small_demo(db: Database, **overrides: int) -> DemoResult:
    return generate_demo(db, today=TODAY, **{**SMALL, **overrides})


def digest(db: Database) -> dict[str, str]:
    """SHA-256 per table of every row as the ORM types read it back (Decimal, date, aware datetime)."""
    result = {}
    with db.engine.connect() as connection:
        for name in DIGEST_TABLES:
            table = Base.metadata.tables[name]
            columns = [c for c in table.columns if (name, c.name) not in NOT_DETERMINISTIC]
            rows = connection.execute(select(*columns).order_by(*table.primary_key.columns)).all()
            result[name] = hashlib.sha256(repr([tuple(row) for row in rows]).encode()).hexdigest()
    return result
