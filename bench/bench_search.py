"""Search and directory benchmark: server time and SQL queries of typical requests on the large
catalogue (2,000 producers, 40,000 products: bench/generate.py), on SQLite and PostgreSQL.

    .venv/bin/python bench/bench_search.py          (or `make bench`, which runs every bench)

For each database, a database of its own is created (a temporary SQLite file; on the PostgreSQL
server of DATABASE_URL or 127.0.0.1:5432, a database `omlot_bench_search` with
random_page_cost = 1.1, the usual value on SSDs), migrated, filled with the Lot's communes and
the generated catalogue. A child process then serves each request through Django's full stack
(middleware, view, template, production settings: DEBUG off) with the test client, in-process,
so "server time" excludes only the network. Each scenario cycles through distinct URLs (several
queries, communes, radii) after one warm-up pass; the SQL query count is read on the warm-up.

Environment: BENCH_SEARCH_DATABASES (default "sqlite,postgresql"), BENCH_SEARCH_ROUNDS
(default 3 passes over each scenario's URLs).
"""

from __future__ import annotations

import json
import os
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

PG_NAME = "omlot_bench_search"
ROUNDS = int(os.environ.get("BENCH_SEARCH_ROUNDS", "3"))
TARGET_MS, AUTOCOMPLETE_TARGET_MS, MAX_QUERIES = 50.0, 20.0, 8

QUERIES = ["fromage de chevre", "chevre", "rocamadour", "noix", "vin cahors", "truffes",
           "safran", "miel", "foie gras", "agneau du quercy", "fraises", "confiture", "biere",
           "pain", "melon", "huile de noix", "legumes", "oeufs", "poulet fermier", "cidre"]
TYPOS = ["rocamdour", "safrant", "fromages de chevres", "truffe noir", "confitture", "chataigne"]
PREFIXES = ["roca", "fro", "noi", "vin c", "truf", "saf", "mie", "confi", "agn", "fra"]
COMMUNES = [("46102", "Figeac"), ("46042", "Cahors"), ("46127", "Gourdon"),
            ("46240", "Rocamadour"), ("46309", "Souillac"), ("46148", "Lalbenque"),
            ("46251", "Saint-Céré"), ("46128", "Gramat")]
RADII = ["5", "10", "20", "30"]
CATEGORIES = ["fromages-et-produits-laitiers", "fromages-de-chevre", "vins-et-spiritueux",
              "epicerie", "miels", "truffes", "fruits-et-legumes", "viandes-et-charcuterie"]


def _u(path: str, **params: str) -> str:
    return f"{path}?{urlencode(params)}" if params else path


def scenarios(facts: dict[str, Any]) -> dict[str, list[str]]:
    n = 12
    communes = [c for c, _ in COMMUNES]
    return {
        "Product search (text)": [_u("/produits/", q=QUERIES[i % len(QUERIES)]) for i in range(n)],
        "Product search (typo)": [_u("/produits/", q=t) for t in TYPOS],
        "Commune + radius": [_u("/produits/", commune=communes[i % 8], radius_km=RADII[i % 4])
                             for i in range(n)],
        "Category page": [f"/categories/{c}/" for c in CATEGORIES],
        "Combined (q + commune + radius + label + sort)": [
            _u("/produits/", q=QUERIES[i], commune=communes[i % 8], radius_km=RADII[i % 4],
               label="agriculture-biologique" if i % 2 else "aop",
               sort=["relevance", "distance", "price"][i % 3]) for i in range(n)],
        "Producer directory (commune + radius + market)": [
            _u("/producteurs/", commune=communes[i % 8], radius_km=RADII[i % 4],
               point_of_sale="market") for i in range(n)],
        "Autocomplete (products)": [_u("/autocompletion/produits/", q=p) for p in PREFIXES],
        "Autocomplete (communes)": [_u("/autocompletion/communes/", q=nom[:3].lower())
                                    for _, nom in COMMUNES],
        "Producer page": [f"/producteurs/{slug}/" for slug in facts["producers"][:n]],
        "Product page": [f"/produits/{p}/{s}/" for p, s in facts["products"][:n]],
        "API products (q + commune + radius)": [
            _u("/api/v1/products/", q=QUERIES[i], commune=communes[i % 8], radius_km="20")
            for i in range(n)],
        "API producers (commune + radius)": [
            _u("/api/v1/producers/", commune=communes[i % 8], radius_km=RADII[i % 4])
            for i in range(n)],
        "Home page": ["/"],
    }


# --- In the child process: serve and time the requests -----------------------------------------

