"""Published committee minutes: absence, source URL and date basis per document; case numbers per item

Revision ID: 0008
Revises: 0007

``items.case_key`` is the case number in a form two systems agree on ("24/2316" and "EMN-2024-02316"
are both "2024-2316"), indexed so a case's items are found across committees and years;
``items.series_key`` the running topic of a "Topic - subject" title (minutes.cases.title_series).
The document kind (agenda|minutes) needs no column: it is the stored ``document_type``.
"""
from alembic import op
import sqlalchemy as sa

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("meetings") as batch:
        batch.add_column(sa.Column("absent", sa.JSON(), nullable=False, server_default="[]"))
        batch.add_column(sa.Column("source_url", sa.Text(), nullable=True))
        batch.add_column(sa.Column("date_basis", sa.String(16), nullable=False, server_default="meeting"))
    with op.batch_alter_table("items") as batch:
        batch.add_column(sa.Column("case_number", sa.String(128), nullable=True))
        batch.add_column(sa.Column("case_key", sa.String(128), nullable=True))
        batch.add_column(sa.Column("series_key", sa.String(255), nullable=True))
    op.create_index("ix_items_case_key", "items", ["case_key"])
    op.create_index("ix_items_series_key", "items", ["series_key"])


def downgrade() -> None:
    op.drop_index("ix_items_series_key", table_name="items")
    op.drop_index("ix_items_case_key", table_name="items")
    with op.batch_alter_table("items") as batch:
        batch.drop_column("series_key")
        batch.drop_column("case_key")
        batch.drop_column("case_number")
    with op.batch_alter_table("meetings") as batch:
        batch.drop_column("date_basis")
        batch.drop_column("source_url")
        batch.drop_column("absent")
