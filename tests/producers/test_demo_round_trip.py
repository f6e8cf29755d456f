"""The demo directory exported then imported again changes nothing (CSV and XLSX)."""

import pytest

from producers.models import Product
from tests.producers.conftest_import import run, snapshot

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_data")]


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_the_demo_directory_comes_back_unchanged(tmp_path, file_format):
    path = tmp_path / f"demo.{file_format}"
    code, _out, err = run("export_catalogue", str(path), "--format", file_format)
    assert code == 0
    exported = int(err.split()[0])
    assert exported == Product.objects.published().count() > 300
    before = snapshot()

    code, out, err = run("import_catalogue", str(path))

    assert code == 0, err
    assert f"Produits : 0 créé(s), 0 mis à jour, {exported} inchangé(s)" in out
    assert snapshot() == before
