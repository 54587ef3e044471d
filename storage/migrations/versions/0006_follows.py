"""follows (topic, committee, case), the documents matched against them, and the watermark

Revision ID: 0006
Revises: 0005

The watermark starts at the newest document already stored: following is about new minutes, so the
archive present when this migration runs is never matched (and never announced). No index is added to
``meetings``: ingest stays exactly as it was; the matcher's look for documents after the watermark reads the
table once a scheduler tick instead (see README, "Following").
"""
from alembic import op
import sqlalchemy as sa

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "follows",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("tenant_id", sa.String(length=64), nullable=False),
        sa.Column("conversation_id", sa.String(length=512), nullable=False),
        sa.Column("user_aad_id", sa.String(length=128), nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("key", sa.String(length=256), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("lang", sa.String(length=2), nullable=False),
        sa.Column("digest_hour", sa.Integer(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_by", sa.String(length=256), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("disabled_reason", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_follows_tenant_conv", "follows", ["tenant_id", "conversation_id", "active"])
    op.create_index("ix_follows_tenant_user", "follows", ["tenant_id", "user_aad_id", "active"])
    op.create_table(
        "followed_documents",
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("matched_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["meeting_id"], ["meetings.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("meeting_id"),
    )
    op.create_table(
        "follow_watermarks",
        sa.Column("name", sa.String(length=32), nullable=False),
        sa.Column("matched_through", sa.DateTime(timezone=True), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )
    op.execute(
        "INSERT INTO follow_watermarks (name, matched_through, updated_at) "
        "SELECT 'documents', MAX(ingested_at), CURRENT_TIMESTAMP FROM meetings"
    )


def downgrade() -> None:
    op.drop_table("follow_watermarks")
    op.drop_table("followed_documents")
    op.drop_index("ix_follows_tenant_user", table_name="follows")
    op.drop_index("ix_follows_tenant_conv", table_name="follows")
    op.drop_table("follows")
