"""Relevance benchmark: judged queries, as a resident (or a visitor) types them, on the demo
catalogue and on the large generated one (bench/generate.py), on SQLite and PostgreSQL.

    .venv/bin/python bench/relevance.py          (or `make bench`, which runs every bench)

Each judged query grades every product: 2 = what the person means (« fromage de chèvre » → a
goat cheese), 1 = acceptable (a goat yogurt), 0 = not it. The list the product page shows
(`product_results`, the code the pages and the API share) is scored by nDCG@10 (graded gains
2^g - 1, against the best order the catalogue allows) and by whether its first result has the
best grade the catalogue holds for that query. Targets: mean nDCG@10 >= 0.9, first result right
for every query. The grades are judged on names, categories and communes, so they apply to any
catalogue, and the whole catalogue is graded to build the ideal order.

Environment: BENCH_RELEVANCE_DATABASES (default "sqlite,postgresql"),
BENCH_RELEVANCE_CATALOGUES (default "demo,bench").
"""

from __future__ import annotations

import json
import math
import os
import re
import secrets
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.bench_search import _pg_admin, _postgres_server, _run  # noqa: E402
from bench.results import write_section  # noqa: E402

PG_NAME = "omlot_bench_relevance"
TARGET_NDCG = 0.9
CHEESES = {"fromages-de-chevre", "fromages-de-brebis", "fromages-de-vache"}
WINES = {"vins-rouges", "vins-blancs-et-roses"}


@dataclass(frozen=True)
class Row:
    """What a judge looks at: the product's folded name, category, parent, producer's commune."""

    name: str
    category: str
    parent: str
    commune: str


Grade = Callable[[Row], int]


def has(*words: str) -> Callable[[Row], bool]:
    """The name holds every one of these folded word starts (« noix » also in « noix, »)."""
    patterns = [re.compile(rf"\b{re.escape(w)}") for w in words]
    return lambda row: all(p.search(row.name) for p in patterns)


def cat(*slugs: str) -> Callable[[Row], bool]:
    return lambda row: row.category in slugs or row.parent in slugs


def town(name: str) -> Callable[[Row], bool]:
    return lambda row: row.commune == name


def graded(best: Callable[[Row], bool], good: Callable[[Row], bool] | None = None) -> Grade:
    return lambda row: 2 if best(row) else 1 if good is not None and good(row) else 0


def both(a: Callable[[Row], bool], b: Callable[[Row], bool]) -> Callable[[Row], bool]:
    return lambda row: a(row) and b(row)


def either(a: Callable[[Row], bool], b: Callable[[Row], bool]) -> Callable[[Row], bool]:
    return lambda row: a(row) or b(row)


goat, cheese = cat("fromages-de-chevre"), cat(*CHEESES)
honey = graded(both(cat("miels"), has("miel")), either(cat("miels"), has("miel")))

