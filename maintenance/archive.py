"""Dumping and restoring the whole portal (database rows and media files) as one archive.

The archive is a gzipped tar holding ``citedu-backup.json`` (its format version), ``data.json``
(Django's serialisation, natural keys, so it loads on SQLite as well as on PostgreSQL) and ``media/``
(signed versions, scanned copies). Restoring replaces every row, all or nothing: the archive is checked
first (format, paths, the SHA-256 of every frozen version), its files are staged beside the media
folder, the rows are replaced in one transaction, and the staged files are moved into place only then,
put back as they were if anything fails.
"""

import hashlib
import io
import json
import os
import shutil
import tarfile
import tempfile
import time
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.core import management, serializers
from django.core.cache import cache
from django.core.serializers.base import DeserializationError
from django.db import DatabaseError, transaction

from strategy import revision

#: Rebuilt by migrations, or worthless in a backup (sessions and login attempts), or the work of the
#: moment: the task queue, the workers, the rendered PDFs (rendered again from the rows) and freezings.
EXCLUDED = [
    "contenttypes",
    "auth.permission",
    "sessions",
    "axes",
    "django_tasks_database",
    "worker",
    "documents.rendereddocument",
    "documents.freezejob",
]

#: 2 since the restructuring that moved StrategyVersion to ``documents`` and Territory to ``actors``.
FORMAT_VERSION = 2
MANIFEST = "citedu-backup.json"
DATA = "data.json"
#: Django's JSON with microseconds kept, see ``maintenance.serializer``.
SERIALIZER = "citedu-json"


class BackupError(Exception):
    pass


def write_backup(path):
    """Writes the archive at ``path``; returns (number of objects, number of media files)."""
    data = io.StringIO()
    serializers.register_serializer(SERIALIZER, "maintenance.serializer")
    management.call_command(
        "dumpdata",
        format=SERIALIZER,
        natural_foreign=True,
        natural_primary=True,
        exclude=EXCLUDED,
        stdout=data,
        verbosity=0,
    )
    payload = data.getvalue().encode()
    media_root = Path(settings.MEDIA_ROOT)
    media_files = [p for p in media_root.rglob("*") if p.is_file()] if media_root.exists() else []
    with tarfile.open(path, "w:gz") as archive:
        _add_bytes(archive, MANIFEST, json.dumps({"format": FORMAT_VERSION}).encode())
        _add_bytes(archive, DATA, payload)
        for file in media_files:
            archive.add(file, arcname=f"media/{file.relative_to(media_root).as_posix()}")
    return len(json.loads(payload)), len(media_files)


def _add_bytes(archive, name, payload):
    info = tarfile.TarInfo(name)
    info.size = len(payload)
    info.mtime = int(time.time())
    archive.addfile(info, io.BytesIO(payload))


def read_backup(path):
    """Restores the archive at ``path`` over the current portal; returns the number of media files.

    Raises ``BackupError`` (in French) and changes nothing when the archive cannot be restored.
    """
    try:
        archive = tarfile.open(path, "r:gz")  # noqa: SIM115 (closed by the with below)
    except (OSError, tarfile.TarError) as error:
        raise BackupError(f"« {path} » n'est pas une sauvegarde Citédu lisible ({error}).") from None
    with archive:
        members = {member.name: member for member in archive.getmembers() if member.isfile()}
        if DATA not in members or MANIFEST not in members:
            raise BackupError(f"« {path} » n'est pas une sauvegarde Citédu : {DATA} ou {MANIFEST} manquant.")
        _check_format(archive.extractfile(members[MANIFEST]).read())
        data = archive.extractfile(members[DATA]).read()
        media = {_media_path(name): member for name, member in members.items() if name.startswith("media/")}
        _check_versions(archive, data, media)
        media_root = Path(settings.MEDIA_ROOT)
        media_root.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".restauration-", dir=media_root.parent))
        try:
            staged = _stage(archive, media, staging)
            _replace_rows_then_files(data, staged, media_root, staging)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    return len(media)


