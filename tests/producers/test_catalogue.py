"""The catalogue in the dashboard: list with inline edit, create, edit, duplicate, remove."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from marketplace.reference.models import Category, Label
from producers import services
from producers.models import Product, ProductPhoto, ProductStatus
from tests.conftest import stored_files
from tests.factories import ProductFactory
from tests.orders.ordering import ordered
from tests.producers.factories import ProductPhotoFactory, image_bytes


def url(name: str, **kwargs) -> str:
    return reverse(f"producers:{name}", kwargs={"slug": "la-borie", **kwargs})


def photo(name="fromage.jpg"):
    return SimpleUploadedFile(name, image_bytes("JPEG", (1200, 900)), content_type="image/jpeg")


def product_data(**overrides):
    return {
        "nom": "Rocamadour AOP",
        "category": str(Category.objects.get(slug="fromages-de-chevre").pk),
        "description": "Petit fromage de chèvre au lait cru.", "price": "2,80", "unit": "piece",
        "unit_size": "35 g", "stock": "40", "is_available": "on", "status": "published",
        "season_months": ["3", "4", "5", "6", "7", "8", "9", "10"],
        "labels": [str(Label.objects.get(slug="aop").pk)], **overrides,
    }


@pytest.mark.django_db
class TestCreate:
    def test_the_form_has_stable_labelled_fields(self, owner):
        html = owner.client.get(url("product_create")).content.decode()

        for field_id in ("id_nom", "id_category", "id_price", "id_unit", "id_unit_size",
                         "id_stock", "id_photos", "id_description"):
            assert f'for="{field_id}"' in html and f'id="{field_id}"' in html

    def test_a_product_with_photos_is_created(self, owner):
        response = owner.client.post(url("product_create"),
                                     {**product_data(), "photos": [photo("a.jpg"), photo("b.png")]})

        assert response["Location"] == url("products")
        product = Product.objects.get()
        assert (product.producer, product.nom, product.slug, product.price, product.stock,
                product.unit_size, product.status) == (
            owner.producer, "Rocamadour AOP", "rocamadour-aop", Decimal("2.80"), 40, "35 g",
            ProductStatus.PUBLISHED)
        assert product.season_months == [3, 4, 5, 6, 7, 8, 9, 10]
        assert [label.slug for label in product.labels.all()] == ["aop"]
        assert product.photos.count() == 2
        assert all(p.thumbnail for p in product.photos.all())

    def test_an_empty_stock_means_on_demand(self, owner):
        owner.client.post(url("product_create"), product_data(stock=""))

        assert Product.objects.get().on_demand

    def test_save_and_add_another_comes_back_to_an_empty_form(self, owner):
        response = owner.client.post(url("product_create"), {**product_data(),
                                                             "add_another": "1"})

        assert response["Location"] == url("product_create")

    @pytest.mark.parametrize(("overrides", "field", "message"), [
        ({"price": "-3"}, "price", "Le prix doit être compris entre 0,01 € et 10 000 €."),
        ({"price": "0"}, "price", "Le prix doit être compris entre 0,01 € et 10 000 €."),
        ({"price": "10000,01"}, "price", "Le prix doit être compris entre 0,01 € et 10 000 €."),
        ({"price": "douze"}, "price", "Indiquez un prix en euros, par exemple 4,50."),
        ({"stock": "-1"}, "stock", "Le stock ne peut pas être négatif."),
        ({"category": "999999"}, "category", None),
        ({"nom": "x" * 151}, "nom", None),
        ({"description": "x" * 5001}, "description", None),
        ({"season_months": ["13"]}, "season_months", None),
    ])
    def test_bad_input_is_refused_next_to_the_field_and_nothing_is_saved(
        self, owner, overrides, field, message
    ):
        response = owner.client.post(url("product_create"), product_data(**overrides))

        assert response.status_code == 400
        errors = response.context["form"].errors
        assert field in errors
        if message:
            assert errors[field] == [message]
        assert f'id="id_{field}_error"' in response.content.decode()
        assert not Product.objects.exists()

    def test_a_wrong_image_is_refused_and_nothing_is_saved(self, owner):
        svg = SimpleUploadedFile("x.svg", b"<svg onload='alert(1)'/>", "image/svg+xml")

        response = owner.client.post(url("product_create"), {**product_data(), "photos": [svg]})

        assert response.status_code == 400
        assert response.context["form"].errors["photos"][0].startswith("x.svg : Les images SVG")
        assert not Product.objects.exists() and not ProductPhoto.objects.exists()

    def test_more_than_five_photos_are_refused(self, owner):
        response = owner.client.post(url("product_create"),
                                     {**product_data(), "photos": [photo() for _ in range(6)]})

        assert response.context["form"].errors["photos"] == ["5 photos au plus."]
        assert not Product.objects.exists()

    def test_the_same_name_twice_is_refused_next_to_the_name(self, owner):
        owner.client.post(url("product_create"), product_data())
        response = owner.client.post(url("product_create"), product_data(nom="rocamadour  aop"))

        assert response.status_code == 400
        assert response.context["form"].errors["nom"] == [
            "Vous avez déjà un produit de ce nom (majuscules et accents mis à part) : "
            "choisissez-en un autre."]
        assert list(Product.objects.values_list("slug", flat=True)) == ["rocamadour-aop"]

    def test_a_name_taken_by_another_producer_is_fine_and_slugs_stay_unique(self, owner, other):
        ProductFactory.create(producer=other.producer, nom="Rocamadour AOP",
                              slug="rocamadour-aop")
        ProductFactory.create(producer=owner.producer, nom="Rocamadour", slug="rocamadour-aop")

        owner.client.post(url("product_create"), product_data())

        assert owner.producer.products.get(nom="Rocamadour AOP").slug == "rocamadour-aop-2"


@pytest.mark.django_db
class TestEdit:
    def test_editing_keeps_the_slug_so_the_public_url_stays(self, owner):
        product = ProductFactory.create(producer=owner.producer, nom="Tomme", slug="tomme")

        owner.client.post(url("product_update", pk=product.pk), product_data(nom="Tomme affinée"))

        product.refresh_from_db()
        assert (product.nom, product.slug) == ("Tomme affinée", "tomme")

    def test_photos_can_be_added_up_to_five_and_deleted(self, owner):
        product = ProductFactory.create(producer=owner.producer)
        ProductPhotoFactory.create_batch(4, product=product)

        response = owner.client.post(url("product_update", pk=product.pk),
                                     {**product_data(), "photos": [photo(), photo()]})
        assert response.context["form"].errors["photos"] == ["1 photos au plus."]

        owner.client.post(url("product_update", pk=product.pk),
                          {**product_data(), "photos": [photo()]})
        assert product.photos.count() == 5

        first = product.photos.first()
        owner.client.post(url("product_photo_delete", pk=product.pk, photo_pk=first.pk))
        assert product.photos.count() == 4


@pytest.mark.django_db
class TestListAndInlineEdit:
    def test_the_list_shows_every_status_but_archived(self, owner, other):
        ProductFactory.create(producer=owner.producer, nom="Publié")
        ProductFactory.create(producer=owner.producer, nom="Brouillon", status=ProductStatus.DRAFT)
        ProductFactory.create(producer=owner.producer, nom="Archivé", status=ProductStatus.ARCHIVED)
        ProductFactory.create(producer=other.producer, nom="Chez le voisin")

        current = owner.client.get(url("products"))
        archived = owner.client.get(url("products") + "?archives=1")

        assert [p.nom for p, _ in current.context["rows"]] == ["Brouillon", "Publié"]
        assert [p.nom for p, _ in archived.context["rows"]] == ["Archivé"]

    def test_the_list_does_not_query_per_product(self, owner, django_assert_max_num_queries):
        for _ in range(15):
            ProductPhotoFactory.create(product=ProductFactory.create(producer=owner.producer))

        with django_assert_max_num_queries(12):
            response = owner.client.get(url("products"))

        assert len(response.context["rows"]) == 15

    def test_inline_edit_without_javascript(self, owner):
        product = ProductFactory.create(producer=owner.producer, price=Decimal("4.50"), stock=3)
        prefix = f"p{product.pk}"

        response = owner.client.post(url("product_quick_update", pk=product.pk), {
            f"{prefix}-price": "5,20", f"{prefix}-stock": "", f"{prefix}-is_available": "on"})

        assert response["Location"] == url("products")
        product.refresh_from_db()
        assert (product.price, product.stock, product.is_available) == (Decimal("5.20"), None,
                                                                        True)

    def test_inline_edit_with_htmx_returns_the_row(self, owner):
        product = ProductFactory.create(producer=owner.producer, stock=3)
        prefix = f"p{product.pk}"

        response = owner.client.post(url("product_quick_update", pk=product.pk), {
            f"{prefix}-price": "6", f"{prefix}-stock": "12"}, HTTP_HX_REQUEST="true")

        html = response.content.decode()
        assert response.status_code == 200
        assert html.lstrip().startswith(
            f'<li class="product-row sold-out" id="produit-{product.pk}"')
        assert "Enregistré" in html
        product.refresh_from_db()
        assert (product.price, product.stock, product.is_available) == (Decimal("6"), 12, False)

    def test_inline_edit_refuses_an_absurd_price(self, owner):
        product = ProductFactory.create(producer=owner.producer, price=Decimal("4.50"))
        prefix = f"p{product.pk}"

        plain = owner.client.post(url("product_quick_update", pk=product.pk),
                                  {f"{prefix}-price": "20000", f"{prefix}-is_available": "on"})
        htmx = owner.client.post(url("product_quick_update", pk=product.pk),
                                 {f"{prefix}-price": "-1"}, HTTP_HX_REQUEST="true")

        assert plain.status_code == 400
        assert f'id="id_{prefix}-price_error"' in plain.content.decode()
        assert "Le prix doit être compris entre 0,01 € et 10 000 €." in htmx.content.decode()
        product.refresh_from_db()
        assert product.price == Decimal("4.50")

    def test_one_tap_marks_sold_out_and_back(self, owner):
        product = ProductFactory.create(producer=owner.producer)

        owner.client.post(url("product_toggle_available", pk=product.pk))
        product.refresh_from_db()
        assert not product.is_available and not product.in_stock

        owner.client.post(url("product_toggle_available", pk=product.pk), HTTP_HX_REQUEST="true")
        product.refresh_from_db()
        assert product.is_available


@pytest.mark.django_db
class TestDuplicateAndRemove:
    def test_duplicate_makes_a_draft_copy_with_labels_and_photos(self, owner):
        product = ProductFactory.create(producer=owner.producer, nom="Miel de châtaignier",
                                 season_months=[6, 7])
        product.labels.set([Label.objects.get(slug="aop")])
        ProductPhotoFactory.create(product=product, alt="Le pot")

        response = owner.client.post(url("product_duplicate", pk=product.pk))

        copy = Product.objects.exclude(pk=product.pk).get()
        assert response["Location"] == url("product_update", pk=copy.pk)
        assert (copy.nom, copy.slug, copy.status, copy.price, copy.season_months) == (
            "Miel de châtaignier (copie)", "miel-de-chataignier-copie", ProductStatus.DRAFT,
            product.price, [6, 7])
        assert [label.slug for label in copy.labels.all()] == ["aop"]
        copied = copy.photos.get()
        assert copied.alt == "Le pot" and copied.image.name != product.photos.get().image.name

    def test_a_product_without_orders_is_deleted(self, owner):
        product = ProductFactory.create(producer=owner.producer)

        response = owner.client.post(url("product_delete", pk=product.pk), follow=True)

        assert response.redirect_chain == [(url("products"), 302)]
        assert f"« {product.nom} » est supprimé." in response.content.decode()
        assert not Product.objects.exists()

    def test_a_product_in_an_order_is_archived_not_deleted(self, owner):
        product = ProductFactory.create(producer=owner.producer, stock=5)
        ordered(product)

        owner.client.post(url("product_delete", pk=product.pk))

        product.refresh_from_db()
        assert product.status == ProductStatus.ARCHIVED
        assert services.product_remove(product=product) == services.Removal.ARCHIVED
        assert Product.objects.filter(pk=product.pk).exists()

    def test_an_archived_product_can_be_restored_as_draft(self, owner):
        product = ProductFactory.create(producer=owner.producer, status=ProductStatus.ARCHIVED)

        owner.client.post(url("product_restore", pk=product.pk))

        product.refresh_from_db()
        assert product.status == ProductStatus.DRAFT


def _write_requests(owner_product):
    """Every write endpoint of the catalogue, as (name, kwargs, data)."""
    pk = owner_product.pk
    prefix = f"p{pk}"
    return [
        ("product_create", {}, "create"),
        ("product_update", {"pk": pk}, "update"),
        ("product_quick_update", {"pk": pk}, {f"{prefix}-price": "9,99",
                                              f"{prefix}-is_available": "on"}),
        ("product_toggle_available", {"pk": pk}, {}),
        ("product_duplicate", {"pk": pk}, {}),
        ("product_restore", {"pk": pk}, {}),
        ("product_photo_delete", {"pk": pk, "photo_pk": owner_product.photos.get().pk}, {}),
        ("product_delete", {"pk": pk}, {}),
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(("actor_name", "expected"), [
    ("anonymous", "login"), ("other", 404), ("owner", "ok"), ("staff", "ok"),
])
def test_every_catalogue_write_endpoint_is_scoped(request, owner, other, actor_name, expected):
    actor = request.getfixturevalue(actor_name)
    product = ProductFactory.create(producer=owner.producer, nom="Tomme", price=Decimal("4.50"))
    ProductPhotoFactory.create(product=product)
    before = Product.objects.count()

    for name, kwargs, data in _write_requests(product):
        payload = (product_data(nom="Changé") if data == "create"
                   else product_data(nom="Modifié") if data == "update" else data)
        response = actor.client.post(url(name, **kwargs), payload)
        if expected == "login":
            assert response.status_code == 302 and "/connexion/" in response["Location"], name
        elif expected == 404:
            assert response.status_code == 404, name
        else:
            assert response.status_code == 302, (name, response.status_code)

    if expected == "ok":
        assert not Product.objects.filter(pk=product.pk).exists()  # deleted at the end
        assert Product.objects.filter(producer=owner.producer, nom="Changé").count() == 1
    else:
        product.refresh_from_db()
        assert (product.nom, product.price, product.is_available, product.photos.count()) == (
            "Tomme", Decimal("4.50"), True, 1)
        assert Product.objects.count() == before


@pytest.mark.django_db
class TestProductPhotos:
    def test_a_photo_without_description_is_described_by_the_product_name(self, owner):
        product = ProductFactory.create(producer=owner.producer, nom="Tomme du Ségala")

        services.product_photo_add(product=product, upload=photo())

        assert product.photos.get().alt == "Tomme du Ségala"

    @pytest.mark.parametrize(("actor_name", "status", "moved"), [
        ("anonymous", 302, False), ("other", 404, False), ("owner", 302, True),
        ("staff", 302, True),
    ])
    def test_moving_a_photo_first_is_scoped(self, request, owner, actor_name, status, moved):
        actor = request.getfixturevalue(actor_name)
        product = ProductFactory.create(producer=owner.producer)
        first, second = ProductPhotoFactory.create_batch(2, product=product)

        response = actor.client.post(url("product_photo_move_first", pk=product.pk,
                                          photo_pk=second.pk))

        assert response.status_code == status
        expected = [second.pk, first.pk] if moved else [first.pk, second.pk]
        assert list(product.photos.values_list("pk", flat=True)) == expected


class TestPhotoWorkOutsideTheTransaction:
    @pytest.mark.django_db(transaction=True)  # no test transaction around the request
    def test_photos_are_decoded_before_any_transaction_opens(self, owner, monkeypatch):
        from django.db import connection

        from producers import images
        from producers.services import photos as photo_services

        seen = []
        real = images.process_photo

        def spy(upload, **kwargs):
            seen.append(connection.in_atomic_block)
            return real(upload, **kwargs)

        monkeypatch.setattr(photo_services, "process_photo", spy)

        owner.client.post(url("product_create"), {**product_data(), "photos": [photo()]})

        assert seen == [False]
        assert Product.objects.get().photos.count() == 1

    @pytest.mark.django_db
    def test_stored_files_are_deleted_when_the_write_fails(self, owner):
        product = ProductFactory.create(producer=owner.producer, nom="Tomme")
        for _ in range(5):
            services.product_photo_add(product=product, upload=photo())
        before = stored_files(f"products/{product.pk}")

        with pytest.raises(ValidationError):
            services.product_update(product=product, data={"nom": "Tomme fraîche"},
                                    photos=[photo()])

        assert stored_files(f"products/{product.pk}") == before
        product.refresh_from_db()
        assert product.nom == "Tomme" and product.photos.count() == 5
