"""confidential_reads: the audit of closed ("Lukket") items shown to allow-listed readers

Revision ID: 0009
Revises: 0008
"""
from alembic import op
import sqlalchemy as sa

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "confidential_reads",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("tenant_id", sa.String(length=64), nullable=False),
        sa.Column("read_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user_id", sa.String(length=256), nullable=False),
        sa.Column("user_name", sa.Text(), nullable=True),
        sa.Column("conversation_id", sa.String(length=512), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("meeting_date", sa.Date(), nullable=True),
        sa.Column("item_number", sa.String(length=32), nullable=True),
        sa.Column("item_title", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_confidential_reads_tenant_at", "confidential_reads", ["tenant_id", "read_at"])


def downgrade() -> None:
    op.drop_index("ix_confidential_reads_tenant_at", table_name="confidential_reads")
    op.drop_table("confidential_reads")
