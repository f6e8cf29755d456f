"""Online payment: Connect onboarding, a Checkout Session for the orders paid online, the
signed webhook as the only thing that confirms them, transfers to each producer, refunds
from the right share, and Stripe outages that lose nothing.

Checkout Sessions, Connect and transfers are answered by FakeStripe at the SDK's HTTP layer
(the exact requests are asserted); webhooks are posted with real signatures."""

from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.core import mail
from django.test import Client

from orders import services
from orders.models import (
    Order,
    OrderStatus,
    Payment,
    PaymentIncident,
    PaymentStatus,
    PickupSlot,
    ProducerTransfer,
    StripeAccount,
    StripeEvent,
)
from orders.payments import stripe_client
from orders.payments.services import unpaid_orders_expire
from producers.models import Producer, Product
from tests.orders.helpers import first_slot
from tests.orders.stripe_fake import FakeStripe, event, signature, stripe_objects

pytestmark = pytest.mark.django_db
SECRET = "whsec_test_secret"


@pytest.fixture
def fake(settings):
    settings.STRIPE_SECRET_KEY = "sk_test_platform"
    settings.STRIPE_WEBHOOK_SECRET = SECRET
    settings.STRIPE_API_BASE = ""
    fake = stripe_objects(FakeStripe())
    stripe_client.use_http_client(fake)
    yield fake
    stripe_client.use_http_client(None)


@pytest.fixture
def connected(fake, borie):
    StripeAccount.objects.create(producer=borie.producer, account_id="acct_1Borie",
                                 charges_enabled=True, payouts_enabled=True,
                                 details_submitted=True)
    services.ordering_facts_sync(producer=borie.producer)
    return borie


def post_event(client: Client, payload: bytes, *, secret: str = SECRET, sig: str | None = None):
    return client.post("/stripe/webhook/", payload, content_type="application/json",
                       HTTP_STRIPE_SIGNATURE=sig or signature(payload, secret))


def state(*products) -> tuple:
    return (tuple(Product.objects.get(pk=p.pk).stock for p in products),
            sum(PickupSlot.objects.values_list("booked", flat=True)))


def checkout_online(client: Client, borie, mas, capture) -> tuple[Order, Order, Any]:
    """Borie's order paid online, Le Mas's on pickup, in one checkout."""
    client.post("/panier/ajouter/", {"product": borie.products["cheese"].pk, "quantity": "3"})
    client.post("/panier/ajouter/", {"product": mas.products["bread"].pk, "quantity": "1"})
    with capture(execute=True):
        response = client.post("/commande/", {
            "name": "Camille Martin", "email": "camille@example.test", "phone": "0612345678",
            f"slot_{borie.producer.pk}": first_slot(borie, market=True).key,
            f"payment_{borie.producer.pk}": "online",
            f"slot_{mas.producer.pk}": first_slot(mas).key,
            f"payment_{mas.producer.pk}": "on_pickup"})
    online = Order.objects.get(producer=borie.producer)
    on_pickup = Order.objects.get(producer=mas.producer)
    return online, on_pickup, response


def completed(session_id: str = "cs_test_1", *, paid: str = "paid", reference: str = ""):
    return {"id": session_id, "object": "checkout.session", "payment_status": paid,
            "status": "complete", "payment_intent": "pi_1Paid", "client_reference_id": reference,
            "metadata": {"checkout": reference}, "amount_total": 360, "currency": "eur"}


