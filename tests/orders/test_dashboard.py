"""The producer's side: orders by pickup day, one order's moves, the packing list, the CSV
export, the pickup settings; and the directory's pickup flag following what is true."""

from datetime import time
from html import unescape

import pytest
from django.core import mail

from orders import services
from orders.models import OrderStatus, PickupWindow
from producers.models import OpeningHours, PointOfSale, Producer
from tests.factories import ProducerFactory
from tests.orders.helpers import first_slot, place

pytestmark = pytest.mark.django_db


def url(farm, rest: str = "") -> str:
    return f"/espace-producteur/ferme/{farm.producer.slug}/{rest}"


@pytest.fixture
def orders(borie, mas):
    first = place({borie.products["cheese"]: 2, mas.products["bread"]: 1},
                  {borie: first_slot(borie, market=True), mas: first_slot(mas)})
    second = place({borie.products["bread"]: 3}, {borie: first_slot(borie)},
                   note="Je passerai vers midi")
    return [first.orders.get(producer=borie.producer), second.orders.get()]


def test_orders_by_pickup_day_without_a_query_per_order(borie, orders,
                                                        django_assert_max_num_queries):
    with django_assert_max_num_queries(14):
        page = borie.client.get(url(borie, "commandes/"))

    text = unescape(page.content.decode())
    assert page.status_code == 200
    assert orders[0].number in text and orders[1].number in text
    assert "Le Mas" not in text.split("<main")[1]  # only this farm's orders
    assert "Commencer la préparation" in text


def test_another_farm_cannot_see_or_move_these_orders(borie, mas, orders):
    assert mas.client.get(url(borie, "commandes/")).status_code == 404
    assert mas.client.get(url(borie, f"commandes/{orders[0].pk}/")).status_code == 404
    assert mas.client.get(url(mas, f"commandes/{orders[0].pk}/")).status_code == 404
    response = mas.client.post(url(mas, f"commandes/{orders[0].pk}/action/"),
                               {"transition": "prepare"})
    assert response.status_code == 404
    orders[0].refresh_from_db()
    assert orders[0].status == OrderStatus.CONFIRMED


def test_the_producer_marks_ready_then_collected(borie, orders,
                                                 django_capture_on_commit_callbacks):
    order = orders[0]
    with django_capture_on_commit_callbacks(execute=True):
        borie.client.post(url(borie, f"commandes/{order.pk}/action/"), {"transition": "ready"})
        borie.client.post(url(borie, f"commandes/{order.pk}/"), {"transition": "collect"})

    order.refresh_from_db()
    assert order.status == OrderStatus.COLLECTED
    assert [m.subject for m in mail.outbox] == ["Votre commande chez La Borie est prête"]


def test_a_refused_or_unknown_move_is_explained(borie, orders):
    order = orders[0]

    refused = borie.client.post(url(borie, f"commandes/{order.pk}/"), {"transition": "collect"})
    unknown = borie.client.post(url(borie, f"commandes/{order.pk}/"), {"transition": "pay"})

    assert refused.status_code == unknown.status_code == 400
    assert "Impossible de passer cette commande de « Confirmée » à « Retirée »" in unescape(
        refused.content.decode())
    assert "Action inconnue." in unknown.content.decode()
    assert "Indiquez le motif" not in unescape(refused.content.decode())
    order.refresh_from_db()
    assert order.status == OrderStatus.CONFIRMED


def test_cancelling_needs_a_reason(borie, orders):
    order = orders[0]

    refused = borie.client.post(url(borie, f"commandes/{order.pk}/"),
                                {"transition": "producer_cancel", "reason": ""})
    done = borie.client.post(url(borie, f"commandes/{order.pk}/"),
                             {"transition": "producer_cancel", "reason": "Grêle"})

    assert refused.status_code == 400 and done.status_code == 302
    order.refresh_from_db()
    assert (order.status, order.cancel_reason) == (OrderStatus.CANCELLED, "Grêle")


def test_the_packing_list_adds_up_the_day(borie, orders):
    day = orders[1].pickup_starts_at.astimezone().date()
    same_day = [o for o in orders if o.pickup_starts_at.astimezone().date() == day]

    page = unescape(borie.client.get(url(borie, f"commandes/preparation/?jour={day}"))
                    .content.decode())

    assert "Je passerai vers midi" in page
    assert f"<td>{orders[1].lines.get().product_name}</td><td>3 " in page
    assert all(o.number in page for o in same_day)
    empty = borie.client.get(url(borie, "commandes/preparation/?jour=2020-01-01"))
    assert "Rien à préparer ce jour-là." in unescape(empty.content.decode())


def test_the_csv_export_has_one_row_per_line(borie, orders):
    response = borie.client.get(url(borie, "commandes/export.csv"))

    rows = response.content.decode("utf-8-sig").splitlines()
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert rows[0].startswith("commande;passee_le;statut;paiement")
    assert len(rows) == 3
    assert any(f"{orders[1].number};" in r and ";Camille Martin;" in r and ";3;4,50;13,50;13,50"
               in r for r in rows)


def test_a_buyers_name_cannot_run_as_a_formula_in_the_producers_sheet(borie, orders):
    checkout = orders[1].checkout
    checkout.name = '=HYPERLINK("http://x.test","Payé")'
    checkout.save(update_fields=["name"])

    rows = borie.client.get(url(borie, "commandes/export.csv")).content.decode("utf-8-sig")

    assert ';"\'=HYPERLINK(""http://x.test"",""Payé"")";' in rows
    assert ';"=HYPERLINK' not in rows


