"""Backup and restore: the whole database and the files it refers to, in one archive.

The archive (`.tar.gz`) holds `manifest.json` (when, from which engine, rows per model, the
data's SHA-256), `data.exactjson` (every row with its own primary key, Django's serialization with
natural keys for foreign keys, so it loads into SQLite or PostgreSQL alike) and `media/…`, the uploaded files the rows name.

Consistency: the rows are read in one transaction (REPEATABLE READ on PostgreSQL; SQLite's
write lock), and the files are those the snapshot names. Uploaded files are never rewritten
in place, so a file named by the snapshot is the file it meant.
"""

from __future__ import annotations

import hashlib
import io
import json
import tarfile
import tempfile
from collections import Counter
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import connection, models, transaction
from django.utils import timezone

FORMAT = "duban.backup/1"
# Rebuilt by `migrate` (content types, permissions) or worth nothing after a restore (sessions).
SKIPPED = ["contenttypes", "auth.Permission", "sessions"]
# JSON with times to the microsecond (settings.SERIALIZATION_MODULES); the name tells loaddata.
DATA = "data.exactjson"


class RestoreRefused(Exception):
    """The target is not empty, or the archive is not a Duban backup or is damaged."""


def backup(out: Path) -> dict:
    """Write the archive to `out`; returns its manifest."""
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / DATA
        with transaction.atomic():
            _snapshot_isolation()
            call_command(
                "dumpdata",
                exclude=SKIPPED,
                # Every row keeps its own key: the audit chain's digests cover foreign-key ids,
                # and natural primary keys would renumber accounts on restore.
                natural_foreign=True,
                format="exactjson",
                output=str(data),
                verbosity=0,
            )
            files = _referenced_files()
        manifest = _manifest(data, files)
        _write(out, manifest, data, files)
    return manifest


def _snapshot_isolation() -> None:
    # Only possible as a transaction's first statement; inside an outer one (tests) it is
    # that transaction's own snapshot that counts.
    if connection.vendor == "postgresql" and len(connection.atomic_blocks) == 1:
        with connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")


def _file_fields():
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, models.FileField):
                yield model, field


def _referenced_files() -> list[str]:
    names = set()
    for model, field in _file_fields():
        values = model._base_manager.exclude(**{field.attname: ""}).values_list(field.attname)
        names.update(name for (name,) in values if name)
    return sorted(names)


def _manifest(data: Path, files: list[str]) -> dict:
    rows = json.loads(data.read_text(encoding="utf-8"))
    root = Path(settings.MEDIA_ROOT)
    return {
        "format": FORMAT,
        "created_at": timezone.now().isoformat(),
        "engine": connection.vendor,
        "rows": dict(sorted(Counter(row["model"] for row in rows).items())),
        "data_sha256": hashlib.sha256(data.read_bytes()).hexdigest(),
        "files": len([f for f in files if (root / f).is_file()]),
        "missing_files": [f for f in files if not (root / f).is_file()],
    }


def _write(out: Path, manifest: dict, data: Path, files: list[str]) -> None:
    root = Path(settings.MEDIA_ROOT)
    partial = out.with_name(out.name + ".partial")
    with tarfile.open(partial, "w:gz") as archive:
        _add_bytes(archive, "manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1))
        archive.add(data, arcname=DATA)
        for name in files:
            if (root / name).is_file():
                archive.add(root / name, arcname=f"media/{name}")
    # A half-written archive never carries the final name.
    partial.replace(out)


def _add_bytes(archive: tarfile.TarFile, name: str, text: str) -> None:
    payload = text.encode("utf-8")
    info = tarfile.TarInfo(name)
    info.size = len(payload)
    archive.addfile(info, io.BytesIO(payload))


def restore(archive_path: Path) -> dict:
    """Load the archive into this (empty, migrated) database and MEDIA_ROOT; returns the
    manifest. Refuses a database that already holds accounts or plans."""
    if _has_data():
        raise RestoreRefused("the database is not empty; restore only onto a new database")
    with tempfile.TemporaryDirectory() as folder, tarfile.open(archive_path, "r:gz") as archive:
        archive.extractall(folder, filter="data")
        manifest = _checked_manifest(Path(folder))
        call_command("loaddata", str(Path(folder) / DATA), verbosity=0)
        _put_files(Path(folder) / "media")
    return manifest


def _has_data() -> bool:
    from duban.directory.models import User
    from duban.plans.models import Plan

    return User.objects.exists() or Plan.objects.exists()


def _checked_manifest(folder: Path) -> dict:
    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise RestoreRefused(f"not a Duban backup: {exc}") from None
    if manifest.get("format") != FORMAT:
        raise RestoreRefused(f"not a Duban backup (format {manifest.get('format')!r})")
    digest = hashlib.sha256((folder / DATA).read_bytes()).hexdigest()
    if digest != manifest["data_sha256"]:
        raise RestoreRefused(f"{DATA} does not match its manifest: the archive is damaged")
    return manifest


def _put_files(media: Path) -> None:
    root = Path(settings.MEDIA_ROOT)
    if not media.is_dir():
        return
    for path in media.rglob("*"):
        if path.is_file():
            target = root / path.relative_to(media)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes())


def row_counts() -> dict[str, int]:
    """Rows per model as the manifest counts them, for comparing a restore with its source."""
    skipped = {"contenttypes", "sessions"}
    counts = {}
    for model in apps.get_models():
        if model._meta.app_label in skipped or model._meta.label == "auth.Permission":
            continue
        n = model._base_manager.count()
        if n:
            counts[model._meta.label_lower] = n
    return dict(sorted(counts.items()))
