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


def test_production_refuses_to_start_without_a_secret_key():
    result = _start_with({"DEBUG": "false"})

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
    result = _start_with({"DATABASE_URL": "nosuchdb://what"})

    assert result.returncode != 0
    assert "DATABASE_URL is malformed" in result.stderr


@pytest.mark.django_db
def test_api_schema_and_offline_docs_are_served(client):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    docs = client.get("/api/docs/")

    assert schema.status_code == 200
    assert "/api/v1/communes/" in schema.content.decode()
    assert docs.status_code == 200
    assert "//cdn" not in docs.content.decode()
    assert "swagger-ui" in docs.content.decode()