def test_connecting_a_stripe_account(fake, borie, django_capture_on_commit_callbacks):
    page = borie.client.get("/espace-producteur/ferme/la-borie/paiement/")
    assert "Non connecté" in page.content.decode()

    response = borie.client.post("/espace-producteur/ferme/la-borie/paiement/")

    assert response.status_code == 302
    assert response["Location"] == "https://connect.stripe.com/setup/e/acct_1Borie/x"
    created = fake.calls("POST", "/v1/accounts")[0]
    assert created.params == {
        "type": "express", "country": "FR", "email": "contact@la-borie.test",
        "business_profile[name]": "La Borie",
        "capabilities[card_payments][requested]": "true",
        "capabilities[transfers][requested]": "true",
        "metadata[producer]": f"producer-{borie.producer.pk}"}
    assert created.idempotency_key == f"account-producer-{borie.producer.pk}"
    link = fake.calls("POST", "/v1/account_links")[0].params
    assert link == {"account": "acct_1Borie", "type": "account_onboarding",
                    "refresh_url": "http://127.0.0.1:8000/espace-producteur/ferme/la-borie/"
                                   "paiement/relancer/",
                    "return_url": "http://127.0.0.1:8000/espace-producteur/ferme/la-borie/"
                                  "paiement/retour/"}
    assert Producer.objects.get(pk=borie.producer.pk).accepts_online_payment is False

    back = borie.client.get("/espace-producteur/ferme/la-borie/paiement/retour/")

    assert back.status_code == 302
    assert fake.calls("GET", "/v1/accounts/acct_1Borie")
    assert StripeAccount.objects.get().state == "active"
    assert Producer.objects.get(pk=borie.producer.pk).accepts_online_payment is True
    page = borie.client.get("/espace-producteur/ferme/la-borie/paiement/")
    assert "Actif" in page.content.decode()


def test_account_updated_events_follow_the_connect_state(connected, client):
    payload = event("account.updated", {"id": "acct_1Borie", "object": "account",
                                        "charges_enabled": False, "payouts_enabled": False,
                                        "details_submitted": True}, account="acct_1Borie")

    assert post_event(client, payload).status_code == 200

    assert StripeAccount.objects.get().state == "pending"
    assert Producer.objects.get(pk=connected.producer.pk).accepts_online_payment is False


def test_online_and_on_pickup_in_one_checkout(connected, mas, client, fake,
                                              django_capture_on_commit_callbacks):
    borie = connected
    online, on_pickup, response = checkout_online(client, borie, mas,
                                                  django_capture_on_commit_callbacks)

    assert response.status_code == 302
    assert response["Location"] == "https://checkout.stripe.com/c/pay/cs_test_1"
    sent = fake.calls("POST", "/v1/checkout/sessions")[0]
    reference = online.checkout.reference
    assert {k: v for k, v in sent.params.items() if k != "expires_at"} == {
        "mode": "payment", "client_reference_id": reference,
        "customer_email": "camille@example.test", "locale": "fr",
        "line_items[0][quantity]": "3",
        "line_items[0][price_data][currency]": "eur",
        "line_items[0][price_data][unit_amount]": "120",
        "line_items[0][price_data][product_data][name]": f"{borie.products['cheese'].nom} — "
                                                         "La Borie",
        "payment_intent_data[transfer_group]": reference,
        "payment_intent_data[metadata][checkout]": reference,
        "metadata[checkout]": reference,
        "success_url": f"http://127.0.0.1:8000{online.checkout.get_absolute_url()}"
                       "?paiement=ok",
        "cancel_url": f"http://127.0.0.1:8000{online.checkout.get_absolute_url()}"
                      "?paiement=annule",
    }
    assert sent.idempotency_key == f"session-{reference}-1"
    assert (online.status, online.payment_status, online.payment_method) == (
        OrderStatus.AWAITING_PAYMENT, PaymentStatus.PENDING, "online")
    assert (on_pickup.status, on_pickup.payment_status) == (OrderStatus.CONFIRMED,
                                                            PaymentStatus.ON_PICKUP)
    assert Product.objects.get(pk=borie.products["cheese"].pk).stock == 7  # held
    # Only the order paid on pickup is confirmed and told so far.
    assert sorted(m.to[0] for m in mail.outbox) == ["camille@example.test",
                                                    "contact@le-mas.test"]


