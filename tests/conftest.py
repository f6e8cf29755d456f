"""Shared fixtures: the Lot's communes, factories, and test-friendly settings."""

import os
import tempfile
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command

from marketplace.reference.models import Category, Commune, Label
from marketplace.reference.taxonomy import load_taxonomy
from marketplace.reference.territory import communes_import

LOT_COMMUNES = 312


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


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
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


@pytest.fixture
def demo_data(lot_communes):
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
