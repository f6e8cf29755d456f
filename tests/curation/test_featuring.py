"""Featuring on the home page and in campaigns: in the CCI's order, between its dates."""

from datetime import timedelta

from django.utils import timezone

from producers.models import Campaign, Featuring
from tests.factories import ProducerFactory, ProductFactory


def home_products(client) -> list[str]:
    return [p.nom for p in client.get("/").context["products"]]


def test_a_featured_product_comes_first_on_the_home_page(
        cci, client, lot_communes, django_capture_on_commit_callbacks):
    producer = ProducerFactory.create(slug="ferme")
    ProductFactory.create(producer=producer, nom="Noix de Gramat", slug="noix")
    for n in range(10):
        ProductFactory.create(producer=producer, nom=f"Produit {n}", slug=f"produit-{n}")
    assert "Noix de Gramat" not in home_products(client)  # the 8 newest come first otherwise

    with django_capture_on_commit_callbacks(execute=True):
        response = cci.client.post("/curation/mises-en-avant/", {
            "subject": "http://127.0.0.1:8000/produits/ferme/noix/", "position": "1",
            "starts_on": timezone.localdate().isoformat()})

    assert response.status_code == 302
    assert home_products(client)[0] == "Noix de Gramat"
    featuring = Featuring.objects.get()
    assert featuring.product is not None
    assert (featuring.product.slug, featuring.campaign, featuring.created_by) == (
        "noix", None, cci.user)


def test_the_home_page_follows_the_order_and_the_dates(cci, client, lot_communes):
    producer = ProducerFactory.create()
    today = timezone.localdate()
    first = ProductFactory.create(producer=producer, nom="Safran")
    second = ProductFactory.create(producer=producer, nom="Truffe")
    ended = ProductFactory.create(producer=producer, nom="Melon")
    Featuring.objects.create(product=second, position=2, starts_on=today)
    Featuring.objects.create(product=first, position=1, starts_on=today,
                             ends_on=today + timedelta(days=3))
    Featuring.objects.create(product=ended, position=0, starts_on=today - timedelta(days=9),
                             ends_on=today - timedelta(days=1))

    # The ended featuring (position 0) no longer counts: Melon is only the newest product.
    assert home_products(client) == ["Safran", "Truffe", "Melon"]


def test_a_campaign_has_its_section_on_the_home_page(cci, client, lot_communes):
    producer = ProducerFactory.create(nom="La Ferme aux Noix", slug="noix")
    today = timezone.localdate()
    cci.client.post("/curation/campagnes/ajouter/", {
        "title": "Je soutiens nos producteurs", "slug": "je-soutiens",
        "starts_on": today.isoformat()})
    campaign = Campaign.objects.get()

    cci.client.post("/curation/mises-en-avant/", {
        "subject": "/producteurs/noix/", "campaign": campaign.pk, "position": "1",
        "starts_on": today.isoformat()})

    response = client.get("/")
    assert "Je soutiens nos producteurs</h2>" in response.content.decode()
    entry = response.context["campaigns"][0]
    assert [p.nom for p in entry["producers"]] == [producer.nom]


def test_an_unknown_address_is_refused_and_nothing_is_featured(cci, lot_communes):
    response = cci.client.post("/curation/mises-en-avant/", {
        "subject": "/produits/nulle-part/rien/", "position": "1",
        "starts_on": timezone.localdate().isoformat()})

    assert response.status_code == 400
    assert "Aucun producteur ni produit à cette adresse" in response.context["form"].errors[
        "subject"][0]
    assert not Featuring.objects.exists()


def test_an_end_before_the_start_is_refused(cci, lot_communes):
    ProducerFactory.create(slug="ferme")

    response = cci.client.post("/curation/mises-en-avant/", {
        "subject": "/producteurs/ferme/", "position": "1", "starts_on": "2026-12-10",
        "ends_on": "2026-12-01"})

    assert response.status_code == 400
    assert response.context["form"].errors["ends_on"] == ["La fin doit suivre le début."]
    assert not Featuring.objects.exists()
