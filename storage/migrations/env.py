"""Alembic environment: runs on the connection ``Database.open`` hands over, or on ``-x url=...``."""

from alembic import context
from sqlalchemy import create_engine

from storage.models import Base, managed_by_orm

config = context.config
target_metadata = Base.metadata


def _run(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        include_object=managed_by_orm,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:  # command-line use: alembic -c storage/alembic.ini -x url=sqlite:///x.db upgrade head
    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option("sqlalchemy.url")
    if not url:
        raise SystemExit("give the database: alembic -c storage/alembic.ini -x url=sqlite:///x.db upgrade head")
    engine = create_engine(url)
    with engine.begin() as conn:
        _run(conn)
