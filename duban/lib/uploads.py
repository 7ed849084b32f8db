"""Uploaded office files are checked before anything unpacks them: size, then the zip directory.

A 1 MB .xlsx can inflate to hundreds of MB in openpyxl; the upload limit
(`DUBAN_UPLOAD_MAX_BYTES`) and the parser's zip-bomb guard refuse it from the archive's
directory alone.
"""

import io
import os
from typing import IO

from django.conf import settings
from django.utils.translation import gettext as _

from duban.parsing.document import ParseError
from duban.parsing.office_files import ZipBomb, check_zip


def upload_problem(content: bytes | IO[bytes] | str | os.PathLike) -> str | None:
    """Why an uploaded .xlsx must not be opened (too large, a zip bomb, not a zip), or None.

    Only the size and the archive's directory are read: nothing is inflated, so this runs
    before openpyxl sees the file.
    """
    if isinstance(content, str | os.PathLike):
        with open(content, "rb") as stream:
            return upload_problem(stream)
    stream = io.BytesIO(content) if isinstance(content, bytes) else content
    size = stream.seek(0, io.SEEK_END)
    stream.seek(0)
    limit = settings.DUBAN_UPLOAD_MAX_BYTES
    if size > limit:
        return _("文件太大（%(size).1f MB），上限为 %(limit).1f MB。") % {
            "size": size / 2**20,
            "limit": limit / 2**20,
        }
    try:
        check_zip(stream)
    except ZipBomb:
        return _("文件解压后过大或压缩比异常（疑似压缩炸弹），已拒绝。")
    except ParseError:
        return _("文件不是有效的 Excel（.xlsx）文件。")
    finally:
        stream.seek(0)
    return None
