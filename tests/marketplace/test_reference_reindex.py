"""A category, label or commune renamed by staff is found under its new name at once: the search
documents that quote it are rewritten in the same transaction (producers/reference_changes.py)."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from marketplace.reference.models import Commune
from marketplace.reference.signals import reference_changed
from producers.models import Producer, Product
from tests.factories import ProducerFactory, ProductFactory, category, commune, label

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(lot_communes):
    user = get_user_model().objects.create_superuser("cci@example.test", "cci@example.test",
                                                     "motdepasse-solide-46")
    client = Client()
    client.force_login(user)
    return client


def found(path: str, text: str) -> str:
    response = Client().get(path, {"q": text})
    assert response.status_code == 200
    return response.content.decode()


def test_a_category_renamed_in_the_admin_finds_its_products_and_producers(staff):
    goat = category("fromages-de-chevre")
    ProductFactory(nom="Pélardon frais", category=goat,
                             producer=ProducerFactory(nom="Ferme des Garrigues"))
    assert "Pélardon frais" not in found("/produits/", "zarbitude")

    response = staff.post(f"/admin/reference/category/{goat.pk}/change/", {
        "nom": "Fromages de zarbitude", "slug": goat.slug, "nom_en": goat.nom_en,
        "description": goat.description, "parent": goat.parent_id, "position": goat.position})

    assert response.status_code == 302
    assert "Pélardon frais" in found("/produits/", "zarbitude")
    assert "Ferme des Garrigues" in found("/producteurs/", "zarbitude")


def test_a_renamed_parent_category_reaches_the_products_of_its_kinds(staff):
    goat = category("fromages-de-chevre")
    family = goat.parent
    assert family is not None
    ProductFactory(nom="Crottin cendré", category=goat)

    response = staff.post(f"/admin/reference/category/{family.pk}/change/", {
        "nom": "Laitages de quercynie", "slug": family.slug, "nom_en": family.nom_en,
        "description": family.description, "parent": "", "position": family.position})

    assert response.status_code == 302
    assert "Crottin cendré" in found("/produits/", "quercynie")


def test_a_label_renamed_in_the_admin_finds_what_carries_it(staff):
    aop = label("aop")
    producer: Producer = ProducerFactory.create(nom="Domaine du Causse")
    producer.labels.add(aop)
    product: Product = ProductFactory.create(nom="Rocamadour affiné")
    product.labels.add(aop)

    response = staff.post(f"/admin/reference/label/{aop.pk}/change/", {
        "nom": "Appellation zarbitude", "slug": "aop", "nom_en": aop.nom_en,
        "description": aop.description, "url": aop.url})

    assert response.status_code == 302
    assert "Rocamadour affiné" in found("/produits/", "zarbitude")
    assert "Domaine du Causse" in found("/producteurs/", "zarbitude")


def test_a_renamed_commune_is_found_in_its_producers_and_products(lot_communes):
    cahors = commune("46042")
    ProductFactory(nom="Vin de noix", producer=ProducerFactory(nom="Chai du Lot",
                                                               commune=cahors))
    Commune.objects.filter(pk=cahors.pk).update(nom="Cahors-Zarbitude")

    reference_changed.send(sender=Commune, ids=[cahors.pk])

    assert "Vin de noix" in found("/produits/", "zarbitude")
    assert "Chai du Lot" in found("/producteurs/", "zarbitude")


def test_a_refused_edit_changes_no_document(staff):
    goat = category("fromages-de-chevre")
    ProductFactory(nom="Cabécou", category=goat)

    response = staff.post(f"/admin/reference/category/{goat.pk}/change/", {
        "nom": "", "slug": goat.slug, "parent": goat.parent_id, "position": goat.position})

    assert response.status_code == 200
    assert "Cabécou" in found("/produits/", goat.nom)
