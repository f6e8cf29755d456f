"""Catalogue import benchmark: 40,000 rows from 2,000 producers, on SQLite and PostgreSQL.

    .venv/bin/python bench/bench_import.py            (or `make bench`, which runs every bench)

Generates the CSV in a temporary directory (French Excel style: `;`, decimal commas, prices
with « € »), then, for each database, in a child process with a database of its own (a
temporary SQLite file; on the PostgreSQL server of DATABASE_URL, or 127.0.0.1:5432, a database
created and dropped for the run; never the development database):
- first import of the 40,000 rows (everything created, search index included);
- the same file again (nothing changes);
- the file with 1 % of the prices changed (400 products updated);
- a dry run of the first file on an empty database;
- the first import of the same rows shuffled (producers' rows scattered through the file).
Memory: the growth of the process's peak RSS during the first import, and Python's peak
allocations (tracemalloc) for an import of 4,000 and of 40,000 rows on SQLite: flat memory
means the second is not ten times the first. Writes its section of bench/RESULTS.md.
"""

import csv
import json
import os
import random
import secrets
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
PRODUCERS = 2000
PER_PRODUCER = 20
CHANGED = 400
SEED = 46

PRODUCTS = [
    ("Rocamadour AOP", "fromages-de-chevre", "pièce", "aop"),
    ("Cabécou", "Fromages de chèvre", "pièce", ""),
    ("Tomme de brebis", "fromages-de-brebis", "kg", ""),
    ("Yaourt fermier", "yaourts-et-cremes", "pot", "agriculture-biologique"),
    ("Vin de Cahors Malbec", "vins-rouges", "bouteille", "aoc"),
    ("Rosé du Quercy", "Vins blancs et rosés", "bouteille", "igp"),
    ("Noix du Périgord", "noix", "kg", "aop"),
    ("Huile de noix", "huiles", "litre", ""),
    ("Safran du Quercy", "safran", "g", "produit-en-occitanie"),
    ("Truffe noire", "truffes", "g", ""),
    ("Miel de châtaignier", "miels", "pot", ""),
    ("Confiture de figues", "confitures", "pot", ""),
    ("Confit de canard", "canard-et-foie-gras", "pot", "igp"),
    ("Foie gras entier", "Canard et foie gras", "pot", "igp|label-rouge"),
    ("Agneau fermier du Quercy", "agneau", "kg", "igp|label-rouge"),
    ("Melon du Quercy", "melons", "pièce", "igp"),
    ("Fraises", "fruits-rouges", "barquette", ""),
    ("Panier de légumes", "legumes", "panier", "agriculture-biologique"),
    ("Œufs fermiers", "oeufs", "douzaine", "agriculture-biologique"),
    ("Pain de campagne", "pains", "pièce", ""),
    ("Bière blonde", "bieres", "bouteille", ""),
    ("Cidre fermier", "cidres-et-jus", "bouteille", ""),
    ("Farine de blé", "farines-et-cereales", "kg", ""),
    ("Savon au lait de chèvre", "cosmetiques", "pièce", ""),
]
HEADER = ["producer_siret", "producer_name", "producer_commune_insee", "producer_email",
          "producer_phone", "producer_description", "product_name", "product_category",
          "product_description", "price", "unit", "stock", "labels"]


def _siret(n: int) -> str:
    from stdnum import luhn

    siren = f"{46_000_000 + n:08d}"
    siren += luhn.calc_check_digit(siren)
    base = f"{siren}0001"
    return base + luhn.calc_check_digit(base)


def _communes() -> list[str]:
    with (ROOT / "data" / "communes-lot-46.csv").open(encoding="utf-8") as handle:
        return [row["code_insee"] for row in csv.DictReader(handle)]


