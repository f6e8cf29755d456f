"""National scale: 50,000 producers and 1,000,000 products over every commune of France, on
PostgreSQL (the size of every farm selling direct in France).

    .venv/bin/python bench/national.py [--producers 50000] [--products 1000000]
                                       [--import-rows 100000] [--rounds 3] [--no-write]
                                       [--keep] [--reuse] [--no-load]

Run it on a quiet machine: it takes the two cores for a while. On the PostgreSQL server of
DATABASE_URL (or 127.0.0.1:5432) it creates a database of its own, `omlot_bench_national`
(random_page_cost = 1.1, the usual value on SSDs), dropped at the end unless `--keep`; never
the development database. Building it takes a quarter of an hour of CPU: `--keep` leaves it in
place (its build's figures written down as the database's comment) and `--reuse` measures on
it again, migrated to the code's schema but neither generated nor imported anew (so the
import's figures are those of its build). Then, each step in a child process with production
settings (DEBUG off, the page cache off so that every request does its work):
1. migrate, import every commune of France (about 35,000) and make them the territory;
2. generate the catalogue with COPY (the ideas of bench/generate.py, national communes; each
   producer sells 20 products of its kind), rebuild the search index through the one indexing
   path (producers.indexing), ANALYZE;
3. import a catalogue file of `--import-rows` new rows (5,000 farms) through the import engine,
   on top of the million: the time per 100,000 rows;
4. serve typical requests in-process (Django's whole stack, the test client, no network): the
   search page, the API's product list, commune + radius, autocompletion; p50 / p95 after a
   warm-up pass, and the worker's memory (resident set) after them;
5. the database's size (total, products, search index);
6. under load (unless --no-load): gunicorn with 2 sync workers and production settings, the
   page cache off, wrk for BENCH_LOAD_SECONDS (10) per scenario on the text search pages and
   the API's text list (bench/bench_load.py's server and client): req/s, p50 / p95.
Writes the `national` section of bench/RESULTS.md (unless --no-write).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import os
import random
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.results import write_section  # noqa: E402

PG_NAME = "omlot_bench_national"
SEARCH_TARGET_MS = 100.0
PER_PRODUCER = 20
SEED = 46
QUERIES = ["fromage de chevre", "chevre", "rocamadour", "noix", "vin rouge", "truffes",
           "safran", "miel", "foie gras", "agneau", "fraises", "confiture", "biere", "pain",
           "melon", "huile de noix", "legumes", "oeufs", "poulet fermier", "cidre"]
PREFIXES = ["roca", "fro", "noi", "vin r", "truf", "saf", "mie", "confi", "agn", "fra"]
# Big towns and rural communes across France: (INSEE code, name).
COMMUNES = [("46042", "Cahors"), ("46102", "Figeac"), ("75056", "Paris"), ("69123", "Lyon"),
            ("31555", "Toulouse"), ("33063", "Bordeaux"), ("35238", "Rennes"),
            ("63113", "Clermont-Ferrand"), ("12202", "Rodez"), ("24322", "Périgueux"),
            ("67482", "Strasbourg"), ("13055", "Marseille")]
RADII = ["5", "10", "20", "30"]


def _communes_file() -> Path:
    return ROOT / "data" / "communes-france.csv.gz"


def departements() -> list[str]:
    with gzip.open(_communes_file(), "rt", encoding="utf-8") as handle:
        return sorted({row["departement"] for row in csv.DictReader(handle)})


# --- Child steps (Django set up on the bench database) --------------------------------------

def _copy(model: Any, objects: Any) -> int:
    """COPY model instances into their table (auto fields filled as save() would)."""
    from django.db import connection

    fields = [f for f in model._meta.local_concrete_fields if not f.primary_key]
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    count = 0
    with connection.cursor() as cursor, cursor.cursor.copy(
            f"COPY {model._meta.db_table} ({columns}) FROM STDIN") as copy:
        for obj in objects:
            copy.write_row([f.get_db_prep_save(f.pre_save(obj, True), connection)
                            for f in fields])
            count += 1
    return count


def generate(producer_count: int, product_count: int) -> dict[str, Any]:
    import django

    django.setup()
    from django.db import connection, transaction
    from django.utils import timezone
    from django.utils.text import slugify

    from bench.generate import PREFIXES as NAME_PREFIXES
    from bench.generate import SURNAMES, VARIANTS
    from marketplace.common.text import name_key
    from marketplace.demo.data.catalogue import FARMS
    from marketplace.reference.models import Category, Commune, Label
    from producers.indexing import rebuild_index
    from producers.models import (
        OpeningHours,
        PointOfSale,
        Producer,
        ProducerStatus,
        Product,
        ProductStatus,
    )

    rng = random.Random(SEED)  # noqa: S311 - benchmark data
    communes = list(Commune.objects.exclude(latitude=None).only(
        "code_insee", "latitude", "longitude", "population", "codes_postaux"))
    weights = [max(50, c.population) ** 0.5 for c in communes]
    categories = {c.slug: c for c in Category.objects.all()}
    labels = {label.slug: label for label in Label.objects.all()}
    kinds = FARMS  # each demo farm lends its story, labels and products
    now = timezone.now()
    timings: dict[str, float] = {}
    per_producer = max(1, product_count // producer_count)

    started = time.perf_counter()
    with transaction.atomic():
        chosen = rng.choices(communes, weights, k=producer_count)

        def producers() -> Any:
            for n, commune in enumerate(chosen):
                nom = f"{rng.choice(NAME_PREFIXES)} {rng.choice(SURNAMES)} {n}"
                yield Producer(
                    slug=slugify(nom), nom=nom, siret=None, status=ProducerStatus.APPROVED,
                    description=kinds[n % len(kinds)].story,
                    commune_id=commune.code_insee,
                    latitude=round(float(commune.latitude or 0) + rng.uniform(-0.02, 0.02), 5),
                    longitude=round(float(commune.longitude or 0) + rng.uniform(-0.02, 0.02),
                                    5),
                    offers_pickup=rng.random() < 0.7, accepts_online_payment=rng.random() < 0.4,
                    approved_at=now, status_changed_at=now, last_confirmed_at=now,
                    postal_code=commune.postal_codes[0] if commune.postal_codes else "")

        _copy(Producer, producers())
        ids = list(Producer.objects.order_by("pk").values_list("pk", flat=True))
        through = Producer.labels.through
        _copy(through, (through(producer_id=pk, label_id=labels[slug].pk)
                        for i, pk in enumerate(ids)
                        for slug in kinds[i % len(kinds)].labels
                        if slug in labels))

        market_days: list[int] = []  # the day of each market, in the order they are copied

        def points() -> Any:
            for pk, commune in zip(ids, chosen, strict=True):
                yield PointOfSale(producer_id=pk, kind="farm", nom="À la ferme",
                                  commune_id=commune.code_insee, offers_pickup=True)
                if rng.random() < 0.5:
                    market_days.append(rng.randint(1, 7))
                    yield PointOfSale(producer_id=pk, kind="market", nom="Marché",
                                      commune_id=commune.code_insee)

        point_count = _copy(PointOfSale, points())
        # COPY returns no ids: the markets' come back in insertion (id) order (read before the
        # next COPY, which holds the connection).
        markets = list(PointOfSale.objects.filter(kind="market").order_by("pk").values_list(
            "pk", flat=True))
        _copy(OpeningHours, (OpeningHours(point_of_sale_id=pk, weekday=day)
                             for pk, day in zip(markets, market_days, strict=True)))

        def products() -> Any:
            for i, pk in enumerate(ids):
                templates = kinds[i % len(kinds)].products
                seen: set[str] = set()
                for j in range(per_producer):
                    cat, name, unit, size, price, _labels, months, description, _ = templates[
                        j % len(templates)]
                    variant = VARIANTS[(j // len(templates) + i) % len(VARIANTS)]
                    nom = f"{name} {variant}".strip()
                    if j >= len(templates) * len(VARIANTS) or nom in seen:
                        nom = f"{nom} {j}"
                    seen.add(nom)
                    yield Product(
                        producer_id=pk, slug=slugify(nom)[:110], nom=nom, name_key=name_key(nom),
                        category=categories[cat], description=description, unit=unit,
                        unit_size=size, price=price, status=ProductStatus.PUBLISHED,
                        status_changed_at=now,
                        stock=None if rng.random() < 0.4 else rng.randint(0, 50),
                        season_months=list(months))

        product_total = _copy(Product, products())
        timings["copy_s"] = time.perf_counter() - started
        started = time.perf_counter()
        # Statistics first: rows written in this transaction are invisible to autovacuum, and
        # a planner that believes the tables empty joins a million products by nested loops.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        rebuild_index()
        timings["index_s"] = time.perf_counter() - started
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    timings["analyze_s"] = time.perf_counter() - started
    return {"producers": len(ids), "products": product_total, "points_of_sale": point_count,
            **{k: round(v, 1) for k, v in timings.items()}}


def import_rows(rows: int, directory: str) -> dict[str, Any]:
    import django

    django.setup()
    from bench.bench_import import HEADER, PRODUCTS, _siret
    from producers.catalogue_io import catalogue_import

    rng = random.Random(SEED + 1)  # noqa: S311 - benchmark data
    with gzip.open(_communes_file(), "rt", encoding="utf-8") as handle:
        codes = [row["code_insee"] for row in csv.DictReader(handle)]
    path = Path(directory) / f"import-{rows}.csv"
    farms = max(1, rows // PER_PRODUCER)
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(HEADER)
        for p in range(farms):
            name = f"Ferme importée {p}"
            farm = [_siret(p), name, rng.choice(codes), f"import{p}@exemple.test",
                    f"05 65 {p // 100 % 100:02d} {p % 100:02d} 00", f"{name}, vente directe."]
            for i in range(PER_PRODUCER):
                product, category, unit, labels = PRODUCTS[(p + i) % len(PRODUCTS)]
                writer.writerow([*farm, f"{product} n°{i + 1}", category, f"{product}.",
                                 f"{rng.randint(1, 60)},{rng.choice([0, 50]):02d}", unit,
                                 "" if i % 3 == 0 else str(rng.randint(0, 200)), labels])
    started = time.perf_counter()
    report = catalogue_import(source=path)
    seconds = time.perf_counter() - started
    assert report.ok, [str(e) for e in report.errors[:5]]
    return {"rows": farms * PER_PRODUCER, "seconds": round(seconds, 1),
            "per_100k_s": round(seconds * 100_000 / (farms * PER_PRODUCER), 1),
            "products_created": report.products.created}


def _u(path: str, **params: str) -> str:
    return f"{path}?{urlencode(params)}"


def scenarios() -> dict[str, list[str]]:
    n = 12
    return {
        "Search page (text)": [_u("/produits/", q=QUERIES[i % len(QUERIES)]) for i in range(n)],
        "API product list (text)": [_u("/api/v1/products/", q=QUERIES[i % len(QUERIES)])
                                    for i in range(n)],
        "API product list (no filter)": ["/api/v1/products/"],
        "Commune + radius (products)": [
            _u("/produits/", commune=COMMUNES[i % len(COMMUNES)][0], radius_km=RADII[i % 4])
            for i in range(n)],
        "Commune + radius + text": [
            _u("/produits/", q=QUERIES[i], commune=COMMUNES[i % len(COMMUNES)][0],
               radius_km="20") for i in range(n)],
        "Autocompletion (products)": [_u("/autocompletion/produits/", q=p) for p in PREFIXES],
        "Autocompletion (communes)": [_u("/autocompletion/communes/", q=nom[:3].lower())
                                      for _, nom in COMMUNES],
    }


def _rss_mib() -> tuple[float, float]:
    status = Path("/proc/self/status").read_text()
    values = {line.split(":")[0]: int(line.split()[1]) / 1024 for line in status.splitlines()
              if line.startswith(("VmRSS", "VmHWM"))}
    return values.get("VmRSS", 0.0), values.get("VmHWM", 0.0)


def measure(rounds: int) -> dict[str, Any]:
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    results: dict[str, Any] = {}
    for name, urls in scenarios().items():
        statuses, queries, sizes = set(), [], []
        for url in urls:  # warm-up: caches (vocabulary, filter choices) filled as in a server
            with CaptureQueriesContext(connection) as captured:
                response = client.get(url)
            statuses.add(response.status_code)
            sizes.append(len(response.content))
            queries.append(len(captured))
        times = []
        for _ in range(max(rounds, 24 // len(urls) + 1)):
            for url in urls:
                started = time.perf_counter()
                client.get(url)
                times.append((time.perf_counter() - started) * 1000)
        times.sort()
        results[name] = {"samples": len(times), "statuses": sorted(statuses),
                         "p50": statistics.median(times),
                         "p95": times[min(len(times) - 1, int(len(times) * 0.95))],
                         "queries": max(queries), "kib": round(max(sizes) / 1024)}
    rss, peak = _rss_mib()
    results["memory"] = {"rss_mib": round(rss), "peak_mib": round(peak)}
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_database_size(current_database()), "
                       "pg_total_relation_size('producers_product'), "
                       "pg_total_relation_size('search_product'), "
                       "pg_total_relation_size('producers_producer')")
        total, products, index, producers = cursor.fetchone()
    mib = 2**20
    results["size"] = {"database_mib": round(total / mib), "products_mib": round(products / mib),
                       "search_index_mib": round(index / mib),
                       "producers_mib": round(producers / mib)}
    return results


# --- Under load: wrk against gunicorn (bench/bench_load.py's server and client) ----------------

def load_scenarios() -> dict[str, list[str]]:
    """Text searches only, each query on its first two pages: what a national directory
    serves most and what costs it most."""
    pages = [{}, {"page": "2"}]
    return {
        "Search page (text)": [_u("/produits/", q=q, **extra) for q in QUERIES
                               for extra in pages],
        "API product list (text)": [_u("/api/v1/products/", q=q, **extra) for q in QUERIES
                                    for extra in pages],
    }


def under_load(env: dict[str, str], workdir: Path) -> dict[str, Any]:
    """gunicorn, 2 sync workers, production settings and the page cache off, on the national
    database; wrk for a short run per scenario (BENCH_LOAD_SECONDS, 10 s by default)."""
    from bench import bench_load

    server = bench_load.server_environment(env["DATABASE_URL"], workdir)
    server.update(PAGE_CACHE_SECONDS="0", TASKS_BACKEND="immediate", LOG_LEVEL="ERROR",
                  TERRITORY_DEPARTEMENTS=env["TERRITORY_DEPARTEMENTS"])
    results: dict[str, Any] = {"seconds": bench_load.SECONDS,
                               "connections": bench_load.CONNECTIONS}
    with bench_load.gunicorn(server) as base:
        for name, paths in load_scenarios().items():
            good, statuses = bench_load.check(base, paths, budget_s=120)
            row = bench_load.measure(base, good or paths, workdir)
            results[name] = {"urls": len(good), "statuses": statuses, "rps": row["rps"],
                             "p50_ms": row["p50"] / 1000, "p95_ms": row["p95"] / 1000,
                             "errors": row["errors"]}
    return results


# --- Parent: the database, the steps, the report --------------------------------------------

def _postgres_server() -> str:
    url = os.environ.get("DATABASE_URL", "")
    return url if url.startswith(("postgres://", "postgresql://")) else \
        "postgres://postgres@127.0.0.1:5432/postgres"


def _pg_admin(sql: str) -> None:
    import psycopg

    admin = urlunsplit(urlsplit(_postgres_server())._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(sql)  # type: ignore[arg-type]


def _run(env: dict[str, str], *args: str) -> str:
    result = subprocess.run([sys.executable, *args], env=env, cwd=ROOT, capture_output=True,
                            text=True, timeout=4 * 3600, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed:\n{result.stderr[-3000:]}")
    return result.stdout


def _child(env: dict[str, str], *args: str) -> dict[str, Any]:
    out = _run(env, __file__, *args)
    line = [x for x in out.splitlines() if x.startswith("RESULT=")][-1]
    return dict(json.loads(line.removeprefix("RESULT=")))


def _database_exists() -> bool:
    import psycopg

    admin = urlunsplit(urlsplit(_postgres_server())._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        return conn.execute("SELECT 1 FROM pg_database WHERE datname = %s",
                            [PG_NAME]).fetchone() is not None


def _built_facts(env: dict[str, str]) -> dict[str, Any]:
    """What the run that built the kept database wrote down (its generation and import), kept
    as the database's comment: a reused database is reported with the figures of its build."""
    import psycopg

    with psycopg.connect(env["DATABASE_URL"], autocommit=True) as conn:
        row = conn.execute("SELECT shobj_description(oid, 'pg_database') FROM pg_database "
                           "WHERE datname = current_database()").fetchone()
    if not row or not row[0]:
        raise RuntimeError(f"{PG_NAME} was not built by this script with --keep: rebuild it")
    return dict(json.loads(row[0]))


