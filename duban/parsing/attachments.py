"""Stage — the attached text: a signed notice whose 附件 carries the text to parse.

The genre often prints a short notice (``关于印发《…实施方案》的通知``, its recipients, a
sentence or a few numbered requirements, the signature and date), then ``附件`` alone on a
line, the attached text's title and the numbered text itself. The attached text is the body
(corpus convention 7 takes its title too): numbering is looked for only from the ``附件``
heading on, so the notice's own sentences and signature stay in the header.
"""

from __future__ import annotations

from duban.parsing.blocks import ATTACHMENT_HEADING, is_date_line
from duban.parsing.numbering import match_label
from duban.parsing.state import ParseState


def find_attached_text(state: ParseState) -> None:
    signed = False
    for index, paragraph in enumerate(state.paragraphs):
        if is_date_line(paragraph.text):
            signed = True
        elif signed and ATTACHMENT_HEADING.fullmatch(paragraph.text):
            later = state.paragraphs[index + 1 :]
            if any(match_label(p.text) for p in later):
                state.attached_text_start = index
            return