def _check_format(manifest):
    try:
        version = json.loads(manifest).get("format")
    except (ValueError, AttributeError):
        version = None
    if version == 1:
        raise BackupError(
            "Cette sauvegarde est au format 1, écrit avant la réorganisation du code (les versions "
            "signées sont passées dans l'application « documents », les territoires dans « actors ») : "
            "cette version de Citédu ne sait pas la restaurer. Rien n'a été modifié."
        )
    if version != FORMAT_VERSION:
        raise BackupError(
            f"Format de sauvegarde inconnu ({version!r}) : cette version de Citédu restaure le format "
            f"{FORMAT_VERSION}. Rien n'a été modifié."
        )


def _media_path(name):
    """The path of an archive member under MEDIA_ROOT; refuses absolute paths and "..", which would
    write outside it."""
    relative = PurePosixPath(name).relative_to("media")
    if relative.is_absolute() or ".." in relative.parts or not relative.parts:
        raise BackupError(f"Chemin refusé dans l'archive : {name}. Rien n'a été modifié.")
    return relative.as_posix()


def _check_versions(archive, data, media):
    """Every frozen version's PDF is in the archive and matches its SHA-256; its signed copy is there."""
    try:
        objects = json.loads(data)
    except ValueError as error:
        raise BackupError(f"{DATA} est illisible ({error}). Rien n'a été modifié.") from None
    for obj in objects:
        if obj.get("model") != "documents.strategyversion":
            continue
        fields = obj["fields"]
        label = f"la version {fields['number']} (fichier {fields['pdf']})"
        member = media.get(fields["pdf"])
        if member is None:
            raise BackupError(f"Sauvegarde refusée : le PDF de {label} manque. Rien n'a été modifié.")
        digest = hashlib.file_digest(archive.extractfile(member), "sha256").hexdigest()
        if digest != fields["sha256"]:
            raise BackupError(
                f"Sauvegarde refusée : le PDF de {label} ne correspond pas à l'empreinte SHA-256 "
                "enregistrée lorsqu'elle a été figée ; l'archive a été modifiée ou abîmée. "
                "Rien n'a été modifié."
            )
        if fields["signed_copy"] and fields["signed_copy"] not in media:
            raise BackupError(
                f"Sauvegarde refusée : la copie signée de {label} manque. Rien n'a été modifié."
            )


def _stage(archive, media, staging):
    """Extracts the media files into ``staging`` (same disk as MEDIA_ROOT); returns {relative: staged}."""
    staged = {}
    for index, (relative, member) in enumerate(media.items()):
        target = staging / "fichiers" / str(index)
        target.parent.mkdir(parents=True, exist_ok=True)
        with archive.extractfile(member) as source, target.open("wb") as out:
            shutil.copyfileobj(source, out)
        staged[relative] = target
    return staged


def _replace_rows_then_files(data, staged, media_root, staging):
    fixture = staging / "data.json"
    fixture.write_bytes(data)
    moved = []  # (target, the previous file set aside or None), to undo on failure
    try:
        with transaction.atomic():
            with revision.restoring():
                management.call_command("flush", interactive=False, verbosity=0)
                management.call_command("loaddata", str(fixture), verbosity=0)
            for index, (relative, source) in enumerate(staged.items()):
                target = media_root / relative
                target.parent.mkdir(parents=True, exist_ok=True)
                aside = None
                if target.exists():
                    aside = staging / "anciens" / str(index)
                    aside.parent.mkdir(parents=True, exist_ok=True)
                    os.replace(target, aside)
                moved.append((target, aside))
                os.replace(source, target)
        # The pages cached before the restore showed other rows (strategy.revision moved them on too).
        cache.clear()
    except (DeserializationError, DatabaseError, OSError) as error:
        _undo(moved)
        raise BackupError(f"Restauration impossible, rien n'a été modifié : {error}") from None
    except BaseException:
        _undo(moved)
        raise


def _undo(moved):
    for target, aside in reversed(moved):
        target.unlink(missing_ok=True)
        if aside is not None:
            os.replace(aside, target)
