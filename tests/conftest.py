"""Shared fixtures: the Lot's communes, factories, and test-friendly settings."""

import pytest
from django.core.management import call_command

from marketplace.territory import communes_import


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def lot_communes(db):
    """The 312 communes of the Lot, as `import_communes` loads them."""
    communes_import(departements=["46"])


@pytest.fixture
def demo_data(lot_communes):
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
