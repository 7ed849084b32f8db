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
    suffix = Path(file.name or "upload").suffix.lower()[:8]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"upload{suffix}"
        with path.open("wb") as out:
            for chunk in file.chunks():
                out.write(chunk)
        try:
            document = parse_file(path, year=year, directory=canonical_names())
        except ParseError as exc:
            # Name the file as the user knows it, not the temporary copy.
            raise ParseError(str(exc).replace(str(path), file.name or "upload")) from None
    return document.to_json()