def test_the_checkout_page_says_what_is_paid_now_and_what_at_pickup(connected, mas, client):
    client.post("/panier/ajouter/", {"product": connected.products["cheese"].pk,
                                     "quantity": "1"})
    client.post("/panier/ajouter/", {"product": mas.products["bread"].pk, "quantity": "1"})

    page = client.get("/commande/").content.decode()

    assert f'name="payment_{connected.producer.pk}" value="online"' in page
    assert f'name="payment_{connected.producer.pk}" value="on_pickup"' in page
    assert f'type="hidden" name="payment_{mas.producer.pk}" value="on_pickup"' in page
    assert "1,20\xa0€ payés maintenant" in page and "À payer au retrait : 4,50\xa0€" in page


def test_only_the_verified_event_confirms_and_pays_each_producer(
        connected, mas, client, fake, settings, django_capture_on_commit_callbacks):
    settings.PLATFORM_FEE_PERCENT = Decimal("2.5")
    online, _on_pickup, _ = checkout_online(client, connected, mas,
                                            django_capture_on_commit_callbacks)
    mail.outbox.clear()
    # Coming back from Stripe's page proves nothing: the order still waits.
    client.get(online.checkout.get_absolute_url() + "?paiement=ok")
    online.refresh_from_db()
    assert online.status == OrderStatus.AWAITING_PAYMENT

    with django_capture_on_commit_callbacks(execute=True):
        response = post_event(client, event("checkout.session.completed", completed(
            reference=online.checkout.reference), event_id="evt_paid"))

    assert response.status_code == 200 and response.json()["outcome"] == "paid"
    online.refresh_from_db()
    assert (online.status, online.payment_status) == (OrderStatus.CONFIRMED, PaymentStatus.PAID)
    assert online.confirmed_at is not None
    transfer = fake.calls("POST", "/v1/transfers")[0]
    assert transfer.params == {"amount": "351", "currency": "eur",
                               "destination": "acct_1Borie",
                               "transfer_group": online.checkout.reference,
                               "source_transaction": "ch_1Paid",
                               "metadata[order]": online.number}
    assert transfer.idempotency_key == f"transfer-{online.number}"
    stored = ProducerTransfer.objects.get()
    assert (stored.amount, stored.fee, stored.order) == (Decimal("3.51"), Decimal("0.09"),
                                                         online)
    assert sorted(m.to[0] for m in mail.outbox) == ["camille@example.test",
                                                    "contact@la-borie.test"]


def test_forged_duplicated_and_out_of_order_events_change_nothing_wrong(
        connected, mas, client, fake, django_capture_on_commit_callbacks):
    online, _on_pickup, _ = checkout_online(client, connected, mas,
                                            django_capture_on_commit_callbacks)
    reference = online.checkout.reference
    paid = event("checkout.session.completed", completed(reference=reference),
                 event_id="evt_paid")

    forged = post_event(client, paid, secret="whsec_someone_else")
    altered = post_event(client, paid.replace(b'"paid"', b'"paid" '), sig=signature(
        paid, SECRET))
    stale = post_event(client, paid, sig=signature(paid, SECRET, at=1_000_000_000))
    assert [forged.status_code, altered.status_code, stale.status_code] == [400, 400, 400]
    online.refresh_from_db()
    assert online.status == OrderStatus.AWAITING_PAYMENT and not StripeEvent.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        first = post_event(client, paid)
        again = post_event(client, paid)
        late_failure = post_event(client, event("payment_intent.payment_failed", {
            "id": "pi_1Paid", "object": "payment_intent", "status": "requires_payment_method",
            "metadata": {"checkout": reference}}, event_id="evt_failed"))
        late_expiry = post_event(client, event("checkout.session.expired", {
            "id": "cs_test_1", "object": "checkout.session", "status": "expired"},
            event_id="evt_expired"))

    assert [r.json()["outcome"] for r in (first, again, late_failure, late_expiry)] == [
        "paid", "duplicate", "no open payment", "ignored (paid)"]
    online.refresh_from_db()
    assert (online.status, online.payment_status) == (OrderStatus.CONFIRMED, PaymentStatus.PAID)
    assert len(fake.calls("POST", "/v1/transfers")) == 1
    assert StripeEvent.objects.count() == 3


