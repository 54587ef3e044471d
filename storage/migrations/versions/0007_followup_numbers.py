"""followups.number: follow-ups logged in chat are numbered 1, 2, 3 … per team/chat, as users see them

Until now users saw the primary key, so the first follow-up typed in a chat was #13 after twelve from the
minutes. Existing chat follow-ups are numbered in the order they were logged; the minutes' own keep NULL.

Revision ID: 0007
Revises: 0006
"""
from alembic import op
import sqlalchemy as sa

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("followups") as batch:
        batch.add_column(sa.Column("number", sa.Integer(), nullable=True))
    op.execute(
        "UPDATE followups SET number = (SELECT COUNT(*) FROM followups AS earlier"
        " WHERE earlier.tenant_id = followups.tenant_id AND earlier.conversation_id = followups.conversation_id"
        " AND earlier.id <= followups.id) WHERE conversation_id IS NOT NULL"
    )
    op.create_index("ux_followups_number", "followups", ["tenant_id", "conversation_id", "number"], unique=True)


def downgrade() -> None:
    op.drop_index("ux_followups_number", table_name="followups")
    with op.batch_alter_table("followups") as batch:
        batch.drop_column("number")
