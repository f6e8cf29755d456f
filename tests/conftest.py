"""Shared fixtures: the Lot's communes, factories, and test-friendly settings."""

import io
import os
import socket
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import pytest
from asgiref.local import Local
from django.conf import settings as django_settings
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.tasks import task_backends
from django.test import override_settings

from marketplace import search
from marketplace.curation.permissions import CCI_GROUP, cci_group_ensure
from marketplace.reference.models import Category, Commune, Label
from marketplace.reference.taxonomy import load_taxonomy
from marketplace.reference.territory import communes_import
from tests.functional.live_site import (
    file_locked,
    template_build_start,
    template_drop,
    template_ready,
)

LOT_COMMUNES = 312
REDIS_TEST_URL = "redis://127.0.0.1:6379/8"


def _worker_number(worker_id: str) -> int:
    return int(worker_id[2:]) if worker_id.startswith("gw") else 0


def redis_test_url(worker_id: str) -> str | None:
    """A Redis database of this test worker's own (REDIS_URL's number plus the worker's), so
    workers never see, nor empty, each other's keys; None when no Redis server answers."""
    import redis

    base = urlsplit(django_settings.REDIS_URL or REDIS_TEST_URL)
    number = int(base.path.strip("/") or 0) + _worker_number(worker_id)
    url = urlunsplit(base._replace(path=f"/{number}"))
    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except redis.RedisError:
        return None
    return url


@pytest.fixture(scope="session", autouse=True)
def _redis_per_worker(worker_id: str) -> Iterator[None]:
    """With REDIS_URL (the production-like CI run), the cache is Redis, one database per
    worker, emptied at the start."""
    if not django_settings.REDIS_URL:
        yield
        return
    url = redis_test_url(worker_id)
    assert url, f"REDIS_URL={django_settings.REDIS_URL} but no Redis server answers"
    redis = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    with override_settings(CACHES={"default": redis, "versions": redis}):
        cache.clear()
        yield


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix: None) -> None:
    """SQLite tests run on a file in RAM rather than a shared in-memory database: threads (the
    stock and checkout races) then get connections of their own, serialized by SQLite's write
    lock and busy timeout like the site's, instead of failing on shared-cache table locks."""
    database = django_settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        ram = Path("/dev/shm") if Path("/dev/shm").is_dir() else Path(tempfile.gettempdir())
        name = f"ohmylot-test-{os.getpid()}.sqlite3"  # one per process: xdist workers too
        database.setdefault("TEST", {})["NAME"] = str(ram / name)


# The fixtures that start a live demo site (tests/functional/live_site.py).
LIVE_SITE_FIXTURES = frozenset({"live_site", "api_site", "stripe_site"})


