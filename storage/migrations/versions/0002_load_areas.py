"""Load the 34 provinces and 3,321 communes of the July 2025 map from the vietnam-provinces package.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from handlers.areas import catalog

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_AREA = sa.table(
    "area",
    sa.column("code", sa.String),
    sa.column("name", sa.String),
    sa.column("level", sa.String),
    sa.column("province_code", sa.String),
)


def upgrade() -> None:
    rows = [
        {"code": area.code, "name": area.name, "level": area.level, "province_code": area.province_code}
        for area in catalog().by_code.values()
    ]
    op.bulk_insert(_AREA, rows)


def downgrade() -> None:
    op.execute(_AREA.delete())
