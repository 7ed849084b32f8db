"""Text typed by people: control and direction-override characters removed, length bounded.

A backspace or an escape pasted into a report is invisible on the page, breaks the .xlsx
ledger (XML cannot carry it) and can hide or reorder text in a log; a right-to-left override
makes ``exe.pdf`` read as ``fdp.exe``. Every form field that takes free text uses `TextField`,
which removes them and caps the length (Excel stops a cell at 32,767 characters).
"""

import re

from django import forms

# C0 controls except tab and newline (CR is dropped: a browser's CRLF becomes LF), DEL, C1,
# and the bidirectional embeddings, overrides and isolates.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
NARRATIVE_MAX = 5000
TEXT_MAX = 32000


def clean_text(value: str) -> str:
    """`value` without control or bidi-override characters; CRLF and CR become LF."""
    return _CONTROL.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))


class TextField(forms.CharField):
    """A CharField whose value is `clean_text`ed, at most `NARRATIVE_MAX` characters unless told."""

    def __init__(self, *, max_length: int = NARRATIVE_MAX, **kwargs):
        super().__init__(max_length=min(max_length, TEXT_MAX), **kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        if not isinstance(value, str):
            return value
        value = clean_text(value)
        return value.strip() if self.strip else value