def generate(directory: Path, producers: int = PRODUCERS) -> dict[str, Path]:
    """The catalogue, the same with CHANGED prices changed, and the same rows shuffled."""
    rng = random.Random(SEED)
    communes = _communes()
    rows: list[list[str]] = []
    for p in range(producers):
        name = f"Ferme {rng.choice(['de la Borie', 'du Pech', 'du Mas', 'de la Combe'])} {p}"
        producer = [_siret(p), name, rng.choice(communes), f"ferme{p}@exemple.test",
                    f"05 65 {p // 100 % 100:02d} {p % 100:02d} {rng.randint(0, 99):02d}",
                    f"{name} : une exploitation familiale du Lot ; vente à la ferme et au "
                    "marché."]
        for i in range(PER_PRODUCER):
            product, category, unit, labels = PRODUCTS[(p + i) % len(PRODUCTS)]
            euros, cents = rng.randint(1, 60), rng.choice([0, 10, 50, 90])
            rows.append([*producer, f"{product} n°{i + 1}", category,
                         f"{product} de {name}, produit et vendu dans le Lot.",
                         f"{euros},{cents:02d}" + (" €" if i % 2 else ""), unit,
                         "" if i % 3 == 0 else str(rng.randint(0, 200)), labels])
    changed = [list(r) for r in rows]
    for index in rng.sample(range(len(changed)), CHANGED):
        changed[index][9] = f"{rng.randint(61, 90)},00"
    shuffled = [list(r) for r in rows]
    rng.shuffle(shuffled)
    files = {}
    for name, content in (("catalogue", rows), ("changed", changed), ("shuffled", shuffled)):
        path = directory / f"{name}-{producers}.csv"
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle, delimiter=";")
            writer.writerow(HEADER)
            writer.writerows(content)
        files[name] = path
    return files


# --- Child: one empty database, Django set up on it -----------------------------------------

def _rss_mib() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _timed(results: dict[str, Any], label: str, **kwargs: Any) -> None:
    from producers.catalogue_io import catalogue_import

    start, cpu = time.perf_counter(), time.process_time()
    report = catalogue_import(**kwargs)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    assert report.ok, [str(e) for e in report.errors[:5]]
    results[label] = {
        "seconds": round(seconds, 1),
        "cpu": round(cpu, 1),
        "producers": [report.producers.created, report.producers.updated,
                      report.producers.unchanged],
        "products": [report.products.created, report.products.updated,
                     report.products.unchanged],
    }


def child(mode: str, files: dict[str, str]) -> dict[str, Any]:
    import django

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()
    from django.core.management import call_command

    from marketplace.reference.territory import communes_import

    call_command("migrate", verbosity=0)  # also loads the taxonomy
    communes_import(departements=["46"])
    results: dict[str, Any] = {}
    if mode == "import":
        rss = _rss_mib()
        _timed(results, "first", source=files["catalogue"])
        results["first"]["rss_growth_mib"] = round(_rss_mib() - rss, 1)
        _timed(results, "again", source=files["catalogue"])
        _timed(results, "changed", source=files["changed"])
    elif mode == "fresh":
        _timed(results, "dry_run", source=files["catalogue"], dry_run=True)
        _timed(results, "shuffled", source=files["shuffled"])
    else:  # memory-small, memory-catalogue
        import tracemalloc

        tracemalloc.start()
        _timed(results, mode, source=files[mode.removeprefix("memory-")])
        results[mode]["peak_mib"] = round(tracemalloc.get_traced_memory()[1] / 2**20, 1)
    return results


# --- Parent: files, databases, the section of RESULTS.md ------------------------------------

def _run_child(mode: str, database_url: str, files: dict[str, Path]) -> dict[str, Any]:
    env = {**os.environ, "DATABASE_URL": database_url, "DEBUG": "false",
           "SECRET_KEY": secrets.token_urlsafe(50), "LOG_LEVEL": "WARNING"}
    done = subprocess.run(
        [sys.executable, __file__, "--child", mode,
         json.dumps({k: str(v) for k, v in files.items()})],
        env=env, cwd=ROOT, capture_output=True, text=True, check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-3000:])
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def _on_sqlite(mode: str, directory: Path, files: dict[str, Path]) -> dict[str, Any]:
    path = directory / f"{mode}.sqlite3"
    try:
        return _run_child(mode, f"sqlite:///{path}", files)
    finally:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)


def _postgres_server() -> str:
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        return url
    return "postgres://postgres@127.0.0.1:5432/postgres"


def _with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, parts.fragment))


