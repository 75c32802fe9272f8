"""Settings read from the environment: what production requires, and how each URL is read."""

import pytest

from tests.citedu.processes import PRODUCTION_ENV, run_manage, run_python, settings_under


def without(*names):
    return {key: value for key, value in PRODUCTION_ENV.items() if key not in names}


def test_production_without_allowed_hosts_refuses_to_serve():
    serving = run_python("import citedu.wsgi", env=without("ALLOWED_HOSTS"))
    assert serving.returncode != 0
    assert "ALLOWED_HOSTS must be set when DEBUG is off" in serving.stderr


def test_production_without_allowed_hosts_fails_check_deploy():
    deploy = run_manage("check", "--deploy", "--fail-level", "WARNING", env=without("ALLOWED_HOSTS"))
    assert deploy.returncode != 0
    assert "ALLOWED_HOSTS must not be empty" in deploy.stderr


def test_production_without_email_url_refuses_to_serve():
    serving = run_python("import citedu.asgi", env=without("EMAIL_URL"))
    assert serving.returncode != 0
    assert "EMAIL_URL must be set when DEBUG is off" in serving.stderr


def test_production_without_email_url_fails_check_deploy():
    deploy = run_manage("check", "--deploy", "--fail-level", "WARNING", env=without("EMAIL_URL"))
    assert deploy.returncode != 0
    assert "citedu.E001" in deploy.stderr
    assert "EMAIL_URL must be set when DEBUG is off" in deploy.stderr


def test_production_without_email_url_refuses_to_send_rather_than_drop_the_mail():
    sending = run_manage("sendtestemail", "coordination@ville.example.fr", env=without("EMAIL_URL"))
    assert sending.returncode != 0
    assert "EMAIL_URL must be set when DEBUG is off" in sending.stderr


def test_every_missing_production_setting_is_named_at_once():
    serving = run_python("import citedu.wsgi", env=without("SECRET_KEY", "ALLOWED_HOSTS", "EMAIL_URL"))
    assert serving.returncode != 0
    for name in ("SECRET_KEY", "ALLOWED_HOSTS", "EMAIL_URL"):
        assert f"{name} must be set when DEBUG is off" in serving.stderr


def test_a_full_production_environment_serves():
    serving = run_python("import citedu.wsgi", env=PRODUCTION_ENV)
    assert serving.returncode == 0, serving.stderr


