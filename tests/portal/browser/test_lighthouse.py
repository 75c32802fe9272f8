"""Lighthouse gives 100 in accessibility and in best practices to every public page, in French and English.

One Chromium (launched by ``lighthouse.mjs``) goes through the pages in sequence; Lighthouse is the npm
package pinned in ``package-lock.json``, installed in ``node_modules/`` by ``make node-tools``.
"""

import json
import os
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from tests.browser_fixtures import CHROMIUM
from tests.portal.browser.public_pages import LANGUAGES, public_paths

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

RUNNER = Path(__file__).with_name("lighthouse.mjs")
LIGHTHOUSE = Path(settings.BASE_DIR) / "node_modules" / "lighthouse"


@pytest.fixture
def node():
    """Node, with Lighthouse installed: skipped where it is not, required with ``CI`` set."""
    node = shutil.which("node")
    if node is None or not LIGHTHOUSE.is_dir():
        reason = "Lighthouse is missing (`make node-tools` installs it with npm)"
        if os.environ.get("CI"):
            pytest.fail(f"{reason} and CI is set: the Lighthouse audit must run.")
        pytest.skip(reason)
    return node


def run_lighthouse(node, pages, tmp_path):
    pages_file = tmp_path / "pages.json"
    pages_file.write_text(json.dumps(pages))
    started = time.monotonic()
    finished = subprocess.run(
        [node, str(RUNNER), CHROMIUM, str(pages_file)],
        capture_output=True,
        text=True,
        check=False,
        timeout=30 * 60,
    )
    print(f"Lighthouse: {len(pages)} pages in {time.monotonic() - started:.0f} s")
    assert finished.returncode == 0, finished.stderr
    return json.loads(finished.stdout)


def readable(result):
    lines = [f"{result['url']} ({result['language']}): {result['scores']}"]
    if result["runtimeError"]:
        lines.append(f"  error: {result['runtimeError']}")
    for failure in result["failures"]:
        lines.append(f"  [{failure['category']}] {failure['id']}: {failure['title']}")
        lines += [f"    - {where}" for where in failure["where"]]
    return "\n".join(lines)


def html_language(page, url, language):
    html = page.request.get(url, headers={"Accept-Language": language}).text()
    return re.search(r'<html lang="([^"]+)"', html)[1]


def test_lighthouse_scores_every_public_page_100_in_french_and_english(
    node, page, live_server, demo, tmp_path
):
    # The pages' markup is the same on either database; CI runs the suite on both, and this audit (62
    # Lighthouse runs, a quarter of an hour) once, on SQLite. axe checks the same pages on both.
    if connection.vendor != "sqlite":
        pytest.skip(
            "Lighthouse audits the pages once per CI run, on SQLite (their markup is the same on PostgreSQL)"
        )
    base = live_server.url
    # The language Lighthouse asks for is the one the pages answer in.
    assert [html_language(page, f"{base}/", language) for language in LANGUAGES] == list(LANGUAGES)
    paths = public_paths(page, base)
    pages = [{"url": f"{base}{path}", "language": language} for language in LANGUAGES for path in paths]

    results = run_lighthouse(node, pages, tmp_path)

    assert len(results) == len(pages)
    below = [
        readable(result)
        for result in results
        if result["runtimeError"] or any(score != 1 for score in result["scores"].values())
    ]
    assert not below, "Lighthouse, en dessous de 100 :\n" + "\n".join(below)
