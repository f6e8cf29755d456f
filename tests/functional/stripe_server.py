"""A local fake Stripe for the browser journey: the API answers of `tests.orders.stripe_fake`
served over HTTP (the live site is another process), plus the two hosted pages a person sees,
Connect onboarding and the Checkout payment page. Paying on that page sends the signed
`checkout.session.completed` event to the site's webhook, as Stripe does, then goes back to
the site's success address."""

from __future__ import annotations

import html
import json
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, quote, urlsplit

from tests.orders.stripe_fake import FakeStripe, signature, stripe_objects

PAGE = ("<!doctype html><html lang='fr'><head><meta charset='utf-8'><title>{title}</title>"
        "</head><body><main><h1>{title}</h1>{body}</main></body></html>")


class FakeStripeServer:
    def __init__(self, *, webhook_secret: str, account: str = "acct_1Demo") -> None:
        self.secret = webhook_secret
        self.webhook_url = ""
        self.fake = stripe_objects(FakeStripe(), account=account)
        self.sessions: dict[str, dict[str, str]] = {}
        self.events: list[dict[str, Any]] = []
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self._wrap_routes(account)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def _wrap_routes(self, account: str) -> None:
        create_session = self.fake.routes[("POST", "/v1/checkout/sessions")]

        def session(params: dict[str, str], path: str) -> dict[str, Any]:
            body = create_session(params, path)
            self.sessions[body["id"]] = {**params, "amount": str(sum(
                int(params[f"line_items[{i}][price_data][unit_amount]"])
                * int(params[f"line_items[{i}][quantity]"])
                for i in range(len([k for k in params if k.endswith("[quantity]")]))))}
            body["url"] = f"{self.url}/pay/{body['id']}"
            return body

        def link(params: dict[str, str], path: str) -> dict[str, Any]:
            return {"object": "account_link", "created": int(time.time()),
                    "expires_at": int(time.time()) + 300,
                    "url": f"{self.url}/onboarding/{account}?return="
                           + quote(params["return_url"], safe="")}

        self.fake.routes[("POST", "/v1/checkout/sessions")] = session
        self.fake.routes[("POST", "/v1/account_links")] = link

    def _complete(self, session_id: str) -> str:
        params = self.sessions[session_id]
        reference = params["metadata[checkout]"]
        payload = json.dumps({
            "id": f"evt_paid_{session_id}", "object": "event", "type":
            "checkout.session.completed", "created": int(time.time()), "livemode": False,
            "data": {"object": {
                "id": session_id, "object": "checkout.session", "status": "complete",
                "payment_status": "paid", "payment_intent": f"pi_{session_id}",
                "client_reference_id": reference, "metadata": {"checkout": reference},
                "amount_total": int(params["amount"]), "currency": "eur"}}}).encode()
        request = urllib.request.Request(  # noqa: S310 - the loopback live site
            self.webhook_url, data=payload, method="POST",
            headers={"Content-Type": "application/json",
                     "Stripe-Signature": signature(payload, self.secret)})
        with urllib.request.urlopen(request, timeout=20) as response:  # noqa: S310
            self.events.append(json.load(response))
        return params["success_url"]

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def _send(self, status: int, body: str, *, kind: str = "text/html",
                      location: str = "") -> None:
                data = body.encode()
                self.send_response(status)
                self.send_header("Content-Type", f"{kind}; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                if location:
                    self.send_header("Location", location)
                self.end_headers()
                self.wfile.write(data)

            def _api(self, method: str) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length).decode() if length else None
                headers = {"Idempotency-Key": self.headers.get("Idempotency-Key", "")}
                text, status, _ = outer.fake.request(method.lower(), outer.url + self.path,
                                                     headers, body)
                self._send(status, text, kind="application/json")

            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                parts = urlsplit(self.path)
                if parts.path.startswith("/v1/"):
                    return self._api("GET")
                if parts.path.startswith("/onboarding/"):
                    back = html.escape(parse_qs(parts.query)["return"][0])
                    return self._send(200, PAGE.format(title="Stripe Connect (test)", body=(
                        f"<p>Compte {html.escape(parts.path.rsplit('/', 1)[1])}</p>"
                        f"<a href='{back}'>Terminer l'inscription</a>")))
                if parts.path.startswith("/pay/"):
                    session = html.escape(parts.path.rsplit("/", 1)[1])
                    amount = int(outer.sessions[parts.path.rsplit("/", 1)[1]]["amount"])
                    return self._send(200, PAGE.format(title="Stripe Checkout (test)", body=(
                        f"<p>Montant : {amount / 100:.2f} €</p>"
                        f"<form method='post' action='/pay/{session}'>"
                        "<button type='submit'>Payer</button></form>")))
                return self._send(404, "not found", kind="text/plain")

            def do_POST(self) -> None:  # noqa: N802 - http.server's name
                if self.path.startswith("/v1/"):
                    return self._api("POST")
                if self.path.startswith("/pay/"):
                    target = outer._complete(self.path.rsplit("/", 1)[1])
                    return self._send(303, "", location=target)
                return self._send(404, "not found", kind="text/plain")

        return Handler
