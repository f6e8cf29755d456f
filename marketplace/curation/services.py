"""The CCI's decisions: each goes through the catalogue's services (state machines, one
transaction, the search index and caches in step), then tells the producer by e-mail once the
transaction commits (a background task, which sends each decision at most once)."""

from datetime import timedelta
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.curation import tasks
from producers import services
from producers.models import Producer, Product
from producers.services import status as status_services

STALE_AFTER = timedelta(days=365)


@transaction.atomic
def producer_decide(*, producer: Producer, move: str, reason: str = "", actor: Any) -> Producer:
    """Approve, reject, suspend or reinstate (services.PRODUCER_MOVES), then e-mail."""
    action: Any = services.PRODUCER_MOVES[move]
    kwargs = {"reason": reason} if move in ("reject", "suspend") else {}
    action(producer=producer, actor=actor, **kwargs)
    change = producer.status_changes.order_by("-at", "-pk").first()
    if change is not None:
        change_id = change.pk
        transaction.on_commit(lambda: tasks.notify_producer_status.enqueue(change_id=change_id))
    return producer


@transaction.atomic
def product_hide(*, product: Product, reason: str, actor: Any) -> Product:
    status_services.product_hide(product=product, reason=reason, actor=actor)
    _notify_product(product)
    return product


@transaction.atomic
def product_unhide(*, product: Product, actor: Any) -> Product:
    status_services.product_unhide(product=product, actor=actor)
    _notify_product(product)
    return product


def _notify_product(product: Product) -> None:
    change = product.status_changes.order_by("-at", "-pk").first()
    if change is not None:
        change_id = change.pk
        transaction.on_commit(lambda: tasks.notify_product_status.enqueue(change_id=change_id))


def stale_producers() -> QuerySet[Producer]:
    """Public listings whose information nobody confirmed for more than a year, oldest first."""
    limit = timezone.now() - STALE_AFTER
    return (Producer.objects.public()
            .annotate(confirmed=Coalesce("last_confirmed_at", "approved_at", "created_at"))
            .filter(confirmed__lt=limit).select_related("commune").order_by("confirmed", "pk"))


def stale_hide(*, producer: Producer, actor: Any) -> Producer:
    """Hide a listing nobody confirmed: suspended (everywhere at once), with the reason."""
    return producer_decide(producer=producer, move="suspend", actor=actor, reason=_(
        "Les informations de votre fiche n'ont pas été confirmées depuis plus d'un an. "
        "Vérifiez-les dans votre espace producteur, puis demandez à la CCI de la rétablir."))

