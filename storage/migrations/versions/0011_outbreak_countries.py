"""Countries (ISO 3166 codes, CLDR Vietnamese names via Babel) as areas, so the outbreak list can hold them.

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from handlers.matching.countries import codes, country_name

revision = "0011"
down_revision = "0010"
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
    rows = [{"code": code, "name": country_name(code), "level": "country", "province_code": code} for code in codes()]
    op.bulk_insert(_AREA, rows)


def downgrade() -> None:
    op.execute(_AREA.delete().where(_AREA.c.level == "country"))
