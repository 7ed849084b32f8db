"""Evidence files (佐证材料): checked by content, stored with their SHA-256, withdrawn not deleted.

A file's type is read from its first bytes (and, for Word and Excel, from the parts inside the
zip), never from its name: a renamed executable is refused whatever it is called.
"""

import hashlib
import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from duban.audit import services as audit
from duban.directory.models import User
from duban.execution.models import Evidence, ProgressReport


@dataclass(frozen=True)
class FileKind:
    label: str
    extension: str
    content_type: str


PDF = FileKind("PDF", "pdf", "application/pdf")
DOCX = FileKind(
    "Word",
    "docx",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
)
XLSX = FileKind(
    "Excel", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
)
PNG = FileKind("PNG", "png", "image/png")
JPEG = FileKind("JPG", "jpg", "image/jpeg")

# Magic numbers of the accepted types; Word and Excel are zip packages told apart by their parts.
SIGNATURES = [(b"%PDF-", PDF), (b"\x89PNG\r\n\x1a\n", PNG), (b"\xff\xd8\xff", JPEG)]
ZIP_SIGNATURE = b"PK\x03\x04"
OFFICE_PARTS = [("word/document.xml", DOCX), ("xl/workbook.xml", XLSX)]
ACCEPTED_KINDS = (PDF, DOCX, XLSX, PNG, JPEG)
ALLOWED_LABELS = "PDF、Word（.docx）、Excel（.xlsx）、PNG、JPG"

# Characters Windows or a shell would trip over in a stored file name.
UNSAFE_NAME = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


class EvidenceRejected(audit.DomainError):
    """The file cannot be kept; the message names the file and the problem."""


def sniff(content: bytes) -> FileKind | None:
    """The kind of file `content` is, judged by its bytes alone; None if not an accepted kind."""
    for signature, kind in SIGNATURES:
        if content.startswith(signature):
            return kind
    if content.startswith(ZIP_SIGNATURE):
        try:
            names = set(zipfile.ZipFile(io.BytesIO(content)).namelist())
        except zipfile.BadZipFile:
            return None
        for part, kind in OFFICE_PARTS:
            if part in names:
                return kind
    return None


def clean_file_name(name: str, kind: FileKind) -> str:
    """The name as the user called it, minus folders and unsafe characters, with the true extension."""
    name = unicodedata.normalize("NFC", name).replace("\\", "/").rsplit("/", 1)[-1]
    stem = name.rsplit(".", 1)[0] if "." in name else name
    stem = UNSAFE_NAME.sub("_", stem).strip(" ._") or _("佐证材料")
    return f"{stem[:120]}.{kind.extension}"


def check_file(name: str, content: bytes) -> FileKind:
    """The file's kind if it may be kept; else `EvidenceRejected` naming the file and why."""
    limit = settings.DUBAN_UPLOAD_MAX_BYTES
    if not content:
        raise EvidenceRejected(_("“{name}”是空文件。").format(name=name))
    if len(content) > limit:
        raise EvidenceRejected(
            _("“{name}”大小 {size} 超过上限 {limit}。").format(
                name=name, size=_megabytes(len(content)), limit=_megabytes(limit)
            )
        )
    kind = sniff(content)
    if kind is None:
        raise EvidenceRejected(
            _("“{name}”不是可接受的文件类型，仅接受 {allowed}。").format(
                name=name, allowed=ALLOWED_LABELS
            )
        )
    return kind


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"


@transaction.atomic
def evidence_store(
    *, name: str, content: bytes, by: User, reason: str = "附件上传", cause=None, **owner
) -> Evidence:
    """Keep an uploaded file for its `owner` (report=, milestone= or implementation_plan=),
    checked by content and size; raises `EvidenceRejected` otherwise. The one place a file
    becomes evidence: the forms, the ledger and the demo all come through here."""
    kind = check_file(name, content)
    clean_name = clean_file_name(name, kind)
    evidence = Evidence(
        original_name=clean_name,
        content_type=kind.content_type,
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        uploaded_by=by,
        **owner,
    )
    evidence.file.save(clean_name, ContentFile(content), save=False)
    extra = {"cause": cause} if cause else {}
    return audit.save(evidence, by=by, reason=reason, **extra)


@transaction.atomic
def evidence_attach(*, report: ProgressReport, name: str, content: bytes, by: User) -> Evidence:
    """Keep `content` as evidence of `report`. Raises `EvidenceRejected` (type, size, emptiness)."""
    if report.review == ProgressReport.Review.ACCEPTED:
        raise audit.DomainError(_("报告已采纳，不能再添加佐证材料。"))
    return evidence_store(name=name, content=content, by=by, reason="佐证材料上传", report=report)


@transaction.atomic
def evidence_withdraw(*, evidence: Evidence, by: User) -> Evidence:
    """Hide a file uploaded by mistake; it is kept (and audited), never deleted."""
    report = evidence.report
    if report is not None and report.review == ProgressReport.Review.ACCEPTED:
        raise audit.DomainError(_("报告已采纳，其佐证材料不能撤销。"))
    evidence.withdrawn = True
    return audit.save(evidence, by=by, fields=["withdrawn"], reason="佐证材料撤销")
