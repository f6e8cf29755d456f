"""`POST /stripe/webhook/`: Stripe's events, signature verified before anything is read.

Each event id is recorded when first processed (a unique row): a second delivery is answered
200 and does nothing. The handlers check the state they find (see payments.services), so an
out-of-order event (a failure after the success, an expiry after the payment) changes nothing.
A forged or altered event is answered 400 and changes nothing.
"""

import logging
from collections.abc import Callable
from datetime import UTC, datetime

from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from orders.models import StripeEvent
from orders.payments import services, stripe_client
from orders.payments.stripe_client import Event, PaymentsUnavailable, SignatureError

logger = logging.getLogger(__name__)
MAX_BODY = 512 * 1024


def _completed(event: Event) -> str:
    return services.payment_completed(stripe_client.session_from_event(event.data))


def _expired(event: Event) -> str:
    return services.payment_expired(str(event.data.get("id", "")))


def _failed(event: Event) -> str:
    metadata = event.data.get("metadata") or {}
    return services.payment_failed(reference=str(metadata.get("checkout", "")),
                                   payment_intent_id=str(event.data.get("id", "")))


HANDLERS: dict[str, Callable[[Event], str]] = {
    "checkout.session.completed": _completed,
    "checkout.session.async_payment_succeeded": _completed,
    "checkout.session.expired": _expired,
    "payment_intent.payment_failed": _failed,
    "charge.refunded": lambda event: services.charge_refunded(event.data),
    "account.updated": lambda event: services.account_updated(event.data),
}


@csrf_exempt
@require_POST
def stripe_webhook(request: HttpRequest) -> HttpResponse:
    if not stripe_client.is_configured():
        return JsonResponse({"error": "Paiement en ligne non configuré."}, status=404)
    if len(request.body) > MAX_BODY:
        return JsonResponse({"error": "Événement trop volumineux."}, status=400)
    try:
        event = stripe_client.webhook_event(request.body,
                                            request.headers.get("Stripe-Signature", ""))
    except SignatureError:
        return JsonResponse({"error": "Signature non valide."}, status=400)
    try:
        outcome = _process(event)
    except PaymentsUnavailable as error:
        # Stripe will deliver the event again; nothing was recorded for it.
        logger.warning("Stripe event %s not processed: %s", event.event_id, error.detail)
        return JsonResponse({"error": "Réessayez plus tard."}, status=503)
    return JsonResponse({"received": event.event_id, "outcome": outcome})


def _process(event: Event) -> str:
    handler = HANDLERS.get(event.type)
    with transaction.atomic():
        try:
            with transaction.atomic():
                record = StripeEvent.objects.create(
                    event_id=event.event_id, type=event.type,
                    created=datetime.fromtimestamp(event.created, tz=UTC) if event.created
                    else None)
        except IntegrityError:
            return "duplicate"
        outcome = handler(event) if handler is not None else "ignored"
        record.outcome = outcome[:300]
        record.save(update_fields=["outcome"])
    return outcome
