"""The farm's profile, photos and points of sale in the dashboard."""

from datetime import time

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from marketplace.reference.models import Label
from producers.models import OpeningHours, PointOfSale, Producer, ProducerPhoto, ProducerStatus
from tests.factories import PointOfSaleFactory, commune
from tests.producers.factories import ProducerPhotoFactory, image_bytes


def url(name: str, **kwargs) -> str:
    return reverse(f"producers:{name}", kwargs={"slug": "la-borie", **kwargs})


def profile_data(**overrides):
    return {
        "nom": "La Borie", "legal_name": "EARL La Borie",
        "description": "Chèvres et Rocamadour AOP sur le causse.",
        "address": "Lieu-dit La Borie", "postal_code": "46000", "commune": "Cahors (46042)",
        "latitude": "44.45", "longitude": "1.44", "phone": "05 65 11 22 33",
        "email": "contact@borie.test", "website": "https://borie.test",
        "social_links": "https://www.facebook.com/laborie\nhttps://instagram.com/laborie",
        "opening_hours": "Du lundi au samedi, 17 h – 19 h", "offers_pickup": "on",
        "labels": [str(Label.objects.get(slug="aop").pk)], **overrides,
    }


def photo(name="ferme.jpg"):
    return SimpleUploadedFile(name, image_bytes("JPEG", (1200, 900)), content_type="image/jpeg")


