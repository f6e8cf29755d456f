"""Where one request's time goes: SQL, templates and the rest of Python, in-process.

    .venv/bin/python bench/profile_page.py            (SQLite and PostgreSQL, as bench_search)
    .venv/bin/python bench/profile_page.py --reuse DIR   (keep the SQLite catalogue in DIR)
    .venv/bin/python bench/profile_page.py --cprofile "/produits/?q=chevre"   (hot functions)

Each page is served through Django's whole stack (production settings, DEBUG off, the anonymous
page cache off) by the test client on the large catalogue (bench/generate.py: 2,000 producers,
40,000 products), after a warm-up (the caches a running server holds are then full).

The split is read with timers around the database cursor's execute and fetch (SQL) and around
the outermost `Template.render` (templates, minus the SQL they trigger); the rest of the
request is "other Python". Times are CPU time of this process (`time.process_time`), not wall
time, so that other work on a shared machine does not inflate them; on PostgreSQL the server's
own work is then not counted in SQL (its wall time is given apart). Each figure is the median
over many requests.
"""

from __future__ import annotations

import cProfile
import json
import os
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.results import write_section  # noqa: E402

REPEATS = int(os.environ.get("BENCH_PROFILE_REPEATS", "60"))
TEMPLATE_TARGET_MS, PYTHON_TARGET_MS, MAX_QUERIES = 3.0, 2.0, 8


