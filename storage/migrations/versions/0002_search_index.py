"""search index: FTS5 (SQLite) or tsvector/GIN (PostgreSQL) over items, plus the stem vocabulary

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "search_terms",
        sa.Column("term", sa.String(128), primary_key=True),
        sa.Column("rterm", sa.String(128), nullable=False),
    )
    op.create_index("ix_search_terms_rterm", "search_terms", ["rterm"])
    if op.get_bind().dialect.name == "sqlite":
        # Our own tokens (stems, and "~"+reversed stems) separated by spaces; '~' is part of a token.
        # "meta" holds filter tokens (year, month, meeting kind) so that selective filters narrow the
        # match itself; the UNINDEXED columns carry the exact filters for a search filtered in the engine.
        op.execute(
            "CREATE VIRTUAL TABLE item_search USING fts5("
            "title, body, meta, tenant_id UNINDEXED, date UNINDEXED, kind_key UNINDEXED, confidential UNINDEXED, "
            "tokenize = \"unicode61 remove_diacritics 0 tokenchars '~'\")"
        )
    else:
        op.create_table(
            "item_search",
            sa.Column("item_id", sa.Integer, sa.ForeignKey("items.id", ondelete="CASCADE"), primary_key=True),
            sa.Column("doc", sa.dialects.postgresql.TSVECTOR, nullable=False),
            sa.Column("tenant_id", sa.String(64), nullable=False),
            sa.Column("date", sa.Date, nullable=False),
            sa.Column("kind_key", sa.String(128), nullable=False),
            sa.Column("confidential", sa.Boolean, nullable=False),
        )
        op.create_index("ix_item_search_doc", "item_search", ["doc"], postgresql_using="gin")
        op.create_index("ix_item_search_filters", "item_search", ["tenant_id", "date"])
        op.create_index(
            "ix_search_terms_term_pattern", "search_terms", ["term"], postgresql_ops={"term": "text_pattern_ops"}
        )
        op.execute("DROP INDEX ix_search_terms_rterm")
        op.create_index(
            "ix_search_terms_rterm", "search_terms", ["rterm"], postgresql_ops={"rterm": "text_pattern_ops"}
        )


def downgrade() -> None:
    op.execute("DROP TABLE IF EXISTS item_search")
    op.drop_table("search_terms")
