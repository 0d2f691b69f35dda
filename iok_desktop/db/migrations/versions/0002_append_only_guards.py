"""Refuse UPDATE and DELETE on the audit log and on posted ledger entries, in the database itself.

The services never change these rows; the triggers make sure nothing else does either (a script,
a hand-written SQL statement, a bug). Corrections are new rows.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

GUARDED = {
    "audit_log": "audit log entries are append-only",
    "ledger_entries": "posted ledger entries are never changed or deleted; post a correction",
}


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    for table, message in GUARDED.items():
        if dialect == "postgresql":
            op.execute(
                f"""
                CREATE FUNCTION {table}_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION '{message}' USING ERRCODE = 'restrict_violation';
                END $$;
                """
            )
            op.execute(
                f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                f"FOR EACH ROW EXECUTE FUNCTION {table}_append_only()"
            )
            # TRUNCATE bypasses row triggers; refuse it too.
            op.execute(
                f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
                f"FOR EACH STATEMENT EXECUTE FUNCTION {table}_append_only()"
            )
        else:
            for event in ("UPDATE", "DELETE"):
                op.execute(
                    f"CREATE TRIGGER {table}_no_{event.lower()} BEFORE {event} ON {table} "
                    f"BEGIN SELECT RAISE(ABORT, '{message}'); END"
                )


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for table in GUARDED:
        if dialect == "postgresql":
            op.execute(f"DROP TRIGGER {table}_no_truncate ON {table}")
            op.execute(f"DROP TRIGGER {table}_append_only ON {table}")
            op.execute(f"DROP FUNCTION {table}_append_only()")
        else:
            for event in ("update", "delete"):
                op.execute(f"DROP TRIGGER {table}_no_{event}")
