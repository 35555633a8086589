"""Persistence: SQLAlchemy 2 models, engine/session handling, in-package Alembic migrations."""