@pytest.mark.django_db
class TestProfile:
    def test_the_owner_fills_the_whole_profile(self, owner):
        response = owner.client.post(url("profile"), profile_data())

        assert response.status_code == 302
        producer = Producer.objects.get(pk=owner.producer.pk)
        assert producer.description == "Chèvres et Rocamadour AOP sur le causse."
        assert (producer.latitude, producer.longitude) == (44.45, 1.44)
        assert producer.social_links == ["https://www.facebook.com/laborie",
                                         "https://instagram.com/laborie"]
        assert producer.phone == "05 65 11 22 33"
        assert list(producer.labels.values_list("slug", flat=True)) == ["aop"]
        assert producer.status == ProducerStatus.APPROVED  # untouched by the producer

    def test_an_empty_position_defaults_to_the_commune_centre(self, owner):
        owner.client.post(url("profile"), profile_data(latitude="", longitude="",
                                                       commune="Figeac (46102)"))

        producer = Producer.objects.get(pk=owner.producer.pk)
        assert producer.commune_id == "46102"
        assert (producer.latitude, producer.longitude) == (producer.commune.latitude,
                                                           producer.commune.longitude)

    def test_changing_the_commune_moves_an_untouched_pin(self, owner):
        owner.client.post(url("profile"), profile_data())  # pinned near Cahors

        response = owner.client.post(url("profile"), profile_data(commune="Figeac (46102)"))

        assert response.status_code == 302
        producer = Producer.objects.get(pk=owner.producer.pk)
        assert (producer.latitude, producer.longitude) == (producer.commune.latitude,
                                                           producer.commune.longitude)

    @pytest.mark.parametrize(("lat", "lon", "start"), [
        ("48.85", "2.35", "Ce point est en dehors du territoire"),  # Paris
        ("44.92", "1.93", "Ce point est à"),  # in the Lot, but far from Cahors
    ])
    def test_a_pin_outside_the_territory_or_far_from_the_commune_is_refused(
        self, owner, lat, lon, start
    ):
        response = owner.client.post(url("profile"), profile_data(latitude=lat, longitude=lon))

        assert response.status_code == 400
        assert response.context["form"].errors["latitude"][0].startswith(start)
        producer = Producer.objects.get(pk=owner.producer.pk)
        assert producer.latitude is None and producer.description == "Une ferme du Lot."

    def test_a_bad_social_link_is_refused_next_to_the_field(self, owner):
        response = owner.client.post(url("profile"), profile_data(social_links="facebook"))

        assert response.status_code == 400
        assert response.context["form"].errors["social_links"] == [
            "« facebook » n'est pas une adresse web valide (elle commence par https://)."]

    def test_oversize_text_is_refused(self, owner):
        response = owner.client.post(url("profile"), profile_data(description="x" * 5001))

        assert response.status_code == 400
        assert "description" in response.context["form"].errors
        assert Producer.objects.get(pk=owner.producer.pk).description == "Une ferme du Lot."

    def test_the_slug_is_fixed_once_approved_but_editable_while_pending(self, owner):
        owner.client.post(url("profile"), profile_data(slug="autre-adresse"))
        assert Producer.objects.get(pk=owner.producer.pk).slug == "la-borie"

        Producer.objects.filter(pk=owner.producer.pk).update(status=ProducerStatus.PENDING)
        response = owner.client.post(url("profile"), profile_data(slug="borie-du-causse"))

        assert response["Location"] == "/espace-producteur/ferme/borie-du-causse/profil/"
        assert Producer.objects.get(pk=owner.producer.pk).slug == "borie-du-causse"

    def test_staff_can_change_the_slug_of_an_approved_producer(self, staff, owner):
        staff.client.post(url("profile"), profile_data(slug="la-borie-du-causse"))

        assert Producer.objects.get(pk=owner.producer.pk).slug == "la-borie-du-causse"

    def test_a_logo_is_cleaned_and_stored(self, owner):
        logo = SimpleUploadedFile("logo.png", image_bytes("PNG", (900, 900)), "image/png")

        owner.client.post(url("profile"), {**profile_data(), "logo_upload": logo})

        producer = Producer.objects.get(pk=owner.producer.pk)
        name = str(producer.logo.name)
        assert name.startswith("producers/logos/") and name.endswith(".jpg")
        assert default_storage.exists(name)

    def test_a_fake_logo_is_refused_and_nothing_is_saved(self, owner):
        fake = SimpleUploadedFile("logo.svg", b"<svg></svg>", "image/svg+xml")

        response = owner.client.post(url("profile"), {**profile_data(description="Neuf"),
                                                      "logo_upload": fake})

        assert response.status_code == 400
        assert response.context["form"].errors["logo_upload"] == [
            "Les images SVG ne sont pas acceptées : envoyez une photo JPEG, PNG ou WebP."]
        producer = Producer.objects.get(pk=owner.producer.pk)
        assert not producer.logo and producer.description == "Une ferme du Lot."

    def test_the_form_works_for_staff_and_not_for_others(self, owner, staff, other,
                                                         anonymous):
        assert staff.client.post(url("profile"), profile_data(nom="Par la CCI")).status_code == 302
        assert Producer.objects.get(slug="la-borie").nom == "Par la CCI"

        assert other.client.post(url("profile"), profile_data(nom="Pirate")).status_code == 404
        anonymous_response = anonymous.client.post(url("profile"), profile_data(nom="Pirate"))
        assert anonymous_response.status_code == 302
        assert "/connexion/" in anonymous_response["Location"]
        assert Producer.objects.get(slug="la-borie").nom == "Par la CCI"

    def test_the_page_offers_the_map_as_an_enhancement(self, owner):
        html = owner.client.get(url("profile")).content.decode()

        assert 'id="id_latitude"' in html and 'type="number"' in html
        assert 'data-tiles="https://tile.openstreetmap.org/{z}/{x}/{y}.png"' in html
        assert "leaflet/leaflet.js" in html and "css/dashboard.css" in html