def test_an_unpaid_session_event_confirms_nothing(connected, mas, client, fake,
                                                  django_capture_on_commit_callbacks):
    online, _, _ = checkout_online(client, connected, mas, django_capture_on_commit_callbacks)

    response = post_event(client, event("checkout.session.completed", completed(
        paid="unpaid", reference=online.checkout.reference)))

    assert response.json()["outcome"] == "not paid (unpaid)"
    online.refresh_from_db()
    assert online.status == OrderStatus.AWAITING_PAYMENT


def test_a_declined_card_then_an_expired_session_release_stock_and_slot(
        connected, mas, client, fake, django_capture_on_commit_callbacks):
    before = state(connected.products["cheese"])
    online, on_pickup, _ = checkout_online(client, connected, mas,
                                           django_capture_on_commit_callbacks)
    held = state(connected.products["cheese"])

    post_event(client, event("payment_intent.payment_failed", {
        "id": "pi_1Declined", "object": "payment_intent",
        "metadata": {"checkout": online.checkout.reference}}))
    online.refresh_from_db()
    assert (online.status, online.payment_status) == (OrderStatus.AWAITING_PAYMENT,
                                                      PaymentStatus.FAILED)
    assert state(connected.products["cheese"]) == held

    with django_capture_on_commit_callbacks(execute=True):
        post_event(client, event("checkout.session.expired", {
            "id": "cs_test_1", "object": "checkout.session", "status": "expired"}))

    online.refresh_from_db()
    assert (online.status, online.cancelled_by, online.payment_status) == (
        OrderStatus.CANCELLED, "system", PaymentStatus.NOT_DUE)
    # The buyer is told; the producer never heard of this unpaid order.
    assert [m.to for m in mail.outbox if "annulée" in m.subject] == [["camille@example.test"]]
    assert state(connected.products["cheese"]) == (before[0], held[1] - 1)
    on_pickup.refresh_from_db()
    assert on_pickup.status == OrderStatus.CONFIRMED


def test_a_payment_arriving_after_the_release_is_refunded(connected, mas, client, fake,
                                                           django_capture_on_commit_callbacks):
    online, _, _ = checkout_online(client, connected, mas, django_capture_on_commit_callbacks)
    unpaid_orders_expire(now=online.placed_at + timedelta(minutes=45))

    with django_capture_on_commit_callbacks(execute=True):
        response = post_event(client, event("checkout.session.completed", completed(
            reference=online.checkout.reference)))

    assert response.json()["outcome"] == "paid"
    online.refresh_from_db()
    assert (online.status, online.payment_status) == (OrderStatus.CANCELLED,
                                                      PaymentStatus.REFUND_PENDING)
    assert fake.calls("POST", "/v1/refunds")[0].params["amount"] == "360"
    assert not fake.calls("POST", "/v1/transfers")
    assert PaymentIncident.objects.get().kind == "late_payment"