def _run_folder(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Path:
    """A folder of this run's, shared by its xdist workers (each has its own basetemp in it)."""
    base = tmp_path_factory.getbasetemp()
    return (base.parent if worker_id != "master" else base) / "demo-template"


@pytest.fixture(scope="session", autouse=True)
def _demo_template_early(request: pytest.FixtureRequest,
                         tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> None:
    """When the run has tests on a live demo site, its template starts building at once in
    the background (see live_site.py), while the workers run the other tests."""
    if any(LIVE_SITE_FIXTURES.intersection(item.fixturenames)  # type: ignore[attr-defined]
           for item in request.session.items):
        template_build_start(_run_folder(tmp_path_factory, worker_id))


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Path:
    """The folder of the run's demo template, once built (facts checked there)."""
    folder = _run_folder(tmp_path_factory, worker_id)
    template_ready(folder)
    return folder


def pytest_sessionfinish(session: pytest.Session) -> None:
    # The run's end, on the process that ran the workers (or the only one): the template's
    # PostgreSQL database goes; no worker copies it any more.
    if not hasattr(session.config, "workerinput"):
        template_drop()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session", autouse=True)
def _s3_media(worker_id: str) -> Iterator[None]:
    """TEST_STORAGE=s3 (the production-like CI run): every upload of the suite goes to an S3
    server (moto's, started here on loopback), in a bucket of this test worker's own."""
    if os.environ.get("TEST_STORAGE", "filesystem") != "s3":
        yield
        return
    import boto3
    from moto.server import ThreadedMotoServer

    port = _free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    bucket = f"test-media-{_worker_number(worker_id)}"
    boto3.client("s3", endpoint_url=endpoint, aws_access_key_id="testing",
                 aws_secret_access_key="testing", region_name="eu-west-3").create_bucket(
        Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": "eu-west-3"})
    storage = {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": {
        "bucket_name": bucket, "endpoint_url": endpoint, "access_key": "testing",
        "secret_key": "testing", "region_name": "eu-west-3", "addressing_style": "path",
        "file_overwrite": False, "querystring_auth": False}}
    try:
        with override_settings(STORAGES={**django_settings.STORAGES, "default": storage}):
            yield
    finally:
        server.stop()


def stored_files(folder: str = "") -> set[str]:
    """Every file name under `folder` in the default storage (local files or a bucket)."""
    from django.core.files.storage import default_storage

    try:
        folders, files = default_storage.listdir(folder)
    except FileNotFoundError:
        return set()
    prefix = f"{folder.rstrip('/')}/" if folder else ""
    found = {f"{prefix}{name}" for name in files}
    for sub in folders:
        found |= stored_files(f"{prefix}{sub}")
    return found


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    # Rate-limit counters and lockouts live in the cache: each test starts with none.
    cache.clear()
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


def _reference_data() -> None:
    """The Lot's 312 communes (as `import_communes` loads them) and the shipped taxonomy (as
    its migration loads it), unless they are there already."""
    if Commune.objects.count() < LOT_COMMUNES:
        communes_import(departements=["46"])
    if not Category.objects.exists():
        load_taxonomy(Category, Label)
    if not Group.objects.filter(name=CCI_GROUP).exists():
        cci_group_ensure()  # a migration's data too (flushed by transactional tests, the demo)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: None, django_db_blocker: Any) -> None:
    """Reference data loaded once per test database, not once per test: every test runs in a
    transaction that is rolled back, so they stay."""
    with django_db_blocker.unblock():
        _reference_data()


@pytest.fixture
def lot_communes(db: None) -> None:
    """The communes of the Lot; a transactional test before this one may have emptied the
    database (it is flushed after each), so they come back if needed."""
    _reference_data()


def _sqlite_copy(source: Path | sqlite3.Connection, target: Path | sqlite3.Connection) -> None:
    """The whole of one SQLite database written over another (SQLite's online backup), a file
    or the test database's open connection: milliseconds, where seeding the demo costs seconds."""
    opened = [sqlite3.connect(db) if isinstance(db, Path) else db for db in (source, target)]
    try:
        opened[0].backup(opened[1])
    finally:
        for db, given in zip(opened, (source, target), strict=True):
            if db is not given:
                db.close()


@pytest.fixture(scope="module")
def demo_data(django_db_setup: None, django_db_blocker: Any,
              tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Iterator[None]:
    """The demo directory, seeded once for a module whose tests all read it (each inside its
    own rolled-back transaction), then removed so that the next modules find the database as
    they expect it: seeding costs seconds, a transaction nothing. On SQLite the demo is seeded
    once per run, by the first test worker that needs it, and kept as a copy of its database
    that is written over the test database for each module; the database as the module found
    it is written back after it."""
    if connection.vendor == "sqlite":
        yield from _demo_data_sqlite(django_db_blocker, tmp_path_factory, worker_id)
        return
    with django_db_blocker.unblock():
        _demo_seed(tmp_path_factory)
    yield
    with django_db_blocker.unblock():
        # Every table emptied (the demo reaches orders, payments, the audit trail…), then the
        # reference data back: what the next modules expect.
        call_command("flush", interactive=False, verbosity=0)
        search.clear()
        _reference_data()
    cache.clear()


def _demo_seed(tmp_path_factory: pytest.TempPathFactory) -> None:
    media = tmp_path_factory.mktemp("demo-media")
    hashers = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with override_settings(MEDIA_ROOT=media, PASSWORD_HASHERS=hashers):
        _reference_data()
        call_command("seed_demo", stdout=io.StringIO())


def _demo_data_sqlite(django_db_blocker: Any, tmp_path_factory: pytest.TempPathFactory,
                      worker_id: str) -> Iterator[None]:
    shared = _run_folder(tmp_path_factory, worker_id).parent / "demo-database"
    shared.mkdir(exist_ok=True)
    found = tmp_path_factory.mktemp("demo-found") / "found.sqlite3"
    seeded = shared / "seeded.sqlite3"
    with django_db_blocker.unblock():
        connection.ensure_connection()
        _sqlite_copy(connection.connection, found)
        # The other worker, if it needs the demo meanwhile, waits for this one's copy.
        with file_locked(shared / "seed.lock"):
            if seeded.exists():
                _sqlite_copy(seeded, connection.connection)
            else:
                _demo_seed(tmp_path_factory)
                _sqlite_copy(connection.connection, seeded.with_suffix(".tmp"))
                seeded.with_suffix(".tmp").rename(seeded)
        _forget_database_caches()
    try:
        yield
    finally:
        with django_db_blocker.unblock():
            _sqlite_copy(found, connection.connection)
            _forget_database_caches()


def _forget_database_caches() -> None:
    # Rows written back under the process's feet: what it remembers of them goes.
    ContentType.objects.clear_cache()
    cache.clear()


def _forget_backends() -> None:
    # Django builds the task backends once from TASKS; this test changes TASKS.
    task_backends._settings = None  # type: ignore[attr-defined]
    task_backends.__dict__.pop("settings", None)
    task_backends._connections = Local(task_backends.thread_critical)  # type: ignore[attr-defined]


@pytest.fixture
def database_backend(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    _forget_backends()
    yield
    settings.TASKS = django_settings.TASKS
    _forget_backends()


def work_queued_tasks() -> None:
    """What `manage.py db_worker` does, once: run every task due, then stop."""
    call_command("db_worker", "--batch", "--interval", "0", verbosity=0)
