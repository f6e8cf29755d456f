"""The issue's « Done when », as one staff member's morning: approve a pending producer
(e-mailed, then found by search), reject another with a reason the producer reads, feature a
product on the home page, import a spreadsheet with two bad rows (shown, nothing imported), fix
it and import it, find a stale listing, and read the audit trail of all of it."""

from datetime import timedelta

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from marketplace.curation.models import ImportRun, ImportStatus
from producers.models import MemberRole, Producer, ProducerStatus, Product
from tests.factories import MembershipFactory, ProducerFactory, ProductFactory, UserFactory
from tests.producers.conftest_import import SIRET_B, row, write_csv


def test_a_morning_of_curation(cci, client, tmp_path, django_capture_on_commit_callbacks):
    now = django_capture_on_commit_callbacks  # decisions, e-mails and caches follow on commit
    jardin = ProducerFactory.create(nom="Le Jardin du Causse", slug="jardin",
                                    status=ProducerStatus.PENDING, email="jardin@example.test")
    ProductFactory.create(producer=jardin, nom="Potimarron bio", slug="potimarron")
    douteux = ProducerFactory.create(nom="Ferme Douteuse", slug="douteuse",
                                     status=ProducerStatus.PENDING)
    douteux_owner = UserFactory.create(username="douteux@example.test")
    MembershipFactory.create(producer=douteux, user=douteux_owner, role=MemberRole.OWNER)
    ancienne = ProducerFactory.create(nom="Fiche Ancienne", slug="ancienne")
    Producer.objects.filter(pk=ancienne.pk).update(
        approved_at=timezone.now() - timedelta(days=500))
    noix = ProductFactory.create(producer=ancienne, nom="Noix fraîches", slug="noix")

    # 1. Approve: e-mailed, then found by search.
    with now(execute=True):
        cci.client.post("/curation/producteurs/jardin/decision/", {"move": "approve"})
    assert mail.outbox[-1].to == ["jardin@example.test"]
    assert "Elle est validée" in mail.outbox[-1].body
    assert "Potimarron bio" in client.get("/produits/?q=potimarron").content.decode()

    # 2. Reject with a reason the producer reads.
    with now(execute=True):
        cci.client.post("/curation/producteurs/douteuse/decision/",
                        {"move": "reject", "reason": "Photos sans rapport avec la ferme."})
    producer_client = Client()
    producer_client.force_login(douteux_owner)
    assert "Photos sans rapport avec la ferme." in producer_client.get(
        "/espace-producteur/ferme/douteuse/").content.decode()

    # 3. Feature a product on the home page.
    with now(execute=True):
        cci.client.post("/curation/mises-en-avant/", {
            "subject": "/produits/ancienne/noix/", "position": "1",
            "starts_on": timezone.localdate().isoformat()})
    assert client.get("/").context["products"][0] == noix

    # 4. A spreadsheet with two bad rows: shown, nothing imported.
    bad = write_csv(tmp_path / "catalogue.csv", [
        row(), row(product_name="Cabécou", price="gratuit"),
        row(producer_siret=SIRET_B, producer_name="Le Mas", product_name="Miel",
            product_category="inconnue")])
    products_before = Product.objects.count()
    with now(execute=True):
        cci.client.post("/curation/import/", {"file": SimpleUploadedFile(
            "catalogue.csv", bad.read_bytes(), "text/csv")})
    first = ImportRun.objects.get()
    assert first.status == ImportStatus.INVALID
    assert [e[0] for e in first.report["errors"]] == [3, 4]
    assert Product.objects.count() == products_before

    # 5. Fixed and imported.
    fixed = write_csv(tmp_path / "catalogue-corrige.csv", [
        row(), row(product_name="Cabécou", price="1,80"),
        row(producer_siret=SIRET_B, producer_name="Le Mas", product_name="Miel",
            product_category="miels")])
    with now(execute=True):
        cci.client.post("/curation/import/", {"file": SimpleUploadedFile(
            "catalogue-corrige.csv", fixed.read_bytes(), "text/csv")})
    second = ImportRun.objects.exclude(pk=first.pk).get()
    assert second.status == ImportStatus.CHECKED
    with now(execute=True):
        cci.client.post(f"/curation/import/{second.pk}/confirmer/")
    second.refresh_from_db()
    assert second.status == ImportStatus.DONE
    assert Product.objects.count() == products_before + 3
    assert "Cabécou" in client.get("/produits/?q=cabecou").content.decode()

    # 6. A stale listing.
    stale = cci.client.get("/curation/fraicheur/").context["producers"]
    assert [p.nom for p in stale] == ["Fiche Ancienne"]

    # 7. The audit trail of all of it.
    journal = cci.client.get("/curation/journal/")
    entries = journal.context["entries"]
    by_staff = {(e.subject, e.change) for e in entries if e.who == cci.user}
    assert ("Le Jardin du Causse", "~") in by_staff  # the approval (status before/after)
    assert ("Ferme Douteuse", "~") in by_staff  # the refusal
    assert ("Noix fraîches", "+") in by_staff  # the featuring
    assert ("catalogue-corrige.csv", "import") in by_staff
    approval = next(e for e in entries if e.subject == "Le Jardin du Causse" and e.who)
    assert ("statut", "En attente de validation", "Validé") in approval.details
    html = journal.content.decode()
    assert "camille@cci.test" in html and "Photos sans rapport avec la ferme." in html
