"""Stand-ins for Stripe where the local fake server (localstripe) has nothing: an HTTP client
plugged into the SDK that records each request exactly as sent and answers with bodies shaped
like Stripe's documented objects; and webhook signatures made with Stripe's own scheme."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import stripe


@dataclass
class Sent:
    method: str
    path: str
    params: dict[str, str]
    idempotency_key: str | None


Handler = Callable[[dict[str, str], str], dict[str, Any]]


@dataclass
class FakeStripe(stripe.HTTPClient):
    """Answers by (method, path prefix); `down` makes every call fail as an outage does."""

    routes: dict[tuple[str, str], Handler] = field(default_factory=dict)
    sent: list[Sent] = field(default_factory=list)
    down: bool = False
    name = "fake"

    def __post_init__(self) -> None:
        super().__init__()

    def request(self, method: str, url: str, headers: Any, post_data: Any = None, *,
                _usage: Any = None) -> tuple[str, int, dict[str, str]]:
        parts = urlsplit(url)
        raw = post_data if method == "post" else parts.query
        if isinstance(raw, bytes):
            raw = raw.decode()
        params = dict(parse_qsl(raw or "", keep_blank_values=True))
        key = (headers or {}).get("Idempotency-Key")
        self.sent.append(Sent(method.upper(), parts.path, params, key))
        if self.down:
            return (json.dumps({"error": {"type": "api_error", "message": "Service down"}}),
                    503, {"Stripe-Should-Retry": "false"})
        for (verb, prefix), handler in self.routes.items():
            if verb == method.upper() and parts.path.startswith(prefix):
                return json.dumps(handler(params, parts.path)), 200, {}
        return (json.dumps({"error": {"type": "invalid_request_error",
                                      "message": f"No route {method} {parts.path}"}}), 404, {})

    def calls(self, method: str, path: str) -> list[Sent]:
        return [s for s in self.sent if s.method == method and s.path == path]


def stripe_objects(fake: FakeStripe, *, account: str = "acct_1Borie",
                   charges_enabled: bool = True) -> FakeStripe:
    """Routes answering like Stripe's API reference (only the fields the code reads and a few
    around them)."""
    state = {"charges_enabled": charges_enabled, "sessions": 0, "transfers": 0}

    def account_obj(params: dict[str, str], path: str) -> dict[str, Any]:
        created = path == "/v1/accounts"
        return {"id": account, "object": "account", "type": "express", "country": "FR",
                "email": params.get("email"), "charges_enabled": (
                    False if created else state["charges_enabled"]),
                "payouts_enabled": not created and state["charges_enabled"],
                "details_submitted": not created, "capabilities": {}}

    def session(params: dict[str, str], path: str) -> dict[str, Any]:
        state["sessions"] += 1
        sid = f"cs_test_{state['sessions']}"
        return {"id": sid, "object": "checkout.session", "mode": "payment", "status": "open",
                "payment_status": "unpaid", "payment_intent": None, "currency": "eur",
                "client_reference_id": params.get("client_reference_id"),
                "metadata": {"checkout": params.get("metadata[checkout]")},
                "url": f"https://checkout.stripe.com/c/pay/{sid}",
                "expires_at": int(params.get("expires_at", "0"))}

    def transfer(params: dict[str, str], path: str) -> dict[str, Any]:
        if path.endswith("/reversals"):
            return {"id": "trr_1", "object": "transfer_reversal",
                    "amount": int(params["amount"]), "transfer": path.split("/")[3]}
        state["transfers"] += 1
        return {"id": f"tr_{state['transfers']}", "object": "transfer", "currency": "eur",
                "amount": int(params["amount"]), "destination": params["destination"],
                "transfer_group": params.get("transfer_group"),
                "source_transaction": params.get("source_transaction"), "reversed": False}

    fake.routes.update({
        ("POST", "/v1/accounts"): account_obj,
        ("GET", "/v1/accounts/"): account_obj,
        ("POST", "/v1/account_links"): lambda p, path: {
            "object": "account_link", "url": f"https://connect.stripe.com/setup/e/{account}/x",
            "created": int(time.time()), "expires_at": int(time.time()) + 300},
        ("POST", "/v1/checkout/sessions"): session,
        ("GET", "/v1/payment_intents/"): lambda p, path: {
            "id": path.rsplit("/", 1)[1], "object": "payment_intent", "status": "succeeded",
            "latest_charge": "ch_1Paid", "currency": "eur"},
        ("POST", "/v1/transfers"): transfer,
        ("POST", "/v1/refunds"): lambda p, path: {
            "id": "re_1", "object": "refund", "amount": int(p["amount"]),
            "payment_intent": p["payment_intent"], "charge": "ch_1Paid",
            "status": "succeeded", "currency": "eur"},
    })
    fake.state = state  # type: ignore[attr-defined]
    return fake


def signature(payload: bytes, secret: str, *, at: int | None = None) -> str:
    """Stripe-Signature: t=<time>,v1=HMAC-SHA256(secret, "<time>.<payload>")."""
    stamp = int(time.time()) if at is None else at
    digest = hmac.new(secret.encode(), f"{stamp}.".encode() + payload, hashlib.sha256)
    return f"t={stamp},v1={digest.hexdigest()}"


def event(event_type: str, obj: dict[str, Any], *, event_id: str | None = None,
          account: str | None = None) -> bytes:
    body: dict[str, Any] = {"id": event_id or f"evt_{abs(hash((event_type, json.dumps(obj))))}",
                            "object": "event", "type": event_type, "created": int(time.time()),
                            "api_version": "2025-10-29.clover", "livemode": False,
                            "data": {"object": obj}, "pending_webhooks": 1}
    if account:
        body["account"] = account
    return json.dumps(body).encode()
