"""Delivery indexes for claiming per broadcast in id order, and a partial index on leases for recovery.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

LEASED = sa.text("lease_until IS NOT NULL")


def upgrade() -> None:
    with op.batch_alter_table('delivery', schema=None) as batch_op:
        batch_op.drop_index('ix_delivery_claim')
        batch_op.drop_index('ix_delivery_broadcast_status')
        batch_op.create_index('ix_delivery_claim_order', ['broadcast_id', 'channel', 'status', 'id'], unique=False)
        batch_op.create_index('ix_delivery_lease', ['lease_until'], unique=False,
                              sqlite_where=LEASED, postgresql_where=LEASED)


def downgrade() -> None:
    with op.batch_alter_table('delivery', schema=None) as batch_op:
        batch_op.drop_index('ix_delivery_lease')
        batch_op.drop_index('ix_delivery_claim_order')
        batch_op.create_index('ix_delivery_broadcast_status', ['broadcast_id', 'status'], unique=False)
        batch_op.create_index('ix_delivery_claim', ['channel', 'status', 'next_attempt_at'], unique=False)
