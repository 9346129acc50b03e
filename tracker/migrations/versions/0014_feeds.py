"""Following feeds and channels: feed, follow, feed_item, chat_story; chat.feeds_auto; review.articles_json

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-26
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0014'
down_revision: str | None = '0013'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'feed',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('url', sa.String(), nullable=False),
        sa.Column('kind', sa.String(), nullable=False),
        sa.Column('channel_id', sa.BigInteger(), nullable=True),
        sa.Column('title', sa.String(), nullable=True),
        sa.Column('etag', sa.String(), nullable=True),
        sa.Column('last_modified', sa.String(), nullable=True),
        sa.Column('interval_seconds', sa.Integer(), nullable=False),
        sa.Column('next_check_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('lease_until', sa.DateTime(timezone=True), nullable=True),
        sa.Column('failures', sa.Integer(), nullable=False),
        sa.Column('failing_since', sa.DateTime(timezone=True), nullable=True),
        sa.Column('last_error', sa.String(), nullable=True),
        sa.Column('last_new_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('paused', sa.Boolean(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('url'),
    )
    op.create_index('ix_feed_due', 'feed', ['kind', 'paused', 'next_check_at'], unique=False)
    op.create_index('ix_feed_channel_id', 'feed', ['channel_id'], unique=False)
    op.create_table(
        'follow',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('chat_id', sa.BigInteger(), nullable=False),
        sa.Column('feed_id', sa.Integer(), nullable=False),
        sa.Column('number', sa.Integer(), nullable=False),
        sa.Column('only_words', sa.String(), nullable=True),
        sa.Column('skip_words', sa.String(), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['feed_id'], ['feed.id']),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('chat_id', 'feed_id', name='uq_follow_chat_feed'),
    )
    op.create_index('ix_follow_chat_id', 'follow', ['chat_id'], unique=False)
    op.create_index('ix_follow_feed_id', 'follow', ['feed_id'], unique=False)
    op.create_table(
        'feed_item',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('feed_id', sa.Integer(), nullable=False),
        sa.Column('key', sa.String(), nullable=False),
        sa.Column('link', sa.String(), nullable=True),
        sa.Column('title', sa.String(), nullable=True),
        sa.Column('published', sa.Date(), nullable=True),
        sa.Column('seen_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['feed_id'], ['feed.id']),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('feed_id', 'key', name='uq_feed_item_key'),
    )
    op.create_table(
        'chat_story',
        sa.Column('chat_id', sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column('story', sa.String(), nullable=False),
        sa.Column('seen_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('chat_id', 'story'),
    )
    with op.batch_alter_table('chat', schema=None) as batch_op:
        batch_op.add_column(sa.Column('feeds_auto', sa.Boolean(), nullable=False, server_default=sa.false()))
    with op.batch_alter_table('review', schema=None) as batch_op:
        batch_op.add_column(sa.Column('articles_json', sa.String(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('review', schema=None) as batch_op:
        batch_op.drop_column('articles_json')
    with op.batch_alter_table('chat', schema=None) as batch_op:
        batch_op.drop_column('feeds_auto')
    op.drop_table('chat_story')
    op.drop_table('feed_item')
    op.drop_index('ix_follow_feed_id', table_name='follow')
    op.drop_index('ix_follow_chat_id', table_name='follow')
    op.drop_table('follow')
    op.drop_index('ix_feed_channel_id', table_name='feed')
    op.drop_index('ix_feed_due', table_name='feed')
    op.drop_table('feed')