# (kind, query, grade). Kinds: product, place (a product and a commune), typo, plural,
# several words, English, prefix (the last word being typed).
JUDGED: list[tuple[str, str, Grade]] = [
    ("product", "fromage", graded(cheese, cat("yaourts-et-cremes"))),
    ("product", "chevre", graded(goat, has("chevre"))),
    ("product", "rocamadour", graded(has("rocamadour"), either(goat, town("rocamadour")))),
    ("product", "noix", graded(cat("noix"), has("noix"))),
    ("product", "vin", graded(cat(*WINES), has("vin"))),
    ("product", "truffes", graded(cat("truffes"), has("truff"))),
    ("product", "safran", graded(cat("safran"), has("safran"))),
    ("product", "miel", honey),
    ("product", "agneau", graded(cat("agneau"), has("agneau"))),
    ("product", "biere", graded(cat("bieres"))),
    ("product", "pain", graded(cat("pains"), has("pain"))),
    ("product", "melon", graded(cat("melons"))),
    ("product", "legumes", graded(cat("legumes"))),
    ("product", "confiture", graded(cat("confitures"), has("confiture"))),
    ("product", "cidre", graded(both(has("cidre"), cat("cidres-et-jus")),
                                either(has("cidre"), cat("cidres-et-jus")))),
    ("product", "canard", graded(cat("canard-et-foie-gras"), has("canard"))),
    ("product", "yaourt", graded(has("yaourt"), cat("yaourts-et-cremes"))),
    ("product", "savon", graded(has("savon"))),
    ("product", "jambon", graded(has("jambon"))),
    ("product", "lavande", graded(has("lavande"))),
    ("plural", "oeufs", graded(cat("oeufs"))),
    ("plural", "fraises", graded(has("fraise"), cat("fruits-rouges"))),
    ("plural", "tomates", graded(has("tomate"))),
    ("plural", "cerises", graded(has("cerise"))),
    ("plural", "lentilles", graded(has("lentille"))),
    ("several words", "fromage de chèvre", graded(goat, cheese)),
    ("several words", "foie gras", graded(has("foie gras"), cat("canard-et-foie-gras"))),
    # A soap or a cheese kept « à l'huile de noix » is not walnut oil.
    ("several words", "huile de noix", graded(both(has("huile de noix"), cat("huiles")),
                                              either(has("huile de noix"), cat("huiles")))),
    ("several words", "agneau du quercy", graded(both(cat("agneau"), has("quercy")),
                                                 cat("agneau"))),
    ("several words", "poulet fermier", graded(has("poulet"), cat("volailles"))),
    # The milk (or what is made of it, a goat yogurt, a goat cheese); not a soap.
    ("several words", "lait de chèvre", graded(
        both(has("lait de chevre"), cat("yaourts-et-cremes")),
        either(goat, both(cat("yaourts-et-cremes"), has("chevre"))))),
    ("several words", "vin de cahors", graded(both(cat("vins-rouges"), has("cahors")),
                                              cat(*WINES))),
    ("place", "truffes lalbenque", graded(both(cat("truffes"), town("lalbenque")),
                                          cat("truffes"))),
    ("place", "fromage figeac", graded(both(cheese, town("figeac")), cheese)),
    ("place", "vin cahors", graded(both(cat(*WINES), either(has("cahors"), town("cahors"))),
                                   cat(*WINES))),
    ("place", "miel gourdon", graded(both(cat("miels"), town("gourdon")), cat("miels"))),
    ("typo", "rocamdour", graded(has("rocamadour"), either(goat, town("rocamadour")))),
    ("typo", "safrant", graded(cat("safran"), has("safran"))),
    ("typo", "fromages de chevres", graded(goat, cheese)),
    ("typo", "truffe noir", graded(both(cat("truffes"), has("noire")), cat("truffes"))),
    ("typo", "confitture", graded(cat("confitures"), has("confiture"))),
    ("typo", "agnaeu", graded(cat("agneau"), has("agneau"))),
    ("prefix", "roca", graded(has("rocamadour"), either(goat, town("rocamadour")))),
    ("prefix", "chev", graded(goat, has("chevre"))),
    ("prefix", "confi", graded(cat("confitures"), has("confi"))),
    ("English", "goat cheese", graded(goat, cheese)),
    ("English", "cheese", graded(cheese, cat("yaourts-et-cremes"))),
    ("English", "honey", honey),
    ("English", "walnuts", graded(cat("noix"), has("noix"))),
    ("English", "wine", graded(cat(*WINES), has("vin"))),
    ("English", "lamb", graded(cat("agneau"), has("agneau"))),
    ("English", "saffron", graded(cat("safran"), has("safran"))),
    ("English", "truffles", graded(cat("truffes"), has("truff"))),
]


def dcg(grades: list[int]) -> float:
    return sum((2 ** g - 1) / math.log2(i + 2) for i, g in enumerate(grades))


# --- In the child process: search and judge ------------------------------------------------------

def measure() -> None:
    import django

    django.setup()
    from marketplace.common.text import fold
    from marketplace.directory.results import Criteria, product_results
    from producers.models import Product

    def row(nom: str, category: str, parent: str | None, commune: str) -> Row:
        return Row(name=fold(nom), category=category, parent=parent or "", commune=fold(commune))

    catalogue = {pk: row(*rest) for pk, *rest in Product.objects.published().values_list(
        "pk", "nom", "category__slug", "category__parent__slug", "producer__commune__nom")}
    results = []
    for kind, query, grade in JUDGED:
        all_grades = sorted((grade(r) for r in catalogue.values()), reverse=True)
        started = time.perf_counter()
        listed = product_results(Criteria(q=query))
        top = [p.pk for p in listed[0:10]]
        elapsed = (time.perf_counter() - started) * 1000
        grades = [grade(catalogue[pk]) if pk in catalogue else 0 for pk in top]
        ideal = dcg(all_grades[:10])
        results.append({
            "kind": kind, "query": query, "ndcg": dcg(grades) / ideal if ideal else 1.0,
            "first_right": bool(grades) and grades[0] == all_grades[0] and grades[0] > 0,
            "first": catalogue[top[0]].name if top and top[0] in catalogue else "",
            "relevant": sum(1 for g in all_grades if g == all_grades[0] and g > 0),
            "count": listed.count(), "ms": elapsed,
        })
    print("RESULTS=" + json.dumps({"products": len(catalogue), "queries": results}))


