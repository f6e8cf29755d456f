"""A point of sale's week: the rules every writer is held to (services, the model, the
database) and how pages word it, in French and in English."""

from datetime import time

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from producers import services
from producers.models import OpeningHours, PointOfSale
from producers.opening_hours import HoursRange, describe
from tests.factories import PointOfSaleFactory, ProducerFactory, commune

pytestmark = pytest.mark.django_db

MORNING = HoursRange(6, time(8), time(13))


def market(**data):
    return {"kind": "market", "nom": "Marché de Figeac", "commune": commune("46102"), **data}


class TestServices:
    def test_a_market_with_two_days_is_created_with_its_week(self, lot_communes):
        point = services.point_of_sale_create(
            producer=ProducerFactory.create(), data=market(),
            hours=[MORNING, HoursRange(3, time(7, 30), time(12, 30))])

        assert point.ranges() == [HoursRange(3, time(7, 30), time(12, 30)), MORNING]
        assert point.first_range() == HoursRange(3, time(7, 30), time(12, 30))

    def test_a_market_without_a_day_is_refused_and_nothing_is_written(self, lot_communes):
        with pytest.raises(ValidationError) as error:
            services.point_of_sale_create(producer=ProducerFactory.create(), data=market())

        assert error.value.message_dict == {"hours": ["Indiquez au moins un jour de marché."]}
        assert not PointOfSale.objects.exists()

    def test_a_shop_turned_into_a_market_needs_a_day(self, lot_communes):
        shop = PointOfSaleFactory.create(kind="shop", nom="Épicerie")

        with pytest.raises(ValidationError) as error:
            services.point_of_sale_update(point=shop, data={"kind": "market"})

        assert error.value.message_dict["hours"] == ["Indiquez au moins un jour de marché."]
        assert PointOfSale.objects.get().kind == "shop"

    @pytest.mark.parametrize(("hours", "message"), [
        ([MORNING, HoursRange(6, time(12), time(18))],
         "Le samedi, deux plages horaires se chevauchent."),
        ([MORNING, MORNING], "Le samedi, deux plages horaires se chevauchent."),
        ([HoursRange(6), HoursRange(6, time(14), time(16))],
         "Le samedi, deux plages horaires se chevauchent."),
        ([HoursRange(6, time(13), time(8))],
         "L'heure de fermeture doit suivre l'heure d'ouverture."),
        ([HoursRange(6, time(8))],
         "Indiquez l'heure d'ouverture et l'heure de fermeture, ou aucune des deux."),
        ([HoursRange(8)], "8 n'est pas un jour de la semaine."),
        ([HoursRange(d % 7 + 1, time(d // 7 + 1), time(d // 7 + 1, 30)) for d in range(15)],
         "14 plages horaires au plus."),
    ])
    def test_a_week_that_does_not_hold_changes_nothing(self, lot_communes, hours, message):
        point = PointOfSaleFactory.create(kind="market", hours=[(3, time(8), time(12))])

        with pytest.raises(ValidationError) as error:
            services.point_of_sale_update(point=point, data={"nom": "Changé"}, hours=hours)

        assert error.value.message_dict["hours"] == [message]
        point.refresh_from_db()
        assert point.nom == "À la ferme"
        assert point.ranges() == [HoursRange(3, time(8), time(12))]

    def test_ranges_that_touch_do_not_overlap(self, lot_communes):
        point = services.point_of_sale_create(
            producer=ProducerFactory.create(), data=market(kind="farm", nom="À la ferme"),
            hours=[HoursRange(2, time(9), time(12)), HoursRange(2, time(12), time(14))])

        assert len(point.ranges()) == 2

    def test_an_unchanged_week_writes_no_history(self, lot_communes):
        point = services.point_of_sale_create(producer=ProducerFactory.create(), data=market(),
                                              hours=[MORNING])

        services.point_of_sale_update(point=point, data={}, hours=[MORNING])

        assert OpeningHours.history.count() == 1


class TestModel:
    def test_closing_before_opening_is_refused_by_the_model_and_the_database(self, lot_communes):
        point = PointOfSaleFactory.create()
        hours = OpeningHours(point_of_sale=point, weekday=2, opens=time(12), closes=time(9))

        with pytest.raises(ValidationError) as error:
            hours.full_clean()
        assert error.value.message_dict["closes"] == [
            "L'heure de fermeture doit suivre l'heure d'ouverture."]
        with pytest.raises(IntegrityError), transaction.atomic():
            hours.save()

    def test_a_day_outside_the_week_is_refused_by_the_database(self, lot_communes):
        with pytest.raises(IntegrityError), transaction.atomic():
            OpeningHours.objects.create(point_of_sale=PointOfSaleFactory.create(), weekday=8)


class TestWording:
    @pytest.mark.parametrize(("ranges", "french", "english"), [
        ([HoursRange(2, time(8), time(13)), HoursRange(6, time(8), time(13))],
         "mardi et samedi, 8 h – 13 h", "Tuesday and Saturday, 8:00 – 13:00"),
        ([HoursRange(3, time(7, 30), time(12, 30)), HoursRange(6, time(8), time(13))],
         "mercredi, 7 h 30 – 12 h 30 ; samedi, 8 h – 13 h",
         "Wednesday, 7:30 – 12:30 ; Saturday, 8:00 – 13:00"),
        ([HoursRange(d, time(17), time(19)) for d in range(2, 7)],
         "du mardi au samedi, 17 h – 19 h", "Tuesday to Saturday, 17:00 – 19:00"),
        ([HoursRange(1, time(9), time(12)), HoursRange(1, time(14), time(18)), HoursRange(5)],
         "lundi, 9 h – 12 h et 14 h – 18 h ; vendredi",
         "Monday, 9:00 – 12:00 and 14:00 – 18:00 ; Friday"),
        ([HoursRange(d) for d in range(1, 8)], "tous les jours", "every day"),
        ([], "", ""),
    ])
    def test_a_week_in_a_line(self, ranges, french, english):
        assert describe(ranges) == french
        with translation.override("en"):
            assert describe(ranges) == english


class TestAdmin:
    def test_the_admin_edits_a_week_under_the_same_rules(self, lot_communes, admin_client):
        point = PointOfSaleFactory.create(kind="market", nom="Marché de Figeac",
                                          commune=commune("46102"), hours=[6])
        row = point.hours.get()
        url = f"/admin/producers/pointofsale/{point.pk}/change/"
        data = {"producer": point.producer_id, "kind": "market", "nom": "Marché de Figeac",
                "commune": "46102", "address": "", "latitude": "", "longitude": "",
                "hours-TOTAL_FORMS": "2", "hours-INITIAL_FORMS": "1",
                "hours-MIN_NUM_FORMS": "0", "hours-MAX_NUM_FORMS": "1000",
                "hours-0-id": row.pk, "hours-0-point_of_sale": point.pk, "hours-0-weekday": "6",
                "hours-0-opens": "", "hours-0-closes": "", "hours-0-DELETE": "on",
                "hours-1-point_of_sale": point.pk, "hours-1-weekday": "", "hours-1-opens": "",
                "hours-1-closes": ""}

        assert admin_client.get(url).status_code == 200
        refused = admin_client.post(url, data)
        moved = admin_client.post(url, {**data, "hours-0-DELETE": "", "hours-1-weekday": "3"})

        assert refused.status_code == 200
        assert "Indiquez au moins un jour de marché." in refused.content.decode()
        assert moved.status_code == 302
        assert point.days() == [3, 6]
        producer_page = admin_client.get(
            f"/admin/producers/producer/{point.producer_id}/change/").content.decode()
        assert "mercredi et samedi" in producer_page