@pytest.mark.django_db
class TestPhotos:
    def test_photos_are_uploaded_cleaned_and_thumbnailed(self, owner):
        response = owner.client.post(url("photos"), {"photos": [photo("a.jpg"), photo("b.jpg")],
                                                     "alt": "Le troupeau"})

        assert response.status_code == 302
        photos = list(ProducerPhoto.objects.filter(producer=owner.producer))
        assert len(photos) == 2
        assert all(p.alt == "Le troupeau" for p in photos)
        assert all(str(p.thumbnail.name).endswith("-vignette.jpg") for p in photos)
        assert all(str(p.image.name).startswith(f"producers/{owner.producer.pk}/photos/")
                   for p in photos)

    def test_at_most_eight_photos(self, owner):
        ProducerPhotoFactory.create_batch(7, producer=owner.producer)

        response = owner.client.post(url("photos"), {"photos": [photo(), photo()]})

        assert response.status_code == 400
        assert response.context["form"].errors["photos"] == ["1 photos au plus."]
        assert ProducerPhoto.objects.count() == 7

    def test_a_non_image_is_refused_with_its_name(self, owner):
        bad = SimpleUploadedFile("notes.jpg", b"pas une image", "image/jpeg")

        response = owner.client.post(url("photos"), {"photos": [photo(), bad]})

        assert response.status_code == 400
        assert response.context["form"].errors["photos"] == [
            "notes.jpg : Ce fichier n'est pas une image lisible : envoyez une photo JPEG, PNG "
            "ou WebP."]
        assert not ProducerPhoto.objects.exists()

    def test_alt_text_and_deletion(self, owner, django_capture_on_commit_callbacks):
        owner.client.post(url("photos"), {"photos": [photo()]})
        existing = ProducerPhoto.objects.get()
        names = [str(existing.image.name), str(existing.thumbnail.name)]

        owner.client.post(url("photo_update", pk=existing.pk), {f"photo{existing.pk}-alt":
                                                                "La bergerie"})
        assert ProducerPhoto.objects.get().alt == "La bergerie"

        with django_capture_on_commit_callbacks(execute=True):
            owner.client.post(url("photo_delete", pk=existing.pk))
        assert not ProducerPhoto.objects.exists()
        assert not any(default_storage.exists(n) for n in names)

    @pytest.mark.parametrize(("actor_name", "status", "kept"), [
        ("anonymous", 302, True), ("other", 404, True), ("staff", 302, False),
    ])
    def test_only_members_and_staff_delete_photos(self, request, owner, actor_name, status,
                                                  kept):
        actor = request.getfixturevalue(actor_name)
        existing = ProducerPhotoFactory.create(producer=owner.producer)

        response = actor.client.post(url("photo_delete", pk=existing.pk))

        assert response.status_code == status
        assert ProducerPhoto.objects.filter(pk=existing.pk).exists() is kept

    @pytest.mark.parametrize(("actor_name", "status", "count"), [
        ("anonymous", 302, 0), ("other", 404, 0), ("staff", 302, 1),
    ])
    def test_only_members_and_staff_upload_photos(self, request, owner, actor_name, status,
                                                  count):
        actor = request.getfixturevalue(actor_name)

        response = actor.client.post(url("photos"), {"photos": [photo()]})

        assert response.status_code == status
        assert ProducerPhoto.objects.count() == count


def week(*rows: tuple[str, str, str], initial: int = 0, blank: int = 2) -> dict[str, str]:
    """The hours formset's POST: (day, opens, closes) rows, then blank ones (as the page has)."""
    data = {"hours-TOTAL_FORMS": str(len(rows) + blank), "hours-INITIAL_FORMS": str(initial),
            "hours-MIN_NUM_FORMS": "0", "hours-MAX_NUM_FORMS": "14"}
    for n, (day, opens, closes) in enumerate([*rows, *[("", "", "")] * blank]):
        data |= {f"hours-{n}-weekday": day, f"hours-{n}-opens": opens,
                 f"hours-{n}-closes": closes}
    return data


def market_data(*rows: tuple[str, str, str], initial: int = 0, **overrides):
    return {"kind": "market", "nom": "Marché de Figeac", "commune": "46102", "address": "",
            "offers_pickup": "on", **week(*(rows or [("6", "08:00", "13:00")]), initial=initial),
            **overrides}


def stored_week(point: PointOfSale) -> list[tuple[int, time | None, time | None]]:
    return [(r.weekday, r.opens, r.closes) for r in point.ranges()]


