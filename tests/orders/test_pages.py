"""The buyer's pages without JavaScript: add to cart from a product page, the cart, the
checkout, following and changing an order; an account keeps the cart across its login."""

from decimal import Decimal
from html import unescape

import pytest
from django.core import mail
from django.test import Client

from orders.cart import SESSION_KEY
from orders.models import Checkout, Order, OrderStatus
from producers.models import Product
from tests.factories import UserFactory
from tests.orders.helpers import first_slot

pytestmark = pytest.mark.django_db


def add(client: Client, product: Product, quantity="1", **extra):
    return client.post("/panier/ajouter/", {"product": product.pk, "quantity": quantity,
                                            **extra})


def cart_of(client: Client) -> dict:
    return client.session.get(SESSION_KEY, {})


def test_a_product_page_of_a_farm_taking_orders_has_an_add_to_cart_form(client, borie, mas):
    cheese = borie.products["cheese"]
    page = client.get(cheese.get_absolute_url()).content.decode()

    assert 'action="/panier/ajouter/"' in page
    assert f'name="product" value="{cheese.pk}"' in page
    producer_page = client.get(borie.producer.get_absolute_url()).content.decode()
    assert producer_page.count('action="/panier/ajouter/"') == 2


def test_no_form_where_the_farm_takes_no_orders(client, borie):
    from orders import services

    services.ordering_settings_update(producer=borie.producer, data={"is_open": False})
    page = client.get(borie.products["cheese"].get_absolute_url()).content.decode()

    assert "/panier/ajouter/" not in page
    assert "ne prend pas de commandes en ligne" in page


def test_adding_and_changing_the_cart(client, borie, mas):
    cheese, bread = borie.products["cheese"], mas.products["bread"]

    response = add(client, cheese, "2")
    add(client, cheese, "1")
    add(client, bread, "1", next=bread.get_absolute_url())

    assert response.status_code == 302 and response["Location"] == "/panier/"
    assert cart_of(client) == {str(cheese.pk): {"q": 3, "p": "1.20"},
                               str(bread.pk): {"q": 1, "p": "4.50"}}
    page = client.get("/panier/")
    text = page.content.decode()
    assert "La Borie" in text and "Le Mas" in text and "3,60\xa0€" in text
    assert "(4 articles)" in text  # the header's cart link

    client.post("/panier/", {f"q{cheese.pk}": "5", f"q{bread.pk}": "0"})
    assert cart_of(client) == {str(cheese.pk): {"q": 5, "p": "1.20"}}
    client.post("/panier/", {"remove": str(cheese.pk), f"q{cheese.pk}": "5"})
    assert cart_of(client) == {}


@pytest.mark.parametrize("quantity", ["0", "-3", "100", "deux"])
def test_a_bad_quantity_adds_nothing(client, borie, quantity):
    response = add(client, borie.products["cheese"], quantity)

    assert response.status_code == 302 and cart_of(client) == {}
    assert "ne peut pas être ajouté" in client.get("/panier/").content.decode()


def test_a_bad_cart_update_changes_nothing(client, borie):
    cheese = borie.products["cheese"]
    add(client, cheese, "2")

    response = client.post("/panier/", {f"q{cheese.pk}": "-1"})

    assert response.status_code == 400
    assert "rien n'a été changé" in response.content.decode()
    assert cart_of(client)[str(cheese.pk)]["q"] == 2


def test_a_hidden_or_foreign_product_cannot_be_added(client, borie):
    Product.objects.filter(pk=borie.products["cheese"].pk).update(status="draft")

    add(client, borie.products["cheese"])
    client.post("/panier/ajouter/", {"product": "999999", "quantity": "1"})

    assert cart_of(client) == {}


def test_the_cart_is_kept_when_a_resident_logs_in(client, borie):
    UserFactory.create(username="lea@example.test", email="lea@example.test")
    add(client, borie.products["cheese"], "2")

    response = client.post("/compte/connexion/", {"username": "lea@example.test",
                                                  "password": "motdepasse-solide-46",
                                                  "next": "/commande/"})

    assert response.status_code == 302 and response["Location"] == "/commande/"
    assert cart_of(client) == {str(borie.products["cheese"].pk): {"q": 2, "p": "1.20"}}


def test_the_checkout_page_offers_each_producers_slots_grouped_by_place(client, borie, mas):
    add(client, borie.products["cheese"])
    add(client, mas.products["bread"])

    page = client.get("/commande/").content.decode()

    assert f'name="slot_{borie.producer.pk}"' in page and f'name="slot_{mas.producer.pk}"' in page
    assert 'optgroup label="Marché : Marché de Cahors, place Chapou (Cahors)"' in page
    assert first_slot(borie, market=True).key in page


def checkout_data(farms_slots, **buyer) -> dict:
    data = {"name": "Camille Martin", "email": "camille@example.test",
            "phone": "06 12 34 56 78", **buyer}
    for farm, slot in farms_slots.items():
        data[f"slot_{farm.producer.pk}"] = slot
        data[f"note_{farm.producer.pk}"] = ""
        data[f"payment_{farm.producer.pk}"] = "on_pickup"
    return data