# --- In the parent: databases, then the report --------------------------------------------------

def run(kind: str, catalogue: str) -> dict[str, Any]:
    workdir = Path(tempfile.mkdtemp(prefix=f"omlot-relevance-{kind}-"))
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
        env["DATABASE_URL"] = f"sqlite:///{workdir / 'relevance.sqlite3'}"
    try:
        manage = str(ROOT / "manage.py")
        _run(env, manage, "migrate", "--noinput", "-v0", "--skip-checks")
        _run(env, manage, "import_communes")
        if catalogue == "demo":
            _run(env, manage, "seed_demo")
        else:
            _run(env, str(ROOT / "bench" / "generate.py"))
        line = [x for x in _run(env, __file__, "--measure").splitlines()
                if x.startswith("RESULTS=")][-1]
        result: dict[str, Any] = json.loads(line.removeprefix("RESULTS="))
        return result
    finally:
        if kind == "postgresql":
            _pg_admin(f'DROP DATABASE IF EXISTS "{PG_NAME}" WITH (FORCE)')
        shutil.rmtree(workdir, ignore_errors=True)


def report(runs: dict[str, dict[str, Any]]) -> str:
    names = list(runs)
    lines = [
        "## Relevance (`bench/relevance.py`)", "",
        f"{len(JUDGED)} judged queries (products, places, typos, plurals, several words, English "
        "words, a last word being typed), each grading every product of the catalogue (2 = what "
        "is meant, 1 = acceptable); scored on the list the product page shows. Targets: mean "
        f"nDCG@10 ≥ {TARGET_NDCG}, the first result right (of the best grade the catalogue "
        "holds) for every query.", "",
        "| Database / catalogue | products | mean nDCG@10 | lowest nDCG@10 | first result right "
        "| mean ms per search |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    misses = []
    for name in names:
        queries = runs[name]["queries"]
        mean = sum(q["ndcg"] for q in queries) / len(queries)
        right = sum(q["first_right"] for q in queries)
        worst = min(queries, key=lambda q: q["ndcg"])
        ms = sum(q["ms"] for q in queries) / len(queries)
        lines.append(f"| {name} | {runs[name]['products']} | {mean:.3f}"
                     f"{'' if mean >= TARGET_NDCG else ' ✗'} | {worst['ndcg']:.2f} "
                     f"(`{worst['query']}`) | {right}/{len(queries)}"
                     f"{'' if right == len(queries) else ' ✗'} | {ms:.1f} |")
        for q in queries:
            if not q["first_right"]:
                misses.append(f"`{q['query']}` on {name}: first « {q['first']} »")
    lines += ["", "Per query, nDCG@10 (✗: the first result is not of the best grade):", "",
              "| kind | query | " + " | ".join(names) + " |",
              "| --- | --- |" + " ---: |" * len(names)]
    for i, (kind, query, _) in enumerate(JUDGED):
        cells = []
        for name in names:
            q = runs[name]["queries"][i]
            cells.append(f"{q['ndcg']:.2f}{'' if q['first_right'] else ' ✗'}")
        lines.append(f"| {kind} | `{query}` | " + " | ".join(cells) + " |")
    lines += ["", "**First results wrong:** " + ("; ".join(misses) if misses else "none.")]
    return "\n".join(lines)


def main() -> None:
    if "--measure" in sys.argv:
        measure()
        return
    kinds = [k.strip() for k in os.environ.get("BENCH_RELEVANCE_DATABASES",
                                               "sqlite,postgresql").split(",") if k.strip()]
    catalogues = [c.strip() for c in os.environ.get("BENCH_RELEVANCE_CATALOGUES",
                                                    "demo,bench").split(",") if c.strip()]
    runs = {}
    for kind in kinds:
        for catalogue in catalogues:
            print(f"relevance benchmark: {kind}, {catalogue} catalogue…", flush=True)
            runs[f"{kind} / {catalogue}"] = run(kind, catalogue)
    markdown = report(runs)
    write_section("relevance", markdown)
    print(markdown)


if __name__ == "__main__":
    main()
