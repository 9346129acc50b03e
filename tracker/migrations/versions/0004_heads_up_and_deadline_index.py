"""heads-up and deadline index

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    with op.batch_alter_table('prediction', schema=None) as batch_op:
        batch_op.add_column(sa.Column('heads_up_sent', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.create_index('ix_prediction_status_deadline', ['status', 'deadline'], unique=False)




def downgrade() -> None:

    with op.batch_alter_table('prediction', schema=None) as batch_op:
        batch_op.drop_index('ix_prediction_status_deadline')
        batch_op.drop_column('heads_up_sent')


