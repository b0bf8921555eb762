"""Monitoring may be placed automatically (an arrival from a country on the outbreak list): placed_by NULL.

Revision ID: 0014
Revises: 0013
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('monitoring', schema=None) as batch_op:
        batch_op.alter_column('placed_by', existing_type=sa.Integer(), nullable=True)


def downgrade() -> None:
    op.execute("DELETE FROM monitoring WHERE placed_by IS NULL")
    with op.batch_alter_table('monitoring', schema=None) as batch_op:
        batch_op.alter_column('placed_by', existing_type=sa.Integer(), nullable=False)
