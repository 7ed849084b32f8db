"""Word → PDF through LibreOffice headless: no browser needed, and the fonts are embedded."""

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from django.utils.translation import gettext as _

from duban.reports.docx_writer import write_docx

# Maps 仿宋_GB2312, 黑体, 楷体 and 小标宋 onto the Noto CJK faces (fonts-noto-cjk).
FONTS_CONF = Path(__file__).resolve().parent / "fonts.conf"


class PdfUnavailable(Exception):
    """LibreOffice is not installed, or it failed on the document."""


def docx_to_pdf(docx: Path, pdf: Path) -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        raise PdfUnavailable(_("找不到 soffice（LibreOffice），无法生成 PDF。"))
    with tempfile.TemporaryDirectory() as out:
        # A profile of its own, so a second conversion never waits on the first one's lock.
        profile = Path(out) / "profile"
        try:
            subprocess.run(
                [
                    soffice,
                    f"-env:UserInstallation=file://{profile}",
                    "--headless",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    out,
                    str(docx),
                ],
                check=True,
                capture_output=True,
                timeout=180,
                env={**os.environ, "FONTCONFIG_FILE": str(FONTS_CONF)},
            )
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as error:
            raise PdfUnavailable(_("LibreOffice 转换 PDF 失败：%s") % error) from error
        shutil.move(Path(out) / (docx.stem + ".pdf"), pdf)


def write_report(document, output: Path, *, format: str) -> None:
    """Write `document` (an `OfficialDocument`) to `output` as .docx or .pdf."""
    if format == "docx":
        write_docx(document, output)
        return
    with tempfile.TemporaryDirectory() as work:
        docx = Path(work) / (output.stem + ".docx")
        write_docx(document, docx)
        docx_to_pdf(docx, output)
