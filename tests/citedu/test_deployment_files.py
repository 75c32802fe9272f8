"""What can be checked of the Docker deployment without a Docker engine."""

import re
from pathlib import Path

import yaml

from tests.citedu.processes import run_python

ROOT = Path(__file__).resolve().parents[2]


def compose():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_compose_runs_postgresql_with_a_volume_and_a_healthcheck():
    db = compose()["services"]["db"]
    assert db["image"].startswith("postgres:")
    assert any(volume.endswith(":/var/lib/postgresql/data") for volume in db["volumes"])
    assert "pg_isready" in " ".join(db["healthcheck"]["test"])


def test_the_portal_waits_for_a_healthy_database_and_keeps_media_in_a_volume():
    web = compose()["services"]["web"]
    assert web["depends_on"]["db"]["condition"] == "service_healthy"
    assert web["env_file"] == ".env"
    assert "media:/data/media" in web["volumes"]
    assert web["environment"]["DATABASE_URL"].startswith("postgres://")
    assert "/healthz" in " ".join(web["healthcheck"]["test"])
    assert set(compose()["volumes"]) >= {"pgdata", "media"}


def test_the_dockerfile_copies_only_paths_that_exist_and_runs_gunicorn():
    dockerfile = (ROOT / "Dockerfile").read_text()
    for source in re.findall(r"^COPY (\S+) ", dockerfile, flags=re.MULTILINE):
        if source != ".":
            assert (ROOT / source).exists(), source
    assert '"gunicorn", "citedu.wsgi"' in dockerfile
    entrypoint = (ROOT / "docker" / "entrypoint.sh").read_text()
    assert "migrate --noinput" in entrypoint and "collectstatic --noinput" in entrypoint


def test_the_env_example_documents_every_setting_of_the_contract():
    assert set(env_example()) >= {
        "DEBUG",
        "SECRET_KEY",
        "ALLOWED_HOSTS",
        "CSRF_TRUSTED_ORIGINS",
        "EMAIL_URL",
        "SITE_URL",
    }


def env_example():
    return dict(
        line.split("=", 1)
        for line in (ROOT / ".env.example").read_text().splitlines()
        if line and not line.startswith("#")
    )


def test_compose_refuses_to_start_the_portal_without_the_settings_production_requires():
    environment = compose()["services"]["web"]["environment"]
    for name in ("SECRET_KEY", "ALLOWED_HOSTS", "EMAIL_URL", "SITE_URL"):
        assert environment[name] == f"${{{name}:?set {name} in .env}}"


def test_a_production_start_with_the_env_example_has_what_the_entry_points_require(tmp_path):
    env = {**env_example(), "DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3"}
    serving = run_python("import citedu.wsgi", env=env)
    assert serving.returncode == 0, serving.stderr
