"""The layout is part of the architecture: no application file grows past what a reader takes in."""

import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
#: About 400 lines: past that, a module holds more than one concern and should be split by area.
MAX_LINES = 400
APPLICATION_PACKAGES = (
    "citedu",
    "shared",
    "actors",
    "legal",
    "strategy",
    "indicators",
    "charts",
    "documents",
    "portal",
    "api",
    "demo",
    "maintenance",
)


def application_files():
    tracked = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "*.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    for name in tracked:
        path = Path(name)
        if (
            path.parts[0] in APPLICATION_PACKAGES
            and "migrations" not in path.parts
            and (ROOT / path).exists()
        ):
            yield path


def test_it_finds_the_application_files():
    files = list(application_files())
    assert Path("strategy/models/actions.py") in files
    assert not any("migrations" in path.parts for path in files)


def test_no_application_file_is_over_about_400_lines():
    too_long = {
        str(path): lines
        for path in application_files()
        if (lines := len((ROOT / path).read_text().splitlines())) > MAX_LINES
    }
    assert too_long == {}, f"split these files by area: {too_long}"