def _write_down_facts(env: dict[str, str], facts: dict[str, Any]) -> None:
    import psycopg
    from psycopg import sql

    with psycopg.connect(env["DATABASE_URL"], autocommit=True) as conn:
        conn.execute(sql.SQL("COMMENT ON DATABASE {} IS {}").format(
            sql.Identifier(PG_NAME), sql.Literal(json.dumps(facts))))


def run(args: argparse.Namespace) -> dict[str, Any]:
    workdir = Path(tempfile.mkdtemp(prefix="omlot-national-"))
    env = {k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "DATABASE_URL"}}
    env.update(DJANGO_SETTINGS_MODULE="bench.settings", DEBUG="false",
               SECRET_KEY=secrets.token_urlsafe(50), ALLOWED_HOSTS="testserver",
               VAR_DIR=str(workdir), MEDIA_ROOT=str(workdir / "media"), LOG_LEVEL="ERROR",
               PAGE_CACHE_SECONDS="0", TASKS_BACKEND="immediate",
               TERRITORY_DEPARTEMENTS=",".join(departements()),
               DATABASE_URL=urlunsplit(urlsplit(_postgres_server())._replace(
                   path=f"/{PG_NAME}")))
    reuse = args.reuse and _database_exists()
    if args.reuse and not reuse:
        print(f"national: no {PG_NAME} to reuse, building it", flush=True)
    if not reuse:
        _pg_admin(f'DROP DATABASE IF EXISTS "{PG_NAME}" WITH (FORCE)')
        _pg_admin(f'CREATE DATABASE "{PG_NAME}"')
        _pg_admin(f'ALTER DATABASE "{PG_NAME}" SET random_page_cost = 1.1')
    results: dict[str, Any] = {"load_before": os.getloadavg()}
    try:
        manage = str(ROOT / "manage.py")
        started = time.perf_counter()
        # Migrations also on a reused database: the code measured may bring new ones (indexes).
        _run(env, manage, "migrate", "--noinput", "-v0", "--skip-checks")
        if reuse:
            built = _built_facts(env)
        else:
            _run(env, manage, "import_communes")
            built = {"communes_s": round(time.perf_counter() - started, 1)}
            print("national: generating…", flush=True)
            built["generated"] = _child(env, "--child", "generate", str(args.producers),
                                        str(args.products))
            print("national: importing…", flush=True)
            built["import"] = _child(env, "--child", "import", str(args.import_rows),
                                     str(workdir))
            _write_down_facts(env, built)
        results.update(built, reused=reuse)
        _run(env, manage, "collectstatic", "--noinput", "-v0")
        print("national: measuring…", flush=True)
        results["measured"] = _child(env, "--child", "measure", str(args.rounds))
        if args.load:
            print("national: under load…", flush=True)
            results["load"] = under_load(env, workdir)
        results["load_after"] = os.getloadavg()
        return results
    finally:
        if not args.keep:
            _pg_admin(f'DROP DATABASE IF EXISTS "{PG_NAME}" WITH (FORCE)')
        shutil.rmtree(workdir, ignore_errors=True)


