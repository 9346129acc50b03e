"""scores covering index and moved-deadline index

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    with op.batch_alter_table('prediction', schema=None) as batch_op:
        batch_op.create_index('ix_prediction_scores', ['chat_id', 'speaker_id', 'status', 'confidence'], unique=False)
        batch_op.create_index('ix_prediction_moved', ['chat_id', 'original_deadline'], unique=False)




def downgrade() -> None:

    with op.batch_alter_table('prediction', schema=None) as batch_op:
        batch_op.drop_index('ix_prediction_moved')
        batch_op.drop_index('ix_prediction_scores')


