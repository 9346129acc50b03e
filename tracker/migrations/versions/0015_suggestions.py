"""Evidence: suggestion (later articles that may settle a prediction); resolution.evidence_quote

Revision ID: 0015
Revises: 0014
Create Date: 2026-11-26
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0015'
down_revision: str | None = '0014'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'suggestion',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('chat_id', sa.BigInteger(), nullable=False),
        sa.Column('prediction_id', sa.Integer(), nullable=False),
        sa.Column('source_id', sa.Integer(), nullable=False),
        sa.Column('quote', sa.String(), nullable=False),
        sa.Column('outcome', sa.String(), nullable=True),
        sa.Column('score', sa.Float(), nullable=False),
        sa.Column('status', sa.String(), nullable=False),
        sa.Column('message_id', sa.BigInteger(), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['prediction_id'], ['prediction.id']),
        sa.ForeignKeyConstraint(['source_id'], ['source.id']),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('prediction_id', 'source_id', name='uq_suggestion_pair'),
    )
    op.create_index('ix_suggestion_chat_id', 'suggestion', ['chat_id'], unique=False)
    op.create_index('ix_suggestion_prediction_id', 'suggestion', ['prediction_id'], unique=False)
    with op.batch_alter_table('resolution', schema=None) as batch_op:
        batch_op.add_column(sa.Column('evidence_quote', sa.String(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('resolution', schema=None) as batch_op:
        batch_op.drop_column('evidence_quote')
    op.drop_index('ix_suggestion_prediction_id', table_name='suggestion')
    op.drop_index('ix_suggestion_chat_id', table_name='suggestion')
    op.drop_table('suggestion')
