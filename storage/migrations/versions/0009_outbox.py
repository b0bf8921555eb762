"""The reply outbox (replies committed with the state they answer), and an index on unhandled arrivals.

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

UNSENT = sa.text("failed_at IS NULL")
UNHANDLED = sa.text("handled_at IS NULL")


def upgrade() -> None:
    op.create_table(
        'outbox_reply',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('channel', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column('message_id', sqlmodel.sql.sqltypes.AutoString(length=128), nullable=False),
        sa.Column('external_id', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column('replies', sa.JSON(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('next_attempt_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('attempts', sa.Integer(), nullable=False),
        sa.Column('failed_at', sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('channel', 'message_id', name='uq_outbox_message'),
    )
    op.create_index('ix_outbox_due', 'outbox_reply', ['next_attempt_at'], unique=False,
                    sqlite_where=UNSENT, postgresql_where=UNSENT)
    op.create_index('ix_inbound_waiting', 'inbound_message', ['channel', 'external_id'], unique=False,
                    sqlite_where=UNHANDLED, postgresql_where=UNHANDLED)


def downgrade() -> None:
    op.drop_index('ix_inbound_waiting', table_name='inbound_message')
    op.drop_index('ix_outbox_due', table_name='outbox_reply')
    op.drop_table('outbox_reply')
