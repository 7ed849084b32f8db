import tempfile
from pathlib import Path

from django.conf import settings
from django.core.exceptions import PermissionDenied
from ninja import File, Router, UploadedFile

from duban.directory.roles import is_coordinator
from duban.directory.selectors import canonical_names
from duban.parsing.document import ParseError
from duban.parsing.files import parse_file

router = Router(tags=["parsing"])


@router.post("/parse")
def document_parse(request, file: UploadedFile = File(...), year: int | None = None):
    """Parse a policy document (.txt/.docx/.pdf/.xlsx) into `duban.document/1` JSON; nothing is stored."""
    # Parsing is the first step of an import, which is the reform office's.
    if not is_coordinator(request.user):
        raise PermissionDenied
    if file.size > settings.DUBAN_UPLOAD_MAX_BYTES:
        raise ParseError(f"{file.name}: larger than {settings.DUBAN_UPLOAD_MAX_BYTES} bytes")
    # Keep the user's file name (without any folders) so that errors name the file they sent.
    name = Path(file.name or "upload").name or "upload"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        with path.open("wb") as out:
            for chunk in file.chunks():
                out.write(chunk)
        document = parse_file(path, year=year, directory=canonical_names())
    return document.to_json()