def _on_postgres(mode: str, files: dict[str, Path]) -> dict[str, Any]:
    """In a database created for this run on the server of DATABASE_URL, and dropped after."""
    import psycopg

    server = _postgres_server()
    name = f"omlot_bench_import_{os.getpid()}_{mode}"
    with psycopg.connect(_with_database(server, "postgres"), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
        try:
            return _run_child(mode, _with_database(server, name), files)
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _n(number: int) -> str:
    return f"{number:,}".replace(",", "\u202f")  # French thousands: a narrow space


def _counts(values: list[int]) -> str:
    return " / ".join(_n(v) for v in values)


SCENARIOS = [
    ("first", "1er import (tout est créé, index de recherche compris)"),
    ("again", "Même fichier réimporté (rien ne change)"),
    ("changed", f"{CHANGED} prix changés"),
    ("dry_run", "`--dry-run` du 1er import (base vide)"),
    ("shuffled", "1er import, lignes mélangées (producteurs éparpillés)"),
]


def _table(results: dict[str, dict[str, Any]]) -> str:
    engines = list(results)
    lines = ["| Scénario | " + " | ".join(f"{e} : durée (CPU du processus), s" for e in engines)
             + " | producteurs créés / modifiés / inchangés | produits créés / modifiés / "
               "inchangés |",
             "| --- |" + " ---: |" * len(engines) + " --- | --- |"]
    for key, label in SCENARIOS:
        first = results[engines[0]][key]
        lines.append(f"| {label} | " + " | ".join(
            f"{results[e][key]['seconds']} ({results[e][key]['cpu']})" for e in engines)
            + f" | {_counts(first['producers'])} | {_counts(first['products'])} |")
    return "\n".join(lines)


def main() -> None:
    sys.path.insert(0, str(ROOT))
    rows = PRODUCERS * PER_PRODUCER
    results: dict[str, dict[str, Any]] = {}
    unmeasured = ""
    load = [os.getloadavg()[0]]
    with tempfile.TemporaryDirectory(prefix="bench-import-") as tmp:
        directory = Path(tmp)
        print(f"Génération de {rows} lignes ({PRODUCERS} producteurs)…", file=sys.stderr)
        files = generate(directory)
        files["small"] = generate(directory, PRODUCERS // 10)["catalogue"]
        size = files["catalogue"].stat().st_size
        print("SQLite…", file=sys.stderr)
        results["SQLite"] = {**_on_sqlite("import", directory, files),
                             **_on_sqlite("fresh", directory, files)}
        print("PostgreSQL…", file=sys.stderr)
        try:
            results["PostgreSQL"] = {**_on_postgres("import", files),
                                     **_on_postgres("fresh", files)}
        except Exception as exc:  # noqa: BLE001 - reported in the results instead
            unmeasured = f"PostgreSQL non mesuré : {exc.__class__.__name__}: {exc}"[:300]
        print("Mémoire (SQLite, tracemalloc)…", file=sys.stderr)
        memory = {**_on_sqlite("memory-small", directory, files),
                  **_on_sqlite("memory-catalogue", directory, files)}
        load.append(os.getloadavg()[0])
    rss = "; ".join(f"{engine} {value['first']['rss_growth_mib']} Mio"
                    for engine, value in results.items())
    markdown = [
        "## Import du catalogue (`bench/bench_import.py`)",
        "",
        f"{_n(rows)} lignes (un produit par ligne) de {_n(PRODUCERS)} producteurs, CSV à la "
        f"française (`;`, virgule décimale, « € », {size / 1e6:.1f} Mo), par "
        "`catalogue_import` (le moteur de `manage.py import_catalogue`). Chaque base part "
        "vide (migrations et communes du Lot), dans une base créée pour la mesure puis "
        "supprimée. Objectif : moins de 60 s sur chaque base.",
        "",
        _table(results),
        "",
        *([unmeasured, ""] if unmeasured else []),
        f"Mémoire : le pic RSS du processus croît de {rss} pendant le 1er import. Pic des "
        f"allocations Python (tracemalloc, SQLite) : {memory['memory-small']['peak_mib']} Mio "
        f"pour {_n(rows // 10)} lignes, {memory['memory-catalogue']['peak_mib']} Mio pour "
        f"{_n(rows)} lignes : le fichier est lu deux fois en flux et écrit par lots de 2 000 "
        "lignes ; ne restent en mémoire qu'une empreinte de 16 octets par produit (doublons), "
        "deux entiers par produit écrit (pour l'index de recherche) et une entrée par "
        "producteur.",
        "",
        f"Charge moyenne de la machine (1 min) au début et à la fin de la mesure : "
        f"{load[0]:.1f} et {load[1]:.1f} pour 2 cœurs : d'autres processus les partagent, les "
        "durées sont des majorants. Le temps CPU du processus d'import y est peu sensible (sur "
        "SQLite il comprend tout le travail de la base ; sur PostgreSQL, pas celui du serveur).",
    ]
    from bench.results import write_section

    write_section("import", "\n".join(markdown))
    print("\n".join(markdown))


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        print(json.dumps(child(sys.argv[2], dict(json.loads(sys.argv[3])))))
    else:
        main()
