"""The checkout race: 50 buyers at the same instant for 10 units, on PostgreSQL (and SQLite).

    .venv/bin/python bench/bench_checkout.py         (or `make bench`, which runs every bench)

For each database, in a child process with a database of its own (a temporary SQLite file; on
the PostgreSQL server of DATABASE_URL, or 127.0.0.1:5432, a database created and dropped for
the run; never the development database): one farm taking orders, a product with 10 units and
two pickup slots of 6 places each (12 places for 10 units). 50 threads, each with its own
database connection, wait at a barrier and then place a checkout at once (one unit, slot by
parity). Checked every round: exactly 10 orders, stock 0, no slot booked beyond its capacity and
each slot's count equal to its orders. A second scenario with a made-to-order product puts 50
buyers on one slot of 6 places: exactly 6 orders. Three rounds per scenario; the latency of one
checkout (p50, p95, max) and the wall time are reported, median of the rounds with the range.
Writes its section of bench/RESULTS.md.
"""

import json
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
BUYERS = 50
UNITS = 10
CAPACITY = 6
ROUNDS = 3


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


# --- Child: one empty database, Django set up on it -----------------------------------------

def _setup() -> None:
    import django

    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("import_communes", "--departement", "46", stdout=open(os.devnull, "w"))  # noqa: SIM115


def _farm(round_no: int, *, stock: int | None) -> Any:
    from datetime import time as clock
    from decimal import Decimal

    from marketplace.reference.models import Category, Commune
    from orders import services
    from orders.selectors import offered_slots
    from producers.models import PointOfSale, Producer, Product

    producer = Producer.objects.create(slug=f"course-{round_no}-{stock}", nom="Ferme Course",
                                       status="approved", commune=Commune.objects.get(
                                           code_insee="46042"))
    point = PointOfSale.objects.create(producer=producer, kind="farm", nom="À la ferme",
                                       commune=producer.commune)
    services.ordering_settings_update(producer=producer, data={
        "is_open": True, "lead_time_hours": 0, "horizon_days": 14})
    for day in range(1, 8):
        services.pickup_window_create(producer=producer, data={
            "point_of_sale": point, "weekday": day, "starts": clock(6), "ends": clock(23),
            "capacity": CAPACITY})
    category = Category.objects.filter(parent__isnull=False).order_by("pk").first()
    assert category is not None
    product = Product.objects.create(producer=producer, slug="miel", nom="Miel",
                                     category=category, price=Decimal("8.00"), stock=stock)
    return producer, product, offered_slots(producer)[:2]


def _race(producer: Any, product: Any, slot_keys: list[str]) -> dict[str, Any]:
    from django.core.exceptions import ValidationError
    from django.db import close_old_connections, connection

    from orders import services

    barrier = threading.Barrier(BUYERS)
    latencies: list[float] = []
    outcomes: list[str] = []
    errors: list[str] = []

    def buy(i: int) -> None:
        try:
            barrier.wait()
            started = time.perf_counter()
            try:
                services.checkout_place(
                    quantities={product.pk: 1}, prices_seen={product.pk: product.price},
                    choices={producer.pk: services.ProducerChoice(
                        slot=slot_keys[i % len(slot_keys)])},
                    buyer=services.Buyer(name=f"Client {i}", email=f"c{i}@exemple.test",
                                         phone="06 12 34 56 78"))
                outcomes.append("sold")
            except ValidationError:
                outcomes.append("refused")
            latencies.append((time.perf_counter() - started) * 1000)
        except Exception as error:  # noqa: BLE001 - reported in the results
            errors.append(repr(error))
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=buy, args=(i,)) for i in range(BUYERS)]
    wall = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    wall_ms = (time.perf_counter() - wall) * 1000
    return {"latencies": latencies, "sold": outcomes.count("sold"), "errors": errors,
            "wall_ms": wall_ms}


def _check(producer: Any, product: Any) -> dict[str, Any]:
    from orders.models import Order, PickupSlot
    from producers.models import Product

    slots = list(PickupSlot.objects.filter(window__producer=producer))
    return {
        "orders": Order.objects.filter(producer=producer).count(),
        "stock": Product.objects.get(pk=product.pk).stock,
        "overbooked": sum(s.booked > CAPACITY for s in slots),
        "count_mismatch": sum(s.booked != s.orders.count() for s in slots),
        "booked": sorted(s.booked for s in slots),
    }


def child() -> None:
    _setup()
    from django.db import connection

    result: dict[str, Any] = {"vendor": connection.vendor, "scenarios": {}}
    for name, stock, slots in (("units", UNITS, 2), ("places", None, 1)):
        rounds = []
        for round_no in range(ROUNDS):
            producer, product, offered = _farm(round_no, stock=stock)
            race = _race(producer, product, [s.key for s in offered[:slots]])
            rounds.append({**race, **_check(producer, product)})
        result["scenarios"][name] = rounds
    print("RESULT=" + json.dumps(result))


# --- Parent: one child per database, then the report ----------------------------------------

