"""LibreOffice itself, headless, to make the files municipal staff really send.

Each conversion runs ``soffice --headless --convert-to`` with its own profile in the test session's
temporary folder, so parallel runs do not clash. Skipped when LibreOffice is missing, except in CI,
where the round trips must run (``.ci/run`` installs ``libreoffice-calc-nogui``).
"""

import os
import shutil
import subprocess

import pytest

SOFFICE = shutil.which("soffice") or "/usr/bin/soffice"
#: CSV import options: « ; », « " », Windows-1252, from line 1, column 1 as text, French.
CSV_WINDOWS_1252_SEMICOLON = "CSV:59,34,1,1,1/2,1036"


@pytest.fixture(scope="session")
def libreoffice_profile(tmp_path_factory):
    """One profile per test session: LibreOffice's first start in a new profile is the slow part."""
    return tmp_path_factory.mktemp("libreoffice-profile")


@pytest.fixture
def libreoffice(libreoffice_profile):
    if not os.path.exists(SOFFICE):
        if os.environ.get("CI"):
            pytest.fail(f"{SOFFICE} is missing and CI is set: the LibreOffice round trips must run.")
        pytest.skip(f"{SOFFICE} is missing")
    profile = libreoffice_profile

    def convert(source, kind, infilter=None):
        """Convert a file with LibreOffice; return the path of the converted file."""
        outdir = source.parent / f"converted-{kind}"
        command = [SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore"]
        if infilter:
            command.append(f"--infilter={infilter}")
        command += ["--convert-to", kind, "--outdir", str(outdir), str(source)]
        subprocess.run(command, check=True, timeout=180, capture_output=True)
        converted = outdir / f"{source.stem}.{kind.split(':')[0]}"
        assert converted.is_file(), f"LibreOffice did not write {converted}"
        return converted

    return convert
