"""Corrections by the CCI: a listing or a product fixed (and recorded in the audit trail), a
product hidden with a reason the producer reads and cannot undo."""

from decimal import Decimal

from django.core import mail
from rest_framework.test import APIClient

from producers.models import Product, ProductStatus
from tests.factories import ProductFactory, category


def test_staff_fix_a_typo_and_the_history_says_who_before_and_after(cci, farmer, client):
    response = cci.client.post("/curation/producteurs/la-borie/corriger/", {
        "nom": "La Borie du Causse", "commune": "Cahors (46042)", "description": "Chèvres."})

    assert response.status_code == 302
    farmer.producer.refresh_from_db()
    assert farmer.producer.nom == "La Borie du Causse"
    history = cci.client.get("/curation/producteurs/la-borie/historique/")
    entry = history.context["entries"][0]
    assert entry.who == cci.user
    assert ("nom de la ferme ou de l'entreprise", "La Borie", "La Borie du Causse") in entry.details
    assert "La Borie du Causse" in client.get("/producteurs/la-borie/").content.decode()


def test_a_bad_correction_shows_errors_and_changes_nothing(cci, farmer):
    response = cci.client.post("/curation/producteurs/la-borie/corriger/", {
        "nom": "", "commune": "Cahors (46042)", "email": "pas une adresse"})

    assert response.status_code == 400
    assert set(response.context["form"].errors) == {"nom", "email"}
    farmer.producer.refresh_from_db()
    assert farmer.producer.nom == "La Borie"


def test_staff_fix_a_product_category(cci, farmer):
    product = ProductFactory.create(producer=farmer.producer, nom="Miel de chataignier",
                                    price=Decimal("8.00"))

    response = cci.client.post(f"/curation/produits/{product.pk}/corriger/", {
        "nom": "Miel de châtaignier", "category": category("miels").pk, "price": "8,00",
        "unit": "pot"})

    assert response.status_code == 302
    product.refresh_from_db()
    assert (product.nom, product.category.slug, product.unit) == (
        "Miel de châtaignier", "miels", "pot")
    entry = cci.client.get(f"/curation/produits/{product.pk}/historique/").context["entries"][0]
    assert entry.who == cci.user
    assert ("nom", "Miel de chataignier", "Miel de châtaignier") in entry.details


def test_a_hidden_product_leaves_the_site_and_the_producer_reads_why(
        cci, farmer, client, django_capture_on_commit_callbacks):
    product = ProductFactory.create(producer=farmer.producer, nom="Pâté", slug="pate")
    farmer.producer.email = "contact@borie.test"
    farmer.producer.save()

    with django_capture_on_commit_callbacks(execute=True):
        response = cci.client.post(f"/curation/produits/{product.pk}/masquer/",
                                   {"reason": "Étiquetage sans numéro d'agrément."})

    assert response.status_code == 302
    product.refresh_from_db()
    assert (product.status, product.status_reason) == (
        ProductStatus.HIDDEN, "Étiquetage sans numéro d'agrément.")
    assert client.get("/produits/la-borie/pate/").status_code == 404
    assert client.get(f"/api/v1/products/{product.pk}/").status_code == 404
    home = farmer.client.get("/espace-producteur/ferme/la-borie/").content.decode()
    assert "Motif : Étiquetage sans numéro d&#x27;agrément." in home
    assert mail.outbox[0].subject == "Un de vos produits sur « Oh my Lot ! » : masqué par la cci"
    assert "Pâté" in mail.outbox[0].body
    assert "Motif : Étiquetage sans numéro d'agrément." in mail.outbox[0].body


def test_hiding_needs_a_reason(cci, farmer):
    product = ProductFactory.create(producer=farmer.producer)

    response = cci.client.post(f"/curation/produits/{product.pk}/masquer/", {"reason": ""})

    assert response.status_code == 400
    assert Product.objects.get().status == ProductStatus.PUBLISHED


def test_the_producer_cannot_show_a_hidden_product_again(cci, farmer):
    product = ProductFactory.create(producer=farmer.producer, nom="Pâté", price=Decimal("5"))
    cci.client.post(f"/curation/produits/{product.pk}/masquer/", {"reason": "Étiquetage."})
    api = APIClient()
    api.force_authenticate(farmer.user)

    by_api = api.patch(f"/api/v1/me/products/{product.pk}/", {"status": "published"},
                       format="json")
    by_form = farmer.client.post(
        f"/espace-producteur/ferme/la-borie/produits/{product.pk}/",
        {"nom": "Pâté", "category": product.category_id, "price": "5", "unit": "piece",
         "status": "published"})

    assert by_api.status_code == 400
    assert "masqué par l'équipe de la CCI" in by_api.json()["status"][0]
    assert by_form.status_code == 302  # the rest is saved; the status field is locked
    assert Product.objects.get().status == ProductStatus.HIDDEN


def test_staff_show_it_again_as_a_draft(cci, farmer):
    product = ProductFactory.create(producer=farmer.producer)
    cci.client.post(f"/curation/produits/{product.pk}/masquer/", {"reason": "Étiquetage."})

    cci.client.post(f"/curation/produits/{product.pk}/afficher/")

    product.refresh_from_db()
    assert (product.status, product.status_reason) == (ProductStatus.DRAFT, "")
