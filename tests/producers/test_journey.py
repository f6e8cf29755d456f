"""The issue's "done when": sign up, get approved, fill the profile, add products with photos,
see them on the public page (plain forms, as a phone without JavaScript would send them)."""

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from marketplace.reference.models import Category
from producers import services
from producers.models import Producer
from tests.producers.factories import image_bytes


@pytest.mark.django_db
def test_from_sign_up_to_the_public_page(lot_communes, django_capture_on_commit_callbacks):
    client = Client()
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/espace-producteur/inscription/", {
            "email": "jeanne@causse.test", "password1": "truffes-de-lalbenque",
            "password2": "truffes-de-lalbenque", "nom": "Truffières du Causse",
            "legal_name": "EARL du Causse", "siret": "44306184100047", "commune": "Lalbenque",
            "phone": "05 65 31 00 00"})
    link = next(word for word in mail.outbox[0].body.split() if "/verification/" in word)
    client.get(link)  # confirms the address and opens the session
    producer = Producer.objects.get()
    assert client.get(f"/producteurs/{producer.slug}/").status_code == 404  # pending

    services.producer_approve(producer=producer)
    base = f"/espace-producteur/ferme/{producer.slug}"
    client.post(f"{base}/profil/", {
        "nom": producer.nom, "legal_name": "EARL du Causse", "commune": "46148",
        "description": "Truffe noire du Quercy, de décembre à mars.", "latitude": "",
        "longitude": "", "phone": "05 65 31 00 00", "email": "", "website": "",
        "social_links": "", "opening_hours": "", "address": "", "postal_code": ""})
    client.post(f"{base}/points-de-vente/ajouter/", {
        "kind": "market", "nom": "Marché aux truffes de Lalbenque", "commune": "46148",
        "hours-TOTAL_FORMS": "1", "hours-INITIAL_FORMS": "0", "hours-0-weekday": "2",
        "hours-0-opens": "14:00", "hours-0-closes": "16:00"})
    category = Category.objects.get(slug="truffes")
    for n in range(10):
        photo = SimpleUploadedFile(f"truffe{n}.jpg", image_bytes("JPEG", (640, 480)),
                                   content_type="image/jpeg")
        response = client.post(f"{base}/produits/ajouter/", {
            "nom": f"Truffe noire, lot {n + 1}", "category": category.pk, "price": "95,00",
            "unit": "lot", "unit_size": "100 g", "stock": "3", "is_available": "on",
            "status": "published", "photos": [photo]})
        assert response.status_code == 302

    page = client.get(f"/producteurs/{producer.slug}/")

    assert page.status_code == 200
    html = page.content.decode()
    assert "Truffe noire, lot 1" in html and "Truffe noire, lot 10" in html
    assert producer.products.filter(photos__isnull=False).distinct().count() == 10
    assert producer.points_of_sale.get().days() == [2]
