"""A real server for browser and API tests, with the demo data, in its own database.

pytest-django's own test database is shared with the unit tests of the same xdist worker, which
expect it empty; loading the demo data there would leak into them. So the browser and
schemathesis tests run the site as a separate process (`manage.py runserver`) on a database of
its own: a temporary SQLite file, or, when `DATABASE_URL` points at PostgreSQL, a database named
after it with a per-worker suffix, created and dropped here. One server per worker and session.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[2]
MANAGE = str(ROOT / "manage.py")

# Facts about the seeded data that the tests need (ids are not guessed: they are read back).
FACTS_SCRIPT = """
import json
from django.contrib.auth import get_user_model
from producers.models import Producer, Product
owner = get_user_model().objects.get(email="producteur@ohmylot.test")
farm = Producer.objects.get(memberships__user=owner)
own = Product.objects.filter(producer=farm).order_by("pk").first()
point_of_sale = farm.points_of_sale.order_by("pk").first()
# The staff area's pages need records to show: a campaign's featuring, a claim, two web imports
# (a file with two bad rows, and a clean one ready to confirm).
from producers.models import Featuring, ListingClaim
from producers.accounts import confirmation_token
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from marketplace.curation.imports import import_upload
staff = get_user_model().objects.get(email="cci@ohmylot.test")
header = ("producer_siret;producer_name;producer_commune_insee;product_name;product_category;"
          "price;unit\\n")
good = header + "44306184100047;Ferme Importée;46042;Cabécou;fromages-de-chevre;1,80;piece\\n"
bad = good + "44306184100047;Ferme Importée;46042;Miel;inconnue;gratuit;piece\\n"
runs = {}
for name, text in (("invalid", bad), ("checked", good)):
    with transaction.atomic():
        runs[name] = import_upload(upload=SimpleUploadedFile(f"{name}.csv", text.encode()),
                                   name=f"{name}.csv", actor=staff).pk
print("FACTS=" + json.dumps({
    "featuring_id": Featuring.objects.order_by("pk").first().pk,
    "campaign_id": Featuring.objects.exclude(campaign=None).order_by("pk").first().campaign_id,
    "claim_id": ListingClaim.objects.order_by("pk").first().pk,
    "import_invalid_id": runs["invalid"],
    "import_checked_id": runs["checked"],
    "confirm_token": confirmation_token(producer=farm),
    "producer_slug": farm.slug,
    "own_product_id": own.pk,
    "own_product_slug": own.slug,
    "point_of_sale_id": point_of_sale.pk if point_of_sale else None,
    "producer_username": owner.get_username(),
}))
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _postgres_admin(url: str, sql: str) -> None:
    import psycopg

    parts = urlsplit(url)
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(sql)  # type: ignore[arg-type]


@dataclass
class LiveSite:
    url: str
    env: dict[str, str]
    process: subprocess.Popen[bytes] | None = None
    facts: dict[str, object] = field(default_factory=dict)
    pg_url: str | None = None

    def manage(self, *args: str, timeout: float = 300) -> str:
        result = subprocess.run(
            [sys.executable, MANAGE, *args], env=self.env, cwd=ROOT, capture_output=True,
            text=True, timeout=timeout, check=False,
        )
        if result.returncode != 0:
            raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stderr[-4000:]}")
        return result.stdout

    def shell(self, code: str) -> str:
        return self.manage("shell", "--no-imports", "-c", code)

    def api_token(self, username: str, password: str) -> str:
        request = urllib.request.Request(  # noqa: S310 - the loopback test server
            f"{self.url}/api/v1/auth/token/",
            data=json.dumps({"username": username, "password": password}).encode(),
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - loopback
            return str(json.load(response)["token"])

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
        if self.pg_url:
            name = urlsplit(self.pg_url).path.lstrip("/")
            _postgres_admin(self.pg_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def start_site(workdir: Path, label: str) -> LiveSite:
    """Migrate, import the communes, seed the demo data and serve them; wait until healthy."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "DJANGO_SETTINGS"))}
    env.update(DJANGO_SETTINGS_MODULE="config.settings", DEBUG="true", VAR_DIR=str(workdir),
               MEDIA_ROOT=str(workdir / "media"), PYTHONUNBUFFERED="1", LOG_LEVEL="WARNING")
    env.pop("REDIS_URL", None)
    database_url = os.environ.get("DATABASE_URL", "")
    pg_url = None
    if database_url.startswith(("postgres://", "postgresql://")):
        parts = urlsplit(database_url)
        name = f"{parts.path.lstrip('/') or 'ohmylot'}_{label}_{worker}".lower()
        pg_url = urlunsplit(parts._replace(path=f"/{name}"))
        _postgres_admin(pg_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        _postgres_admin(pg_url, f'CREATE DATABASE "{name}"')
        env["DATABASE_URL"] = pg_url
    else:
        env["DATABASE_URL"] = f"sqlite:///{workdir / 'site.sqlite3'}"

    port = _free_port()
    site = LiveSite(url=f"http://127.0.0.1:{port}", env=env, pg_url=pg_url)
    try:
        site.manage("migrate", "--noinput", "-v0", "--skip-checks")
        site.manage("import_communes")
        site.manage("seed_demo")
        facts_line = [x for x in site.shell(FACTS_SCRIPT).splitlines() if x.startswith("FACTS=")]
        site.facts = json.loads(facts_line[-1].removeprefix("FACTS="))
        log = (workdir / "server.log").open("wb")
        # gunicorn's sync workers close every connection after its response: runserver kept
        # connections alive and sometimes closed one just as the client reused it, which
        # schemathesis reported as a network error on a PATCH.
        site.process = subprocess.Popen(  # noqa: S603
            [sys.executable, "-m", "gunicorn", "config.wsgi", "--bind", f"127.0.0.1:{port}",
             "--workers", "3", "--timeout", "120", "--log-level", "warning"],
            env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
        )
        _wait_healthy(site)
    except BaseException:
        site.stop()
        raise
    return site


def _wait_healthy(site: LiveSite, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if site.process is not None and site.process.poll() is not None:
            log = site.env["VAR_DIR"] + "/server.log"
            raise RuntimeError(f"the test server exited with {site.process.returncode}: {log}")
        try:
            with urllib.request.urlopen(f"{site.url}/healthz", timeout=2) as response:  # noqa: S310
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    raise RuntimeError("the test server did not answer /healthz in time")
