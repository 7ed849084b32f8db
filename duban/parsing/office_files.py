"""Guards for .docx and .xlsx files, which are zip archives: corrupt archives and zip bombs."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import IO

from .document import ParseError, gettext_noop

MAX_UNZIPPED_BYTES = 200 * 1024 * 1024  # sum of a .docx/.xlsx's members, uncompressed
MAX_ZIP_RATIO = 200  # XML compresses ~10:1; a far higher ratio is a zip bomb
MAX_ZIP_MEMBERS = 10_000


class ZipBomb(ParseError):
    """An archive that would unpack far beyond what an office file needs."""


def check_zip(path: Path | IO[bytes]) -> set[str]:
    """Read the central directory only and refuse corrupt archives and zip bombs.

    Runs before python-docx or openpyxl touch the file, so a bomb is never inflated.
    """
    name = getattr(path, "name", None) or "upload"
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as exc:
        raise ParseError(
            f"{name}: is corrupt (not a readable zip archive: {exc})",
            msgid=gettext_noop("%(name)s：文件已损坏，不是可读取的压缩包。"),
            params={"name": name},
        ) from None
    if len(infos) > MAX_ZIP_MEMBERS:
        raise ZipBomb(
            f"{name}: has too many parts ({len(infos)}); refusing it",
            msgid=gettext_noop("%(name)s：文件包含的部件过多（%(count)s 个），已拒绝。"),
            params={"name": name, "count": len(infos)},
        )
    unzipped = sum(info.file_size for info in infos)
    packed = sum(info.compress_size for info in infos)
    if unzipped > MAX_UNZIPPED_BYTES:
        raise ZipBomb(
            f"{name}: would unpack to {unzipped / 1e6:.0f} MB "
            f"(at most {MAX_UNZIPPED_BYTES // 2**20} MB); refusing it as a zip bomb",
            msgid=gettext_noop(
                "%(name)s：解压后将达 %(size)s MB（上限 %(limit)s MB），疑似压缩炸弹，已拒绝。"
            ),
            params={
                "name": name,
                "size": round(unzipped / 1e6),
                "limit": MAX_UNZIPPED_BYTES // 2**20,
            },
        )
    if unzipped > 1_000_000 and unzipped > MAX_ZIP_RATIO * max(packed, 1):
        raise ZipBomb(
            f"{name}: compression ratio {unzipped // max(packed, 1)}:1 is implausible "
            "for an office file; refusing it as a zip bomb",
            msgid=gettext_noop("%(name)s：压缩比 %(ratio)s:1 不像办公文档，疑似压缩炸弹，已拒绝。"),
            params={"name": name, "ratio": unzipped // max(packed, 1)},
        )
    return {info.filename for info in infos}


def corrupt_file_error(name: str, exc: Exception) -> ParseError:
    detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return ParseError(
        f"{name}: is corrupt ({detail[:200]})",
        msgid=gettext_noop("%(name)s：文件已损坏，无法读取。"),
        params={"name": name},
    )
