"""Articles read from links: a source keeps its canonical URL, outlet and (compressed) text

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-26
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0013'
down_revision: str | None = '0012'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('source', schema=None) as batch_op:
        batch_op.add_column(sa.Column('canonical_url', sa.String(), nullable=True))
        batch_op.add_column(sa.Column('outlet', sa.String(), nullable=True))
        batch_op.add_column(sa.Column('text_z', sa.LargeBinary(), nullable=True))
        batch_op.create_index('ix_source_canonical_url', ['canonical_url'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('source', schema=None) as batch_op:
        batch_op.drop_index('ix_source_canonical_url')
        batch_op.drop_column('text_z')
        batch_op.drop_column('outlet')
        batch_op.drop_column('canonical_url')
