"""Reads of the staff area: the review queue, the checks shown next to a listing, the
dashboard's figures and the audit trail."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from itertools import chain
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.db.models.functions import TruncWeek
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.curation.models import ImportRun
from marketplace.directory.models import SearchLog
from marketplace.reference.models import Category, Commune, Epci, Label
from orders.models import Order, OrderStatus
from producers.models import (
    ClaimStatus,
    Featuring,
    ListingClaim,
    Producer,
    ProducerOrigin,
    ProducerStatus,
    Product,
    ProductPhoto,
    ProductStatus,
    ProductStatusChange,
)
from producers.siret import clean_siret


def review_queue() -> QuerySet[Producer]:
    """Producers waiting for approval, the oldest first, with what the reviewer counts."""
    return (Producer.objects.filter(status=ProducerStatus.PENDING)
            .select_related("commune")
            .annotate(product_count=Count("products", distinct=True),
                      photo_count=Count("photos", distinct=True),
                      claimed=Exists(ListingClaim.objects.filter(
                          producer=OuterRef("pk"), status=ClaimStatus.PENDING)))
            .order_by("created_at", "pk"))


def pending_claims() -> QuerySet[ListingClaim]:
    return (ListingClaim.objects.filter(status=ClaimStatus.PENDING)
            .select_related("producer", "user").order_by("created_at", "pk"))


@dataclass(frozen=True)
class SiretCheck:
    siret: str
    key_ok: bool
    message: str
    imported: bool  # the listing came from the CCI's file
    claims: list[ListingClaim]  # other accounts asking for the same SIRET

    @property
    def flagged(self) -> bool:
        return not self.key_ok or bool(self.claims)


def siret_check(producer: Producer) -> SiretCheck:
    siret = producer.siret or ""
    try:
        clean_siret(siret)
        key_ok, message = True, ""
    except ValidationError as error:
        key_ok, message = False, error.messages[0]
    claims = list(producer.claims.filter(status=ClaimStatus.PENDING).select_related("user"))
    return SiretCheck(siret=siret, key_ok=key_ok, message=message,
                      imported=producer.origin == ProducerOrigin.IMPORT, claims=claims)


def all_producers(*, status: str = "", q: str = "") -> QuerySet[Producer]:
    producers = Producer.objects.select_related("commune").order_by("nom", "pk")
    if status:
        producers = producers.filter(status=status)
    if q:
        producers = producers.filter(Q(nom__icontains=q) | Q(siret__startswith=q)
                                     | Q(commune__nom__icontains=q))
    return producers


# --- Dashboard ------------------------------------------------------------------------------

def producers_by_epci() -> list[tuple[str, int]]:
    rows = (Producer.objects.public().values("commune__epci__nom")
            .annotate(n=Count("pk")).order_by("-n", "commune__epci__nom"))
    return [(r["commune__epci__nom"] or "—", r["n"]) for r in rows]


def producers_by_category() -> list[tuple[str, int]]:
    """Public producers per family of products they sell (a producer counts in each)."""
    counts: dict[int, set[int]] = {}
    for producer_id, category_id, parent_id in (
        Product.objects.published().values_list("producer_id", "category_id",
                                                "category__parent_id").distinct()
    ):
        counts.setdefault(parent_id or category_id, set()).add(producer_id)
    names = dict(Category.objects.filter(pk__in=counts).values_list("pk", "nom"))
    return sorted(((names[pk], len(ids)) for pk, ids in counts.items()),
                  key=lambda item: (-item[1], item[0]))


def products_without_photo() -> int:
    return (Product.objects.published()
            .exclude(Exists(ProductPhoto.objects.filter(product=OuterRef("pk")))).count())


def waiting_producers(today: date | None = None) -> list[tuple[Producer, int]]:
    """Each pending producer with its days of waiting."""
    now = timezone.now()
    return [(p, (now - p.created_at).days) for p in review_queue()]


def _first_monday(weeks: int) -> date:
    today = timezone.localdate()
    return today - timedelta(days=today.weekday(), weeks=weeks - 1)


def _per_week(rows: QuerySet[Any], field: str, first: date, weeks: int) -> list[tuple[date, int]]:
    """Rows counted per week (Monday, in the site's time zone), empty weeks included."""
    counted = dict(rows.annotate(week=TruncWeek(field)).values("week").annotate(n=Count("pk"))
                   .order_by().values_list("week", "n"))
    found = {(w.date() if hasattr(w, "date") else w): n for w, n in counted.items()}
    return [(first + timedelta(weeks=i), found.get(first + timedelta(weeks=i), 0))
            for i in range(weeks)]


def searches_per_week(weeks: int = 12) -> list[tuple[date, int]]:
    """Searches per week (Monday), the last `weeks` weeks, empty weeks included."""
    first = _first_monday(weeks)
    return _per_week(SearchLog.objects.filter(day__gte=first), "day", first, weeks)


def orders_per_week(weeks: int = 12) -> list[tuple[date, int]]:
    """Orders placed per week (Monday), the last `weeks` weeks: every order a buyer completed
    (cancelled ones included: they were placed), not those still waiting for an online
    payment."""
    first = _first_monday(weeks)
    since = timezone.make_aware(datetime.combine(first, time.min))
    placed = Order.objects.filter(placed_at__gte=since).exclude(
        status=OrderStatus.AWAITING_PAYMENT)
    return _per_week(placed, "placed_at", first, weeks)


def searches_without_result(*, days: int = 90, limit: int = 15) -> list[tuple[str, int]]:
    since = timezone.localdate() - timedelta(days=days)
    return list(SearchLog.objects.filter(results=0, day__gte=since).values("query")
                .annotate(n=Count("pk")).order_by("-n", "query").values_list("query", "n")
                [:limit])


def status_counts() -> dict[str, int]:
    return dict(Producer.objects.values("status").annotate(n=Count("pk"))
                .values_list("status", "n"))


# --- Reference data -------------------------------------------------------------------------

def reference_data() -> dict[str, Any]:
    communes = (Commune.objects.in_territory().select_related("epci")
                .annotate(producer_count=Count("producers", filter=Q(
                    producers__status=ProducerStatus.APPROVED)))
                .order_by("-producer_count", "nom"))
    return {
        "categories": Category.objects.select_related("parent").annotate(
            product_count=Count("products", filter=Q(products__status=ProductStatus.PUBLISHED)))
        .order_by("parent__position", "position", "nom"),
        "labels": Label.objects.annotate(producer_count=Count("producers", distinct=True))
        .order_by("nom"),
        "communes": communes,
        "epci_count": Epci.objects.filter(communes__in=Commune.objects.in_territory())
        .distinct().count(),
    }


# --- Audit trail ----------------------------------------------------------------------------

@dataclass(frozen=True)
class Entry:
    at: Any
    who: Any
    what: str  # the kind of record
    subject: str
    change: str  # "+", "~", "-" or a status move
    details: list[tuple[str, Any, Any]]  # field, before, after


def _shown(field: Any, old: Any, new: Any) -> tuple[str, Any, Any]:
    """A change as staff read it: the field's name, and the labels of coded values."""
    choices = dict(field.flatchoices) if getattr(field, "choices", None) else {}
    return (str(field.verbose_name), choices.get(old, old), choices.get(new, new))


def _history_entries(records: Any, kind: str) -> list[Entry]:
    entries = []
    for record in records:
        previous = record.prev_record
        details: list[tuple[str, Any, Any]] = []
        if previous is not None and record.history_type == "~":
            delta = record.diff_against(previous)
            details = [_shown(record.instance._meta.get_field(c.field), c.old, c.new)
                       for c in delta.changes]
            if not details:
                continue
        entries.append(Entry(at=record.history_date, who=record.history_user, what=kind,
                             subject=str(record.instance), change=record.history_type,
                             details=details))
    return entries


def history(*, producer: Producer | None = None, product: Product | None = None,
            limit: int = 100) -> list[Entry]:
    """Who changed what, when, before/after: the producer's or product's records (or every
    recent one), their status moves and the claims on them, newest first."""
    producer_records = Producer.history.select_related("history_user")
    product_records = Product.history.select_related("history_user")
    claim_records = ListingClaim.history.select_related("history_user")
    if producer is not None:
        producer_records = producer_records.filter(id=producer.pk)
        product_records = product_records.filter(producer_id=producer.pk)
        claim_records = claim_records.filter(producer_id=producer.pk)
    if product is not None:
        producer_records = producer_records.none()
        claim_records = claim_records.none()
        product_records = product_records.filter(id=product.pk)
    # A product's status moves are single UPDATEs (no history row): their own records say them.
    moves = ProductStatusChange.objects.select_related("actor", "product")
    if producer is not None:
        moves = moves.filter(product__producer=producer)
    if product is not None:
        moves = moves.filter(product=product)
    entries = chain(
        _history_entries(producer_records.order_by("-history_date")[:limit], "producer"),
        _history_entries(product_records.order_by("-history_date")[:limit], "product"),
        _history_entries(claim_records.order_by("-history_date")[:limit], "claim"),
        [Entry(at=m.at, who=m.actor, what="product", subject=str(m.product),
               change="status", details=[(str(_("statut")), PRODUCT_LABELS.get(m.source),
                                          PRODUCT_LABELS.get(m.target))]
               + ([(str(_("motif")), "", m.reason)] if m.reason else []))
         for m in moves.order_by("-at")[:limit]],
    )
    if producer is None and product is None:
        entries = chain(entries, _history_entries(
            Featuring.history.select_related("history_user").order_by("-history_date")[:limit],
            "featuring"), [
            Entry(at=run.confirmed_at, who=run.confirmed_by, what="import",
                  subject=run.original_name, change="import", details=[])
            for run in ImportRun.objects.filter(confirmed_at__isnull=False)
            .select_related("confirmed_by").order_by("-confirmed_at")[:limit]])
    return sorted(entries, key=lambda e: e.at, reverse=True)[:limit]


PRODUCT_LABELS = dict(ProductStatus.choices)
