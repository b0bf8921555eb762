"""Officials: invites, reporting schedules and rounds, alerts, community reports, monitoring.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('report_schedule',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('level', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
    sa.Column('area_code', sqlmodel.sql.sqltypes.AutoString(length=5), nullable=True),
    sa.Column('day_of_week', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('day_of_month', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('at_time', sqlmodel.sql.sqltypes.AutoString(length=5), nullable=False),
    sa.Column('due_hours', sa.Float(), nullable=False),
    sa.Column('title', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('source', sqlmodel.sql.sqltypes.AutoString(length=600), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_by', sqlmodel.sql.sqltypes.AutoString(length=96), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('community_report',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('reporter_id', sa.Integer(), nullable=True),
    sa.Column('anonymous', sa.Boolean(), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('commune_code', sqlmodel.sql.sqltypes.AutoString(length=5), nullable=False),
    sa.Column('place', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('who', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=True),
    sa.Column('seen', sqlmodel.sql.sqltypes.AutoString(length=600), nullable=False),
    sa.Column('contact', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['reporter_id'], ['person.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('invite',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
    sa.Column('role', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('area_code', sqlmodel.sql.sqltypes.AutoString(length=5), nullable=False),
    sa.Column('created_by', sqlmodel.sql.sqltypes.AutoString(length=96), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('used_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('used_by', sa.Integer(), nullable=True),
    sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['used_by'], ['person.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('code')
    )
    op.create_table('monitoring',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('commune_code', sqlmodel.sql.sqltypes.AutoString(length=5), nullable=False),
    sa.Column('declaration_code', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('starts_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('ends_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('ended_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('placed_by', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], ),
    sa.ForeignKeyConstraint(['placed_by'], ['person.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('monitoring', schema=None) as batch_op:
        batch_op.create_index('ix_monitoring_active', ['ends_at', 'ended_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_monitoring_commune_code'), ['commune_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_monitoring_person_id'), ['person_id'], unique=False)

    op.create_table('report_round',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('schedule_id', sa.Integer(), nullable=False),
    sa.Column('area_code', sqlmodel.sql.sqltypes.AutoString(length=5), nullable=False),
    sa.Column('fired_for', sa.DateTime(timezone=True), nullable=False),
    sa.Column('due_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
    sa.Column('confirmed_by', sa.Integer(), nullable=True),
    sa.Column('confirmed_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['confirmed_by'], ['person.id'], ),
    sa.ForeignKeyConstraint(['schedule_id'], ['report_schedule.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('schedule_id', 'area_code', 'fired_for', name='uq_report_round')
    )
    with op.batch_alter_table('report_round', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_report_round_area_code'), ['area_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_report_round_due_at'), ['due_at'], unique=False)

    op.create_table('alert',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
    sa.Column('commune_code', sqlmodel.sql.sqltypes.AutoString(length=5), nullable=False),
    sa.Column('declaration_id', sa.Integer(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('acknowledged_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('acknowledged_by', sa.Integer(), nullable=True),
    sa.Column('escalated_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['acknowledged_by'], ['person.id'], ),
    sa.ForeignKeyConstraint(['declaration_id'], ['declaration.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('alert', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_alert_commune_code'), ['commune_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_alert_created_at'), ['created_at'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('alert', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_alert_created_at'))
        batch_op.drop_index(batch_op.f('ix_alert_commune_code'))

    op.drop_table('alert')
    with op.batch_alter_table('report_round', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_report_round_due_at'))
        batch_op.drop_index(batch_op.f('ix_report_round_area_code'))

    op.drop_table('report_round')
    with op.batch_alter_table('monitoring', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_monitoring_person_id'))
        batch_op.drop_index(batch_op.f('ix_monitoring_commune_code'))
        batch_op.drop_index('ix_monitoring_active')

    op.drop_table('monitoring')
    op.drop_table('invite')
    op.drop_table('community_report')
    op.drop_table('report_schedule')