def measure() -> None:
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from producers.models import Producer, Product

    facts = {
        "producers": list(Producer.objects.public().order_by("?").values_list("slug", flat=True)
                          [:20]),
        "products": list(Product.objects.published().order_by("?")
                         .values_list("producer__slug", "slug")[:20]),
        "product_count": Product.objects.published().count(),
        "producer_count": Producer.objects.public().count(),
    }
    client = Client()
    results: dict[str, Any] = {"facts": {k: v for k, v in facts.items() if "count" in k}}
    for name, urls in scenarios(facts).items():
        queries, statuses = [], set()
        for url in urls:  # warm-up pass: caches filled as in a running server; count queries
            with CaptureQueriesContext(connection) as captured:
                statuses.add(client.get(url).status_code)
            queries.append(len(captured))
        times = []
        for _ in range(max(ROUNDS, 20 // len(urls) + 1)):
            for url in urls:
                started = time.perf_counter()
                client.get(url)
                times.append((time.perf_counter() - started) * 1000)
        times.sort()
        results[name] = {
            "urls": len(urls), "samples": len(times), "statuses": sorted(statuses),
            "p50": statistics.median(times), "p95": times[min(len(times) - 1,
                                                             int(len(times) * 0.95))],
            "queries_max": max(queries), "queries_median": statistics.median(queries),
        }
    print("RESULTS=" + json.dumps(results))


# --- In the parent: databases, then the report --------------------------------------------------

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
                            text=True, timeout=3600, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed:\n{result.stderr[-3000:]}")
    return result.stdout


def run_database(kind: str) -> dict[str, Any]:
    workdir = Path(tempfile.mkdtemp(prefix=f"omlot-search-{kind}-"))
    env = {k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "DATABASE_URL"}}
    env.update(DJANGO_SETTINGS_MODULE="bench.settings", DEBUG="false",
               SECRET_KEY=secrets.token_urlsafe(50), ALLOWED_HOSTS="testserver",
               VAR_DIR=str(workdir), MEDIA_ROOT=str(workdir / "media"), LOG_LEVEL="ERROR")
    if kind == "postgresql":
        env["DATABASE_URL"] = urlunsplit(urlsplit(_postgres_server())._replace(path=f"/{PG_NAME}"))
        _pg_admin(f'DROP DATABASE IF EXISTS "{PG_NAME}" WITH (FORCE)')
        _pg_admin(f'CREATE DATABASE "{PG_NAME}"')
        _pg_admin(f'ALTER DATABASE "{PG_NAME}" SET random_page_cost = 1.1')
    else:
        env["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    try:
        started = time.monotonic()
        manage = str(ROOT / "manage.py")
        _run(env, manage, "migrate", "--noinput", "-v0", "--skip-checks")
        _run(env, manage, "import_communes")
        generated = _run(env, str(ROOT / "bench" / "generate.py")).strip()
        _run(env, manage, "collectstatic", "--noinput", "-v0")
        setup_s = time.monotonic() - started
        line = [x for x in _run(env, __file__, "--measure").splitlines()
                if x.startswith("RESULTS=")][-1]
        results: dict[str, Any] = json.loads(line.removeprefix("RESULTS="))
        results["setup"] = {"generated": generated, "seconds": setup_s}
        return results
    finally:
        if kind == "postgresql":
            _pg_admin(f'DROP DATABASE IF EXISTS "{PG_NAME}" WITH (FORCE)')
        shutil.rmtree(workdir, ignore_errors=True)


def report(results: dict[str, dict[str, Any]]) -> str:
    kinds = list(results)
    names = [n for n in next(iter(results.values())) if n not in ("facts", "setup")]
    head = "| Request | " + " | ".join(
        f"{k}: p50 / p95 (ms) | {k}: queries" for k in kinds) + " |"
    lines = ["## Search and directory (bench/bench_search.py)", "",
             "Server time through Django's whole stack (production settings, in-process test "
             "client, no network), after a warm-up pass; queries = the most any URL of the "
             "scenario ran. Targets: p95 < 50 ms (autocomplete < 20 ms), at most 8 queries.", "",
             head, "|" + " --- |" * (1 + 2 * len(kinds))]
    misses = []
    for name in names:
        cells = []
        for kind in kinds:
            r = results[kind][name]
            target = AUTOCOMPLETE_TARGET_MS if name.startswith("Autocomplete") else TARGET_MS
            flag = "" if r["p95"] < target else " ✗"
            cells.append(f"{r['p50']:.1f} / {r['p95']:.1f}{flag}")
            cells.append(f"{r['queries_max']}" + ("" if r["queries_max"] <= MAX_QUERIES else " ✗"))
            if flag:
                misses.append(f"{name} on {kind}: p95 {r['p95']:.1f} ms (target {target:.0f} ms,"
                              f" missed by {r['p95'] - target:.1f} ms)")
            if r["queries_max"] > MAX_QUERIES:
                misses.append(f"{name} on {kind}: {r['queries_max']} queries")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    lines.append("")
    for kind in kinds:
        facts, setup = results[kind]["facts"], results[kind]["setup"]
        lines.append(f"- {kind}: {facts['producer_count']} producers, {facts['product_count']} "
                     f"published products ({setup['generated']}); setup {setup['seconds']:.0f} s.")
    load = os.getloadavg()
    lines.append(f"- Load average when the run ended: {load[0]:.1f} / {load[1]:.1f} / "
                 f"{load[2]:.1f} (the machine is shared: other work competes for its cores).")
    lines.append("")
    lines.append("**Targets missed:** " + ("; ".join(misses) if misses else "none."))
    return "\n".join(lines)


def main() -> None:
    if "--measure" in sys.argv:
        measure()
        return
    kinds = [k.strip() for k in os.environ.get("BENCH_SEARCH_DATABASES",
                                               "sqlite,postgresql").split(",") if k.strip()]
    results = {}
    for kind in kinds:
        print(f"search benchmark: {kind}…", flush=True)
        results[kind] = run_database(kind)
    markdown = report(results)
    write_section("search", markdown)
    print(markdown)


if __name__ == "__main__":
    main()
