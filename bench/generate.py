"""A large territory for benchmarks: 2,000 producers and 40,000 products over the Lot's communes.

    DATABASE_URL=... .venv/bin/python bench/generate.py [--producers 2000] [--products 40000]

Deterministic (seeded), written with bulk inserts in one transaction, then the search index is
rebuilt once. Needs the communes (`manage.py import_communes`); skips if producers exist.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

SURNAMES = ["Delpech", "Lacoste", "Bouscarel", "Vayssière", "Carrière", "Lagarrigue", "Couderc",
            "Souladié", "Murat", "Bessières", "Lafon", "Cayrou", "Mercadier", "Roques", "Faure",
            "Labarthe", "Vidal", "Bonnet", "Calmon", "Puech", "Gisbert", "Lascombes", "Teulière"]
PREFIXES = ["Ferme", "Domaine", "Mas", "GAEC", "Les Jardins", "La Borie", "EARL", "Le Clos",
            "Atelier", "Rucher", "Bergerie", "Moulin"]
VARIANTS = ["", "bio", "de la ferme", "fermier", "du Quercy", "extra", "maison", "tradition",
            "en colis", "format familial", "petit format", "de saison"]


def generate(*, producer_count: int = 2000, product_count: int = 40000, seed: int = 46) -> str:
    import django

    django.setup()
    from django.db import connection, transaction
    from django.utils import timezone
    from django.utils.text import slugify

    from marketplace.common.text import name_key
    from marketplace.demo.data.catalogue import FARMS
    from marketplace.demo.data.seed import FARM_HOURS, MARKETS, SHOPS, market_weeks
    from marketplace.reference.models import Category, Commune, Label
    from producers.indexing import rebuild_index
    from producers.models import OpeningHours, PointOfSale, Producer, ProducerStatus, Product

    if Producer.objects.exists():
        return "skipped: the database already holds producers"
    rng = random.Random(seed)  # noqa: S311 - benchmark data
    communes = list(Commune.objects.in_territory().exclude(latitude=None))
    weights = [max(50, c.population) ** 0.5 for c in communes]
    categories = {c.slug: c for c in Category.objects.all()}
    labels = {label.slug: label for label in Label.objects.all()}
    kinds = FARMS  # each demo farm lends its story, labels and products
    started = time.monotonic()
    now = timezone.now()
    with transaction.atomic():
        producers = []
        for n in range(producer_count):
            kind = kinds[n % len(kinds)]
            commune = rng.choices(communes, weights)[0]
            nom = f"{rng.choice(PREFIXES)} {rng.choice(SURNAMES)} {n}"
            producers.append(Producer(
                slug=slugify(nom), nom=nom, siret=None, status=ProducerStatus.APPROVED,
                description=kind.story, commune=commune,
                latitude=round(commune.latitude + rng.uniform(-0.02, 0.02), 5),  # type: ignore[operator]
                longitude=round(commune.longitude + rng.uniform(-0.02, 0.02), 5),  # type: ignore[operator]
                offers_pickup=rng.random() < 0.7, accepts_online_payment=rng.random() < 0.4,
                approved_at=now,
                postal_code=commune.postal_codes[0] if commune.postal_codes else "",
            ))
        Producer.objects.bulk_create(producers, batch_size=500)
        producers = list(Producer.objects.order_by("pk"))
        through = Producer.labels.through
        through.objects.bulk_create([
            through(producer_id=p.pk, label_id=labels[slug].pk)
            for i, p in enumerate(producers)
            for slug in kinds[i % len(kinds)].labels
        ], batch_size=1000)
        points, weeks = [], []  # a point's week: weeks[i] for points[i]
        market_week = market_weeks()
        for p in producers:
            points.append(PointOfSale(producer=p, kind="farm", nom=f"À la ferme — {p.nom}",
                                      commune_id=p.commune_id, offers_pickup=p.offers_pickup))
            weeks.append(FARM_HOURS)
            held = set()
            for code, _weekday, _opens, _closes, name in rng.sample(MARKETS, rng.randint(0, 2)):
                if (code, name) not in held:
                    held.add((code, name))
                    points.append(PointOfSale(producer=p, kind="market", nom=name,
                                              commune_id=code))
                    weeks.append(market_week[(code, name)])
            if rng.random() < 0.2:
                code, name = rng.choice(SHOPS)
                points.append(PointOfSale(producer=p, kind="shop", nom=name, commune_id=code))
                weeks.append([])
        # Ids back from the insert (PostgreSQL, SQLite >= 3.35), for the weeks' rows.
        PointOfSale.objects.bulk_create(points, batch_size=1000)
        OpeningHours.objects.bulk_create([
            OpeningHours(point_of_sale=point, weekday=r.weekday, opens=r.opens, closes=r.closes)
            for point, week in zip(points, weeks, strict=True) for r in week], batch_size=1000)
        per_producer = max(1, product_count // producer_count)
        products = []
        for i, p in enumerate(producers):
            templates = kinds[i % len(kinds)].products
            seen: set[str] = set()
            for j in range(per_producer):
                cat, name, unit, size, price, _labels, months, description, _ = templates[
                    j % len(templates)]
                variant = VARIANTS[(j // len(templates) + i) % len(VARIANTS)]
                nom = f"{name} {variant}".strip()
                slug = slugify(nom)[:110]
                if slug in seen:
                    slug = f"{slug}-{j}"
                seen.add(slug)
                products.append(Product(
                    # bulk_create skips save(), which keys the name (one per producer).
                    producer=p, slug=slug, nom=nom, name_key=name_key(nom),
                    category=categories[cat],
                    description=description, unit=unit, unit_size=size,
                    price=(Decimal(price) * Decimal(rng.choice(["0.9", "1", "1.1", "1.25"])))
                    .quantize(Decimal("0.01")),
                    stock=None if rng.random() < 0.4 else rng.randint(0, 50),
                    season_months=list(months),
                ))
        Product.objects.bulk_create(products, batch_size=1000)
        rebuild_index()
    # Fresh statistics after a bulk load, as any import should leave (PostgreSQL's autovacuum
    # would get there later; SQLite has none until ANALYZE): without them both planners
    # assume a handful of rows per table and pick nested loops over 40,000 products.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return (f"{producer_count} producers, {len(products)} products, {len(points)} points of "
            f"sale in {time.monotonic() - started:.0f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--producers", type=int, default=2000)
    parser.add_argument("--products", type=int, default=40000)
    args = parser.parse_args()
    print(generate(producer_count=args.producers, product_count=args.products))


if __name__ == "__main__":
    main()
