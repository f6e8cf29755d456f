"""The review queue and the decisions: through the state machine, e-mailed after commit, read
by the producer, and suspending hides the producer everywhere at once."""

from datetime import timedelta

from django.core import mail
from django.test import Client
from django.utils import timezone

from marketplace.curation.tasks import notify_producer_status
from producers.models import ListingClaim, Producer, ProducerStatus, ProducerStatusChange
from tests.factories import MembershipFactory, ProducerFactory, ProductFactory, UserFactory


def decide(person, producer, move, reason=""):
    return person.client.post(f"/curation/producteurs/{producer.slug}/decision/",
                              {"move": move, "reason": reason})


def test_the_queue_lists_pending_producers_oldest_first(cci, pending):
    older = ProducerFactory.create(nom="Ferme Ancienne", status=ProducerStatus.PENDING)
    Producer.objects.filter(pk=older.pk).update(created_at=timezone.now() - timedelta(days=9))
    ProducerFactory.create(nom="Ferme Publique")

    response = cci.client.get("/curation/file/")

    assert [p.nom for p in response.context["producers"]] == ["Ferme Ancienne",
                                                             "Le Jardin du Causse"]


def test_approving_emails_the_producer_and_it_is_found_by_search(
        cci, pending, client, django_capture_on_commit_callbacks):
    ProductFactory.create(producer=pending, nom="Tomates anciennes")
    assert "Tomates anciennes" not in client.get("/produits/?q=tomates").content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = decide(cci, pending, "approve")

    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.status == ProducerStatus.APPROVED
    change = ProducerStatusChange.objects.get(producer=pending)
    assert (change.source, change.target, change.actor) == ("pending", "approved", cci.user)
    assert change.notified_at is not None
    assert len(mail.outbox) == 1
    assert sorted(mail.outbox[0].to) == ["contact@jardin.test", "lucie@jardin.test"]
    assert mail.outbox[0].subject == "Votre fiche sur « Oh my Lot ! » : validé"
    assert "Le Jardin du Causse" in mail.outbox[0].body
    assert "/producteurs/jardin-du-causse/" in mail.outbox[0].body
    assert "Tomates anciennes" in client.get("/produits/?q=tomates").content.decode()


def test_the_email_task_sends_once_even_if_run_twice(cci, pending,
                                                     django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        decide(cci, pending, "approve")
    change = ProducerStatusChange.objects.get(producer=pending)

    again = notify_producer_status.call(change_id=change.pk)

    assert again is False
    assert len(mail.outbox) == 1


def test_rejecting_needs_a_reason_and_changes_nothing_without_one(
        cci, pending, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = decide(cci, pending, "reject", reason="  ")

    assert response.status_code == 400
    assert response.context["form"].errors["reason"] == [
        "Indiquez le motif : il sera communiqué."]
    pending.refresh_from_db()
    assert pending.status == ProducerStatus.PENDING
    assert not ProducerStatusChange.objects.exists()
    assert mail.outbox == []


def test_a_rejected_producer_reads_the_reason_in_its_dashboard(
        cci, pending, django_capture_on_commit_callbacks):
    owner = pending.memberships.get().user
    with django_capture_on_commit_callbacks(execute=True):
        decide(cci, pending, "reject", reason="Le SIRET ne correspond pas à la ferme.")

    client = Client()
    client.force_login(owner)
    page = client.get(f"/espace-producteur/ferme/{pending.slug}/").content.decode()

    assert "Le SIRET ne correspond pas à la ferme." in page
    assert "Motif : Le SIRET ne correspond pas à la ferme." in mail.outbox[0].body


def test_a_move_the_machine_refuses_changes_nothing(cci, pending):
    response = decide(cci, pending, "reinstate")

    assert response.status_code == 400
    pending.refresh_from_db()
    assert pending.status == ProducerStatus.PENDING


def test_suspending_hides_the_producer_everywhere_at_once(cci, client, lot_communes,
                                                         django_capture_on_commit_callbacks):
    producer = ProducerFactory.create(nom="Les Foies Gras", slug="foies-gras")
    product = ProductFactory.create(producer=producer, nom="Foie gras entier", slug="foie-gras")
    pages = ["/producteurs/foies-gras/", "/produits/foies-gras/foie-gras/"]
    for url in pages:
        assert client.get(url).status_code == 200
    assert "Foie gras entier" in client.get("/").content.decode()  # cached home page

    with django_capture_on_commit_callbacks(execute=True):  # the caches follow on commit
        response = decide(cci, producer, "suspend", reason="Plainte sanitaire en cours.")

    assert response.status_code == 302
    for url in pages:
        assert client.get(url).status_code == 404
    assert "Foie gras entier" not in client.get("/").content.decode()
    assert "Foie gras entier" not in client.get("/produits/?q=foie").content.decode()
    assert client.get("/api/v1/products/?q=foie").json()["count"] == 0
    assert client.get(f"/api/v1/products/{product.pk}/").status_code == 404
    assert "foies-gras" not in client.get("/sitemap-producteurs.xml").content.decode()
    assert "Les Foies Gras" not in client.get("/opendata/producteurs.csv").content.decode()


def test_the_review_page_checks_the_siret_and_flags_a_claim(cci, pending):
    other = UserFactory.create(username="vrai@jardin.test")
    ListingClaim.objects.create(producer=pending, user=other, siret=pending.siret,
                                origin="signup")
    Producer.objects.filter(pk=pending.pk).update(siret="12345678901234")

    html = cci.client.get(f"/curation/producteurs/{pending.slug}/").content.decode()

    assert "Ce numéro SIRET n&#x27;est pas valide" in html
    assert "Ce SIRET est aussi revendiqué par vrai@jardin.test" in html
    queue = cci.client.get("/curation/file/").content.decode()
    assert "SIRET revendiqué par un autre compte" in queue


def test_the_preview_shows_the_public_page_of_a_pending_producer(cci, pending, client):
    ProductFactory.create(producer=pending, nom="Courges")

    response = cci.client.get(f"/curation/producteurs/{pending.slug}/apercu/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Le Jardin du Causse</h1>" in html and "Courges" in html
    assert '<meta name="robots" content="noindex">' in html
    assert client.get(f"/producteurs/{pending.slug}/").status_code == 404


def test_the_team_of_another_farm_is_not_told(cci, pending, django_capture_on_commit_callbacks):
    MembershipFactory.create(producer=ProducerFactory.create(), user=UserFactory.create())

    with django_capture_on_commit_callbacks(execute=True):
        decide(cci, pending, "approve")

    assert len(mail.outbox[0].to) == 2
