import subprocess
import sys

import pytest
from django.conf import settings

from producers.models import Producer, Product


@pytest.mark.django_db
def test_healthz_answers_ok_when_the_database_answers(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


@pytest.mark.django_db
def test_home_lists_the_demo_producers(client, demo_data):
    response = client.get("/")

    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="fr">' in html
    assert 'href="#contenu"' in html
    assert "Chèvrerie du Causse" in html
    assert "Je soutiens nos producteurs" in html


@pytest.mark.django_db
def test_home_does_not_list_pending_or_suspended_producers(client, demo_data):
    html = client.get("/").content.decode()

    assert "Jardin de Cocagne du Quercy" not in html  # pending
    assert "Les Foies Gras de la Tour" not in html  # suspended


@pytest.mark.django_db
def test_home_runs_a_bounded_number_of_queries(client, demo_data, django_assert_max_num_queries):
    # 8, plus the campaigns the CCI runs today (their featured producers and products).
    with django_assert_max_num_queries(9):
        client.get("/")


@pytest.mark.django_db
def test_home_in_english_after_switching_language(client, demo_data):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})

    html = client.get("/").content.decode()

    assert '<html lang="en">' in html
    assert "Producers" in html
    assert "Skip to content" in html


@pytest.mark.django_db
def test_prices_are_formatted_in_french(client, demo_data):
    product = Product.objects.published().get(producer__slug="chevrerie-du-causse",
                                              slug="rocamadour-aop")
    expected = f"{product.price:.2f}".replace(".", ",") + "\u00a0€"

    html = client.get(product.get_absolute_url()).content.decode()

    assert expected in html


@pytest.mark.django_db
def test_seed_demo_is_deterministic_and_runs_only_on_an_empty_directory(demo_data):
    from marketplace.demo.data.seed import demo_seed

    assert Producer.objects.count() == 49
    assert Producer.objects.values("commune").distinct().count() >= 20
    assert Product.objects.count() >= 300
    first = Producer.objects.order_by("slug").values_list("slug", "siret")[0]

    again = demo_seed()

    assert again.skipped is True
    assert Producer.objects.count() == 49
    assert Producer.objects.order_by("slug").values_list("slug", "siret")[0] == first


@pytest.mark.django_db
def test_demo_logins_work(client, demo_data):
    assert client.login(username="cci@ohmylot.test", password="cci-lot-2026")
    assert client.login(username="producteur@ohmylot.test", password="ferme-lot-2026")


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
