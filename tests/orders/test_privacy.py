"""Personal data (RGPD): a buyer downloads and erases theirs; an account is downloaded and
erased; buyers are forgotten on their own once the retention period is over."""

import json
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from orders import services
from orders.models import Checkout, Order, OrderStatus
from orders.services.privacy import ERASED_EMAIL
from tests.factories import UserFactory, verified
from tests.orders.test_pages import _placed

pytestmark = pytest.mark.django_db


def _collected(checkout: Checkout) -> None:
    for order in checkout.orders.all():
        for move in (services.order_prepare, services.order_mark_ready, services.order_collect):
            move(order=order, actor=None)


def test_a_buyer_downloads_what_the_checkout_holds_about_them(client, borie):
    checkout = _placed(client, borie)

    response = client.get(f"/commande/suivi/{checkout.token}/donnees.json")

    data = json.loads(response.content)
    assert response["Content-Disposition"].startswith("attachment")
    assert (data["reference"], data["email"]) == (checkout.reference, checkout.email)
    assert data["commandes"][0]["lignes"][0]["quantite"] == 2


def test_a_buyer_cannot_erase_while_an_order_is_on(client, borie):
    checkout = _placed(client, borie)

    response = client.post(f"/commande/suivi/{checkout.token}/effacer/")

    assert response.status_code == 400
    assert "encore en cours" in response.content.decode()
    assert Checkout.objects.get().email == checkout.email


def test_a_buyer_erases_their_details_once_the_orders_are_over(client, borie):
    checkout = _placed(client, borie)
    Order.objects.update(note="Sonnez deux fois, c'est Jeanne du 12 rue des Noyers")
    _collected(checkout)

    response = client.post(f"/commande/suivi/{checkout.token}/effacer/")

    erased = Checkout.objects.get()
    assert response.status_code == 302
    assert (erased.name, erased.email, erased.phone) == ("—", ERASED_EMAIL, "")
    assert erased.orders.get().note == "" and erased.orders.get().total > 0  # kept, anonymous
    assert client.get(f"/commande/suivi/{checkout.token}/").status_code == 404


def test_buyers_are_forgotten_after_the_retention_period(client, borie, settings):
    checkout = _placed(client, borie)
    _collected(checkout)
    last = checkout.orders.get().pickup_ends_at

    assert call_command_output(now=last + timedelta(days=settings.ORDER_PERSONAL_DATA_DAYS - 1)) \
        == 0
    assert call_command_output(now=last + timedelta(days=settings.ORDER_PERSONAL_DATA_DAYS + 1)) \
        == 1
    assert Checkout.objects.get().email == ERASED_EMAIL
    assert call_command_output(now=last + timedelta(days=999)) == 0  # twice: nothing more


def call_command_output(*, now) -> int:
    from orders.services.privacy import expired_checkouts_forget

    return expired_checkouts_forget(now=now)


def test_an_active_order_is_never_forgotten(client, borie):
    _placed(client, borie)

    assert call_command_output(now=timezone.now() + timedelta(days=3650)) == 0
    assert Order.objects.get().status == OrderStatus.CONFIRMED


def test_the_daily_command_runs(client, borie, capsys):
    call_command("forget_old_orders")

    assert "0 passage(s) en caisse anonymisé(s)." in capsys.readouterr().out


def test_an_account_downloads_and_erases_its_data(client, borie):
    user = verified(UserFactory.create(username="lea@example.test", email="lea@example.test"))
    client.force_login(user)
    checkout = _placed(client, borie)
    Checkout.objects.update(user=user)
    _collected(checkout)

    data = json.loads(client.get("/compte/donnees/export.json").content)
    wrong = client.post("/compte/donnees/", {"password": "pas-le-bon"})
    right = client.post("/compte/donnees/", {"password": "motdepasse-solide-46"})

    assert data["compte"]["email"] == "lea@example.test"
    assert data["passages_en_caisse"][0]["reference"] == checkout.reference
    assert wrong.status_code == 400
    assert right.status_code == 302
    assert not type(user).objects.filter(pk=user.pk).exists()
    assert Checkout.objects.get().email == ERASED_EMAIL


def test_the_sole_owner_of_a_farm_is_asked_to_hand_it_over_first(borie):
    response = borie.client.post("/compte/donnees/", {"password": "motdepasse-solide-46"})

    assert response.status_code == 400
    assert "seul(e) titulaire" in response.content.decode()
    assert type(borie.user).objects.filter(pk=borie.user.pk).exists()
