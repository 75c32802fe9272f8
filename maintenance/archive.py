"""Dumping and restoring the whole portal (database rows and media files) as one archive.

The archive is a gzipped tar holding ``data.json`` (Django's serialisation, natural keys, so it loads
on SQLite as well as on PostgreSQL) and ``media/`` (signed versions, scanned copies). Restoring
replaces everything, inside one transaction for the rows.
"""

import io
import json
import tarfile
import time
from pathlib import Path

from django.conf import settings
from django.core import management
from django.db import transaction

#: Rebuilt by migrations or worthless in a backup.
EXCLUDED = ["contenttypes", "auth.permission", "sessions", "admin.logentry", "axes"]
FORMAT_VERSION = 1


def write_backup(path):
    """Writes the archive at ``path``; returns (number of objects, number of media files)."""
    data = io.StringIO()
    management.call_command(
        "dumpdata",
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
        _add_bytes(archive, "data.json", payload)
        _add_bytes(archive, "citedu-backup.json", json.dumps({"format": FORMAT_VERSION}).encode())
        for file in media_files:
            archive.add(file, arcname=f"media/{file.relative_to(media_root).as_posix()}")
    return len(json.loads(payload)), len(media_files)


def _add_bytes(archive, name, payload):
    info = tarfile.TarInfo(name)
    info.size = len(payload)
    info.mtime = int(time.time())
    archive.addfile(info, io.BytesIO(payload))


class BackupError(Exception):
    pass


def read_backup(path):
    """Restores the archive at ``path`` over the current portal; returns the number of media files."""
    try:
        archive = tarfile.open(path, "r:gz")  # noqa: SIM115 (closed by the with below)
    except (OSError, tarfile.TarError) as error:
        raise BackupError(f"« {path} » n'est pas une sauvegarde Citédu lisible ({error}).") from None
    with archive:
        names = archive.getnames()
        if "data.json" not in names or "citedu-backup.json" not in names:
            raise BackupError(f"« {path} » n'est pas une sauvegarde Citédu : data.json manquant.")
        data = archive.extractfile("data.json").read()
        members = [m for m in archive.getmembers() if m.name.startswith("media/") and m.isfile()]
        media_root = Path(settings.MEDIA_ROOT)
        for member in members:
            # Refuse absolute paths and "..": an archive must not write outside MEDIA_ROOT.
            relative = Path(member.name).relative_to("media")
            if relative.is_absolute() or ".." in relative.parts:
                raise BackupError(f"Chemin refusé dans l'archive : {member.name}")
        with transaction.atomic():
            management.call_command("flush", interactive=False, verbosity=0)
            fixture = Path(settings.BASE_DIR) / "var" / "restore-data.json"
            fixture.parent.mkdir(parents=True, exist_ok=True)
            fixture.write_bytes(data)
            try:
                management.call_command("loaddata", str(fixture), verbosity=0)
            finally:
                fixture.unlink(missing_ok=True)
        for member in members:
            target = media_root / Path(member.name).relative_to("media")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(archive.extractfile(member).read())
    return len(members)
