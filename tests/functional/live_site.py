"""A real server for browser and API tests, with the demo data, in its own database.

pytest-django's own test database is shared with the unit tests of the same xdist worker, which
expect it empty; loading the demo data there would leak into them. So the browser and
schemathesis tests run the site as a separate process (gunicorn) on a database of its own: a
temporary SQLite file, or, when `DATABASE_URL` points at PostgreSQL, a database named after it
with a per-worker suffix, created and dropped here. One server per worker and session.

Migrating and seeding the demo takes half a minute, and a run starts four such sites (the
browser tests' on each worker, the payment journey's, the fuzzer's): so the demo is built once
per run, in the background as the run starts (`template_build_start`), into a template (a
SQLite file, or a PostgreSQL database) that each site then copies with its photos.
"""

from __future__ import annotations

import email
import fcntl
import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[2]
MANAGE = str(ROOT / "manage.py")

# Migrate, load the communes and the demo, then print the facts about the seeded data that the
# tests need (ids are not guessed: they are read back; copies of the template keep them). One
# process rather than four: each Django start costs about a second.
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
            # gunicorn's quick shutdown: its graceful one (SIGTERM) waits for the browser's
            # idle connections, seconds for nothing at the end of every worker's session.
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
        if self.pg_url:
            name = urlsplit(self.pg_url).path.lstrip("/")
            _postgres_admin(self.pg_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _site_env(workdir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "DJANGO_SETTINGS"))}
    env.update(DJANGO_SETTINGS_MODULE="tests.functional.site_settings", DEBUG="true",
               VAR_DIR=str(workdir), MEDIA_ROOT=str(workdir / "media"), PYTHONUNBUFFERED="1",
               LOG_LEVEL="WARNING", EMAIL_FILE_PATH=str(workdir / "mail"))
    env.pop("REDIS_URL", None)
    return env


def _postgres_url(label: str) -> str | None:
    """The URL of this site's own PostgreSQL database, when the tests run on PostgreSQL."""
    database_url = os.environ.get("DATABASE_URL", "")
    if not database_url.startswith(("postgres://", "postgresql://")):
        return None
    parts = urlsplit(database_url)
    name = f"{parts.path.lstrip('/') or 'ohmylot'}_{label}".lower()
    return urlunsplit(parts._replace(path=f"/{name}"))


def _db_name(url: str) -> str:
    return urlsplit(url).path.lstrip("/")


# --- The demo template: built once per run, copied by every site --------------------------

TEMPLATE_LABEL = "demo_template"
TEMPLATE_TIMEOUT_S = 600


