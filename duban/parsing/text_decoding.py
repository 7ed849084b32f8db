"""Decode a text file: UTF-8 (with or without BOM), UTF-16 (BOM or NUL pattern), GB18030.

Never a silent wrong guess: strict UTF-8 first, then GB18030, and the result must read as
Chinese text (no control characters, the genre's character ranges, mostly common ideographs).
Binary data and text in no supported encoding end in a `ParseError` naming the byte.
"""

from __future__ import annotations

import re

from .document import ParseError
from .sources import TextSource, fold_line_ends

# Characters a Chinese policy text is made of; anything else in bulk means a wrong decoding.
_PLAUSIBLE_RANGES = (
    (0x20, 0x7E),  # ASCII
    (0x2000, 0x206F),  # general punctuation: — … “ ”
    (0x2100, 0x218F),  # letterlike, roman numerals Ⅰ Ⅱ
    (0x2460, 0x24FF),  # enclosed numbers ① ⑴ ⒈
    (0x2500, 0x257F),  # box drawing, in table-like text
    (0x25A0, 0x25FF),  # shapes ○ ■ (○ in dates: 二○二三年)
    (0x2E80, 0x2FDF),  # CJK and Kangxi radicals (PDF text layers)
    (0x3000, 0x303F),  # CJK punctuation 、。〔〕《》
    (0x3200, 0x33FF),  # enclosed CJK ㈠
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0xFE30, 0xFE4F),  # CJK compatibility forms
    (0xFF00, 0xFFEF),  # full-width forms （）：；
    (0xA0, 0xFF),  # Latin-1: · × ° §
)
_MIN_PLAUSIBLE_SHARE = 0.97
_MIN_COMMON_SHARE = 0.35  # real text: 0.6 (traditional) to 1.0; mojibake: 0.0 to 0.2
_IMPLAUSIBLE = re.compile(
    "[^\t\n\r\f\v" + "".join(f"\\u{lo:04x}-\\u{hi:04x}" for lo, hi in _PLAUSIBLE_RANGES) + "]"
)
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # Cc without \t \n \v \f \r
_IDEOGRAPH = re.compile("[\u4e00-\u9fff]")
# GB2312 level 1: rows 0xB0–0xD7, the 3,755 most common characters.
_COMMON_IDEOGRAPHS = frozenset(
    bytes([row, cell]).decode("gb2312", errors="ignore")
    for row in range(0xB0, 0xD8)
    for cell in range(0xA1, 0xFF)
) - {""}

# Magic bytes of binary formats people upload by mistake, for a clearer message.
_KNOWN_BINARY = (
    (
        b"\xd0\xcf\x11\xe0",
        "an old Office file (.doc/.xls) or a password-protected one; "
        "save it unprotected as .docx or .xlsx",
    ),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"{\\rtf", "an RTF file; save it as .docx"),
)


def decode_text(data: bytes, name: str) -> TextSource:
    """Decode `data` as UTF-8, UTF-16 or GB18030, refusing binary data and implausible text."""
    if not data:
        raise ParseError(f"{name}: is empty")
    if not data.strip(b" \t\r\n\f\v"):
        raise ParseError(f"{name}: is empty (white space only)")
    for magic, what in _KNOWN_BINARY:
        if data.startswith(magic):
            raise ParseError(f"{name}: is not text: it is {what}")
    if data.startswith(b"\xef\xbb\xbf"):
        return _checked(data[3:], "utf-8", name, offset=3)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16-le" if data.startswith(b"\xff\xfe") else "utf-16-be"
        return _checked(data[2:], encoding, name, offset=2)
    if b"\x00" in data:
        utf16 = _sniff_utf16(data)
        if utf16:
            return _checked(data, utf16, name)
        raise ParseError(f"{name}: is not text: binary data at byte {data.index(0)}")
    for encoding in ("utf-8", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _plausible(text):
            return _finish(text, encoding)
        if encoding == "utf-8":
            # Valid UTF-8 with control bytes is binary, not GB18030.
            _refuse_controls(text, encoding, name)
    bad = _first_undecodable(data)
    raise ParseError(
        f"{name}: cannot be decoded as UTF-8, UTF-16 or GB18030 (invalid byte at {bad})"
    )


def _sniff_utf16(data: bytes) -> str | None:
    """BOM-less UTF-16: ASCII characters (newlines, digits) leave a NUL on one side of each pair.

    Chinese text itself has few NULs (U+3000 is the exception), so the NUL pattern only picks the
    byte order to try first; the decoded text must still be plausible.
    """
    sample = data[:65536]
    if len(sample) % 2:
        sample = sample[:-1]
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    order = ["utf-16-le", "utf-16-be"] if odd >= even else ["utf-16-be", "utf-16-le"]
    for encoding in order:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _plausible(text):
            return encoding
    return None


def _checked(data: bytes, encoding: str, name: str, offset: int = 0) -> TextSource:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        label = encoding.upper().replace("-LE", "").replace("-BE", "")
        raise ParseError(
            f"{name}: cannot be decoded as {label} despite its byte-order mark "
            f"(invalid byte at {exc.start + offset})"
        ) from None
    _refuse_controls(text, encoding, name, offset)
    if not text.strip():
        raise ParseError(f"{name}: is empty (white space only)")
    if not _plausible(text):
        raise ParseError(f"{name}: does not read as Chinese text in {encoding.upper()}")
    return _finish(text, encoding)


def _refuse_controls(text: str, encoding: str, name: str, offset: int = 0) -> None:
    found = _CONTROL.search(text)
    if found:
        at = offset + len(text[: found.start()].encode(encoding))
        raise ParseError(f"{name}: is not text: binary data at byte {at}")


def _plausible(text: str) -> bool:
    sample = text[:200_000]
    if not sample.strip() or _CONTROL.search(sample):
        return False
    bad = sum(1 for _ in _IMPLAUSIBLE.finditer(sample))
    if bad > (1 - _MIN_PLAUSIBLE_SHARE) * len(sample):
        return False
    return _common_share(sample) >= _MIN_COMMON_SHARE


def _common_share(text: str) -> float:
    """Share of the ideographs that are among the 3,755 common ones (GB2312 level 1).

    Real text, even in traditional characters, is mostly common characters; a wrong decoding
    (Shift-JIS or random bytes read as GB18030 or UTF-16) scatters over all 20,000+.
    """
    ideographs = _IDEOGRAPH.findall(text)
    if len(ideographs) < 20:
        return 1.0
    return sum(1 for char in ideographs if char in _COMMON_IDEOGRAPHS) / len(ideographs)


def _first_undecodable(data: bytes) -> int:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start
    return 0


def _finish(text: str, encoding: str) -> TextSource:
    return TextSource(fold_line_ends(text), encoding)
