"""A real server for browser and API tests, with the demo data, in its own database.

pytest-django's own test database is shared with the unit tests of the same xdist worker, which
expect it empty; loading the demo data there would leak into them. So the browser and
schemathesis tests run the site as a separate process (`manage.py runserver`) on a database of
its own: a temporary SQLite file, or, when `DATABASE_URL` points at PostgreSQL, a database named
after it with a per-worker suffix, created and dropped here. One server per worker and session.
"""

from __future__ import annotations

import email
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

# Migrate, load the communes and the demo, then print the facts about the seeded data that the
# tests need (ids are not guessed: they are read back). One process rather than four: each
# Django start costs about a second.
SETUP_SCRIPT = """
import json
from django.core.management import call_command
call_command("migrate", interactive=False, verbosity=0, skip_checks=True)
call_command("import_communes", verbosity=0)
call_command("seed_demo", verbosity=0)
from django.contrib.auth import get_user_model
from producers.models import Producer, Product
owner = get_user_model().objects.get(email="producteur@ohmylot.test")
farm = Producer.objects.get(memberships__user=owner)
own = Product.objects.filter(producer=farm).order_by("pk").first()
point_of_sale = farm.points_of_sale.order_by("pk").first()
from django.utils import timezone
from orders.models import Order
order = Order.objects.filter(producer=farm).select_related("checkout").order_by("pk").first()
window = farm.pickup_windows.order_by("pk").first()
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
    "order_id": order.pk if order else None,
    "checkout_token": order.checkout.token if order else None,
    "order_day": timezone.localtime(order.pickup_starts_at).date().isoformat() if order else None,
    "window_id": window.pk if window else None,
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

    def mails_to(self, address: str) -> list[str]:
        """The bodies of the messages the site wrote to this address, oldest first (the file
        mail backend; bodies decoded from quoted-printable, which wraps long links)."""
        folder = Path(self.env["EMAIL_FILE_PATH"])
        found = []
        for path in sorted(folder.glob("*.log"), key=lambda p: p.stat().st_mtime):
            for raw in path.read_text(encoding="utf-8").split("-" * 79):
                message = email.message_from_string(raw.strip())
                if message["To"] == address:
                    payload = message.get_payload(decode=True)
                    found.append(payload.decode(message.get_content_charset() or "utf-8")
                                 if isinstance(payload, bytes) else str(payload))
        return found

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


def start_site(workdir: Path, label: str, extra_env: dict[str, str] | None = None) -> LiveSite:
    """Migrate, import the communes, seed the demo data and serve them; wait until healthy."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "DJANGO_SETTINGS"))}
    env.update(DJANGO_SETTINGS_MODULE="config.settings", DEBUG="true", VAR_DIR=str(workdir),
               MEDIA_ROOT=str(workdir / "media"), PYTHONUNBUFFERED="1", LOG_LEVEL="WARNING",
               EMAIL_FILE_PATH=str(workdir / "mail"))
    env.pop("REDIS_URL", None)
    env.update(extra_env or {})
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
    env["SITE_URL"] = f"http://127.0.0.1:{port}"  # links in its e-mails lead back to it
    site = LiveSite(url=f"http://127.0.0.1:{port}", env=env, pg_url=pg_url)
    try:
        facts_line = [x for x in site.shell(SETUP_SCRIPT).splitlines() if x.startswith("FACTS=")]
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