def test_cancelling_the_paid_order_refunds_it_from_the_producers_share(
        connected, mas, client, fake, django_capture_on_commit_callbacks):
    online, _, _ = checkout_online(client, connected, mas, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        post_event(client, event("checkout.session.completed", completed(
            reference=online.checkout.reference)))

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/commande/suivi/{online.checkout.token}/{online.pk}/annuler/")

    assert response.status_code == 302
    online.refresh_from_db()
    assert (online.status, online.payment_status) == (OrderStatus.CANCELLED,
                                                      PaymentStatus.REFUND_PENDING)
    refund = fake.calls("POST", "/v1/refunds")[0]
    assert refund.params == {"payment_intent": "pi_1Paid", "amount": "360",
                             "metadata[order]": online.number}
    reversal = fake.calls("POST", "/v1/transfers/tr_1/reversals")[0]
    assert reversal.params == {"amount": "360", "metadata[order]": online.number}
    assert ProducerTransfer.objects.get().reversed_amount == Decimal("3.60")

    post_event(client, event("charge.refunded", {
        "id": "ch_1Paid", "object": "charge", "payment_intent": "pi_1Paid", "amount": 360,
        "amount_refunded": 360, "refunded": True}))

    online.refresh_from_db()
    assert online.payment_status == PaymentStatus.REFUNDED


def test_a_stripe_outage_keeps_the_order_and_the_buyer_can_retry(
        connected, mas, client, fake, django_capture_on_commit_callbacks):
    fake.down = True
    online, _, response = checkout_online(client, connected, mas,
                                          django_capture_on_commit_callbacks)

    assert response.status_code == 302 and response["Location"] == \
        online.checkout.get_absolute_url()
    page = client.get(response["Location"]).content.decode()
    assert "momentanément indisponible" in page.replace("&#x27;", "'")
    assert "Payer en ligne" in page
    online.refresh_from_db()
    assert online.status == OrderStatus.AWAITING_PAYMENT and not Payment.objects.exists()

    fake.down = False
    retry = client.post(f"/commande/suivi/{online.checkout.token}/payer/")

    assert retry.status_code == 302 and retry["Location"].startswith("https://checkout.stripe")
    assert Payment.objects.get().orders.get() == online


def test_a_failed_transfer_is_an_incident_and_is_retried(
        connected, mas, client, fake, django_capture_on_commit_callbacks):
    from django.core.management import call_command

    online, _, _ = checkout_online(client, connected, mas, django_capture_on_commit_callbacks)
    del fake.routes[("POST", "/v1/transfers")]
    with django_capture_on_commit_callbacks(execute=True):
        post_event(client, event("checkout.session.completed", completed(
            reference=online.checkout.reference)))

    assert PaymentIncident.objects.get().kind == "transfer"
    assert not ProducerTransfer.objects.exists()
    stripe_objects(fake)
    call_command("payments_retry", stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("payments_retry", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert ProducerTransfer.objects.get().order == online


def test_unpaid_orders_expire_when_no_event_comes(connected, mas, client, fake, settings,
                                                  django_capture_on_commit_callbacks):
    from django.utils import timezone

    online, _, _ = checkout_online(client, connected, mas, django_capture_on_commit_callbacks)

    assert unpaid_orders_expire() == 0
    assert unpaid_orders_expire(now=timezone.now() + timedelta(minutes=45)) == 1
    assert unpaid_orders_expire(now=timezone.now() + timedelta(minutes=45)) == 0
    online.refresh_from_db()
    assert online.status == OrderStatus.CANCELLED


def test_without_stripe_keys_online_payment_is_not_offered(borie, client, settings):
    settings.STRIPE_SECRET_KEY = settings.STRIPE_WEBHOOK_SECRET = ""
    StripeAccount.objects.create(producer=borie.producer, account_id="acct_1",
                                 charges_enabled=True)
    client.post("/panier/ajouter/", {"product": borie.products["cheese"].pk, "quantity": "1"})

    page = client.get("/commande/").content.decode()

    assert 'value="online"' not in page
    assert client.post("/stripe/webhook/", b"{}", content_type="application/json"
                       ).status_code == 404
    assert "Indisponible" in borie.client.get(
        "/espace-producteur/ferme/la-borie/paiement/").content.decode()


def test_staff_see_payment_incidents(client, borie):
    from tests.factories import UserFactory

    PaymentIncident.objects.create(kind="refund", message="Remboursement refusé")
    staff = UserFactory.create(username="camille@cci.test", is_staff=True)

    assert client.get("/curation/incidents-paiement/").status_code == 302
    client.force_login(staff)
    assert "Remboursement refusé" in client.get("/curation/incidents-paiement/").content.decode()
    client.post("/curation/incidents-paiement/", {"incident": "pas-un-nombre"})
    assert PaymentIncident.objects.get().resolved_at is None
    client.post("/curation/incidents-paiement/", {"incident": PaymentIncident.objects.get().pk})
    assert PaymentIncident.objects.get().resolved_at is not None
