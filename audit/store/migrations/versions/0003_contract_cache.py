"""The contract reading cache: what a PDF said, by its content hash.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """One row per (content hash, reader settings): the pages and the reading problems."""
    op.create_table(
        "contract_cache",
        sa.Column("key", sa.String(120), primary_key=True),
        sa.Column("file", sa.String(300), nullable=False),
        sa.Column("read_at", sa.DateTime, nullable=False),
        sa.Column("content", sa.JSON, nullable=False),
    )


def downgrade() -> None:
    """Drop the cache."""
    op.drop_table("contract_cache")
