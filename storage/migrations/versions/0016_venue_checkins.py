"""Venues, check-ins (indexed on venue and time), confirmed cases and the exposures they caused; delivery buttons.

Revision ID: 0016
Revises: 0015
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None


def _string(length: int) -> sqlmodel.sql.sqltypes.AutoString:
    return sqlmodel.sql.sqltypes.AutoString(length=length)


def upgrade() -> None:
    op.create_table(
        'venue',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('code', _string(8), nullable=False),
        sa.Column('token', _string(24), nullable=False),
        sa.Column('name', _string(120), nullable=False),
        sa.Column('kind', _string(16), nullable=False),
        sa.Column('province_code', _string(2), nullable=False),
        sa.Column('commune_code', _string(5), nullable=False),
        sa.Column('street', _string(200), nullable=False),
        sa.Column('schedule', _string(200), nullable=True),
        sa.Column('owner_id', sa.Integer(), nullable=True),
        sa.Column('created_by', _string(96), nullable=False),
        sa.Column('status', _string(10), nullable=False),
        sa.Column('suspended_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['owner_id'], ['person.id']),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('code'),
        sa.UniqueConstraint('token'),
    )
    op.create_index('ix_venue_commune_code', 'venue', ['commune_code'])
    op.create_index('ix_venue_owner_id', 'venue', ['owner_id'])
    op.create_table(
        'checkin',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('venue_id', sa.Integer(), nullable=False),
        sa.Column('person_id', sa.Integer(), nullable=False),
        sa.Column('subject_name', _string(120), nullable=True),
        sa.Column('at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['person_id'], ['person.id']),
        sa.ForeignKeyConstraint(['venue_id'], ['venue.id']),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_checkin_venue_at', 'checkin', ['venue_id', 'at'])
    op.create_index('ix_checkin_person_at', 'checkin', ['person_id', 'at'])
    op.create_index('ix_checkin_at', 'checkin', ['at'])
    op.create_table(
        'exposure_case',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('declaration_id', sa.Integer(), nullable=False),
        sa.Column('area_code', _string(5), nullable=False),
        sa.Column('look_back_days', sa.Integer(), nullable=False),
        sa.Column('marked_by', _string(96), nullable=False),
        sa.Column('marked_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('visits', sa.Integer(), nullable=False),
        sa.Column('notified', sa.Integer(), nullable=False),
        sa.Column('broadcast_id', sa.Integer(), nullable=True),
        sa.Column('venues', sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(['broadcast_id'], ['broadcast.id']),
        sa.ForeignKeyConstraint(['declaration_id'], ['declaration.id']),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('declaration_id'),
    )
    op.create_index('ix_exposure_case_area_code', 'exposure_case', ['area_code'])
    op.create_index('ix_exposure_case_marked_at', 'exposure_case', ['marked_at'])
    op.create_table(
        'exposure',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('case_id', sa.Integer(), nullable=False),
        sa.Column('person_id', sa.Integer(), nullable=True),
        sa.Column('venue_id', sa.Integer(), nullable=False),
        sa.Column('visit_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('notified_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('declared_at', sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(['case_id'], ['exposure_case.id']),
        sa.ForeignKeyConstraint(['person_id'], ['person.id']),
        sa.ForeignKeyConstraint(['venue_id'], ['venue.id']),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('case_id', 'person_id', name='uq_exposure_person'),
    )
    op.create_index('ix_exposure_person_id', 'exposure', ['person_id'])
    op.create_index('ix_exposure_venue_id', 'exposure', ['venue_id'])
    with op.batch_alter_table('delivery', schema=None) as batch_op:
        batch_op.add_column(sa.Column('button', sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('delivery', schema=None) as batch_op:
        batch_op.drop_column('button')
    op.drop_table('exposure')
    op.drop_table('exposure_case')
    op.drop_table('checkin')
    op.drop_table('venue')
