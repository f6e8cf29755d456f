"""Reads of the staff area: the review queue, the checks shown next to a listing, the
dashboard's figures and the audit trail."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from itertools import chain
from typing import Any

from django.apps import apps
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
    OpeningHours,
    PointOfSale,
    Producer,
    ProducerOrigin,
    ProducerPhoto,
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


def _previous_records(records: list[Any]) -> dict[int, Any]:
    """Each record's predecessor (the same object's record just before it), in one query
    instead of one `prev_record` query per record."""
    if not records:
        return {}
    model = type(records[0])
    chain_by_object: dict[Any, list[Any]] = {}
    for row in (model.objects.filter(id__in={r.id for r in records})
                .order_by("id", "history_date", "history_id")):
        chain_by_object.setdefault(row.id, []).append(row)
    previous = {}
    for versions in chain_by_object.values():
        for before, after in zip(versions, versions[1:], strict=False):
            previous[after.history_id] = before
    return previous


def _label_sets(model: Any, history_ids: list[int]) -> dict[int, frozenset[int]]:
    """The labels each record of a model with labelled history held, in one query."""
    if not any(f.name == "labels" for f in getattr(model, "_history_m2m_fields", [])):
        return {}
    # django-simple-history keeps a record's labels in a "<historical model>_labels" table.
    through = apps.get_model(model._meta.app_label, f"{model.__name__}_labels")
    held: dict[int, set[int]] = {pk: set() for pk in history_ids}
    for history_id, label_id in through.objects.filter(history_id__in=history_ids) \
            .values_list("history_id", "label_id"):
        held[history_id].add(label_id)
    return {pk: frozenset(ids) for pk, ids in held.items()}


def _as_recorded(record: Any) -> Any:
    """The object as the record saw it, for its name. `record.instance` would read the fields
    the history leaves out from the live row: one query per line of the trail."""
    model = record.instance_type
    return model(**{f.attname: getattr(record, f.attname) for f in model._meta.concrete_fields
                    if hasattr(record, f.attname)})


def _history_entries(records: Any, kind: str, prefix: str = "") -> list[Entry]:
    records = list(records)
    previous = _previous_records(records)
    model = type(records[0]) if records else None
    labels = _label_sets(model, [r.history_id for r in records]
                         + [p.history_id for p in previous.values()]) if model else {}
    names = dict(Label.objects.filter(pk__in=set().union(*labels.values()))
                 .values_list("pk", "nom")) if labels else {}
    m2m = [f.name for f in getattr(model, "_history_m2m_fields", [])]
    entries = []
    for record in records:
        before = previous.get(record.history_id)
        details: list[tuple[str, Any, Any]] = []
        if before is not None and record.history_type == "~":
            delta = record.diff_against(before, excluded_fields=m2m)
            details = [_shown(record.instance_type._meta.get_field(c.field), c.old, c.new)
                       for c in delta.changes]
            old, new = labels.get(before.history_id), labels.get(record.history_id)
            if old != new:
                details.append((str(_("labels")),
                                ", ".join(sorted(str(names[i]) for i in old or ())),
                                ", ".join(sorted(str(names[i]) for i in new or ()))))
            if not details:
                continue
        entries.append(Entry(at=record.history_date, who=record.history_user, what=kind,
                             subject=f"{prefix}{_as_recorded(record)}",
                             change=record.history_type,
                             details=details))
    return entries


def history(*, producer: Producer | None = None, product: Product | None = None,
            limit: int = 100) -> list[Entry]:
    """Who changed what, when, before/after: the producer's or product's records (or every
    recent one), their status moves and the claims on them, newest first."""
    producer_records = Producer.history.select_related("history_user")
    product_records = Product.history.select_related("history_user")
    claim_records = ListingClaim.history.select_related("history_user")
    place_records = PointOfSale.history.select_related("history_user")
    hours_records = OpeningHours.history.select_related("history_user")
    farm_photo_records = ProducerPhoto.history.select_related("history_user")
    product_photo_records = ProductPhoto.history.select_related("history_user")
    if producer is not None:
        producer_records = producer_records.filter(id=producer.pk)
        product_records = product_records.filter(producer_id=producer.pk)
        claim_records = claim_records.filter(producer_id=producer.pk)
        place_records = place_records.filter(producer_id=producer.pk)
        # Deleted points of sale included: their history rows keep the producer.
        hours_records = hours_records.filter(point_of_sale_id__in=PointOfSale.history.filter(
            producer_id=producer.pk).values("id"))
        farm_photo_records = farm_photo_records.filter(producer_id=producer.pk)
        product_photo_records = product_photo_records.filter(
            product_id__in=Product.objects.filter(producer=producer).values("pk"))
    if product is not None:
        producer_records = producer_records.none()
        claim_records = claim_records.none()
        place_records = place_records.none()
        hours_records = hours_records.none()
        farm_photo_records = farm_photo_records.none()
        product_records = product_records.filter(id=product.pk)
        product_photo_records = product_photo_records.filter(product_id=product.pk)
    photo = f"{_('photo')} : "
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
        _history_entries(place_records.order_by("-history_date")[:limit], "place",
                         f"{_('point de vente')} : "),
        _history_entries(hours_records.order_by("-history_date")[:limit], "place",
                         f"{_('horaires')} : "),
        _history_entries(farm_photo_records.order_by("-history_date")[:limit], "photo", photo),
        _history_entries(product_photo_records.order_by("-history_date")[:limit], "photo",
                         photo),
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
