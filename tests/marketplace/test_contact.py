"""Writing to a producer or to the CCI's team: the message reaches the right address through
a background task, with the visitor as Reply-To; the producer's address never shows; robots,
floods and bad input send nothing."""

from html import unescape

import pytest
from django.core import mail
from django.test import Client

from producers.models import ProducerStatus
from tests.factories import MembershipFactory, ProducerFactory, ProductFactory, UserFactory

pytestmark = pytest.mark.django_db

SECRET = "secret.ferme@borie.test"
MESSAGE = "Bonjour, gardez-vous des cabécous pour samedi au marché de Cahors ?"


def _post(client: Client, url: str, **changes: str):
    data = {"name": "Lucie Martin", "email": "lucie@exemple.test", "phone": "06 12 34 56 78",
            "message": MESSAGE, "website": ""}
    return client.post(url, {**data, **changes})


@pytest.fixture
def farm(lot_communes):
    return ProducerFactory.create(slug="la-borie", nom="La Borie", email=SECRET)


def test_a_message_reaches_the_producer_with_the_visitor_as_reply_to(
        client, farm, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        answer = _post(client, "/producteurs/la-borie/contact/")

    assert answer.status_code == 302 and answer["Location"] == "/producteurs/la-borie/"
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == [SECRET]
    assert sent.reply_to == ["lucie@exemple.test"]
    assert MESSAGE in sent.body and "Lucie Martin" in sent.body and "06 12 34 56 78" in sent.body
    assert "Lucie" not in sent.subject  # nothing the visitor typed goes into a header
    page = client.get(answer["Location"]).content.decode()
    assert "Votre message est envoyé à La Borie" in page


def test_without_a_contact_address_the_owners_receive_it(
        client, lot_communes, django_capture_on_commit_callbacks):
    farm = ProducerFactory.create(slug="sans-adresse", email="")
    MembershipFactory.create(producer=farm, user=UserFactory.create(username="gaby@ferme.test"))

    with django_capture_on_commit_callbacks(execute=True):
        _post(client, "/producteurs/sans-adresse/contact/")

    assert [m.to for m in mail.outbox] == [["gaby@ferme.test"]]


def test_the_producers_address_is_on_no_page(client, farm):
    product = ProductFactory.create(producer=farm, slug="cabecou")
    pages = [client.get("/producteurs/la-borie/"), client.get("/producteurs/la-borie/contact/"),
             client.get(f"/produits/la-borie/{product.slug}/"),
             _post(client, "/producteurs/la-borie/contact/", email="pas-une-adresse")]

    assert [p.status_code for p in pages] == [200, 200, 200, 400]
    for page in pages:
        assert SECRET not in page.content.decode()
    # Both the producer page and the product page (where to buy) lead to the form.
    assert all("/producteurs/la-borie/contact/" in p.content.decode() for p in pages[:3:2])


def test_a_filled_trap_field_sends_nothing_and_says_why(
        client, farm, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        answer = _post(client, "/producteurs/la-borie/contact/", website="http://spam.test")

    assert answer.status_code == 400
    assert "ressemble à un envoi automatique" in answer.content.decode()
    assert mail.outbox == []


@pytest.mark.parametrize(("changes", "error"), [
    ({"message": "Bonjour ?"}, "au moins 20 caractères"),
    ({"email": "lucie@"}, "Saisissez une adresse e-mail valide"),
    ({"name": ""}, "Ce champ est obligatoire"),
    ({"phone": "appelez-moi"}, "Un numéro de téléphone"),
    ({"name": "Lucie\nBcc: tous@exemple.test"}, "Une seule ligne"),
])
def test_bad_input_shows_the_form_errors_and_sends_nothing(
        client, farm, changes, error, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        answer = _post(client, "/producteurs/la-borie/contact/", **changes)

    assert answer.status_code == 400
    assert error in unescape(answer.content.decode())
    assert mail.outbox == []


def test_over_the_limit_per_network_the_page_says_so_in_french_and_sends_nothing(
        client, farm, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        allowed = [_post(client, "/producteurs/la-borie/contact/").status_code
                   for _ in range(5)]
        refused = _post(client, "/producteurs/la-borie/contact/")

    assert allowed == [302] * 5
    assert refused.status_code == 429
    assert "Trop de demandes" in refused.content.decode()
    assert "rien n'a été envoyé" in unescape(refused.content.decode())
    assert len(mail.outbox) == 5


def test_one_farm_cannot_be_flooded_from_many_networks(
        farm, django_capture_on_commit_callbacks):
    def from_network(n: int):
        return _post(Client(REMOTE_ADDR=f"192.0.2.{n}"), "/producteurs/la-borie/contact/")

    with django_capture_on_commit_callbacks(execute=True):
        allowed = [from_network(n).status_code for n in range(20)]
        refused = from_network(99)
        other_farm = ProducerFactory.create(slug="autre", email="autre@ferme.test")
        elsewhere = _post(Client(REMOTE_ADDR="192.0.2.99"), "/producteurs/autre/contact/")

    assert allowed == [302] * 20
    assert refused.status_code == 429
    assert elsewhere.status_code == 302
    assert [m.to for m in mail.outbox].count([other_farm.email]) == 1
    assert len(mail.outbox) == 21


@pytest.mark.parametrize("status", [ProducerStatus.PENDING, ProducerStatus.SUSPENDED,
                                    ProducerStatus.REJECTED])
def test_a_producer_not_public_has_no_contact_form(
        client, lot_communes, status, django_capture_on_commit_callbacks):
    ProducerFactory.create(slug="en-attente", email=SECRET, status=status)

    with django_capture_on_commit_callbacks(execute=True):
        shown = client.get("/producteurs/en-attente/contact/")
        posted = _post(client, "/producteurs/en-attente/contact/")

    assert (shown.status_code, posted.status_code) == (404, 404)
    assert mail.outbox == []


def test_a_farm_that_nobody_receives_mail_for_says_so_and_sends_nothing(
        client, lot_communes, django_capture_on_commit_callbacks):
    ProducerFactory.create(slug="muette", email="")

    page = unescape(client.get("/producteurs/muette/contact/").content.decode())
    with django_capture_on_commit_callbacks(execute=True):
        answer = _post(client, "/producteurs/muette/contact/")

    assert 'name="message"' not in page
    assert "ne reçoit pas de messages par le site" in page
    assert answer.status_code == 400
    assert mail.outbox == []


def test_a_listing_withdrawn_before_the_task_runs_gets_nothing(
        client, farm, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        _post(client, "/producteurs/la-borie/contact/")
    farm.status = ProducerStatus.SUSPENDED
    farm.save(update_fields=["status"])
    for callback in callbacks:
        callback()

    assert mail.outbox == []


def test_a_message_to_the_team_goes_to_the_contact_address(
        client, settings, lot_communes, django_capture_on_commit_callbacks):
    settings.CONTACT_EMAIL = "equipe@cci-lot.test"

    page = client.get("/contact/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        answer = _post(client, "/contact/")

    assert "equipe@cci-lot.test" not in page
    assert answer.status_code == 302 and answer["Location"] == "/contact/"
    assert [(m.to, m.reply_to) for m in mail.outbox] == [(["equipe@cci-lot.test"],
                                                          ["lucie@exemple.test"])]
    assert "Votre message est envoyé à l'équipe" in unescape(
        client.get("/contact/").content.decode())


def test_the_team_contact_page_is_limited_too(client, lot_communes,
                                              django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        answers = [_post(client, "/contact/").status_code for _ in range(6)]

    assert answers == [302] * 5 + [429]
    assert len(mail.outbox) == 5


@pytest.mark.django_db(transaction=True)
def test_the_message_waits_for_the_worker_on_the_database_queue(
        client, lot_communes, database_backend):
    from tests.conftest import work_queued_tasks

    ProducerFactory.create(slug="la-borie", email=SECRET)
    _post(client, "/producteurs/la-borie/contact/")
    assert mail.outbox == []

    work_queued_tasks()

    assert [m.to for m in mail.outbox] == [[SECRET]]
