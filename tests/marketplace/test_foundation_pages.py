import subprocess
import sys

import pytest
from django.conf import settings


@pytest.mark.django_db
def test_healthz_answers_ok_when_the_database_answers(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def _start_with(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env={"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "config.settings",
             "VAR_DIR": str(settings.BASE_DIR / "var" / "settings-test"), **env},
        capture_output=True, text=True, cwd=settings.BASE_DIR, check=False,
    )


def test_production_is_the_default_and_refuses_to_start_without_a_secret_key():
    result = _start_with({})

    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_a_malformed_boolean():
    result = _start_with({"DEBUG": "peut-être"})

    assert result.returncode != 0
    assert "DEBUG must be true or false" in result.stderr


def test_production_starts_with_a_real_secret_key():
    result = _start_with({"DEBUG": "false", "SECRET_KEY": "x" * 50,
                          "ALLOWED_HOSTS": "ohmylot.example"})

    assert result.returncode == 0, result.stderr


def test_malformed_database_url_refuses_to_start():
    result = _start_with({"DEBUG": "true", "DATABASE_URL": "nosuchdb://what"})

    assert result.returncode != 0
    assert "DATABASE_URL is malformed" in result.stderr


PRODUCTION = {"SECRET_KEY": "7rQ2-vL9xWm4pZ8sKd3nF6yTb1hJc5gA0eUo.iR!tN@qX%zM^wY",
              "ALLOWED_HOSTS": "ohmylot.example", "EMAIL_HOST": "smtp.ohmylot.example",
              "SITE_URL": "https://ohmylot.example"}


def _settings(env: dict[str, str], *names: str) -> dict[str, str]:
    """The repr of these settings under `env`, read by one process (a Django start costs about
    a second)."""
    prints = "; ".join(f"print(repr(getattr(settings, {name!r}, None)))" for name in names)
    result = subprocess.run(
        [sys.executable, "-c",
         f"import django; django.setup(); from django.conf import settings; {prints}"],
        env={"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "config.settings",
             "VAR_DIR": str(settings.BASE_DIR / "var" / "settings-test"), **env},
        capture_output=True, text=True, cwd=settings.BASE_DIR, check=True,
    )
    return dict(zip(names, result.stdout.strip().splitlines(), strict=True))


def test_production_settings_pass_the_deploy_check():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env={"PATH": "/usr/bin:/bin", "DEBUG": "false",
             "VAR_DIR": str(settings.BASE_DIR / "var" / "settings-test"), **PRODUCTION},
        capture_output=True, text=True, cwd=settings.BASE_DIR, check=False,
    )

    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_production_defaults_are_the_safe_ones():
    production = _settings(PRODUCTION, "DEBUG", "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS",
                           "SESSION_COOKIE_SECURE")

    assert production["DEBUG"] == "False"
    assert production["SECURE_SSL_REDIRECT"] == "True"
    assert production["SECURE_HSTS_SECONDS"] == "31536000"
    assert production["SESSION_COOKIE_SECURE"] == "True"


def test_the_forwarded_protocol_is_trusted_only_behind_a_declared_proxy():
    behind_proxy = {**PRODUCTION, "BEHIND_PROXY": "true"}
    assert _settings(PRODUCTION, "SECURE_PROXY_SSL_HEADER")["SECURE_PROXY_SSL_HEADER"] == "None"
    assert _settings(behind_proxy, "SECURE_PROXY_SSL_HEADER")["SECURE_PROXY_SSL_HEADER"] \
        == "('HTTP_X_FORWARDED_PROTO', 'https')"


@pytest.mark.django_db
def test_pages_carry_a_content_security_policy_without_inline_code(client):
    response = client.get("/")

    policy = response["Content-Security-Policy"]
    assert "script-src 'self';" in policy and "style-src 'self';" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "frame-ancestors 'none'" in policy


@pytest.mark.django_db
def test_api_schema_and_offline_docs_are_served(client):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    docs = client.get("/api/docs/")

    assert schema.status_code == 200
    assert "/api/v1/communes/" in schema.content.decode()
    assert docs.status_code == 200
    assert "//cdn" not in docs.content.decode()
    assert "swagger-ui" in docs.content.decode()


def test_production_logs_one_json_object_per_line():
    import json

    result = subprocess.run(
        [sys.executable, "-c", "import django, logging; django.setup(); "
                               "logging.getLogger('orders').warning('Commande %s', 'OML-42')"],
        env={"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "config.settings",
             "DEBUG": "false", "VAR_DIR": str(settings.BASE_DIR / "var" / "settings-test"),
             **PRODUCTION, "SENTRY_DSN": "https://key@errors.ohmylot.example/1"},
        capture_output=True, text=True, cwd=settings.BASE_DIR, check=True,
    )

    line = json.loads(result.stderr.strip().splitlines()[-1])
    assert (line["level"], line["logger"], line["message"]) == ("WARNING", "orders",
                                                                "Commande OML-42")
