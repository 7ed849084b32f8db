"""Writing many rows fast, for generated data: COPY on PostgreSQL, `bulk_create` elsewhere.

Rows are dicts of attribute names (`plan_id`, not `plan`); the writer gives each table its ids
(so rows can name each other's before any is written) and fills every column a row leaves out
with the field's default, as the database has none of Django's. Signals, `save()` and
django-simple-history are bypassed: generated rows have no audit history.
"""

from __future__ import annotations

import json

from django.core.management.color import no_style
from django.db import connection, models, transaction

FLUSH_ROWS = 20_000


class BulkWriter:
    """Buffers rows per model; `flush()` writes every buffer, parents first, in one transaction."""

    def __init__(self, order: list[type[models.Model]]):
        self.order = order  # models in an order where each row's parents come earlier
        self.buffers: dict[type[models.Model], list[dict]] = {model: [] for model in order}
        self.next_ids = {model: self._first_free_id(model) for model in order}
        self.defaults = {model: self._defaults(model) for model in order}
        self.written = {model: 0 for model in order}
        self.postgres = connection.vendor == "postgresql"

    @staticmethod
    def _first_free_id(model) -> int:
        last = model.objects.order_by("-pk").values_list("pk", flat=True).first()
        return (last or 0) + 1

    @staticmethod
    def _defaults(model) -> dict:
        # Callable defaults (the clock) are read once: generated rows share them.
        return {
            field.attname: field.get_default()
            for field in model._meta.concrete_fields
            if not field.primary_key
        }

    def reserve(self, model) -> int:
        """An id for a row to `add` later (rows that name it can be added first)."""
        pk = self.next_ids[model]
        self.next_ids[model] = pk + 1
        return pk

    def add(self, model, id: int | None = None, **values) -> int:
        """Queue a row (with an id from `reserve`, or the next one); returns its id."""
        pk = self.reserve(model) if id is None else id
        self.buffers[model].append({"id": pk, **values})
        if len(self.buffers[model]) >= FLUSH_ROWS:
            self.flush()
        return pk

    def flush(self) -> None:
        with transaction.atomic():
            for model in self.order:
                rows = self.buffers[model]
                if rows:
                    self._write(model, rows)
                    self.written[model] += len(rows)
                    self.buffers[model] = []

    def finish(self) -> None:
        self.flush()
        if self.postgres:
            with connection.cursor() as cursor:
                for sql in connection.ops.sequence_reset_sql(no_style(), self.order):
                    cursor.execute(sql)

    def _write(self, model, rows: list[dict]) -> None:
        defaults = self.defaults[model]
        columns = ["id", *defaults]
        if not self.postgres:
            model.objects.bulk_create(
                [model(**{**defaults, **row}) for row in rows], batch_size=500
            )
            return
        table = connection.ops.quote_name(model._meta.db_table)
        fields = {f.attname: f for f in model._meta.concrete_fields}
        names = ", ".join(connection.ops.quote_name(fields[c].column) for c in columns)
        # COPY's text format takes JSON as its text.
        as_json = {c for c in columns if isinstance(fields[c], models.JSONField)}
        with connection.cursor() as cursor:
            with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in rows:
                    values = {**defaults, **row}
                    for c in as_json:
                        if values[c] is not None:
                            values[c] = json.dumps(values[c], ensure_ascii=False)
                    copy.write_row([values[c] for c in columns])
