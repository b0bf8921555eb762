"""Alerts keep no text of their own: it is rendered from the declaration or the community report they link.

Existing community alerts are linked to the report stored in the same transaction (same commune and time).
Persons keep the earlier values of their identifying fields, for erasure to find their copies.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.add_column(sa.Column('former', sa.JSON(), nullable=True))
    with op.batch_alter_table('alert', schema=None) as batch_op:
        batch_op.add_column(sa.Column('report_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key('fk_alert_report_id', 'community_report', ['report_id'], ['id'])
    op.execute(
        "UPDATE alert SET report_id = (SELECT min(r.id) FROM community_report r WHERE "
        "r.commune_code = alert.commune_code AND r.created_at = alert.created_at) WHERE kind = 'community'"
    )
    with op.batch_alter_table('alert', schema=None) as batch_op:
        batch_op.drop_column('text')


def downgrade() -> None:
    with op.batch_alter_table('alert', schema=None) as batch_op:
        batch_op.add_column(sa.Column('text', sa.Text(), nullable=False, server_default=''))
        batch_op.drop_constraint('fk_alert_report_id', type_='foreignkey')
        batch_op.drop_column('report_id')
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_column('former')
