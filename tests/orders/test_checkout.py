"""Placing a checkout: one order per producer, stock and slot places taken together, prices
copied on the lines; any bad input refused in French with nothing reserved or half-saved."""

from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from orders import services
from orders.models import Order, OrderStatus, PaymentStatus, PickupSlot
from orders.selectors import offered_slots
from producers.models import Product, ProductStatus
from tests.factories import ProductFactory
from tests.orders.helpers import BUYER, first_slot, place, state

pytestmark = pytest.mark.django_db


def test_two_producers_in_one_checkout(borie, mas, django_capture_on_commit_callbacks):
    cheese, bread = borie.products["cheese"], mas.products["bread"]
    market_slot, farm_slot = first_slot(borie, market=True), first_slot(mas)

    with django_capture_on_commit_callbacks(execute=True):
        checkout = place({cheese: 3, bread: 2}, {borie: market_slot, mas: farm_slot},
                         note="Sans sac, merci")

    orders = {o.producer_id: o for o in checkout.orders.all()}
    at_borie, at_mas = orders[borie.producer.pk], orders[mas.producer.pk]
    assert (at_borie.status, at_borie.payment_status) == (OrderStatus.CONFIRMED,
                                                          PaymentStatus.ON_PICKUP)
    assert at_borie.total == Decimal("3.60") and at_mas.total == Decimal("9.00")
    assert (at_borie.pickup_place, at_borie.pickup_kind, at_borie.pickup_starts_at) == (
        "Marché de Cahors, place Chapou", "market", market_slot.starts_at)
    assert at_borie.note == at_mas.note == "Sans sac, merci"
    line = at_borie.lines.get()
    assert (line.product_name, line.unit_price, line.quantity, line.unit) == (
        cheese.nom, Decimal("1.20"), 3, "la pièce")
    assert Product.objects.get(pk=cheese.pk).stock == 7
    assert Product.objects.get(pk=bread.pk).stock is None
    assert PickupSlot.objects.get(window_id=market_slot.window_id,
                                  starts_at=market_slot.starts_at).booked == 1
    assert checkout.reference.startswith("OML-") and len(checkout.token) >= 32
    sent = sorted((m.to[0], m.subject.split(" ")[0]) for m in mail.outbox)
    assert sent == [("camille@example.test", "Votre"), ("camille@example.test", "Votre"),
                    ("contact@la-borie.test", "Nouvelle"), ("contact@le-mas.test", "Nouvelle")]
    confirmation = next(m for m in mail.outbox if m.to == ["camille@example.test"]
                        and "La Borie" in m.subject)
    assert "Marché de Cahors, place Chapou" in confirmation.body
    assert checkout.get_absolute_url() in confirmation.body
    name, ics, kind = confirmation.attachments[0]
    assert kind == "text/calendar" and "BEGIN:VEVENT" in str(ics)
    assert f"retrait-{at_borie.number}.ics" == name


def test_the_price_is_the_one_of_the_moment_and_stays_on_the_line(borie):
    cheese = borie.products["cheese"]
    checkout = place({cheese: 1}, {borie: first_slot(borie)})
    Product.objects.filter(pk=cheese.pk).update(price=Decimal("9.99"))

    assert checkout.orders.get().lines.get().unit_price == Decimal("1.20")


def _refused(call, *products, match: str):
    before = state(*products)
    with pytest.raises(ValidationError) as error:
        call()
    assert before == state(*products), "a refused checkout changed something"
    text = " ".join(error.value.messages)
    assert match in text, text
    assert mail.outbox == []


def test_a_quantity_above_stock_reserves_nothing(borie, mas):
    cheese, bread = borie.products["cheese"], mas.products["bread"]
    _refused(lambda: place({cheese: 11, bread: 1}, {borie: first_slot(borie),
                                                     mas: first_slot(mas)}),
             cheese, bread, match=f"Il ne reste que 10 « {cheese.nom} » (vous en demandez 11).")


def test_a_full_slot_is_refused(borie):
    cheese = borie.products["cheese"]
    slot = first_slot(borie)
    PickupSlot.objects.create(window_id=slot.window_id, starts_at=slot.starts_at,
                              ends_at=slot.ends_at, booked=4)
    _refused(lambda: place({cheese: 1}, {borie: slot}), cheese,
             match="Ce créneau n'est plus proposé par La Borie")


def test_a_slot_that_filled_up_between_reading_and_booking_is_refused(borie, monkeypatch):
    """The capacity is checked again under the slot row's lock, not only when offered."""
    cheese = borie.products["cheese"]
    slot = first_slot(borie)
    PickupSlot.objects.create(window_id=slot.window_id, starts_at=slot.starts_at,
                              ends_at=slot.ends_at, booked=4)
    monkeypatch.setattr("orders.services.checkout.slot_for_key", lambda *a, **k: slot)
    _refused(lambda: place({cheese: 1}, {borie: slot}), cheese,
             match="vient d'être complet")


def test_a_past_slot_is_refused(borie):
    cheese = borie.products["cheese"]
    slot = first_slot(borie)
    services.ordering_settings_update(producer=borie.producer, data={"lead_time_hours": 336})
    _refused(lambda: place({cheese: 1}, {borie: slot}), cheese,
             match="Ce créneau n'est plus proposé")


