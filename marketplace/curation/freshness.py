"""The yearly e-mail asking producers to confirm their listing in one click."""

from datetime import timedelta
from functools import partial

from django.conf import settings
from django.db import transaction
from django.db.models import Q, QuerySet
from django.db.models.functions import Coalesce
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.common.urls import absolute_url
from marketplace.curation.tasks import recipients
from producers import accounts
from producers.models import Producer
from producers.services.curation import producer_confirmation_requested
from producers.tasks import send_email

# Asked a month before a listing turns a year old, at most once a year.
ASK_AFTER = timedelta(days=335)
ASK_AGAIN_AFTER = timedelta(days=330)


def producers_to_remind() -> QuerySet[Producer]:
    now = timezone.now()
    return (Producer.objects.public()
            .annotate(confirmed=Coalesce("last_confirmed_at", "approved_at", "created_at"))
            .filter(confirmed__lt=now - ASK_AFTER)
            .filter(Q(confirmation_requested_at__isnull=True)
                    | Q(confirmation_requested_at__lt=now - ASK_AGAIN_AFTER))
            .order_by("pk"))


def confirmation_reminders_send(*, limit: int = 500) -> int:
    """E-mail (by background tasks, on commit) the producers whose listing needs confirming;
    running it twice the same day sends nothing more."""
    sent = 0
    for producer in producers_to_remind()[:limit]:
        to = recipients(producer)
        if not to:
            continue
        body = render_to_string("curation/emails/confirm_listing.txt", {
            "producer": producer, "link": accounts.confirmation_link(producer=producer),
            "page": absolute_url(producer.get_absolute_url()),
            "site_url": settings.SITE_URL,
        })
        subject = _("« %(nom)s » : vos informations sont-elles à jour ?") % {"nom": producer.nom}
        with transaction.atomic():
            producer_confirmation_requested(producer_ids=[producer.pk])
            transaction.on_commit(partial(send_email.enqueue, to=to, subject=subject, body=body))
        sent += 1
    return sent
