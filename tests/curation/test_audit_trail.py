"""The audit trail covers every change to public data: labels, photos, points of sale and a
stock the producer types, not only the fields of the farm and product rows."""

import io
from datetime import time
from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from marketplace.reference.models import Label
from producers import services
from producers.models import PointOfSale, PointOfSaleKind
from producers.opening_hours import HoursRange
from producers.services import photos as photo_services
from producers.services import products as product_services
from tests.factories import ProductFactory
from tests.producers.factories import image_bytes


def _trail(cci, slug="la-borie"):
    return cci.client.get(f"/curation/producteurs/{slug}/historique/").context["entries"]


def test_a_producer_changing_a_stock_is_recorded_with_who_and_before_after(cci, farmer):
    product = ProductFactory.create(producer=farmer.producer, nom="Miel de châtaignier",
                                    price=Decimal("8.00"), stock=10)
    prefix = f"p{product.pk}"

    response = farmer.client.post(
        reverse("producers:product_quick_update", kwargs={"slug": "la-borie", "pk": product.pk}),
        {f"{prefix}-price": "8,00", f"{prefix}-stock": "4", f"{prefix}-is_available": "on"})

    assert response.status_code == 302
    stock_entries = [e for e in _trail(cci) if any(d[0] == "stock" for d in e.details)]
    assert len(stock_entries) == 1
    assert stock_entries[0].who == farmer.user
    assert ("stock", 10, 4) in stock_entries[0].details


def test_labels_added_to_a_product_are_recorded_by_name(cci, farmer):
    product = ProductFactory.create(producer=farmer.producer, nom="Rocamadour")
    aop = Label.objects.get(slug="aop")

    product_services.product_update(product=product, data={}, labels=[aop], actor=farmer.user)

    label_changes = [d for e in _trail(cci) for d in e.details if d[0] == "labels"]
    assert label_changes == [("labels", "", aop.nom)]


def test_photos_and_points_of_sale_join_the_trail(cci, farmer):
    product = ProductFactory.create(producer=farmer.producer, nom="Tomme")
    photo_services.product_photo_add(product=product, upload=io.BytesIO(image_bytes()),
                                     alt="Tomme entière sur une planche")
    PointOfSale.objects.create(producer=farmer.producer, kind=PointOfSaleKind.FARM,
                               nom="Boutique de la ferme", commune=farmer.producer.commune)

    subjects = [e.subject for e in _trail(cci) if e.change == "+"]

    assert any(s.startswith("photo : Tomme") for s in subjects)
    assert any(s.startswith("point de vente : ") and s.endswith("Boutique de la ferme")
               for s in subjects)


def test_the_days_of_a_point_of_sale_join_the_trail_with_who_changed_them(cci, farmer):
    point = services.point_of_sale_create(
        producer=farmer.producer, data={"kind": "market", "nom": "Marché de Cahors",
                                        "commune": farmer.producer.commune},
        hours=[HoursRange(3, time(7, 30), time(12, 30))])

    services.point_of_sale_update(point=point, data={}, hours=[
        HoursRange(3, time(7, 30), time(12, 30)), HoursRange(6, time(7, 30), time(12, 30))])

    hours = [(e.change, e.subject) for e in _trail(cci) if e.subject.startswith("horaires")]
    assert sorted(hours) == [("+", "horaires : mercredi, 7 h 30 – 12 h 30"),
                             ("+", "horaires : samedi, 7 h 30 – 12 h 30")]


def test_the_trail_of_one_product_holds_its_photos_but_not_the_farms(cci, farmer):
    product = ProductFactory.create(producer=farmer.producer, nom="Tomme")
    photo_services.product_photo_add(product=product, upload=io.BytesIO(image_bytes()),
                                     alt="Tomme coupée")
    photo_services.producer_photo_add(producer=farmer.producer, upload=io.BytesIO(image_bytes()),
                                      alt="La cour de la ferme")

    entries = cci.client.get(f"/curation/produits/{product.pk}/historique/").context["entries"]

    photos = [e.subject for e in entries if e.subject.startswith("photo : ")]
    assert photos and all("Tomme" in s for s in photos)


def _journal_queries(cci):
    with CaptureQueriesContext(connection) as queries:
        response = cci.client.get("/curation/journal/")
    assert response.status_code == 200
    return len(queries), len(response.context["entries"])


def test_the_journal_reads_in_a_fixed_number_of_queries(cci, farmer):
    aop = Label.objects.get(slug="aop")

    def edited_products(first, count):
        for number in range(first, first + count):
            product = ProductFactory.create(producer=farmer.producer, nom=f"Fromage {number}",
                                            stock=5)
            product_services.product_update(product=product, data={"stock": 2}, labels=[aop],
                                             actor=farmer.user)

    edited_products(0, 2)
    few_queries, few_entries = _journal_queries(cci)
    edited_products(2, 6)
    many_queries, many_entries = _journal_queries(cci)

    assert many_entries > few_entries
    assert many_queries == few_queries
