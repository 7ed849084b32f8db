"""Read a PDF's text layer with pdfplumber; `pdf_layout` rebuilds the paragraphs."""

from __future__ import annotations

import logging
from pathlib import Path

from .document import ParseError
from .office_files import corrupt_file_error
from .sources import TextSource

MAX_PDF_PAGES = 2_000


def read_pdf(path: Path) -> TextSource:
    import pdfplumber

    from . import pdf_layout

    # pdfminer logs a warning per glyph for fonts Chromium embeds without a FontBBox.
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    try:
        with pdfplumber.open(str(path)) as pdf:
            if len(pdf.pages) > MAX_PDF_PAGES:
                raise ParseError(f"{path.name}: has {len(pdf.pages)} pages; refusing it")
            pages = [pdf_layout.page_lines(page) for page in pdf.pages]
    except ParseError:
        raise
    except Exception as exc:  # pdfminer raises PDFSyntaxError, PSEOF, ValueError …
        if "password" in type(exc).__name__.lower() or "encrypt" in str(exc).lower():
            message = f"{path.name}: is password-protected; remove the protection first"
            raise ParseError(message) from None
        raise corrupt_file_error(path.name, exc) from None
    if not any(line.text.strip() for lines in pages for line in lines):
        raise ParseError(f"{path.name}: has no text layer (a scanned image?); OCR it first")
    return TextSource(pdf_layout.rebuild_paragraphs(pages), "pdf")
