"""The store: SQLAlchemy models and Alembic migrations, the SQLite/PostgreSQL seam, the search index, and the
``Repository`` whose parts' methods are use cases, one transaction each. Sessions never leave this package.

See ARCHITECTURE.md at the repository root.
"""
