"""The one cooperative-settings row exists from the start (id = 1), with the default policy.

Creating it lazily on first use raced when two desks started at once on a new database.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # anomaly_multiple is NUMERIC(6,2) on PostgreSQL and hundredths on SQLite (see db/types.py).
    multiple = "300" if op.get_bind().dialect.name == "sqlite" else "3.00"
    op.execute(
        sa.text(
            "INSERT INTO cooperative (id, name, address, bank_account, iok_url, anomaly_multiple, "
            "throttle_after_failures, lockout_after_failures, lockout_minutes, kiosk_idle_seconds, version) "
            f"VALUES (1, 'Spółdzielnia Mieszkaniowa', '', '', '', {multiple}, 5, 10, 15, 60, 1)"
        )
    )


def downgrade() -> None:
    op.execute("DELETE FROM cooperative WHERE id = 1")
