"""`manage.py export_catalogue`: every public product, in the import's columns, and back."""

import codecs
import io
import sys
from decimal import Decimal
from typing import cast

import openpyxl
import pytest

from marketplace.reference.models import Label
from producers.catalogue_io import COLUMNS, catalogue_export
from producers.models import ProducerStatus, Product, ProductStatus
from tests.factories import ProducerFactory, ProductFactory, category
from tests.producers.conftest_import import FIXTURES, SIRET_A, run, snapshot

pytestmark = pytest.mark.django_db


@pytest.fixture
def shop(lot_communes):
    """An approved producer with awkward products, and non-public ones that must not leave."""
    farm = ProducerFactory(nom="Ferme « La Borie »", siret=SIRET_A,
                           email="borie@example.test", phone="05 65 12 34 56",
                           description="Chèvres ; noix\net safran.")
    cheese = cast(Product, ProductFactory(
        producer=farm, nom="Rocamadour AOP", price=Decimal("2.50"), stock=None,
        description="=HYPERLINK(\"http://x\")"))
    cheese.labels.set(Label.objects.filter(slug__in=["aop", "agriculture-biologique"]))
    ProductFactory(producer=farm, nom="Noix", category=category("noix"), unit="kg",
                   price=Decimal("1234.50"), stock=12, description="- cerneaux\n- entières")
    ProductFactory(producer=farm, nom="Brouillon", status=ProductStatus.DRAFT)
    hidden = ProducerFactory(nom="En attente", status=ProducerStatus.PENDING)
    ProductFactory(producer=hidden, nom="Invisible")
    return farm


def test_csv_export_is_for_french_excel(shop, tmp_path):
    path = tmp_path / "export.csv"

    code, _out, err = run("export_catalogue", str(path))

    assert code == 0
    assert "2 produit(s) exporté(s)." in err
    data = path.read_bytes()
    assert data.startswith(codecs.BOM_UTF8)
    lines = data.decode("utf-8-sig").split("\r\n")
    assert lines[0] == ";".join(COLUMNS)
    assert lines[1].startswith(f'{SIRET_A};Ferme « La Borie »;46042;borie@example.test;'
                               '05 65 12 34 56;"Chèvres ; noix\net safran.";Noix;noix;')
    assert ";1234,50;kg;12;" in lines[1]
    assert "\"'- cerneaux\n- entières\"" in lines[1]  # a leading dash is not a formula
    assert "'=HYPERLINK" in data.decode("utf-8-sig")
    assert ";2,50;piece;;agriculture-biologique|aop" in data.decode("utf-8-sig")
    assert "Brouillon" not in data.decode("utf-8-sig")
    assert "Invisible" not in data.decode("utf-8-sig")


def test_export_to_standard_output(shop, monkeypatch):
    buffer = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(buffer, encoding="utf-8"))

    code, _out, _err = run("export_catalogue", "-")

    assert code == 0
    assert buffer.getvalue().startswith(codecs.BOM_UTF8 + b"producer_siret;producer_name")


def test_xlsx_export_types_its_cells(shop, tmp_path):
    path = tmp_path / "export.xlsx"

    code, _out, _err = run("export_catalogue", str(path))

    assert code == 0
    sheet = openpyxl.load_workbook(path).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == COLUMNS
    assert len(rows) == 3
    noix = dict(zip(COLUMNS, rows[1], strict=True))
    assert (noix["producer_siret"], noix["producer_commune_insee"]) == (SIRET_A, "46042")
    assert (noix["price"], noix["stock"]) == (1234.5, 12)
    cheese = dict(zip(COLUMNS, rows[2], strict=True))
    assert cheese["product_description"] == "=HYPERLINK(\"http://x\")"
    assert sheet.cell(row=3, column=COLUMNS.index("product_description") + 1).data_type == "s"


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_exporting_and_importing_back_changes_nothing(shop, tmp_path, file_format):
    run("import_catalogue", str(FIXTURES / "catalogue_excel_fr.csv"))
    path = tmp_path / f"export.{file_format}"
    run("export_catalogue", str(path), "--format", file_format)
    before = snapshot()

    code, out, _err = run("import_catalogue", str(path))

    assert code == 0, out
    assert "Producteurs : 0 créé(s), 0 mis à jour, 31 inchangé(s)" in out
    assert "Produits : 0 créé(s), 0 mis à jour, 302 inchangé(s)" in out
    assert "Rien n'a changé" in out
    assert snapshot() == before


def test_the_engine_writes_to_any_binary_file(shop):
    out = io.BytesIO()

    result = catalogue_export(out=out, file_format="csv")

    assert (result.products, result.without_siret) == (2, 0)
    assert not out.closed


def test_products_of_producers_without_siret_are_exported_with_a_warning(shop, tmp_path):
    ProductFactory(producer=ProducerFactory(nom="Sans SIRET", siret=None))

    code, _out, err = run("export_catalogue", str(tmp_path / "export.csv"))

    assert code == 0
    assert "3 produit(s) exporté(s)." in err
    assert "1 produit(s) de producteurs sans SIRET" in err

