"""Parse a policy document without storing it: the first step of an import, as JSON."""

import tempfile
from pathlib import Path

from django.conf import settings
from django.core.exceptions import PermissionDenied
from ninja import File, Router, UploadedFile

from duban.api.v1.common import answers
from duban.directory.selectors import canonical_names
from duban.parsing.document import ParseError
from duban.parsing.files import parse_file
from duban.plans.permissions import can_import_plan

router = Router(tags=["parsing"])


def keep_upload(file: UploadedFile, folder: str) -> Path:
    """Write the upload into `folder` under its own name (no directories), for the readers."""
    if file.size > settings.DUBAN_UPLOAD_MAX_BYTES:
        raise ParseError(f"{file.name}: larger than {settings.DUBAN_UPLOAD_MAX_BYTES} bytes")
    path = Path(folder) / (Path(file.name or "upload").name or "upload")
    with path.open("wb") as out:
        for chunk in file.chunks():
            out.write(chunk)
    return path


@router.post("/parse", response=answers(dict), operation_id="document_parse")
def document_parse(request, file: File[UploadedFile], year: int | None = None):
    """Parse a policy document (.txt/.docx/.pdf/.xlsx) into `duban.document/1` JSON."""
    # Parsing is the first step of an import, which is the reform office's.
    if not can_import_plan(request.user):
        raise PermissionDenied
    with tempfile.TemporaryDirectory() as folder:
        document = parse_file(keep_upload(file, folder), year=year, directory=canonical_names())
    return document.to_json()