def report(results: dict[str, Any]) -> str:
    g, imp, m = results["generated"], results["import"], results["measured"]
    lines = ["## National scale (bench/national.py)", "",
             f"PostgreSQL, {g['producers']:,} producers, {g['products']:,} products, "
             f"{g['points_of_sale']:,} points of sale over every commune of France. "
             "In-process server time (Django's whole stack, production settings, page cache "
             "off), after a warm-up pass. Target: search p95 under "
             f"{SEARCH_TARGET_MS:.0f} ms.", "",
             "| Request | p50 (ms) | p95 (ms) | queries | largest answer (KiB) |",
             "| --- | --- | --- | --- | --- |"]
    misses = []
    for name, r in m.items():
        if name in ("memory", "size"):
            continue
        flag = ""
        if r["p95"] >= SEARCH_TARGET_MS:
            flag = " ✗"
            misses.append(f"{name}: p95 {r['p95']:.0f} ms")
        lines.append(f"| {name} | {r['p50']:.1f} | {r['p95']:.1f}{flag} | {r['queries']} | "
                     f"{r['kib']} |")
    size, memory = m["size"], m["memory"]
    lines += [
        "",
        f"- Generation: COPY {g['copy_s']:.0f} s, search index rebuilt {g['index_s']:.0f} s, "
        f"ANALYZE {g['analyze_s']:.0f} s; communes of France imported and migrations "
        f"{results['communes_s']:.0f} s (with the static files).",
        f"- Import engine: {imp['rows']:,} new rows in {imp['seconds']:.0f} s on top of the "
        f"catalogue, i.e. {imp['per_100k_s']:.0f} s per 100,000 rows.",
        f"- Database: {size['database_mib']:,} MiB (products {size['products_mib']:,} MiB, "
        f"search index {size['search_index_mib']:,} MiB, producers {size['producers_mib']:,} MiB).",
        f"- One app worker after the requests: {memory['rss_mib']} MiB resident "
        f"(peak {memory['peak_mib']} MiB).",
        "- Load average before / after: " + " / ".join(
            f"{results[k][0]:.1f}" for k in ("load_before", "load_after"))
        + " (two shared cores).",
        "",
        *_load_report(results.get("load")),
        "**Targets missed:** " + ("; ".join(misses) if misses else "none."),
    ]
    return "\n".join(lines)


