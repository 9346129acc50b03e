"""Numbers are never reused in a chat (chat.last_number); /due skips what was snoozed (prediction.snoozed_until)

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-26
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0012'
down_revision: str | None = '0011'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('chat', schema=None) as batch_op:
        batch_op.add_column(sa.Column('last_number', sa.Integer(), nullable=False, server_default='0'))
    with op.batch_alter_table('prediction', schema=None) as batch_op:
        batch_op.add_column(sa.Column('snoozed_until', sa.DateTime(timezone=True), nullable=True))
    op.execute("UPDATE chat SET last_number = COALESCE((SELECT MAX(number) FROM prediction "
               "WHERE prediction.chat_id = chat.chat_id), 0)")


def downgrade() -> None:
    with op.batch_alter_table('prediction', schema=None) as batch_op:
        batch_op.drop_column('snoozed_until')
    with op.batch_alter_table('chat', schema=None) as batch_op:
        batch_op.drop_column('last_number')
