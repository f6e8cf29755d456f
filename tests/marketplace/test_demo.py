"""The demo directory, as `make run` loads it: seeded once for this module (see the
`demo_data` fixture), read by each test inside its own rolled-back transaction."""

import pytest
from django.core.management import call_command
from django.db import connection

from producers.models import Producer, Product

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_data")]


def indexed(table: str = "search_product") -> set[int]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT rowid FROM {table}")  # noqa: S608
        return {row[0] for row in cursor.fetchall()}


def test_home_lists_the_demo_producers(client):
    response = client.get("/")

    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="fr">' in html
    assert 'href="#contenu"' in html
    assert "Chèvrerie du Causse" in html
    assert "Je soutiens nos producteurs" in html


def test_home_does_not_list_pending_or_suspended_producers(client):
    html = client.get("/").content.decode()

    assert "Chèvrerie du Causse" in html  # approved
    assert "Jardins d&#x27;Arcambal" not in html and "jardins-darcambal" not in html  # pending
    assert "Foies Gras de la Tour" not in html  # suspended


def test_home_runs_a_bounded_number_of_queries(client, django_assert_max_num_queries):
    # 8, plus the campaigns the CCI runs today (their featured producers and products).
    with django_assert_max_num_queries(9):
        response = client.get("/")

    assert response.status_code == 200
    assert response.context["producer_count"] == 53
    assert len(response.context["producers"]) == 12 and len(response.context["products"]) == 8


def test_home_in_english_after_switching_language(client):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})

    html = client.get("/").content.decode()

    assert '<html lang="en">' in html
    assert "Producers" in html
    assert "Skip to content" in html


def test_prices_are_formatted_in_french(client):
    product = Product.objects.published().get(producer__slug="chevrerie-du-causse",
                                              slug="rocamadour-aop")
    expected = f"{product.price:.2f}".replace(".", ",") + "\u00a0€"

    html = client.get(product.get_absolute_url()).content.decode()

    assert expected in html


def test_seed_demo_is_deterministic_and_runs_only_on_an_empty_directory():
    from marketplace.demo.data.seed import demo_seed

    assert Producer.objects.count() == 55
    assert Producer.objects.values("commune").distinct().count() >= 45
    assert Product.objects.count() >= 300
    first = Producer.objects.order_by("slug").values_list("slug", "siret")[0]

    again = demo_seed()

    assert again.skipped is True
    assert Producer.objects.count() == 55
    assert Producer.objects.order_by("slug").values_list("slug", "siret")[0] == first


@pytest.mark.parametrize(("username", "password"), [
    ("cci@ohmylot.test", "cci-lot-2026"), ("producteur@ohmylot.test", "ferme-lot-2026")])
def test_demo_logins_work(client, username, password):
    response = client.post("/espace-producteur/connexion/",
                           {"username": username, "password": password})

    assert response.status_code == 302
    assert client.session["_auth_user_id"]


def test_seed_demo_leaves_the_index_complete():
    assert indexed() == set(Product.objects.published().values_list("pk", flat=True))
    assert indexed("search_producer") == set(Producer.objects.public().values_list("pk", flat=True))


def test_rebuild_search_index_command():
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM search_product")

    call_command("rebuild_search_index", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert indexed() == set(Product.objects.published().values_list("pk", flat=True))


def test_demo_markets_are_held_on_their_days_and_take_pickups_on_each(client):
    from orders.models import PickupWindow
    from producers.models import PointOfSale

    cahors = PointOfSale.objects.filter(nom="Marché de Cahors, place Chapou")
    html = client.get("/marches/", {"weekday": "3"}).content.decode()

    assert cahors.exists() and all(p.days() == [3, 6] for p in cahors)
    assert "Mercredi et samedi, 7 h 30 – 12 h 30" in html
    demo_farm = Producer.objects.get(memberships__user__username="producteur@ohmylot.test")
    stalls = demo_farm.points_of_sale.filter(kind="market")
    assert stalls.exists()  # the demo's checkout picks a market slot
    for stall in stalls:
        assert sorted(PickupWindow.objects.filter(point_of_sale=stall)
                      .values_list("weekday", flat=True)) == stall.days()
