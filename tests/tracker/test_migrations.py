"""The Alembic chain builds exactly the models' schema, and can go down and up again."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine
from sqlmodel import SQLModel

import tracker.models  # noqa: F401
from tracker.db import alembic_config, migrate


def test_migrations_match_models_and_round_trip(databases) -> None:  # type: ignore[no-untyped-def]
    url = databases.new("m")
    migrate(url)
    engine = create_engine(url)
    with engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), SQLModel.metadata) == []
    command.downgrade(alembic_config(url), "base")
    migrate(url)
    with engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), SQLModel.metadata) == []
    engine.dispose()
