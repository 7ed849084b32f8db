"""PostgreSQL: a trigram (pg_trgm) GIN index under every registered field, so that the
`icontains` search reads the index instead of every row.

Django writes `icontains` as `UPPER(col::text) LIKE UPPER('%word%')`; the index is on that same
expression, so the planner can use it for words of three characters or more (a trigram). Shorter
words (财政) have no trigram: PostgreSQL then scans, which is still correct. The indexes follow
the registry — a kind registered later gets its index at the next `migrate` — which is why they
are made here after migrating rather than in a migration that would have to name every app's
tables. SQLite has no such index; see README.md.
"""

import hashlib

from django.db import connection

from duban.lib import searchable


def index_name(table: str, column: str) -> str:
    digest = hashlib.sha1(f"{table}.{column}".encode()).hexdigest()[:10]
    return f"search_trgm_{table[:30]}_{digest}"


def trigram_indexes() -> list[tuple[str, str, str]]:
    """(index name, table, column) for every registered field."""
    wanted = []
    for kind in searchable.kinds():
        model = kind.rows().model
        for name in kind.fields:
            column = model._meta.get_field(name).column
            table = model._meta.db_table
            wanted.append((index_name(table, column), table, column))
    return wanted


def ensure_trigram_indexes(**kwargs) -> None:
    """`post_migrate` receiver; does nothing except on PostgreSQL with pg_trgm installed."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
        if cursor.fetchone() is None:
            return
        quote = connection.ops.quote_name
        for name, table, column in trigram_indexes():
            cursor.execute(
                f"CREATE INDEX IF NOT EXISTS {quote(name)} ON {quote(table)} "
                f"USING gin ((UPPER({quote(column)}::text)) gin_trgm_ops)"
            )
