"""The bot-wide send schedule several workers share when there is no Redis (calledit/pacing.py)

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-26
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0009'
down_revision: str | None = '0008'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'pace_slot',
        sa.Column('key', sa.String(), nullable=False),
        sa.Column('tat', sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint('key'),
    )


def downgrade() -> None:
    op.drop_table('pace_slot')
