"""Deterministic demo data: the same producers, products and logins on every machine."""

import random
from dataclasses import dataclass
from datetime import time
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from stdnum import luhn

from marketplace.curation.permissions import cci_group_ensure
from marketplace.demo.data.catalogue import FARMS
from marketplace.demo.data.images import demo_photo
from marketplace.demo.data.records import Farm, Item
from marketplace.reference.models import Category, Commune, Label
from orders import services as order_services
from orders.models import OrderEmail
from orders.selectors import offered_slots
from producers.indexing import rebuild_index
from producers.models import (
    Campaign,
    Featuring,
    ListingClaim,
    MemberRole,
    OpeningHours,
    PointOfSale,
    PointOfSaleKind,
    Producer,
    ProducerMembership,
    ProducerPhoto,
    ProducerStatus,
    Product,
    ProductPhoto,
)
from producers.opening_hours import HoursRange

STAFF_EMAIL = "cci@ohmylot.test"
STAFF_PASSWORD = "cci-lot-2026"  # noqa: S105 - the demo login the README gives
PRODUCER_EMAIL = "producteur@ohmylot.test"
PRODUCER_PASSWORD = "ferme-lot-2026"  # noqa: S105 - the demo login the README gives

# (commune, weekday 1 = Monday, opens, closes, name): one line per day; a market held on
# several days has several lines of the same commune and name, and its stalls all those days.
MARKETS = [
    ("46042", 3, time(7, 30), time(12, 30), "Marché de Cahors, place Chapou"),
    ("46042", 6, time(7, 30), time(12, 30), "Marché de Cahors, place Chapou"),
    ("46102", 6, time(8, 0), time(13, 0), "Marché de Figeac"),
    ("46127", 2, time(8, 0), time(12, 30), "Marché de Gourdon"),
    ("46309", 5, time(8, 0), time(12, 30), "Marché de Souillac"),
    ("46128", 2, time(8, 0), time(12, 30), "Marché de Gramat"),
    ("46148", 2, time(14, 0), time(16, 0), "Marché aux truffes de Lalbenque"),
    ("46173", 5, time(10, 30), time(12, 0), "Marché aux truffes de Limogne"),
    ("46251", 6, time(8, 0), time(12, 30), "Marché de Saint-Céré"),
    ("46185", 3, time(8, 0), time(12, 30), "Marché de Martel"),
    ("46185", 6, time(8, 0), time(12, 30), "Marché de Martel"),
    ("46231", 2, time(8, 0), time(12, 30), "Marché de Puy-l'Évêque"),
    ("46225", 5, time(8, 0), time(12, 30), "Marché de Prayssac"),
    ("46045", 6, time(8, 0), time(12, 30), "Marché de Cajarc"),
    ("46201", 7, time(8, 0), time(13, 0), "Marché de Montcuq"),
]

SHOPS = [
    ("46042", "Magasin de producteurs Lot Fermier"),
    ("46102", "Épicerie paysanne de Figeac"),
    ("46127", "Halle des producteurs de Gourdon"),
]

STATUSES = {"approved": ProducerStatus.APPROVED, "pending": ProducerStatus.PENDING,
            "suspended": ProducerStatus.SUSPENDED}


@dataclass(frozen=True)
class SeedResult:
    producers: int
    products: int
    skipped: bool


def _siret(rng: random.Random) -> str:
    """A SIRET that passes both keys: the SIREN's (9 digits) and the whole number's (14)."""
    digits = "".join(str(rng.randint(0, 9)) for _ in range(13))  # 13 draws: the demo's sequence
    siren = digits[:8] + luhn.calc_check_digit(digits[:8])
    establishment = siren + digits[8:12]
    return establishment + luhn.calc_check_digit(establishment)


def _phone(rng: random.Random) -> str:
    return "05 65 " + " ".join(f"{rng.randint(0, 99):02d}" for _ in range(3))


def _users() -> Any:
    user_model = get_user_model()
    staff, _ = user_model.objects.get_or_create(
        username=STAFF_EMAIL,
        defaults={"email": STAFF_EMAIL, "is_staff": True, "is_superuser": True,
                  "first_name": "Camille", "last_name": "CCI du Lot"},
    )
    staff.set_password(STAFF_PASSWORD)
    staff.save()
    staff.groups.add(cci_group_ensure())  # the staff area's permissions (/curation/)
    farmer, _ = user_model.objects.get_or_create(
        username=PRODUCER_EMAIL,
        defaults={"email": PRODUCER_EMAIL, "first_name": "Jeanne", "last_name": "Delpech"},
    )
    farmer.set_password(PRODUCER_PASSWORD)
    farmer.save()
    return farmer


def market_weeks() -> dict[tuple[str, str], list[HoursRange]]:
    """Each market of MARKETS (commune, name) with all its days."""
    weeks: dict[tuple[str, str], list[HoursRange]] = {}
    for code, weekday, opens, closes, name in MARKETS:
        weeks.setdefault((code, name), []).append(HoursRange(weekday, opens, closes))
    return weeks


