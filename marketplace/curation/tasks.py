"""E-mails of the CCI's decisions, sent by background tasks enqueued on commit. Each takes the
id of the recorded move and sends at most once (the move's `notified_at`)."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.common.tasks import retrying_task
from marketplace.common.urls import absolute_url
from producers.models import Producer, ProducerStatusChange, ProductStatusChange


def recipients(producer: Producer) -> list[str]:
    """The listing's address and its team's, each once."""
    addresses = [producer.email, *producer.memberships.values_list("user__email", flat=True)]
    seen: dict[str, str] = {}
    for address in addresses:
        if address and address.strip():
            seen.setdefault(address.strip().lower(), address.strip())
    return list(seen.values())


@retrying_task()
def notify_producer_status(*, change_id: int) -> bool:
    with transaction.atomic():
        change = (ProducerStatusChange.objects.select_for_update()
                  .select_related("producer").filter(pk=change_id).first())
        if change is None or change.notified_at is not None:
            return False
        producer = change.producer
        to = recipients(producer)
        if to:
            body = render_to_string("curation/emails/producer_status.txt", {
                "producer": producer, "change": change, "site_url": settings.SITE_URL,
                "dashboard": absolute_url("/espace-producteur/"),
                "target": producer.get_status_display(),
            })
            # No text a producer typed in a header: the farm's name is in the body.
            subject = _("Votre fiche sur « Oh my Lot ! » : %(status)s") % {
                "status": producer.get_status_display().lower()}
            send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, to)
        change.notified_at = timezone.now()
        change.save(update_fields=["notified_at"])
    return True


@retrying_task()
def notify_product_status(*, change_id: int) -> bool:
    with transaction.atomic():
        change = (ProductStatusChange.objects.select_for_update()
                  .select_related("product__producer").filter(pk=change_id).first())
        if change is None or change.notified_at is not None:
            return False
        product = change.product
        to = recipients(product.producer)
        if to:
            body = render_to_string("curation/emails/product_status.txt", {
                "product": product, "change": change,
                "dashboard": absolute_url("/espace-producteur/"),
            })
            subject = _("Un de vos produits sur « Oh my Lot ! » : %(status)s") % {
                "status": product.get_status_display().lower()}
            send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, to)
        change.notified_at = timezone.now()
        change.save(update_fields=["notified_at"])
    return True
