"""iCalendar (RFC 5545) text for a unit's due dates, written by hand: all-day events only.

Lines end in CRLF and are folded at 75 octets (not characters: a Chinese character is three
octets in UTF-8), continuation lines starting with a space; text values escape `\\ ; ,` and
newlines.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

LINE_OCTETS = 75


@dataclass(frozen=True)
class Event:
    uid: str
    day: date
    summary: str
    description: str = ""


def escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def fold(line: str) -> str:
    """Split `line` into 75-octet pieces without cutting a UTF-8 character in two."""
    pieces, current, size = [], "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        # The first line holds 75 octets; each continuation line has a leading space.
        limit = LINE_OCTETS if not pieces else LINE_OCTETS - 1
        if size + width > limit:
            pieces.append(current)
            current, size = "", 0
        current += char
        size += width
    pieces.append(current)
    return "\r\n ".join(pieces)


def calendar(name: str, events: Iterable[Event], *, stamp: datetime) -> str:
    """The whole VCALENDAR; `stamp` (UTC) is the DTSTAMP of every event."""
    stamp_text = stamp.strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Duban//督办//ZH",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape(name)}",
        "X-WR-TIMEZONE:Asia/Shanghai",
    ]
    for event in events:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{event.uid}",
            f"DTSTAMP:{stamp_text}",
            f"DTSTART;VALUE=DATE:{event.day:%Y%m%d}",
            f"DTEND;VALUE=DATE:{event.day + timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{escape(event.summary)}",
        ]
        if event.description:
            lines.append(f"DESCRIPTION:{escape(event.description)}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