def _load_report(load: dict[str, Any] | None) -> list[str]:
    if not load:
        return ["Under load (wrk against gunicorn): not measured in this run (--no-load).", ""]
    lines = [f"Under load: gunicorn 2 sync workers (production settings, page cache off), wrk "
             f"{load['connections']} connections on the same 2 cores, {load['seconds']} s per "
             "scenario after a warm-up, each query on its first two pages.", "",
             "| Scenario | URLs | req/s | p50 (ms) | p95 (ms) | errors |",
             "| --- | --- | --- | --- | --- | --- |"]
    for name, r in load.items():
        if not isinstance(r, dict):
            continue
        # No answer within the run: wrk has no latency to report, not a latency of 0.
        p50, p95 = ((f"{r['p50_ms']:.0f}", f"{r['p95_ms']:.0f}") if r["rps"] else ("—", "—"))
        lines.append(f"| {name} | {r['urls']} | {r['rps']:.1f} | {p50} | {p95} | "
                     f"{r['errors']} |")
    return [*lines, ""]


def main() -> None:
    if "--child" in sys.argv:
        step, *rest = sys.argv[sys.argv.index("--child") + 1:]
        result: dict[str, Any]
        if step == "generate":
            result = generate(int(rest[0]), int(rest[1]))
        elif step == "import":
            result = import_rows(int(rest[0]), rest[1])
        else:
            result = measure(int(rest[0]))
        print("RESULT=" + json.dumps(result))
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--producers", type=int, default=50_000)
    parser.add_argument("--products", type=int, default=1_000_000)
    parser.add_argument("--import-rows", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--keep", action="store_true",
                        help=f"keep {PG_NAME} after the run (for --reuse)")
    parser.add_argument("--reuse", action="store_true",
                        help=f"measure on the {PG_NAME} kept by an earlier --keep run: no "
                             "generation, no import (built first if missing)")
    parser.add_argument("--no-load", dest="load", action="store_false",
                        help="skip the measure under load (wrk against gunicorn)")
    parser.add_argument("--no-write", action="store_true",
                        help="print the report without writing bench/RESULTS.md")
    args = parser.parse_args()
    markdown = report(run(args))
    if not args.no_write:
        write_section("national", markdown)
    print(markdown)


if __name__ == "__main__":
    main()
