"""Duban's policy-document parser: text → ``Document`` (schema ``duban.document/1``).

No Django here. ``parse_text`` runs the pipeline in ``pipeline.py``; the other names are the
pieces other parts of Duban reuse (the table reader splits its cells with
``parse_department_list``).
"""

from duban.parsing.deadlines import find_deadlines as resolve_deadlines
from duban.parsing.departments import parse_department_list
from duban.parsing.document import Document, ParseError
from duban.parsing.pipeline import parse_text
from duban.parsing.targets import find_targets

__all__ = [
    "Document",
    "ParseError",
    "find_targets",
    "parse_department_list",
    "parse_text",
    "resolve_deadlines",
]
