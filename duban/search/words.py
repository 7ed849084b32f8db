"""Words of a query and where they occur in a text: the query's terms, an excerpt around the
first match and the matches marked, all case-insensitive."""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

MAX_TERMS = 5
MAX_TERM_LENGTH = 50
# One character (改, 的) matches nearly everything; two is a Chinese word (财政, 医改).
MIN_QUERY_LENGTH = 2


def terms(query: str) -> list[str]:
    """The distinct words of `query` (split on spaces, either width), at most `MAX_TERMS`."""
    seen: list[str] = []
    for word in query.replace("\u3000", " ").split():
        word = word[:MAX_TERM_LENGTH]
        if word.casefold() not in (w.casefold() for w in seen):
            seen.append(word)
    return seen[:MAX_TERMS]


def _pattern(words: list[str]) -> re.Pattern:
    longest_first = sorted(words, key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in longest_first), re.IGNORECASE)


def excerpt(text: str, words: list[str], *, width: int = 120) -> str:
    """About `width` characters of `text` around its first match (the start if none)."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    found = _pattern(words).search(text) if words else None
    start = max(0, (found.start() if found else 0) - width // 4)
    end = min(len(text), start + width)
    return f"{'…' if start else ''}{text[start:end]}{'…' if end < len(text) else ''}"


def marked(text: str, words: list[str]) -> SafeString:
    """`text` escaped, with every occurrence of a word wrapped in <mark>."""
    if not words:
        return escape(text)
    parts, last = [], 0
    for found in _pattern(words).finditer(text):
        parts.append(escape(text[last : found.start()]))
        parts.append(f"<mark>{escape(found.group())}</mark>")
        last = found.end()
    parts.append(escape(text[last:]))
    return mark_safe("".join(parts))
