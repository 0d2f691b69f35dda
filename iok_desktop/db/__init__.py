"""Database layer: typed ORM models, engine set-up and Alembic migrations (no Qt here)."""
