"""Every call to Stripe, in one module, returning typed results.

The rest of the project never imports `stripe`: it calls these functions and gets dataclasses
back, or `PaymentsUnavailable` (a French message for the buyer or producer) when Stripe cannot be
reached or refuses. Amounts cross this boundary as integer cents.

Tests replace the HTTP layer with `use_http_client` (Checkout Sessions and Connect, which the
local fake server lacks) or point `STRIPE_API_BASE` at localstripe.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import stripe
from django.conf import settings
from django.utils.translation import gettext as _

_http_client: Any = None


class PaymentsUnavailable(Exception):
    """Stripe could not do it now (outage, refusal): nothing was charged or changed."""

    def __init__(self, message: str = "", *, detail: str = "") -> None:
        self.detail = detail
        super().__init__(message or _(
            "Le paiement en ligne est momentanément indisponible. Votre commande est gardée : "
            "réessayez dans quelques minutes, ou choisissez le paiement au retrait."))


class SignatureError(Exception):
    """A webhook whose signature does not verify (forged, altered, or another secret)."""


def use_http_client(http_client: Any) -> None:
    """Route every call through this HTTP client (tests); None goes back to the default."""
    global _http_client
    _http_client = http_client


def is_configured() -> bool:
    return bool(settings.STRIPE_SECRET_KEY and settings.STRIPE_WEBHOOK_SECRET)


def _client() -> stripe.StripeClient:
    if not is_configured():
        raise PaymentsUnavailable(_("Le paiement en ligne n'est pas proposé sur ce site."))
    options: dict[str, Any] = {"max_network_retries": 2}
    if settings.STRIPE_API_BASE:
        options["base_addresses"] = {"api": settings.STRIPE_API_BASE,
                                     "connect": settings.STRIPE_API_BASE}
    if _http_client is not None:
        options["http_client"] = _http_client
    return stripe.StripeClient(settings.STRIPE_SECRET_KEY, **options)


def cents(amount: Decimal) -> int:
    return int((amount * 100).quantize(Decimal("1"), rounding=ROUND_HALF_UP))


def _call(what: str, function: Any, *args: Any, **kwargs: Any) -> dict[str, Any]:
    """The call's result as plain data (the SDK's objects are not dicts)."""
    try:
        return dict(function(*args, **kwargs).to_dict())
    except stripe.StripeError as error:
        raise PaymentsUnavailable(detail=f"{what}: {error.__class__.__name__}: "
                                         f"{error.user_message or error}") from error


# --- Connect: the producers' accounts -------------------------------------------------------

@dataclass(frozen=True)
class AccountState:
    account_id: str
    charges_enabled: bool
    payouts_enabled: bool
    details_submitted: bool


def _account(obj: Any) -> AccountState:
    return AccountState(account_id=obj["id"], charges_enabled=bool(obj.get("charges_enabled")),
                        payouts_enabled=bool(obj.get("payouts_enabled")),
                        details_submitted=bool(obj.get("details_submitted")))


def account_create(*, email: str, name: str, reference: str) -> AccountState:
    """An Express account (France, card payments and transfers) for a producer."""
    params = {"type": "express", "country": "FR", "email": email or None,
              "business_profile": {"name": name},
              "capabilities": {"card_payments": {"requested": True},
                               "transfers": {"requested": True}},
              "metadata": {"producer": reference}}
    account = _call("accounts.create", _client().v1.accounts.create,
                    {k: v for k, v in params.items() if v is not None},
                    {"idempotency_key": f"account-{reference}"})
    return _account(account)


def account_retrieve(account_id: str) -> AccountState:
    return _account(_call("accounts.retrieve", _client().v1.accounts.retrieve, account_id))


def account_state(obj: Mapping[str, Any]) -> AccountState:
    """An account object as a webhook carries it."""
    return _account(obj)


def account_link(*, account_id: str, refresh_url: str, return_url: str) -> str:
    link = _call("account_links.create", _client().v1.account_links.create, {
        "account": account_id, "refresh_url": refresh_url, "return_url": return_url,
        "type": "account_onboarding"})
    return str(link["url"])


# --- Checkout Sessions and payments ---------------------------------------------------------

@dataclass(frozen=True)
class LineItem:
    name: str
    unit_amount: int  # cents
    quantity: int


@dataclass(frozen=True)
class Session:
    session_id: str
    url: str
    payment_intent_id: str
    payment_status: str  # "paid", "unpaid"
    reference: str


def _session(obj: Any) -> Session:
    intent = obj.get("payment_intent") or ""
    if not isinstance(intent, str):
        intent = intent["id"]
    return Session(session_id=obj["id"], url=obj.get("url") or "", payment_intent_id=intent,
                   payment_status=obj.get("payment_status") or "",
                   reference=(obj.get("metadata") or {}).get("checkout", "")
                   or obj.get("client_reference_id") or "")


def session_from_event(obj: Mapping[str, Any]) -> Session:
    return _session(obj)


def checkout_session_create(*, reference: str, attempt: int, items: list[LineItem], email: str,
                            success_url: str, cancel_url: str, expires_at: datetime) -> Session:
    """One hosted payment page for the orders of a checkout paid online. The charge stays on
    the platform; `transfer_group` ties it to the transfers made to each producer."""
    params = {
        "mode": "payment",
        "client_reference_id": reference,
        "customer_email": email,
        "locale": "fr",
        "line_items": [{"quantity": item.quantity, "price_data": {
            "currency": "eur", "unit_amount": item.unit_amount,
            "product_data": {"name": item.name}}} for item in items],
        "payment_intent_data": {"transfer_group": reference,
                                "metadata": {"checkout": reference}},
        "metadata": {"checkout": reference},
        "success_url": success_url,
        "cancel_url": cancel_url,
        "expires_at": int(expires_at.timestamp()),
    }
    session = _call("checkout.sessions.create", _client().v1.checkout.sessions.create, params,
                    {"idempotency_key": f"session-{reference}-{attempt}"})
    return _session(session)


def payment_intent_charge(payment_intent_id: str) -> str:
    """The charge of a succeeded payment (what transfers are drawn from)."""
    intent = _call("payment_intents.retrieve", _client().v1.payment_intents.retrieve,
                   payment_intent_id)
    charge = intent.get("latest_charge") or ""
    return charge if isinstance(charge, str) else str(charge["id"])


# --- Transfers and refunds -------------------------------------------------------------------

@dataclass(frozen=True)
class Transfer:
    transfer_id: str
    amount: int


def transfer_create(*, amount: int, destination: str, transfer_group: str,
                    source_transaction: str, order_number: str) -> Transfer:
    """The producer's share of the charge, sent to its account (once per order: the
    idempotency key makes a retry return the same transfer)."""
    transfer = _call("transfers.create", _client().v1.transfers.create, {
        "amount": amount, "currency": "eur", "destination": destination,
        "transfer_group": transfer_group, "source_transaction": source_transaction,
        "metadata": {"order": order_number}}, {"idempotency_key": f"transfer-{order_number}"})
    return Transfer(transfer_id=transfer["id"], amount=int(transfer["amount"]))


def transfer_reverse(*, transfer_id: str, amount: int, order_number: str) -> str:
    """Take back the producer's share of a refunded order (the refund comes out of it)."""
    reversal = _call("transfers.create_reversal", _client().v1.transfers.reversals.create,
                     transfer_id, {"amount": amount, "metadata": {"order": order_number}},
                     {"idempotency_key": f"reversal-{order_number}"})
    return str(reversal["id"])