def _postgres_admin(url: str, sql: str) -> None:
    import psycopg

    admin = urlunsplit(urlsplit(url)._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(sql)  # type: ignore[arg-type]


def run(database_url: str) -> dict[str, Any]:
    env = {**os.environ, "DATABASE_URL": database_url, "DEBUG": "false",
           "SECRET_KEY": secrets.token_urlsafe(50), "LOG_LEVEL": "ERROR"}
    with tempfile.TemporaryDirectory() as var:
        env["VAR_DIR"] = var
        process = subprocess.run([sys.executable, __file__, "--child"], env=env, cwd=ROOT,
                                 capture_output=True, text=True, timeout=1800, check=False)
    lines = [x for x in process.stdout.splitlines() if x.startswith("RESULT=")]
    if process.returncode != 0 or not lines:
        raise RuntimeError(f"benchmark child failed:\n{process.stderr[-4000:]}")
    return dict(json.loads(lines[-1].removeprefix("RESULT=")))


def _databases() -> list[tuple[str, str, str | None]]:
    base = os.environ.get("DATABASE_URL", "")
    if not base.startswith(("postgres://", "postgresql://")):
        base = "postgres://postgres@127.0.0.1:5432/ohmylot"
    name = f"ohmylot_bench_checkout_{secrets.token_hex(4)}"
    pg = urlunsplit(urlsplit(base)._replace(path=f"/{name}"))
    sqlite = f"sqlite:///{tempfile.gettempdir()}/bench-checkout-{secrets.token_hex(4)}.sqlite3"
    return [("PostgreSQL", pg, name), ("SQLite", sqlite, None)]


def _summary(rounds: list[dict[str, Any]]) -> dict[str, str]:
    def spread(values: list[float]) -> str:
        return f"{statistics.median(values):.0f} ({min(values):.0f}–{max(values):.0f})"

    return {
        "p50": spread([_percentile(r["latencies"], 0.5) for r in rounds]),
        "p95": spread([_percentile(r["latencies"], 0.95) for r in rounds]),
        "max": spread([max(r["latencies"]) for r in rounds]),
        "wall": spread([r["wall_ms"] for r in rounds]),
        "orders": " / ".join(str(r["orders"]) for r in rounds),
        "booked": " / ".join("+".join(map(str, r["booked"])) for r in rounds),
        "ok": "oui" if all(not r["errors"] and not r["overbooked"] and not r["count_mismatch"]
                           for r in rounds) else "NON",
    }


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from bench.results import write_section

    rows, failures = [], []
    load = os.getloadavg()[0]
    for label, url, pg_name in _databases():
        try:
            if pg_name:
                _postgres_admin(url, f'CREATE DATABASE "{pg_name}"')
            result = run(url)
        except Exception as error:  # noqa: BLE001 - one database may be unavailable
            failures.append(f"{label} : {error}".splitlines()[0])
            continue
        finally:
            if pg_name:
                _postgres_admin(url, f'DROP DATABASE IF EXISTS "{pg_name}" WITH (FORCE)')
            elif url.startswith("sqlite:///"):
                Path(url.removeprefix("sqlite:///")).unlink(missing_ok=True)
        expected = {"units": UNITS, "places": CAPACITY}
        for scenario, rounds in result["scenarios"].items():
            s = _summary(rounds)
            exact = all(r["orders"] == expected[scenario] for r in rounds) and (
                scenario != "units" or all(r["stock"] == 0 for r in rounds))
            if not exact or s["ok"] != "oui":
                failures.append(f"{label} {scenario}: {rounds}")
            what = (f"{UNITS} unités, 2 créneaux de {CAPACITY} places" if scenario == "units"
                    else f"à la demande, 1 créneau de {CAPACITY} places")
            rows.append(f"| {label} | {what} | {s['orders']} | {s['booked']} | {s['ok']} | "
                        f"{s['p50']} | {s['p95']} | {s['max']} | {s['wall']} |")
    markdown = "\n".join([
        "## Course au dernier article (`bench/bench_checkout.py`)",
        "",
        f"{BUYERS} acheteurs passent commande au même instant (un fil et une connexion à la "
        "base chacun, départ sur une barrière) par `orders.services.checkout_place` : stock "
        "puis créneau verrouillés dans cet ordre, dans une seule transaction. Trois manches par "
        "scénario ; latence d'un passage de commande en ms, médiane des manches (min–max). "
        "Attendu : exactement autant de commandes que d'unités (ou de places), aucun créneau "
        "au-delà de sa capacité, le compteur de chaque créneau égal à ses commandes.",
        "",
        "| Base | Scénario | commandes par manche | places prises par créneau | aucun "
        "surbooking | p50 (ms) | p95 (ms) | max (ms) | durée totale (ms) |",
        "| --- | --- | --- | --- | --- | ---: | ---: | ---: | ---: |",
        *rows,
        "",
        f"Charge moyenne de la machine (1 min) au départ : {load:.1f} pour 2 cœurs partagés : "
        "les latences sont des majorants ; les comptes, eux, ne dépendent pas de la charge.",
        *([""] + [f"Échec : {f}" for f in failures] if failures else []),
    ])
    write_section("checkout", markdown)
    print(markdown)
    return 1 if failures else 0


if __name__ == "__main__":
    if "--child" in sys.argv:
        child()
    else:
        sys.exit(main())