# The farm opens for its pickups: Tuesday to Saturday, 17 h – 19 h.
FARM_HOURS = [HoursRange(day, time(17, 0), time(19, 0)) for day in range(2, 7)]


def _hours(point: PointOfSale, ranges: list[HoursRange]) -> None:
    for r in ranges:
        OpeningHours.objects.create(point_of_sale=point, weekday=r.weekday, opens=r.opens,
                                    closes=r.closes)


def _points_of_sale(farm: Farm, producer: Producer, commune: Commune) -> None:
    point = PointOfSale.objects.create(
        producer=producer, kind=PointOfSaleKind.FARM, nom=f"À la ferme — {producer.nom}",
        commune=commune, address=producer.address, latitude=producer.latitude,
        longitude=producer.longitude, offers_pickup=producer.offers_pickup,
    )
    _hours(point, FARM_HOURS)
    weeks = market_weeks()
    # A market held on several days is one stall, open on all of them.
    stalls = dict.fromkeys((code, name) for code, *_, name in _listed(MARKETS, farm.markets))
    for code, name in stalls:
        market = PointOfSale.objects.create(
            producer=producer, kind=PointOfSaleKind.MARKET, nom=name, commune_id=code,
            offers_pickup=producer.offers_pickup,
        )
        _hours(market, weeks[(code, name)])
    for code, name in _listed(SHOPS, (farm.shop,) if farm.shop else ()):
        PointOfSale.objects.create(producer=producer, kind=PointOfSaleKind.SHOP, nom=name,
                                   commune_id=code)


def _listed(entries: list, names: tuple[str, ...]) -> list:
    """The entries (markets or shops, named last) a farm names; a name not listed is a typo."""
    found = [entry for entry in entries if entry[-1] in names]
    missing = set(names) - {entry[-1] for entry in found}
    if missing:
        raise ValueError(f"Unknown point of sale in the demo catalogue: {sorted(missing)}")
    return found


def _products(rng: random.Random, producer: Producer, items: tuple[Item, ...],
              categories: dict, labels: dict) -> int:
    for position, item in enumerate(items):
        name, kind = item.name, item.picture or item.category
        product = Product.objects.create(
            producer=producer, slug=slugify(name)[:120], nom=name,
            category=categories[item.category], description=item.description,
            price=Decimal(item.price), unit=item.unit, unit_size=item.size,
            stock=None if rng.random() < 0.4 else rng.randint(0, 60),
            is_available=rng.random() > 0.05, season_months=list(item.months),
            is_featured=position == 0 and rng.random() < 0.3,
        )
        product.labels.set([labels[s] for s in item.labels])
        if position % 4 == 3:
            continue  # like real farms, not every product photographed: its drawing shows
        ProductPhoto.objects.create(product=product, image=demo_photo(name, kind=kind),
                                    thumbnail=demo_photo(name, kind=kind, size=(320, 240)),
                                    alt="")
    return len(items)


def _farm_photos(producer: Producer, items: tuple[Item, ...]) -> None:
    """The farm in its landscape, then its first product on the stall (the same picture as
    the product's: drawn once)."""
    name = producer.nom
    ProducerPhoto.objects.create(producer=producer, image=demo_photo(name),
                                 thumbnail=demo_photo(name, size=(320, 240)),
                                 alt=f"{name} — la campagne du Lot", position=0)
    product_name, kind = items[0].name, items[0].picture or items[0].category
    ProducerPhoto.objects.create(
        producer=producer, image=demo_photo(product_name, kind=kind),
        thumbnail=demo_photo(product_name, kind=kind, size=(320, 240)),
        alt=f"{product_name} — {name}", position=1)


def _open_ordering(producer: Producer) -> None:
    """Pickup windows at the farm (its hours: Tuesday to Saturday, 17 h – 19 h) and at each
    market stall (each of its days, with its hours), slots of 30 minutes for 4 orders, 12 hours'
    notice, two weeks ahead."""
    points = list(producer.points_of_sale.prefetch_related("hours"))
    order_services.ordering_settings_update(producer=producer, data={
        "is_open": True, "slot_minutes": 30, "lead_time_hours": 12, "horizon_days": 14})
    for point in points:
        if point.kind not in (PointOfSaleKind.FARM, PointOfSaleKind.MARKET):
            continue
        for r in point.ranges():
            if r.opens and r.closes:
                order_services.pickup_window_create(producer=producer, data={
                    "point_of_sale": point, "weekday": r.weekday, "starts": r.opens,
                    "ends": r.closes, "capacity": 4})