def test_a_bad_day_filter_is_a_form_error(borie, orders):
    page = borie.client.get(url(borie, "commandes/?jour=demain"))

    assert page.status_code == 400 and 'aria-invalid="true"' in page.content.decode()


def test_pickup_settings_and_windows_from_the_dashboard(lot_communes):
    from tests.orders.conftest import open_farm

    farm = open_farm(nom="Ferme Neuve", slug="ferme-neuve", email="n@f.test")
    PickupWindow.objects.filter(producer=farm.producer).delete()
    services.ordering_facts_sync(producer=farm.producer)
    farm.producer.refresh_from_db()
    assert farm.producer.offers_pickup is False

    bad = farm.client.post(url(farm, "retrait/plages/ajouter/"), {
        "point_of_sale": farm.market.pk, "weekday": "3", "starts": "08:00", "ends": "12:00",
        "capacity": "5", "is_active": "on"})
    assert bad.status_code == 400
    assert "n'existe que le samedi" in unescape(bad.content.decode())
    good = farm.client.post(url(farm, "retrait/plages/ajouter/"), {
        "point_of_sale": farm.market.pk, "weekday": "6", "starts": "08:00", "ends": "12:00",
        "capacity": "5", "is_active": "on"})

    assert good.status_code == 302
    farm.producer.refresh_from_db()
    assert farm.producer.offers_pickup is True
    assert list(PointOfSale.objects.filter(producer=farm.producer, offers_pickup=True)) == [
        farm.market]
    paused = farm.client.post(url(farm, "retrait/"), {
        "is_open": "on", "is_paused": "on", "pause_message": "Vendanges", "minimum_amount": "0",
        "slot_minutes": "30", "lead_time_hours": "12", "horizon_days": "14",
        "closed_on_public_holidays": "on", "accepts_payment_on_pickup": "on"})
    assert paused.status_code == 302
    farm.producer.refresh_from_db()
    assert farm.producer.offers_pickup is False


def test_a_window_with_coming_orders_is_deactivated_not_deleted(borie, orders):
    window = PickupWindow.objects.get(pk=first_slot(borie, market=True).window_id)

    borie.client.post(url(borie, f"retrait/plages/{window.pk}/supprimer/"))

    window.refresh_from_db()
    assert window.is_active is False
    assert orders[0].pickup_place == "Marché de Cahors, place Chapou"


def test_closures_and_holidays_from_the_dashboard(borie):
    bad = borie.client.post(url(borie, "retrait/fermetures/ajouter/"),
                            {"starts_on": "2030-08-10", "ends_on": "2030-08-01"})
    good = borie.client.post(url(borie, "retrait/fermetures/ajouter/"),
                             {"starts_on": "2030-08-01", "ends_on": "2030-08-10",
                              "reason": "Congés"})
    not_holiday = borie.client.post(url(borie, "retrait/feries/ajouter/"),
                                    {"date": "2030-08-02"})

    assert bad.status_code == 400 and good.status_code == 302
    assert not_holiday.status_code == 400
    assert list(borie.producer.closures.values_list("reason", flat=True)) == ["Congés"]
    assert borie.client.get(url(borie, "retrait/")).status_code == 200


def test_a_producer_without_ordering_settings_takes_no_orders(lot_communes):
    producer = ProducerFactory.create(offers_pickup=True)

    services.ordering_facts_sync(producer=producer)

    assert Producer.objects.get(pk=producer.pk).offers_pickup is False


def test_the_windows_time_range_is_checked(borie):
    response = borie.client.post(url(borie, "retrait/plages/ajouter/"), {
        "point_of_sale": borie.farm.pk, "weekday": "2", "starts": "12:00", "ends": "08:00",
        "capacity": "5"})

    assert response.status_code == 400
    assert PickupWindow.objects.filter(producer=borie.producer, starts=time(12)).count() == 0


def test_a_market_held_on_two_days_takes_windows_on_either_day_only(borie):
    OpeningHours.objects.create(point_of_sale=borie.market, weekday=3, opens=time(7, 30),
                                closes=time(12, 30))

    def add(day: str):
        return borie.client.post(url(borie, "retrait/plages/ajouter/"), {
            "point_of_sale": borie.market.pk, "weekday": day, "starts": "08:00",
            "ends": "12:00", "capacity": "5", "is_active": "on"})

    friday, wednesday = add("5"), add("3")

    assert friday.status_code == 400
    assert ("Votre étal au Marché de Cahors, place Chapou n'existe que ces jours : mercredi ou "
            "samedi. Choisissez l'un d'eux.") in unescape(friday.content.decode())
    assert wednesday.status_code == 302
    assert sorted(PickupWindow.objects.filter(point_of_sale=borie.market)
                  .values_list("weekday", flat=True)) == [3, 6]
    page = borie.client.get(url(borie, "retrait/plages/ajouter/")).content.decode()
    assert "Marché : Marché de Cahors, place Chapou (mercredi et samedi, 7 h 30 – 12 h 30)" in \
        unescape(page)


def test_a_window_left_on_a_day_the_market_no_longer_holds_is_flagged(borie):
    saturday = borie.market.hours.get()
    saturday.weekday = 3  # the market moved to Wednesdays; its window still says Saturday
    saturday.save()

    page = unescape(borie.client.get(url(borie, "retrait/")).content.decode())

    assert page.count("Le marché ne se tient plus le") == 1
    assert ("Le marché ne se tient plus le samedi : cette plage ne propose aucun créneau. "
            "Modifiez son jour ou supprimez-la.") in page