def test_a_bare_checkout_can_migrate_without_any_other_setting(tmp_path):
    result = run_manage(
        "migrate", "--verbosity", "0", env={"DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3"}
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_dummy_email_is_refused_in_production():
    result = run_manage("check", env={**PRODUCTION_ENV, "EMAIL_URL": "dummy://"})
    assert result.returncode != 0
    assert "EMAIL_URL: dummy:// drops every e-mail, which is refused when DEBUG is off" in result.stderr


def test_dummy_email_is_accepted_in_development():
    values = settings_under({"DEBUG": "1", "EMAIL_URL": "dummy://"}, "EMAIL_BACKEND")
    assert values == {"EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend"}


def test_development_writes_mail_to_the_console_by_default():
    values = settings_under({"DEBUG": "1"}, "EMAIL_BACKEND")
    assert values == {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}


def test_smtps_is_implicit_tls_on_port_465():
    env = {**PRODUCTION_ENV, "EMAIL_URL": "smtps://citedu%40ville.fr:p%2Fw@smtp.ville.example.fr:465"}
    assert settings_under(
        env,
        "EMAIL_BACKEND",
        "EMAIL_HOST",
        "EMAIL_PORT",
        "EMAIL_HOST_USER",
        "EMAIL_HOST_PASSWORD",
        "EMAIL_USE_SSL",
        "EMAIL_USE_TLS",
    ) == {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "smtp.ville.example.fr",
        "EMAIL_PORT": 465,
        "EMAIL_HOST_USER": "citedu@ville.fr",
        "EMAIL_HOST_PASSWORD": "p/w",
        "EMAIL_USE_SSL": True,
        "EMAIL_USE_TLS": False,
    }


def test_smtps_without_a_port_uses_465():
    env = {**PRODUCTION_ENV, "EMAIL_URL": "smtps://smtp.ville.example.fr"}
    assert settings_under(env, "EMAIL_PORT", "EMAIL_USE_SSL") == {"EMAIL_PORT": 465, "EMAIL_USE_SSL": True}


def test_smtp_on_port_587_uses_starttls():
    values = settings_under(PRODUCTION_ENV, "EMAIL_PORT", "EMAIL_USE_SSL", "EMAIL_USE_TLS")
    assert values == {"EMAIL_PORT": 587, "EMAIL_USE_SSL": False, "EMAIL_USE_TLS": True}


def test_a_redis_cache_url_gives_django_redis_backend():
    values = settings_under({**PRODUCTION_ENV, "CACHE_URL": "redis://127.0.0.1:6379/1"}, "CACHES")
    assert values["CACHES"]["default"] == {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:6379/1",
    }


def test_the_cache_is_in_local_memory_by_default():
    values = settings_under(PRODUCTION_ENV, "CACHES")
    assert values["CACHES"]["default"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"


def test_the_database_is_the_embedded_sqlite_file_by_default():
    values = settings_under({"DEBUG": "1"}, "BASE_DIR", "DATABASES")
    database = values["DATABASES"]["default"]
    assert database["ENGINE"] == "django.db.backends.sqlite3"
    assert database["NAME"] == f"{values['BASE_DIR']}/var/db.sqlite3"


def test_a_postgresql_url_is_read_with_its_escaped_password():
    env = {**PRODUCTION_ENV, "DATABASE_URL": "postgres://citedu:p%40ss@db:5432/citedu"}
    database = settings_under(env, "DATABASES")["DATABASES"]["default"]
    assert (database["ENGINE"], database["HOST"], database["PORT"]) == (
        "django.db.backends.postgresql",
        "db",
        5432,
    )
    assert (database["NAME"], database["USER"], database["PASSWORD"]) == ("citedu", "citedu", "p@ss")
    assert database["CONN_MAX_AGE"] == 60 and database["CONN_HEALTH_CHECKS"] is True


@pytest.mark.parametrize("name", ["DATABASE_URL", "CACHE_URL", "EMAIL_URL"])
def test_an_unknown_scheme_stops_the_start_naming_the_variable_but_not_its_password(name):
    result = run_manage("check", env={**PRODUCTION_ENV, name: "ftp://citedu:s3cr3t@ville.example.fr/x"})
    assert result.returncode != 0
    assert f"{name}: ftp://… is not" in result.stderr
    assert "s3cr3t" not in result.stderr


def test_an_unreadable_integer_stops_the_start_naming_the_variable():
    result = run_manage("check", env={**PRODUCTION_ENV, "CONN_MAX_AGE": "soixante"})
    assert result.returncode != 0
    assert "CONN_MAX_AGE='soixante' is not an integer" in result.stderr


def test_production_without_site_url_refuses_to_serve():
    serving = run_python("import citedu.wsgi", env=without("SITE_URL"))
    assert serving.returncode != 0
    assert "SITE_URL must be set when DEBUG is off" in serving.stderr


def test_site_url_with_debug_defaults_to_the_local_server():
    values = settings_under({"DEBUG": "1"}, "CITEDU_SITE_URL")
    assert values == {"CITEDU_SITE_URL": "http://127.0.0.1:8000"}


def test_site_url_loses_its_trailing_slash():
    values = settings_under({**PRODUCTION_ENV, "SITE_URL": "https://education.ville.fr/"}, "CITEDU_SITE_URL")
    assert values == {"CITEDU_SITE_URL": "https://education.ville.fr"}


def test_a_site_url_without_a_scheme_stops_the_start_naming_it():
    result = run_manage("check", env={**PRODUCTION_ENV, "SITE_URL": "education.ville.fr"})
    assert result.returncode != 0
    assert "SITE_URL='education.ville.fr' is not the portal's address" in result.stderr
