"""The statuses of producers and products move only along their state machines, with the same
French refusal from the services, the dashboard, the API, the admin and the import."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db.models.fields.files import FieldFile
from django.urls import reverse

from producers import services, states
from producers.models import Producer, ProducerStatus, Product, ProductStatus
from tests.factories import ProducerFactory, ProductFactory, UserFactory

pytestmark = pytest.mark.django_db

P, S = ProducerStatus, ProductStatus


def test_the_tables_are_written_down_once():
    moves = {(source, t.target) for t in states.PRODUCER.transitions.values()
             for source in t.sources}
    assert moves == {(P.PENDING, P.APPROVED), (P.PENDING, P.REJECTED),
                     (P.APPROVED, P.SUSPENDED), (P.SUSPENDED, P.APPROVED),
                     (P.REJECTED, P.APPROVED), (P.REJECTED, P.PENDING)}
    moves = {(source, t.target) for t in states.PRODUCT.transitions.values()
             for source in t.sources}
    assert moves == {(S.DRAFT, S.PUBLISHED), (S.PUBLISHED, S.DRAFT), (S.DRAFT, S.ARCHIVED),
                     (S.PUBLISHED, S.ARCHIVED), (S.ARCHIVED, S.DRAFT),
                     # the CCI hides a product with a reason; only it shows it again (a draft)
                     (S.DRAFT, S.HIDDEN), (S.PUBLISHED, S.HIDDEN), (S.HIDDEN, S.DRAFT)}


class TestProducerMoves:
    def test_each_move_is_timestamped_and_recorded_with_its_author(self, lot_communes):
        producer = ProducerFactory.create(status=P.PENDING)
        staff = UserFactory.create(is_staff=True)

        services.producer_approve(producer=producer, actor=staff)
        services.producer_suspend(producer=producer, reason="Photos à refaire", actor=staff)
        services.producer_reinstate(producer=producer, actor=staff)

        producer.refresh_from_db()
        assert producer.status == P.APPROVED and producer.status_changed_at is not None
        changes = list(producer.status_changes.values_list("source", "target", "reason",
                                                           "actor"))
        assert changes == [(P.PENDING, P.APPROVED, "", staff.pk),
                           (P.APPROVED, P.SUSPENDED, "Photos à refaire", staff.pk),
                           (P.SUSPENDED, P.APPROVED, "", staff.pk)]
        assert producer.status_changed_at == producer.status_changes.last().at

    @pytest.mark.parametrize(("status", "move", "message"), [
        (P.APPROVED, "producer_approve",
         "Impossible de passer ce producteur de « Validé » à « Validé ». Depuis « Validé », "
         "possible : « Suspendu »."),
        (P.SUSPENDED, "producer_resubmit",
         "Impossible de passer ce producteur de « Suspendu » à « En attente de validation ». "
         "Depuis « Suspendu », possible : « Validé »."),
        (P.PENDING, "producer_reinstate",
         "Impossible de passer ce producteur de « En attente de validation » à « Validé »."),
    ])
    def test_an_illegal_move_is_refused_in_french_and_changes_nothing(
        self, lot_communes, status, move, message
    ):
        producer = ProducerFactory.create(status=status)

        with pytest.raises(ValidationError) as error:
            getattr(services, move)(producer=producer)

        assert error.value.message_dict["status"][0].startswith(message)
        producer.refresh_from_db()
        assert producer.status == status and not producer.status_changes.exists()

    def test_rejecting_or_suspending_needs_a_reason(self, lot_communes):
        producer = ProducerFactory.create(status=P.PENDING)

        with pytest.raises(ValidationError) as error:
            services.producer_reject(producer=producer, reason="  ")

        assert error.value.message_dict == {
            "reason": ["Indiquez le motif : il sera communiqué."]}
        assert Producer.objects.get().status == P.PENDING

    def test_the_first_approval_date_stays(self, lot_communes):
        producer = ProducerFactory.create(status=P.PENDING)
        services.producer_approve(producer=producer)
        first = Producer.objects.get().approved_at

        services.producer_suspend(producer=producer, reason="Fiche à corriger")
        services.producer_reinstate(producer=producer)

        assert Producer.objects.get().approved_at == first


class TestProductMoves:
    def test_publish_unpublish_archive_restore(self, lot_communes):
        product = ProductFactory.create(status=S.DRAFT)

        for move, expected in [("product_publish", S.PUBLISHED),
                               ("product_unpublish", S.DRAFT),
                               ("product_archive", S.ARCHIVED),
                               ("product_restore", S.DRAFT)]:
            getattr(services, move)(product=product)
            assert Product.objects.get().status == expected

        assert [c.target for c in product.status_changes.all()] == [
            S.PUBLISHED, S.DRAFT, S.ARCHIVED, S.DRAFT]

    def test_an_archived_product_cannot_be_published_directly(self, lot_communes):
        product = ProductFactory.create(status=S.ARCHIVED)

        with pytest.raises(ValidationError) as error:
            services.product_update(product=product, data={"status": S.PUBLISHED})

        assert error.value.message_dict["status"] == [
            "Impossible de passer ce produit de « Archivé » à « Publié ». Depuis « Archivé », "
            "possible : « Brouillon »."]
        assert Product.objects.get().status == S.ARCHIVED

    def test_a_new_product_cannot_start_archived(self, lot_communes):
        producer = ProducerFactory.create()
        category = ProductFactory.build().category

        with pytest.raises(ValidationError) as error:
            services.product_create(producer=producer, data={
                "nom": "Miel", "category": category, "price": Decimal("5"),
                "status": S.ARCHIVED})

        assert error.value.message_dict == {
            "status": ["Un nouveau produit est publié ou en brouillon."]}
        assert not Product.objects.exists()


class TestEveryInterfaceRefusesTheSameWay:
    MESSAGE = ("Impossible de passer ce produit de « Archivé » à « Publié ». Depuis « Archivé », "
               "possible : « Brouillon ».")

    def test_the_api(self, owner):
        product = ProductFactory.create(producer=owner.producer, status=S.ARCHIVED)

        response = owner.api.patch(f"/api/v1/me/products/{product.pk}/",
                                   {"status": "published"}, format="json")

        assert response.status_code == 400
        assert response.json() == {"status": [self.MESSAGE]}
        assert Product.objects.get().status == S.ARCHIVED

    def test_the_dashboard(self, owner):
        product = ProductFactory.create(producer=owner.producer, status=S.ARCHIVED,
                                        nom="Miel", price=Decimal("5"))
        url = reverse("producers:product_update", args=[owner.producer.slug, product.pk])
        form = {"nom": "Miel", "category": str(product.category_id), "price": "5",
                "unit": "piece", "status": "published"}

        response = owner.client.post(url, form)

        assert response.status_code == 400
        # The form offers no such choice; the state machine is what refuses a forged one.
        assert response.context["form"].errors["status"]
        assert Product.objects.get().status == S.ARCHIVED

    def test_the_admin_offers_only_the_machines_moves_and_applies_them(
        self, lot_communes, admin_client
    ):
        product = ProductFactory.create(status=S.ARCHIVED)
        url = reverse("admin:producers_product_change", args=[product.pk])
        form = admin_client.get(url).context["adminform"].form

        assert [c[0] for c in form.fields["transition"].choices] == ["", "restore"]

        response = admin_client.post(url, {**_admin_data(form), "transition": "publish"})
        assert response.status_code == 200  # the form again: not a move from « Archivé »
        assert Product.objects.get().status == S.ARCHIVED

        response = admin_client.post(url, {**_admin_data(form), "transition": "restore"})
        assert response.status_code == 302
        assert Product.objects.get().status == S.DRAFT
        assert product.status_changes.get().actor.is_superuser


class TestTheAdminValidatesAsTheFormsDo:
    def test_a_bad_siret_and_a_far_pin_are_refused(self, lot_communes, admin_client):
        producer = ProducerFactory.create()
        url = reverse("admin:producers_producer_change", args=[producer.pk])
        form = admin_client.get(url).context["adminform"].form

        response = admin_client.post(url, {**_admin_data(form), "siret": "73282932000075",
                                           "latitude": "44.92", "longitude": "1.93"})

        errors = response.context["adminform"].form.errors
        assert errors["siret"] == ["Ce numéro SIRET n'est pas valide : vérifiez les chiffres "
                                   "(la clé de contrôle ne correspond pas)."]
        assert errors["latitude"][0].startswith("Ce point est à")
        assert Producer.objects.get().siret == producer.siret

    def test_a_second_product_of_the_same_name_is_refused(self, lot_communes, admin_client):
        first = ProductFactory.create(nom="Crottin de chèvre")
        second = ProductFactory.create(producer=first.producer, nom="Cabécou")
        url = reverse("admin:producers_product_change", args=[second.pk])
        form = admin_client.get(url).context["adminform"].form

        response = admin_client.post(url, {**_admin_data(form), "nom": "CROTTIN DE CHEVRE"})

        assert "Vous avez déjà un produit de ce nom" in str(
            response.context["adminform"].form.errors)
        assert Product.objects.get(pk=second.pk).nom == "Cabécou"


def _admin_data(form) -> dict[str, object]:
    """What the admin's change form posts back unchanged, inlines included (empty)."""
    data: dict[str, object] = {}
    for name in form.fields:
        value = form[name].value()
        if isinstance(value, FieldFile):
            continue
        if value is None:
            value = ""
        elif isinstance(value, list | tuple):
            value = [str(v) for v in value]
        elif isinstance(value, bool):
            if not value:
                continue
            value = "on"
        data[name] = value
    for prefix in ("photos", "status_changes", "memberships", "points_of_sale"):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0",
                     f"{prefix}-MIN_NUM_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "1000"})
    return data


class TestOneNamePerProducer:
    """A product name is unique per producer, case and accents aside, wherever it is typed."""

    def test_the_api_refuses_a_second_product_of_the_same_name(self, owner):
        ProductFactory.create(producer=owner.producer, nom="Crottin de chèvre")

        response = owner.api.post("/api/v1/me/products/", {
            "nom": "CROTTIN DE CHEVRE", "category": "fromages-de-chevre", "price": "2.00"},
            format="json")

        assert response.status_code == 400
        assert response.json() == {"nom": [
            "Vous avez déjà un produit de ce nom (majuscules et accents mis à part) : "
            "choisissez-en un autre."]}
        assert owner.producer.products.count() == 1

    def test_the_database_refuses_it_too(self, lot_communes):
        from django.db import IntegrityError, transaction

        first = ProductFactory.create(nom="Crottin de chèvre")

        with pytest.raises(IntegrityError), transaction.atomic():
            ProductFactory.create(producer=first.producer, nom="crottin de  CHÈVRE")

        assert Product.objects.count() == 1