@pytest.mark.django_db
class TestPointsOfSale:
    def test_a_weekly_market_is_added(self, owner):
        response = owner.client.post(url("point_of_sale_create"), market_data())

        assert response.status_code == 302
        point = PointOfSale.objects.get()
        # Orders are collected there only once a pickup window is open on it (orders).
        assert (point.kind, point.commune_id, point.offers_pickup) == ("market", "46102", False)
        assert stored_week(point) == [(6, time(8), time(13))]

    def test_a_market_on_two_days_with_different_hours(self, owner):
        response = owner.client.post(url("point_of_sale_create"), market_data(
            ("6", "08:00", "13:00"), ("3", "07:30", "12:30")))

        assert response.status_code == 302
        point = PointOfSale.objects.get()
        assert stored_week(point) == [(3, time(7, 30), time(12, 30)), (6, time(8), time(13))]
        listing = owner.client.get(url("points_of_sale")).content.decode()
        assert "mercredi, 7 h 30 – 12 h 30 ; samedi, 8 h – 13 h" in listing

    def test_a_farm_open_mornings_and_evenings_on_a_day(self, owner):
        owner.client.post(url("point_of_sale_create"), market_data(
            ("2", "09:00", "12:00"), ("2", "17:00", "19:00"), ("", "", ""), ("5", "", ""),
            kind="farm", nom="À la ferme"))

        assert stored_week(PointOfSale.objects.get()) == [
            (2, time(9), time(12)), (2, time(17), time(19)), (5, None, None)]

    def test_the_form_shows_the_week_with_blank_rows_to_add_days(self, owner):
        point = PointOfSaleFactory.create(producer=owner.producer, kind="market",
                                          hours=[(6, time(8), time(13))])

        response = owner.client.get(url("point_of_sale_update", pk=point.pk))

        hours = response.context["form"].hours
        assert [f.initial for f in hours.initial_forms] == [
            {"weekday": 6, "opens": time(8), "closes": time(13)}]
        assert len(hours.extra_forms) == 3
        html = response.content.decode()
        assert '<label for="id_hours-3-weekday">Jour</label>' in html
        assert 'value="08:00"' in html

    def test_editing_replaces_the_week_and_an_emptied_row_removes_its_day(self, owner):
        point = PointOfSaleFactory.create(producer=owner.producer, kind="market",
                                          nom="Marché de Figeac", commune=commune("46102"),
                                          hours=[(6, time(8), time(13)), (3, time(8), time(12))])
        kept = point.hours.get(weekday=6)

        response = owner.client.post(url("point_of_sale_update", pk=point.pk), market_data(
            ("", "", ""), ("6", "08:00", "13:00"), ("2", "14:00", "16:00"), initial=2))

        assert response.status_code == 302
        assert stored_week(point) == [(2, time(14), time(16)), (6, time(8), time(13))]
        assert point.hours.get(weekday=6).pk == kept.pk  # unchanged rows stay as they are

    @pytest.mark.parametrize(("rows", "errors"), [
        ([], ["Indiquez au moins un jour de marché."]),
        ([("6", "08:00", "13:00"), ("6", "12:00", "14:00")],
         ["Le samedi, deux plages horaires se chevauchent."]),
        ([("6", "", ""), ("6", "08:00", "13:00")],
         ["Le samedi, deux plages horaires se chevauchent."]),
    ])
    def test_a_week_that_does_not_hold_is_refused_in_french(self, owner, rows, errors):
        response = owner.client.post(url("point_of_sale_create"), {
            **market_data(), **week(*rows, blank=3)})

        assert response.status_code == 400
        assert response.context["form"].hours_errors == errors
        html = response.content.decode()
        assert "rien n'a été enregistré" in html and errors[0].replace("'", "&#x27;") in html
        assert not PointOfSale.objects.exists()

    @pytest.mark.parametrize(("row", "field", "error"), [
        (("6", "13:00", "08:00"), "closes",
         "L'heure de fermeture doit suivre l'heure d'ouverture."),
        (("6", "08:00", ""), "closes",
         "Indiquez l'heure d'ouverture et l'heure de fermeture, ou aucune des deux."),
        (("", "08:00", "12:00"), "weekday", "Choisissez le jour de ces horaires."),
        (("9", "08:00", "12:00"), "weekday",
         "Sélectionnez un choix valide. 9 n’en fait pas partie."),
        (("6", "8 heures", "12:00"), "opens", "Saisissez une heure valide."),
    ])
    def test_a_bad_row_is_shown_on_its_field_and_nothing_changes(self, owner, row, field, error):
        point = PointOfSaleFactory.create(producer=owner.producer, kind="market",
                                          nom="Marché de Figeac", commune=commune("46102"),
                                          hours=[(6, time(8), time(13))])

        response = owner.client.post(url("point_of_sale_update", pk=point.pk), market_data(
            ("3", "08:00", "12:00"), row, initial=1, nom="Changé"))

        assert response.status_code == 400
        assert response.context["form"].hours.forms[1].errors[field] == [error]
        assert response.context["form"].non_field_errors() == [
            "Jours et horaires : corrigez les lignes signalées."]
        point.refresh_from_db()
        assert point.nom == "Marché de Figeac"
        assert stored_week(point) == [(6, time(8), time(13))]

    def test_a_tampered_row_count_is_a_form_error(self, owner):
        response = owner.client.post(url("point_of_sale_create"), {
            **market_data(), "hours-TOTAL_FORMS": "500"})

        assert response.status_code == 400
        assert not PointOfSale.objects.exists()

    def test_a_shop_may_give_no_day(self, owner):
        response = owner.client.post(url("point_of_sale_create"), {
            **market_data(kind="shop", nom="Épicerie paysanne"), **week()})

        assert response.status_code == 302
        assert stored_week(PointOfSale.objects.get()) == []

    def test_edit_and_delete(self, owner):
        point = PointOfSaleFactory.create(producer=owner.producer)

        owner.client.post(url("point_of_sale_update", pk=point.pk),
                          market_data(kind="farm", nom="À la ferme", commune="46042"))
        point.refresh_from_db()
        assert (point.kind, point.nom) == ("farm", "À la ferme")

        owner.client.post(url("point_of_sale_delete", pk=point.pk))
        assert not PointOfSale.objects.exists()
        assert not OpeningHours.objects.exists()

    @pytest.mark.parametrize(("actor_name", "status", "changed"), [
        ("anonymous", 302, False), ("other", 404, False), ("staff", 302, True),
        ("owner", 302, True),
    ])
    def test_write_permissions(self, request, owner, actor_name, status, changed):
        actor = request.getfixturevalue(actor_name)
        point = PointOfSaleFactory.create(producer=owner.producer, nom="À la ferme")
        kept = PointOfSaleFactory.create(producer=owner.producer, nom="Reste")

        create = actor.client.post(url("point_of_sale_create"), market_data())
        update = actor.client.post(url("point_of_sale_update", pk=point.pk),
                                   market_data(nom="Changé"))
        delete = actor.client.post(url("point_of_sale_delete", pk=kept.pk))

        assert [create.status_code, update.status_code, delete.status_code] == [status] * 3
        assert PointOfSale.objects.filter(nom="Marché de Figeac").exists() is changed
        assert PointOfSale.objects.filter(nom="Changé").exists() is changed
        assert PointOfSale.objects.filter(pk=kept.pk).exists() is not changed


@pytest.mark.django_db
class TestPhotoOrder:
    def test_a_photo_is_moved_first(self, owner):
        first, second, third = ProducerPhotoFactory.create_batch(3, producer=owner.producer)

        owner.client.post(url("photo_move_first", pk=third.pk))

        assert list(owner.producer.photos.values_list("pk", flat=True)) == [
            third.pk, first.pk, second.pk]

    def test_another_producer_cannot_reorder(self, owner, other):
        first, second = ProducerPhotoFactory.create_batch(2, producer=owner.producer)

        response = other.client.post(url("photo_move_first", pk=second.pk))

        assert response.status_code == 404
        assert list(owner.producer.photos.values_list("pk", flat=True)) == [first.pk, second.pk]
