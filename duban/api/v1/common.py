"""What every v1 router shares: error responses, cleaned text, versions, cursor pagination."""

from typing import Annotated

from ninja.pagination import CursorPagination, paginate
from ninja.responses import codes_4xx
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


def answers(schema, status: int = 200) -> dict:
    """The response map of an operation: its success and the shared error shape."""
    return {status: schema, codes_4xx: ErrorOut}


def paged(*ordering: str):
    """Cursor pagination (`?cursor=…&page_size=…`) in a stable order; ids break ties."""
    return paginate(CursorPagination, ordering=ordering or ("id",), page_size=50, max_page_size=200)
