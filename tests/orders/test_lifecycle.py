"""After the order: the producer's moves, cancellations giving back stock and places, the
buyer's changes until preparing, the e-mails of each event and the day-before reminder."""

from datetime import UTC, timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

from orders import services
from orders.models import (
    CancelledBy,
    Order,
    OrderEmail,
    OrderStatus,
    OrderStatusChange,
    PaymentStatus,
    PickupSlot,
)
from producers.models import Product
from tests.orders.helpers import first_slot, place

pytestmark = pytest.mark.django_db


@pytest.fixture
def order(borie, django_capture_on_commit_callbacks) -> Order:
    with django_capture_on_commit_callbacks(execute=True):
        checkout = place({borie.products["cheese"]: 3, borie.products["bread"]: 1},
                         {borie: first_slot(borie, market=True)})
    mail.outbox.clear()
    return checkout.orders.get()


def stock(farm) -> int | None:
    return Product.objects.get(pk=farm.products["cheese"].pk).stock


def booked() -> int:
    return PickupSlot.objects.get().booked


def test_prepare_ready_collected_each_timestamped_and_recorded(order, borie,
                                                               django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.order_prepare(order=order, actor=borie.user)
        services.order_mark_ready(order=order, actor=borie.user)
        services.order_collect(order=order, actor=borie.user)

    order.refresh_from_db()
    assert order.status == OrderStatus.COLLECTED
    assert order.payment_status == PaymentStatus.PAID_ON_PICKUP
    assert order.placed_at <= order.preparing_at <= order.ready_at <= order.collected_at
    moves = list(OrderStatusChange.objects.filter(order=order).values_list("source", "target",
                                                                         "actor"))
    assert moves == [("confirmed", "preparing", borie.user.pk),
                     ("preparing", "ready", borie.user.pk),
                     ("ready", "collected", borie.user.pk)]
    assert [m.subject for m in mail.outbox] == ["Votre commande chez La Borie est prête"]


def test_a_refused_move_says_why_and_changes_nothing(order):
    with pytest.raises(ValidationError) as error:
        services.order_collect(order=order)

    assert error.value.messages == [
        "Impossible de passer cette commande de « Confirmée » à « Retirée ». Depuis « Confirmée »,"
        " possible : « En préparation », « Prête à retirer », « Annulée »."]
    order.refresh_from_db()
    assert order.status == OrderStatus.CONFIRMED and not order.status_changes.exists()


def test_the_buyer_cancels_and_gets_stock_and_place_back(order, borie,
                                                        django_capture_on_commit_callbacks):
    assert (stock(borie), booked()) == (7, 1)

    with django_capture_on_commit_callbacks(execute=True):
        services.order_cancel_by_buyer(order=order)

    order.refresh_from_db()
    assert (order.status, order.cancelled_by, order.payment_status) == (
        OrderStatus.CANCELLED, CancelledBy.BUYER, PaymentStatus.NOT_DUE)
    assert (stock(borie), booked()) == (10, 0)
    assert sorted(m.to[0] for m in mail.outbox) == ["camille@example.test",
                                                    "contact@la-borie.test"]
    cancel_ics = next(m for m in mail.outbox if m.to == ["camille@example.test"]).attachments[0]
    assert "METHOD:CANCEL" in str(cancel_ics[1])


def test_the_buyer_cannot_cancel_once_preparing(order, borie):
    services.order_prepare(order=order)

    with pytest.raises(ValidationError):
        services.order_cancel_by_buyer(order=order)

    assert stock(borie) == 7 and booked() == 1


def test_the_producer_cancels_with_a_reason(order, borie, django_capture_on_commit_callbacks):
    with pytest.raises(ValidationError, match="Indiquez le motif"):
        services.order_cancel_by_producer(order=order, reason="  ")

    with django_capture_on_commit_callbacks(execute=True):
        services.order_cancel_by_producer(order=order, reason="Grêle sur les vergers",
                                          actor=borie.user)

    order.refresh_from_db()
    assert (order.status, order.cancelled_by, order.cancel_reason) == (
        OrderStatus.CANCELLED, CancelledBy.PRODUCER, "Grêle sur les vergers")
    assert [m.to for m in mail.outbox] == [["camille@example.test"]]
    assert "Motif : Grêle sur les vergers" in mail.outbox[0].body


def test_not_collected(order):
    services.order_mark_ready(order=order)

    services.order_not_collected(order=order)

    order.refresh_from_db()
    assert (order.status, order.cancel_reason) == (OrderStatus.CANCELLED,
                                                   "Commande non retirée.")


def test_the_buyer_changes_quantities(order, borie, django_capture_on_commit_callbacks):
    cheese_line = order.lines.get(product=borie.products["cheese"])
    bread_line = order.lines.get(product=borie.products["bread"])

    with django_capture_on_commit_callbacks(execute=True):
        services.order_quantities_change(order=order, quantities={cheese_line.pk: 5,
                                                                  bread_line.pk: 0})

    order.refresh_from_db()
    assert [(li.product_name, li.quantity) for li in order.lines.all()] == [
        (cheese_line.product_name, 5)]
    assert order.total == Decimal("6.00") and stock(borie) == 5
    assert sorted(m.to[0] for m in mail.outbox) == ["camille@example.test",
                                                    "contact@la-borie.test"]
    assert all("modifi" in m.subject for m in mail.outbox)


@pytest.mark.parametrize(("quantities", "message"), [
    ({"cheese": 20}, "Il ne reste que 7 « Rocamadour la-borie » de plus."),
    ({"cheese": 0, "bread": 0}, "Pour tout retirer, annulez la commande."),
    ({"cheese": -1}, "Chaque quantité va de 0 à 99."),
])
def test_a_bad_change_changes_nothing(order, borie, quantities, message):
    lines = {"cheese": order.lines.get(product=borie.products["cheese"]).pk,
             "bread": order.lines.get(product=borie.products["bread"]).pk}

    with pytest.raises(ValidationError) as error:
        services.order_quantities_change(order=order, quantities={
            lines[k]: q for k, q in quantities.items()})

    assert error.value.messages == [message]
    order.refresh_from_db()
    assert sorted(order.lines.values_list("quantity", flat=True)) == [1, 3]
    assert order.total == Decimal("8.10") and stock(borie) == 7


def test_a_foreign_line_or_a_started_order_cannot_be_changed(order, mas):
    other = place({mas.products["bread"]: 1}, {mas: first_slot(mas)}).orders.get()

    with pytest.raises(ValidationError, match="ne fait pas partie"):
        services.order_quantities_change(order=order,
                                         quantities={other.lines.get().pk: 2})
    services.order_prepare(order=order)
    with pytest.raises(ValidationError, match="a commencé à préparer"):
        services.order_quantities_change(order=order, quantities={})


def test_the_api_style_move_maps_targets_to_the_producers_transitions(order):
    services.producer_transition_to(order=order, target="ready")
    with pytest.raises(ValidationError, match="Indiquez le motif"):
        services.producer_transition_to(order=order, target="cancelled")
    with pytest.raises(ValidationError, match="Seul le paiement en ligne"):
        services.producer_transition_to(order=order, target="confirmed")
    with pytest.raises(ValidationError, match="Statut inconnu"):
        services.producer_transition_to(order=order, target="teleported")

    services.producer_transition_to(order=order, target="cancelled", reason="Rupture")
    order.refresh_from_db()
    assert (order.status, order.cancelled_by) == ("cancelled", "producer")


def test_the_reminder_goes_once_even_when_the_command_runs_twice(order, borie):
    day = timezone.localtime(order.pickup_starts_at).date()

    call_command("send_pickup_reminders", "--jour", day.isoformat(), stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("send_pickup_reminders", "--jour", day.isoformat(), stdout=open("/dev/null", "w"))  # noqa: SIM115
    services.pickup_reminders_send(day=day + timedelta(days=1))

    assert [m.subject.split(",")[0] for m in mail.outbox] == [
        "Rappel : retrait demain chez La Borie"]
    assert OrderEmail.objects.filter(kind="buyer_reminder").count() == 1


def test_an_email_task_run_twice_sends_once(order):
    from orders.tasks import send_order_email

    first = send_order_email.call(order.pk, "buyer_ready")
    second = send_order_email.call(order.pk, "buyer_ready")

    assert (first, second) == (True, False) and len(mail.outbox) == 1


def test_the_calendar_file(order):
    from orders.calendar_file import order_ics

    text = order_ics(order, url="https://example.test/suivi").decode()

    assert "BEGIN:VEVENT" in text and f"UID:commande-{order.pk}@ohmylot" in text
    assert f"DTSTART:{order.pickup_starts_at.astimezone(UTC):%Y%m%dT%H%M%S}Z" in text
    assert "Marché de Cahors" in text and "LOCATION:" in text
