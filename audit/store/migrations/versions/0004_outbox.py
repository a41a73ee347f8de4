"""The transactional outbox: every email is recorded before it is sent, marked sent when accepted.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """One row per queued email: its stable Message-ID, file, and pending/sent/superseded."""
    op.create_table(
        "outbox",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("run_id", sa.Integer, sa.ForeignKey("runs.id"), nullable=True, index=True),
        sa.Column("period", sa.String(7), nullable=False, index=True),
        sa.Column("recipient", sa.String(200), nullable=False),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.Column("message_id", sa.String(200), nullable=False, index=True),
        sa.Column("file", sa.String(300), nullable=False),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("queued_at", sa.DateTime, nullable=False),
        sa.Column("sent_at", sa.DateTime, nullable=True),
    )


def downgrade() -> None:
    """Drop the outbox table."""
    op.drop_table("outbox")
