"""Listing freshness: each page says when its information was confirmed; a yearly e-mail asks
for a one-click confirmation; staff find listings unconfirmed for a year and hide them."""

import re
from datetime import UTC, datetime, timedelta

from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from producers.models import Producer, ProducerStatus
from tests.factories import ProducerFactory


def age(producer: Producer, days: int) -> None:
    Producer.objects.filter(pk=producer.pk).update(
        approved_at=timezone.now() - timedelta(days=days), last_confirmed_at=None)


def test_the_public_page_shows_when_the_information_was_confirmed(client, lot_communes):
    producer = ProducerFactory.create(slug="borie")
    Producer.objects.filter(pk=producer.pk).update(
        last_confirmed_at=datetime(2026, 3, 14, 10, tzinfo=UTC))

    html = client.get("/producteurs/borie/").content.decode()

    assert "Informations confirmées le 14 mars 2026." in html


def test_staff_find_stale_listings_and_hide_them(cci, client, lot_communes,
                                                 django_capture_on_commit_callbacks):
    stale = ProducerFactory.create(nom="Vieille Fiche", slug="vieille", email="v@example.test")
    fresh = ProducerFactory.create(nom="Fiche Récente")
    age(stale, 400)
    age(fresh, 100)

    listed = cci.client.get("/curation/fraicheur/").context["producers"]
    assert [p.nom for p in listed] == ["Vieille Fiche"]

    with django_capture_on_commit_callbacks(execute=True):
        cci.client.post("/curation/fraicheur/vieille/masquer/")

    stale.refresh_from_db()
    assert stale.status == ProducerStatus.SUSPENDED
    assert "pas été confirmées depuis plus d'un an" in stale.status_reason
    assert client.get("/producteurs/vieille/").status_code == 404
    assert mail.outbox[0].to == ["v@example.test"]


def test_a_fresh_listing_cannot_be_hidden_from_the_stale_list(cci, lot_communes):
    fresh = ProducerFactory.create(slug="fraiche")

    cci.client.post("/curation/fraicheur/fraiche/masquer/")

    fresh.refresh_from_db()
    assert fresh.status == ProducerStatus.APPROVED


def test_the_yearly_email_confirms_in_one_click_and_is_sent_once(
        lot_communes, django_capture_on_commit_callbacks):
    producer = ProducerFactory.create(nom="La Borie", email="contact@borie.test")
    age(producer, 340)
    ProducerFactory.create(nom="Récente")

    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_confirmation_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_confirmation_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "« La Borie » : vos informations sont-elles à jour ?"
    found = re.search(r"http://127\.0\.0\.1:8000(/espace-producteur/confirmation/\S+)",
                      str(mail.outbox[0].body))
    assert found is not None
    url = found.group(1)
    visitor = Client()
    assert visitor.get(url).status_code == 200  # a link alone changes nothing
    producer.refresh_from_db()
    assert producer.last_confirmed_at is None

    visitor.post(url)

    producer.refresh_from_db()
    assert producer.last_confirmed_at is not None
    assert timezone.now() - producer.last_confirmed_at < timedelta(minutes=1)


def test_a_forged_confirmation_link_is_refused(client, lot_communes):
    response = client.post("/espace-producteur/confirmation/pas-un-jeton/")

    assert response.status_code == 400


def test_the_producer_confirms_from_its_dashboard(farmer):
    age(farmer.producer, 400)

    farmer.client.post("/espace-producteur/ferme/la-borie/confirmer/")

    farmer.producer.refresh_from_db()
    assert farmer.producer.last_confirmed_at is not None