@dataclass(frozen=True)
class RefundResult:
    refund_id: str
    amount: int
    status: str


def refund_create(*, payment_intent_id: str, amount: int, order_number: str) -> RefundResult:
    refund = _call("refunds.create", _client().v1.refunds.create, {
        "payment_intent": payment_intent_id, "amount": amount,
        "metadata": {"order": order_number}}, {"idempotency_key": f"refund-{order_number}"})
    return RefundResult(refund_id=refund["id"], amount=int(refund["amount"]),
                        status=str(refund["status"]))


# --- Webhooks ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Event:
    event_id: str
    type: str
    created: int
    account: str
    data: Mapping[str, Any]


def webhook_event(payload: bytes, signature: str) -> Event:
    """The event, once its signature (HMAC-SHA256 with the webhook secret, timestamp within
    five minutes) is verified; SignatureError otherwise."""
    try:
        event = stripe.Webhook.construct_event(payload, signature,
                                               settings.STRIPE_WEBHOOK_SECRET).to_dict()
        obj = event["data"]["object"]
        return Event(event_id=str(event["id"]), type=str(event["type"]),
                     created=int(event.get("created") or 0),
                     account=str(event.get("account") or ""), data=dict(obj))
    except (ValueError, KeyError, TypeError, stripe.SignatureVerificationError) as error:
        raise SignatureError(str(error)) from error
