"""Deviations with a memory: first seen, months open, escalation, owner responses, audit trail.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Tracking columns on the deviation snapshots, and the deviation_events trail."""
    columns = [
        sa.Column("first_seen", sa.String(7), nullable=True),
        sa.Column("open_since", sa.String(7), nullable=True),
        sa.Column("months_open", sa.Integer, nullable=False, server_default="0"),
        sa.Column("escalated", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("owner_state", sa.String(20), nullable=False, server_default=""),
        sa.Column("owner_note", sa.Text, nullable=False, server_default=""),
    ]
    for column in columns:  # plain ADD COLUMN: SQLite too, without copying the table
        op.add_column("deviations", column)
    op.create_table(
        "deviation_events",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("deviation_id", sa.String(20), nullable=False, index=True),
        sa.Column("action", sa.String(30), nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("until", sa.Date, nullable=True),
        sa.Column("period", sa.String(7), nullable=True),
        sa.Column("run_id", sa.Integer, sa.ForeignKey("runs.id"), nullable=True),
    )


def downgrade() -> None:
    """Drop the trail and the tracking columns."""
    op.drop_table("deviation_events")
    with op.batch_alter_table("deviations") as batch:
        for name in ("owner_note", "owner_state", "escalated", "months_open", "open_since",
                     "first_seen"):
            batch.drop_column(name)
