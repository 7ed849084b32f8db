"""Where each task's text sits in the source text, for the side-by-side review."""

# Enough characters to find a paragraph's start or end when its middle was normalised.
ANCHOR = 24


def locate_spans(
    source: str, text: str, within: tuple[int, int] | None = None
) -> tuple[int | None, int | None]:
    """The (start, end) offsets of `text` in `source`, searched inside `within` when given.

    The parser joins lines and trims spaces, so an exact match is tried first, then the first
    and last few characters as anchors; (None, None) when neither is found.
    """
    text = text.strip()
    if not source or not text:
        return None, None
    low, high = within or (0, len(source))
    found = source.find(text, low, high)
    if found >= 0:
        return found, found + len(text)
    start = source.find(text[:ANCHOR], low, high)
    if start < 0:
        return None, None
    tail = text[-ANCHOR:]
    end = source.find(tail, start, high)
    if end < 0:
        return start, start + len(text[:ANCHOR])
    return start, end + len(tail)
