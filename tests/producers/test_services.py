"""Service rules that pages and the API share."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from marketplace import search
from marketplace.reference.models import Label
from producers import services
from producers.models import Producer, ProducerStatus, Product
from tests.factories import ProducerFactory, ProductFactory, commune


@pytest.mark.django_db
class TestPublicRule:
    @pytest.mark.parametrize(("status", "public"), [
        (ProducerStatus.APPROVED, True),
        (ProducerStatus.PENDING, False),
        (ProducerStatus.REJECTED, False),
        (ProducerStatus.SUSPENDED, False),
    ])
    def test_only_approved_producers_and_their_products_are_public(
        self, lot_communes, status, public
    ):
        producer = ProducerFactory.create(status=status)
        ProductFactory.create(producer=producer)

        assert Producer.objects.public().exists() is public
        assert Product.objects.published().exists() is public
        assert producer.is_public is public


@pytest.mark.django_db
class TestProductServices:
    def test_create_validates_before_saving(self, lot_communes):
        producer = ProducerFactory.create()
        category = ProductFactory.build().category

        with pytest.raises(ValidationError) as error:
            services.product_create(producer=producer, data={
                "nom": "Truffe", "category": category, "price": Decimal("10000.01")})

        assert "price" in error.value.message_dict
        assert not Product.objects.exists()

    def test_season_months_are_sorted_and_deduplicated(self, lot_communes):
        product = ProductFactory.create()

        services.product_update(product=product, data={"season_months": [12, 1, 12, 2]})

        assert Product.objects.get().season_months == [1, 2, 12]

    def test_unknown_fields_are_a_programming_error(self, lot_communes):
        with pytest.raises(TypeError):
            services.product_update(product=ProductFactory.create(), data={"status_reason": "x"})

    def test_label_changes_reindex_the_product(self, lot_communes):
        product = ProductFactory.create(nom="Cabécou")
        assert not _ranks("aop")

        services.product_update(product=product, data={},
                                labels=[Label.objects.get(slug="aop")])

        assert list(_ranks("aop")) == [product.pk]

    def test_a_point_of_sale_far_from_its_commune_is_refused(self, lot_communes):
        producer = ProducerFactory.create()

        with pytest.raises(ValidationError) as error:
            services.point_of_sale_create(producer=producer, data={
                "kind": "farm", "nom": "La ferme", "commune": commune("46042"),
                "latitude": 44.92, "longitude": 1.93})

        assert error.value.message_dict["latitude"][0].startswith("Ce point est à")
        assert not producer.points_of_sale.exists()


@pytest.mark.django_db
class TestStatus:
    def test_approval_publishes_and_dates_the_first_approval(self, lot_communes):
        producer = ProducerFactory.create(status=ProducerStatus.PENDING)

        services.producer_approve(producer=producer)

        producer.refresh_from_db()
        assert producer.is_public and producer.approved_at is not None
        first = producer.approved_at

        services.producer_suspend(producer=producer, reason="Fiche à corriger")
        services.producer_reinstate(producer=producer)
        producer.refresh_from_db()
        assert producer.approved_at == first

    def test_the_admin_action_approves(self, lot_communes, admin_client):
        producer = ProducerFactory.create(status=ProducerStatus.PENDING)

        admin_client.post("/admin/producers/producer/", {
            "action": "approve", "_selected_action": [producer.pk]})

        producer.refresh_from_db()
        assert producer.status == ProducerStatus.APPROVED


@pytest.mark.django_db
def test_prices_are_read_whatever_the_interface_language(lot_communes):
    from django.utils import translation

    from producers.forms import QuickEditForm

    product = ProductFactory.create()
    for language in ("fr", "en"):
        with translation.override(language):
            for typed in ("4,50", "4.50", "4,50 €", " 4.5 "):
                form = QuickEditForm({f"p{product.pk}-price": typed}, product=product)
                assert form.is_valid(), (language, typed, form.errors)
                assert form.cleaned_data["price"] == Decimal("4.50")


def _ranks(text: str) -> dict[int, float]:
    found = search.match("product", text)
    assert found is not None
    return dict(found.ranked())