def _demo_checkout(farms: list[Producer]) -> None:
    """A resident's checkout at the demo farm (its first market slot) and at another farm, so
    that the dashboard, the packing list and the order pages have something to show. It is
    recorded as already notified: seeding sends no e-mail."""
    choices, quantities, prices = {}, {}, {}
    for producer in farms:
        slots = offered_slots(producer)
        market = [s for s in slots if s.point_of_sale_id in set(producer.points_of_sale.filter(
            kind=PointOfSaleKind.MARKET).values_list("pk", flat=True))]
        products = list(producer.products.published().available().order_by("pk")[:2])
        if not (slots and products):
            continue
        choices[producer.pk] = order_services.ProducerChoice(
            slot=(market or slots)[0].key, note="Je viendrai avec mon panier en osier.")
        for product in products:
            quantities[product.pk], prices[product.pk] = 2, product.price
    checkout = order_services.checkout_place(
        quantities=quantities, prices_seen=prices, choices=choices,
        buyer=order_services.Buyer(name="Camille Martin", email="camille.martin@example.test",
                                   phone="06 12 34 56 78"))
    OrderEmail.objects.bulk_create([OrderEmail(order=order, kind=kind)
                                    for order in checkout.orders.all()
                                    for kind in ("producer_new", "buyer_confirmed")])


@transaction.atomic
def demo_seed() -> SeedResult:
    """Load the demo data, unless the directory already holds producers."""
    if Producer.objects.exists():
        return SeedResult(producers=0, products=0, skipped=True)
    rng = random.Random(46)  # noqa: S311 - demo data, not security
    categories = {c.slug: c for c in Category.objects.all()}
    labels = {label.slug: label for label in Label.objects.all()}
    communes = {c.code_insee: c for c in Commune.objects.all()}
    farmer = _users()
    producer_count = product_count = 0
    created: list[Producer] = []
    for farm in FARMS:
        commune = communes[farm.commune]
        status = STATUSES[farm.status]
        producer = Producer.objects.create(
            slug=slugify(farm.name)[:120], nom=farm.name, legal_name=farm.legal_name,
            siret=_siret(rng), description=farm.story, status=status,
            approved_at=timezone.now() if status == ProducerStatus.APPROVED else None,
            commune=commune, address=f"Lieu-dit {farm.place}",
            postal_code=commune.postal_codes[0] if commune.postal_codes else "",
            latitude=round((commune.latitude or 44.6) + rng.uniform(-0.02, 0.02), 5),
            longitude=round((commune.longitude or 1.6) + rng.uniform(-0.02, 0.02), 5),
            phone=_phone(rng), email=f"contact@{slugify(farm.name)[:40]}.test",
            offers_pickup=rng.random() < 0.8, accepts_online_payment=rng.random() < 0.4,
            is_featured=producer_count < 6,
            opening_hours="Du mardi au samedi, de 17 h à 19 h, ou sur rendez-vous.",
        )
        producer.labels.set([labels[s] for s in farm.labels])
        _farm_photos(producer, farm.products)
        _points_of_sale(farm, producer, commune)
        product_count += _products(rng, producer, farm.products, categories, labels)
        if producer_count == 0:
            ProducerMembership.objects.create(producer=producer, user=farmer,
                                              role=MemberRole.OWNER)
        producer_count += 1
        created.append(producer)
    # The demo producer's farm (the first) and the farms drawn as offering pickup take orders
    # for real; the directory's pickup and online payment facts then follow what is set up
    # (the demo has no payment account: nobody is paid online).
    for producer in created:
        if producer.status == ProducerStatus.APPROVED and (
                producer.offers_pickup or producer is created[0]):
            _open_ordering(producer)
        order_services.ordering_facts_sync(producer=producer)
    others = [p for p in created[1:] if p.offers_pickup]
    _demo_checkout([created[0], *others[:1]])
    _curation()
    rebuild_index()
    return SeedResult(producers=producer_count, products=product_count, skipped=False)


CLAIMANT_EMAIL = "repreneur@ohmylot.test"
CAMPAIGN_PRODUCTS = ["Noix du Périgord AOP sèches", "Huile de noix vierge du moulin",
                     "Safran du Quercy en pistils", "Gâteau aux noix de Martel"]


def _curation() -> None:
    """Something for the CCI to curate besides the pending and suspended farms: a running
    campaign, and a sign-up that claims the pending farm's SIRET (drawn after the farms, so the
    random sequence above stays the same)."""
    today = timezone.localdate()
    campaign = Campaign.objects.create(
        title="Je soutiens nos producteurs", slug="je-soutiens-nos-producteurs",
        description="Les noix et le safran du Quercy, à acheter directement aux producteurs.",
        starts_on=today.replace(day=1))
    for position, product in enumerate(
            Product.objects.filter(nom__in=CAMPAIGN_PRODUCTS).order_by("nom", "pk")[:6], 1):
        Featuring.objects.create(campaign=campaign, product=product, position=position,
                                 starts_on=campaign.starts_on)
    pending = Producer.objects.filter(status=ProducerStatus.PENDING).order_by("pk").first()
    if pending is not None:
        claimant, _ = get_user_model().objects.get_or_create(
            username=CLAIMANT_EMAIL, defaults={"email": CLAIMANT_EMAIL})
        ListingClaim.objects.create(
            producer=pending, user=claimant, siret=pending.siret or "", origin="signup",
            details=f"{pending.nom}\nSCEA {pending.nom}\n{pending.commune.nom}")