def template_build_start(folder: Path) -> None:
    """Start building the demo template in `folder` (shared by the run's workers) in the
    background, unless a worker already did: the first to claim the folder builds it."""
    folder.mkdir(parents=True, exist_ok=True)
    try:
        os.close(os.open(folder / "claimed", os.O_CREAT | os.O_EXCL | os.O_WRONLY))
    except FileExistsError:
        return
    env = _site_env(folder)
    # The demo does not depend on the payment settings (no farm has a Stripe account), but a
    # fixture may have put them in the environment when the build starts: left out.
    for key in [k for k in env if k.startswith("STRIPE_")]:
        del env[key]
    pg_url = _postgres_url(TEMPLATE_LABEL)
    if pg_url:
        name = _db_name(pg_url)
        _postgres_admin(pg_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        _postgres_admin(pg_url, f'CREATE DATABASE "{name}"')
        env["DATABASE_URL"] = pg_url
    else:
        env["DATABASE_URL"] = f"sqlite:///{folder / 'site.sqlite3'}"
    # The exit status lands in `status` whatever happens, so that waiting workers can stop
    # waiting and show the log; written then renamed, so never read half-written.
    script = ('"$0" "$1" shell --no-imports -c "$2" >build.log 2>&1; '
              'echo $? >status.tmp && mv status.tmp status')
    subprocess.Popen(  # noqa: S603 - our own interpreter and manage.py
        ["/bin/sh", "-c", script, sys.executable, MANAGE, SETUP_SCRIPT],
        env=env, cwd=folder, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL, start_new_session=True)


def template_ready(folder: Path) -> dict[str, object]:
    """Wait for the demo template (starting its build if nobody did) and return its facts."""
    template_build_start(folder)
    status = folder / "status"
    deadline = time.monotonic() + TEMPLATE_TIMEOUT_S
    while not status.exists():
        if time.monotonic() > deadline:
            raise RuntimeError(f"the demo template is not built after {TEMPLATE_TIMEOUT_S} s")
        time.sleep(0.2)
    log = (folder / "build.log").read_text(encoding="utf-8", errors="replace")
    if status.read_text().strip() != "0":
        raise RuntimeError(f"building the demo template failed:\n{log[-4000:]}")
    facts_line = [x for x in log.splitlines() if x.startswith("FACTS=")]
    return dict(json.loads(facts_line[-1].removeprefix("FACTS=")))


def template_drop() -> None:
    """Drop the PostgreSQL template database (the run's end; SQLite's is a temporary file)."""
    pg_url = _postgres_url(TEMPLATE_LABEL)
    if pg_url:
        _postgres_admin(pg_url, f'DROP DATABASE IF EXISTS "{_db_name(pg_url)}" WITH (FORCE)')


def _postgres_create_from(url: str, name: str, source: str) -> None:
    import psycopg

    for attempt in range(50):
        try:
            _postgres_admin(url, f'CREATE DATABASE "{name}" TEMPLATE "{source}"')
            return
        except psycopg.errors.ObjectInUse:
            # The builder's connection may still be closing on the server's side.
            if attempt == 49:
                raise
            time.sleep(0.2)


@contextmanager
def file_locked(path: Path) -> Iterator[None]:
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _copy_template(template: Path, workdir: Path, pg_url: str | None) -> None:
    """The template's database and photos, as this site's own."""
    if pg_url:
        name, source = _db_name(pg_url), _db_name(str(_postgres_url(TEMPLATE_LABEL)))
        _postgres_admin(pg_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        # PostgreSQL refuses to copy a template that another copy is reading: one at a time.
        with file_locked(template / "copy.lock"):
            _postgres_create_from(pg_url, name, source)
    else:
        # SQLite's backup copies a consistent database, whatever its write-ahead log holds.
        with (sqlite3.connect(template / "site.sqlite3") as source_db,
              sqlite3.connect(workdir / "site.sqlite3") as target_db):
            source_db.backup(target_db)
        source_db.close()
        target_db.close()
    if (template / "media").is_dir():
        shutil.copytree(template / "media", workdir / "media", dirs_exist_ok=True)


def start_site(workdir: Path, label: str, extra_env: dict[str, str] | None = None, *,
               template: Path) -> LiveSite:
    """A copy of the demo template (see `template_ready`), served; wait until healthy."""
    facts = template_ready(template)
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    env = _site_env(workdir)
    env.update(extra_env or {})
    pg_url = _postgres_url(f"{label}_{worker}")
    env["DATABASE_URL"] = pg_url or f"sqlite:///{workdir / 'site.sqlite3'}"

    port = _free_port()
    env["SITE_URL"] = f"http://127.0.0.1:{port}"  # links in its e-mails lead back to it
    site = LiveSite(url=f"http://127.0.0.1:{port}", env=env, pg_url=pg_url, facts=facts)
    try:
        _copy_template(template, workdir, pg_url)
        log = (workdir / "server.log").open("wb")
        # gunicorn's sync workers close every connection after its response: runserver kept
        # connections alive and sometimes closed one just as the client reused it, which
        # schemathesis reported as a network error on a PATCH. --preload: the application is
        # loaded once, then its workers are forked, rather than each loading it again.
        site.process = subprocess.Popen(  # noqa: S603
            [sys.executable, "-m", "gunicorn", "config.wsgi", "--bind", f"127.0.0.1:{port}",
             "--workers", "3", "--preload", "--timeout", "120", "--log-level", "warning"],
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
