"""The chat's language (chat.language: en, ru or uk; NULL until someone first uses the bot there)

Revision ID: 0016
Revises: 0015
Create Date: 2026-11-27
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0016'
down_revision: str | None = '0015'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('chat', schema=None) as batch_op:
        batch_op.add_column(sa.Column('language', sa.String(), nullable=True))
    # Chats that exist already have been spoken to in English: they stay English until they say otherwise.
    op.execute("UPDATE chat SET language = 'en'")


def downgrade() -> None:
    with op.batch_alter_table('chat', schema=None) as batch_op:
        batch_op.drop_column('language')
