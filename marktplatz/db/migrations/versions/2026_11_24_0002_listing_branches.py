"""listings: emergency phones and branches (several shops of one trader)

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("listings") as batch:
        batch.add_column(sa.Column("emergency_phones", sa.JSON(), server_default="[]", nullable=False))
        batch.add_column(sa.Column("branches", sa.JSON(), server_default="[]", nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("listings") as batch:
        batch.drop_column("branches")
        batch.drop_column("emergency_phones")
