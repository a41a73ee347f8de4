"""The initial schema: runs, their deviations, and the emails sent.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create runs, deviations and emails_sent (as Base.metadata.create_all did before)."""
    op.create_table(
        "runs",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("period", sa.String(7), nullable=False, index=True),
        sa.Column("started_at", sa.DateTime, nullable=False),
        sa.Column("finished_at", sa.DateTime, nullable=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("stats", sa.JSON, nullable=False),
        sa.Column("problems", sa.JSON, nullable=False),
        sa.Column("error", sa.Text, nullable=True),
        sa.Column("versions", sa.JSON, nullable=False),
    )
    op.create_table(
        "emails_sent",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("period", sa.String(7), nullable=False, index=True),
        sa.Column("recipient", sa.String(200), nullable=False),
        sa.Column("digest", sa.String(64), nullable=False, index=True),
        sa.Column("sent_at", sa.DateTime, nullable=False),
    )
    op.create_table("deviations", *_deviation_columns())


def _deviation_columns() -> list[sa.Column]:
    text = ("description", "expected", "actual", "evidence")
    return [
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("run_id", sa.Integer, sa.ForeignKey("runs.id"), nullable=False, index=True),
        sa.Column("deviation_id", sa.String(20), nullable=False, index=True),
        sa.Column("customer_id", sa.String(50), nullable=False),
        sa.Column("customer_name", sa.String(200), nullable=False),
        sa.Column("rule_id", sa.String(50), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("subject", sa.String(200), nullable=False),
        *[sa.Column(name, sa.Text, nullable=False) for name in text],
        sa.Column("impact_eur", sa.Numeric(14, 2), nullable=True),
        sa.Column("severity", sa.String(10), nullable=False),
        sa.Column("owner", sa.String(200), nullable=False),
        sa.Column("owner_email", sa.String(200), nullable=False),
        sa.Column("action", sa.Text, nullable=False),
        sa.Column("due_date", sa.Date, nullable=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("contract_file", sa.String(300), nullable=False),
        sa.Column("contract_page", sa.Integer, nullable=True),
        sa.Column("contract_article", sa.String(50), nullable=False),
        sa.Column("contract_text", sa.Text, nullable=False),
    ]


def downgrade() -> None:
    """Drop the three tables."""
    op.drop_table("deviations")
    op.drop_table("emails_sent")
    op.drop_table("runs")
