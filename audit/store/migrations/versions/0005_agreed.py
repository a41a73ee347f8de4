"""What was agreed, part of a deviation's identity: a changed agreement is a new deviation.

Rows stored before this revision have an empty `agreed`; their ids keep the old hash, and the
first run after the upgrade adopts each one that is still found (tracking.track), so an
upgrade does not resolve and reopen every open deviation.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """The agreement a deviation is measured against (the term's values and subject)."""
    op.add_column("deviations", sa.Column("agreed", sa.Text, nullable=False, server_default=""))


def downgrade() -> None:
    """Drop the agreed column."""
    with op.batch_alter_table("deviations") as batch:
        batch.drop_column("agreed")