class Timers:
    """CPU and wall time spent in SQL and in templates during one request."""

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.sql_cpu = self.sql_wall = self.template_cpu = 0.0
        self.queries = 0
        self._depth = 0
        self._sql_at_start = 0.0

    def sql(self, execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        cpu, wall = time.process_time(), time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.sql_cpu += time.process_time() - cpu
            self.sql_wall += time.perf_counter() - wall
            self.queries += 1

    def wrap_fetches(self) -> None:
        """Rows are read (and, on SQLite, the query mostly runs) when fetched: timed as SQL."""
        from django.db.backends.utils import CursorWrapper

        timers = self

        def fetching(cursor: Any, attr: str) -> Any:
            found = getattr(cursor.cursor, attr)
            if attr not in CursorWrapper.WRAP_ERROR_ATTRS:
                return found
            found = cursor.db.wrap_database_errors(found)

            def timed(*args: Any) -> Any:
                cpu, wall = time.process_time(), time.perf_counter()
                try:
                    return found(*args)
                finally:
                    timers.sql_cpu += time.process_time() - cpu
                    timers.sql_wall += time.perf_counter() - wall
            return timed

        CursorWrapper.__getattr__ = fetching  # type: ignore[method-assign]

    def wrap_templates(self) -> None:
        from django.template.base import Template

        render = Template.render
        timers = self

        def timed(template: Any, context: Any) -> Any:
            if timers._depth:
                return render(template, context)
            timers._depth += 1
            sql_before, started = timers.sql_cpu, time.process_time()
            try:
                return render(template, context)
            finally:
                timers._depth -= 1
                timers.template_cpu += (time.process_time() - started) - (
                    timers.sql_cpu - sql_before)

        Template.render = timed  # type: ignore[method-assign,assignment]


def pages() -> dict[str, list[str]]:
    from producers.models import Producer, Product

    producers = list(Producer.objects.public().order_by("slug").values_list("slug", flat=True)
                     [:10])
    products = list(Product.objects.published().order_by("pk")
                    .values_list("producer__slug", "slug")[:10])
    return {
        "Search page (q=chevre, 24 cards)": ["/produits/?q=chevre"],
        "Search pages (1–3 words, page 1–2)": [
            "/produits/?q=fromage+de+chevre", "/produits/?q=noix", "/produits/?q=vin+cahors",
            "/produits/?q=miel&page=2", "/produits/?q=foie+gras", "/produits/?q=huile+de+noix"],
        "Product list, no filter": ["/produits/"],
        "Producer directory": ["/producteurs/"],
        "Product page": [f"/produits/{p}/{s}/" for p, s in products],
        "Producer page": [f"/producteurs/{s}/" for s in producers],
        "API product list (q)": ["/api/v1/products/?q=chevre", "/api/v1/products/?q=noix"],
        # What any request costs before a view runs (the middleware stack): part of every
        # "other Python" above.
        "Baseline: /robots.txt": ["/robots.txt"],
    }


def measure() -> dict[str, Any]:
    import django

    django.setup()
    from django.db import connection
    from django.test import Client

    timers = Timers()
    timers.wrap_templates()
    timers.wrap_fetches()
    client = Client()
    results: dict[str, Any] = {}
    with connection.execute_wrapper(timers.sql):
        for name, urls in pages().items():
            for url in urls:  # warm-up: caches, connections, compiled templates
                client.get(url)
            rows: list[dict[str, float]] = []
            sizes, statuses = [], set()
            for _ in range(max(1, REPEATS // len(urls))):
                for url in urls:
                    timers.reset()
                    cpu, wall = time.process_time(), time.perf_counter()
                    response = client.get(url)
                    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
                    statuses.add(response.status_code)
                    sizes.append(len(response.content))
                    rows.append({"total": cpu * 1000, "wall": wall * 1000,
                                 "sql": timers.sql_cpu * 1000, "sql_wall": timers.sql_wall * 1000,
                                 "template": timers.template_cpu * 1000,
                                 "python": (cpu - timers.sql_cpu - timers.template_cpu) * 1000,
                                 "queries": timers.queries})
            results[name] = {key: statistics.median(r[key] for r in rows) for key in rows[0]}
            results[name]["queries"] = max(r["queries"] for r in rows)
            results[name]["kib"] = statistics.median(sizes) / 1024
            results[name]["statuses"] = sorted(statuses)
    return results


def cprofile(url: str) -> None:
    import django

    django.setup()
    from django.test import Client

    client = Client()
    client.get(url)
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(50):
        client.get(url)
    profiler.disable()
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(60)
    pstats.Stats(profiler).sort_stats("tottime").print_stats(40)


def report(results: dict[str, dict[str, Any]]) -> str:
    lines = ["## Where a page's time goes (bench/profile_page.py)", "",
             "One request at a time through Django's whole stack (production settings, page "
             "cache off, caches warm) on the large catalogue; CPU time of the process "
             "(`time.process_time`), median of many requests; SQL = time inside the database "
             "cursor, executing and fetching (on PostgreSQL the client's share; the wall time "
             "including the server is in brackets), template = outermost `Template.render` "
             "minus its SQL, other Python = the rest. Targets for the search page: template ≤ "
             f"{TEMPLATE_TARGET_MS:.0f} ms, other Python ≤ {PYTHON_TARGET_MS:.0f} ms, ≤ "
             f"{MAX_QUERIES} queries.", "",
             "| Page | database | total CPU (ms) | SQL | template | other Python | queries | "
             "HTML (KiB) |", "|" + " --- |" * 8]
    for kind, pages_ in results.items():
        for name, r in pages_.items():
            lines.append(f"| {name} | {kind} | {r['total']:.1f} | {r['sql']:.1f} "
                         f"({r['sql_wall']:.1f}) | {r['template']:.1f} | {r['python']:.1f} | "
                         f"{r['queries']} | {r['kib']:.0f} |")
    load = os.getloadavg()
    lines += ["", f"- Load average at the end: {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f}."]
    return "\n".join(lines)


def _database(kind: str, reuse: str | None) -> tuple[dict[str, str], Any]:
    """The environment of a child process serving the large catalogue, and its clean-up."""
    from bench import bench_search

    if kind == "sqlite" and reuse:
        workdir = Path(reuse)
        workdir.mkdir(parents=True, exist_ok=True)
    else:
        workdir = Path(tempfile.mkdtemp(prefix=f"omlot-profile-{kind}-"))
    env = {k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "DATABASE_URL"}}
    env.update(DJANGO_SETTINGS_MODULE="bench.settings", DEBUG="false",
               SECRET_KEY="profile-" + "x" * 50, ALLOWED_HOSTS="testserver",
               VAR_DIR=str(workdir), MEDIA_ROOT=str(workdir / "media"), LOG_LEVEL="ERROR",
               PAGE_CACHE_SECONDS="0")
    name = "omlot_bench_profile"
    if kind == "postgresql":
        from urllib.parse import urlsplit, urlunsplit

        server = bench_search._postgres_server()
        env["DATABASE_URL"] = urlunsplit(urlsplit(server)._replace(path=f"/{name}"))
        bench_search._pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        bench_search._pg_admin(f'CREATE DATABASE "{name}"')
        bench_search._pg_admin(f'ALTER DATABASE "{name}" SET random_page_cost = 1.1')
    else:
        env["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    if not (kind == "sqlite" and (workdir / "bench.sqlite3").exists()):
        manage = str(ROOT / "manage.py")
        bench_search._run(env, manage, "migrate", "--noinput", "-v0", "--skip-checks")
        bench_search._run(env, manage, "import_communes")
        bench_search._run(env, str(ROOT / "bench" / "generate.py"))
        bench_search._run(env, manage, "collectstatic", "--noinput", "-v0")

    def clean() -> None:
        if kind == "postgresql":
            bench_search._pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if not (kind == "sqlite" and reuse):
            import shutil

            shutil.rmtree(workdir, ignore_errors=True)
    return env, clean


def main() -> None:
    args = sys.argv[1:]
    if "--measure" in args:
        print("RESULTS=" + json.dumps(measure()))
        return
    if "--cprofile" in args and os.environ.get("DATABASE_URL"):
        cprofile(args[args.index("--cprofile") + 1])
        return
    reuse = args[args.index("--reuse") + 1] if "--reuse" in args else None
    from bench import bench_search

    kinds = [k.strip() for k in os.environ.get("BENCH_PROFILE_DATABASES",
                                               "sqlite,postgresql").split(",") if k.strip()]
    results = {}
    for kind in kinds:
        print(f"profile: {kind}…", flush=True)
        env, clean = _database(kind, reuse)
        try:
            if "--cprofile" in args:
                print(bench_search._run(env, __file__, *args))
                return
            out = bench_search._run(env, __file__, "--measure")
            results[kind] = json.loads([x for x in out.splitlines()
                                        if x.startswith("RESULTS=")][-1].removeprefix("RESULTS="))
        finally:
            clean()
    markdown = report(results)
    if "--no-write" not in args:
        write_section("profile", markdown)
    print(markdown)


if __name__ == "__main__":
    main()
