"""Against localstripe, a fake but stateful Stripe server run on a free port: real payment
intents, a real refund through `orders.payments.money`, and a signed webhook delivery that the
site's endpoint verifies and processes."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from decimal import Decimal
from pathlib import Path

import pytest
import stripe

from orders.models import Order, Payment, PaymentState, PaymentStatus, Refund, StripeEvent
from orders.payments import money, stripe_client
from tests.orders.helpers import first_slot, place

LOCALSTRIPE = str(Path(sys.executable).parent / "localstripe")
SECRET = "whsec_localstripe_test"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def localstripe(tmp_path_factory):
    if not Path(LOCALSTRIPE).exists() and not shutil.which("localstripe"):
        pytest.skip("localstripe is not installed (pip install -e '.[dev]')")
    port = _free_port()
    log = (tmp_path_factory.mktemp("localstripe") / "server.log").open("wb")
    process = subprocess.Popen([LOCALSTRIPE, "--port", str(port), "--from-scratch"],  # noqa: S603
                               stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"{url}/v1/customers", timeout=1)  # noqa: S310 - loopback
            break
        except urllib.error.HTTPError:
            break  # it answers (401 without a key)
        except OSError:
            time.sleep(0.2)
    yield url
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture
def stripe_settings(settings, localstripe):
    settings.STRIPE_SECRET_KEY = "sk_test_localstripe"
    settings.STRIPE_WEBHOOK_SECRET = SECRET
    settings.STRIPE_API_BASE = localstripe
    stripe_client.use_http_client(None)
    return localstripe


def sdk(url: str) -> stripe.StripeClient:
    return stripe.StripeClient("sk_test_localstripe", base_addresses={"api": url})


def paid_intent(url: str, amount: int, *, card: str = "4242424242424242",
                reference: str = "") -> str:
    client = sdk(url)
    method = client.v1.payment_methods.create({"type": "card", "card": {
        "number": card, "exp_month": 12, "exp_year": 2030, "cvc": "123"}})
    intent = client.v1.payment_intents.create({"amount": amount, "currency": "eur",
                                               "payment_method": method.id,
                                               "metadata": {"checkout": reference}})
    client.v1.payment_intents.confirm(intent.id)
    return str(intent.id)


def online_order(farm, *, payment_intent: str, state: str = PaymentState.PAID) -> Order:
    checkout = place({farm.products["cheese"]: 2}, {farm: first_slot(farm)})
    order = checkout.orders.get()
    Order.objects.filter(pk=order.pk).update(payment_method="online")
    payment = Payment.objects.create(checkout=checkout, session_id=f"cs_{order.pk}",
                                     payment_intent_id=payment_intent, amount=order.total,
                                     state=state)
    payment.orders.add(order)
    order.refresh_from_db()
    return order


@pytest.mark.django_db
def test_a_refund_through_localstripe(stripe_settings, borie):
    intent = paid_intent(stripe_settings, 240)
    order = online_order(borie, payment_intent=intent)
    Order.objects.filter(pk=order.pk).update(status="cancelled",
                                             payment_status=PaymentStatus.REFUND_PENDING)

    assert money.refund_send(order.pk) is True
    assert money.refund_send(order.pk) is False  # once per order

    refund = Refund.objects.get()
    assert (refund.order, refund.amount, refund.status) == (order, Decimal("2.40"), "succeeded")
    listed = sdk(stripe_settings).v1.refunds.retrieve(refund.refund_id)
    assert (listed.amount, listed.payment_intent) == (240, intent)


@pytest.mark.django_db
def test_the_charge_of_a_payment_intent(stripe_settings):
    intent = paid_intent(stripe_settings, 990)

    charge = stripe_client.payment_intent_charge(intent)

    assert charge.startswith("ch_")
    assert sdk(stripe_settings).v1.charges.retrieve(charge).amount == 990


@pytest.mark.django_db(transaction=True)
def test_a_signed_delivery_from_localstripe_is_verified_and_processed(stripe_settings,
                                                                     live_server,
                                                                     lot_communes):
    from tests.orders.conftest import open_farm

    farm = open_farm(nom="Ferme Carte", slug="ferme-carte", email="carte@f.test")
    order = online_order(farm, payment_intent="", state=PaymentState.OPEN)
    Order.objects.filter(pk=order.pk).update(status="awaiting_payment",
                                             payment_status=PaymentStatus.PENDING)
    config = urllib.request.Request(  # noqa: S310 - the loopback fake server
        f"{stripe_settings}/_config/webhooks/orders", method="POST",
        data=(f"url={live_server.url}/stripe/webhook/&secret={SECRET}"
              "&events[]=payment_intent.payment_failed").encode())
    urllib.request.urlopen(config, timeout=5)  # noqa: S310

    with pytest.raises(stripe.CardError):
        paid_intent(stripe_settings, 240, card="4000000000000341",
                    reference=order.checkout.reference)

    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and not StripeEvent.objects.exists():
        time.sleep(0.2)
    received = StripeEvent.objects.get()
    assert (received.type, received.outcome) == ("payment_intent.payment_failed",
                                                 "1 marked failed")
    order.refresh_from_db()
    assert (order.status, order.payment_status) == ("awaiting_payment", PaymentStatus.FAILED)
