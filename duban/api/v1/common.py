"""What every v1 router shares: error responses, cleaned text, versions, cursor pagination."""

from typing import Annotated, Literal

from ninja.pagination import CursorPagination, paginate
from pydantic import AfterValidator, Field

from duban.api.errors import ErrorOut
from duban.lib.text import NARRATIVE_MAX, TEXT_MAX, clean_text


def _clean(value: str) -> str:
    return clean_text(value).strip()


# Free text typed by people: control and bidi-override characters removed, as in the forms.
Text = Annotated[str, Field(max_length=NARRATIVE_MAX), AfterValidator(_clean)]
LongText = Annotated[str, Field(max_length=TEXT_MAX), AfterValidator(_clean)]
Reason = Annotated[str, Field(max_length=100), AfterValidator(_clean)]
# The version the caller read; a write over a newer one is refused with 409.
Version = Annotated[int, Field(ge=1, le=2**31 - 1)]
Id = Annotated[int, Field(ge=1, le=2**31 - 1)]


def one_of(choices):
    """The values of a model's `TextChoices`/`IntegerChoices` as a Literal: inline in the schema,
    so that two models' `Status` (or `Kind`) never share one OpenAPI component by name."""
    return Literal[tuple(choices.values)]


# Every refusal the API gives, each in the one shape of `ErrorOut`.
ERROR_CODES = frozenset({400, 401, 403, 404, 409, 413, 422})


def answers(schema, status: int = 200) -> dict:
    """The response map of an operation: its success and the shared error shape."""
    return {status: schema, ERROR_CODES: ErrorOut}


def paged(*ordering: str):
    """Cursor pagination (`?cursor=…&page_size=…`) in a stable order; ids break ties."""
    return paginate(CursorPagination, ordering=ordering or ("id",), page_size=50, max_page_size=200)


def filtered(queryset, filters, lookups: dict[str, str]):
    """`queryset` narrowed by each filter the caller gave: `{filter name: field lookup}`."""
    for name, lookup in lookups.items():
        value = getattr(filters, name)
        if value is not None:
            queryset = queryset.filter(**{lookup: value})
    return queryset.order_by()