def test_a_guest_checks_out_two_producers(client, borie, mas, django_capture_on_commit_callbacks):
    add(client, borie.products["cheese"], "2")
    add(client, mas.products["bread"], "1")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/commande/", checkout_data({
            borie: first_slot(borie, market=True).key, mas: first_slot(mas).key}))

    checkout = Checkout.objects.get()
    assert response.status_code == 302 and response["Location"] == checkout.get_absolute_url()
    assert cart_of(client) == {} and checkout.orders.count() == 2 and checkout.user is None
    assert len(mail.outbox) == 4
    tracking = client.get(response["Location"]).content.decode()
    assert checkout.reference in tracking and "Marché de Cahors, place Chapou" in tracking
    assert "Modifier les quantités" in tracking
    assert Client().get("/commande/suivi/pas-le-bon-lien/").status_code == 404


def test_a_tampered_checkout_is_refused_with_nothing_reserved(client, borie, mas):
    add(client, borie.products["cheese"], "2")

    response = client.post("/commande/", checkout_data({borie: first_slot(mas).key}))

    assert response.status_code == 400
    assert "Ce créneau n'est plus proposé par La Borie" in unescape(response.content.decode())
    assert not Order.objects.exists()
    assert Product.objects.get(pk=borie.products["cheese"].pk).stock == 10


def test_a_new_price_is_shown_then_accepted(client, borie):
    cheese = borie.products["cheese"]
    add(client, cheese, "2")
    Product.objects.filter(pk=cheese.pk).update(price=Decimal("1.50"))
    data = checkout_data({borie: first_slot(borie).key})

    refused = client.post("/commande/", data)
    accepted = client.post("/commande/", data)

    assert refused.status_code == 400
    assert "a changé : 1,20\xa0€ → 1,50\xa0€" in refused.content.decode()
    assert accepted.status_code == 302
    assert Order.objects.get().total == Decimal("3.00")


def test_an_empty_checkout_says_so(client):
    page = client.get("/commande/")

    assert page.status_code == 200 and "Votre panier est vide" in page.content.decode()
    assert client.post("/commande/", {}).status_code == 302


def _placed(client, farm) -> Checkout:
    if not cart_of(client):
        add(client, farm.products["cheese"], "2")
    client.post("/commande/", checkout_data({farm: first_slot(farm).key}))
    return Checkout.objects.get()


def test_the_buyer_changes_then_cancels_from_the_link(client, borie):
    checkout = _placed(client, borie)
    order = checkout.orders.get()
    line = order.lines.get()
    base = f"/commande/suivi/{checkout.token}/{order.pk}/"

    assert client.get(base + "modifier/").status_code == 200
    bad = client.post(base + "modifier/", {f"line_{line.pk}": "500"})
    assert bad.status_code == 400
    assert "inférieure ou égale à 99" in unescape(bad.content.decode())
    assert client.post(base + "modifier/", {f"line_{line.pk}": "4"}).status_code == 302
    assert order.lines.get().quantity == 4
    assert client.post(base + "annuler/").status_code == 302
    order.refresh_from_db()
    assert order.status == OrderStatus.CANCELLED
    refused = client.post(base + "annuler/")
    assert refused.status_code == 400


def test_the_calendar_file_download(client, borie):
    checkout = _placed(client, borie)
    order = checkout.orders.get()

    response = client.get(f"/commande/suivi/{checkout.token}/{order.pk}/retrait.ics")

    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert b"BEGIN:VCALENDAR" in response.content
    assert client.get(f"/commande/suivi/{checkout.token}/999999/retrait.ics").status_code == 404


def test_a_residents_account_lists_its_orders(client, borie,
                                              django_capture_on_commit_callbacks):
    assert client.get("/compte/commandes/").status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/compte/inscription/", {
            "email": "Lea@Example.test", "password1": "Noix-du-Lot-2026",
            "password2": "Noix-du-Lot-2026", "first_name": "Léa", "last_name": "Roux",
            "next": "/commande/"})
    assert response["Location"] == "/compte/inscription/envoyee/"
    link = next(w for w in mail.outbox[-1].body.split() if "/verification/" in w)
    add(client, borie.products["cheese"], "2")
    assert client.get(link)["Location"] == "/commande/"  # the link opens the account
    page = client.get("/commande/").content.decode()
    assert 'value="lea@example.test"' in page and 'value="Léa Roux"' in page

    checkout = _placed(client, borie)

    assert checkout.user is not None and checkout.user.email == "lea@example.test"
    assert checkout.reference in client.get("/compte/commandes/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        taken = Client().post("/compte/inscription/", {
            "email": "lea@example.test", "password1": "Noix-du-Lot-2026",
            "password2": "Noix-du-Lot-2026", "first_name": "X", "last_name": "Y"})
    assert taken["Location"] == "/compte/inscription/envoyee/"  # the same answer
    assert mail.outbox[-1].subject == "Votre compte existe déjà"