def test_another_producers_slot_is_refused(borie, mas):
    cheese = borie.products["cheese"]
    _refused(lambda: place({cheese: 1}, {borie: first_slot(mas)}), cheese,
             match="Ce créneau n'est plus proposé par La Borie")


def test_a_hidden_product_is_refused(borie):
    cheese = borie.products["cheese"]
    Product.objects.filter(pk=cheese.pk).update(status=ProductStatus.DRAFT)
    _refused(lambda: place({cheese: 1}, {borie: first_slot(borie)}), cheese,
             match=f"« {cheese.nom} » n'est plus en vente")


def test_a_product_repriced_since_it_went_into_the_cart_is_refused(borie):
    cheese = borie.products["cheese"]
    _refused(lambda: place({cheese: 1}, {borie: first_slot(borie)},
                           prices={cheese.pk: Decimal("1.00")}), cheese,
             match="Le prix de « " + cheese.nom + " » a changé : 1,00\xa0€ → 1,20\xa0€")


@pytest.mark.parametrize("quantity", [0, -2, 100])
def test_a_bad_quantity_is_refused(borie, quantity):
    cheese = borie.products["cheese"]
    _refused(lambda: place({cheese: quantity}, {borie: first_slot(borie)}), cheese,
             match="Chaque quantité va de 1 à 99.")


def test_foreign_or_unknown_ids_are_refused(borie):
    cheese = borie.products["cheese"]
    _refused(lambda: services.checkout_place(
        quantities={cheese.pk: 1, 987654: 1}, prices_seen={}, buyer=BUYER,
        choices={borie.producer.pk: services.ProducerChoice(slot=first_slot(borie).key)}),
        cheese, match="Un produit de votre panier n'existe plus : retirez-le.")
    _refused(lambda: services.checkout_place(
        quantities={cheese.pk: 1}, prices_seen={}, buyer=BUYER,
        choices={borie.producer.pk: services.ProducerChoice(slot="12@n'importe-quoi")}),
        cheese, match="Ce créneau n'est plus proposé")


def test_a_missing_slot_or_buyer_detail_is_refused(borie):
    cheese = borie.products["cheese"]
    _refused(lambda: services.checkout_place(
        quantities={cheese.pk: 1}, prices_seen={}, buyer=BUYER,
        choices={borie.producer.pk: services.ProducerChoice(slot="")}), cheese,
        match="Choisissez un créneau de retrait.")
    _refused(lambda: place({cheese: 1}, {borie: first_slot(borie)},
                           buyer=services.Buyer(name="", email="pas-un-email", phone="")),
             cheese, match="Saisissez une adresse e-mail valide.")


def test_a_paused_producer_or_a_small_order_is_refused(borie):
    cheese = borie.products["cheese"]
    slot = first_slot(borie)
    services.ordering_settings_update(producer=borie.producer,
                                      data={"minimum_amount": Decimal("15")})
    _refused(lambda: place({cheese: 2}, {borie: slot}), cheese,
             match="La commande minimum chez La Borie est de 15,00\xa0€ (votre panier : "
                   "2,40\xa0€).")
    services.ordering_settings_update(producer=borie.producer, data={
        "minimum_amount": Decimal("0"), "is_paused": True,
        "pause_message": "Retour le 12 octobre."})
    _refused(lambda: place({cheese: 2}, {borie: slot}), cheese,
             match="La Borie a mis ses commandes en pause. Retour le 12 octobre.")


def test_an_other_payment_method_is_refused_without_online_payment(borie):
    cheese = borie.products["cheese"]
    _refused(lambda: services.checkout_place(
        quantities={cheese.pk: 1}, prices_seen={}, buyer=BUYER,
        choices={borie.producer.pk: services.ProducerChoice(slot=first_slot(borie).key,
                                                            payment_method="online")}),
        cheese, match="Ce mode de paiement n'est pas proposé par La Borie.")


def test_the_last_place_of_a_slot_goes_to_one_buyer(lot_communes):
    from tests.orders.conftest import open_farm

    farm = open_farm(nom="Petite Ferme", slug="petite-ferme", email="p@f.test", capacity=1)
    slot = first_slot(farm)
    place({farm.products["bread"]: 1}, {farm: slot})

    _refused(lambda: place({farm.products["bread"]: 1}, {farm: slot}),
             farm.products["bread"], match="Ce créneau n'est plus proposé")
    assert slot.key not in {s.key for s in offered_slots(farm.producer)}
    assert Order.objects.count() == 1


def test_product_lines_protect_the_product(borie):
    """Archive-instead-of-delete: an ordered product is archived by product_remove."""
    from orders.selectors import product_has_orders
    from producers.services import Removal, product_remove

    cheese = borie.products["cheese"]
    other = ProductFactory.create(producer=borie.producer)
    place({cheese: 1}, {borie: first_slot(borie)})

    assert product_has_orders(cheese) and not product_has_orders(other)
    assert product_remove(product=cheese) == Removal.ARCHIVED
    assert product_remove(product=other) == Removal.DELETED
    assert Product.objects.get(pk=cheese.pk).status == ProductStatus.ARCHIVED
