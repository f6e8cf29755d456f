"""Files as people really have them: CSV variants, XLSX and ODS."""

import codecs
import csv
import io
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from django.core.management.base import CommandError

from producers.catalogue_io import COLUMNS
from producers.models import Producer, Product
from tests.producers.conftest_import import (  # noqa: F401 - fixtures
    SIRET_A,
    catalogue_fixture,
    row,
    run,
)

pytestmark = pytest.mark.django_db


def _csv_text(rows: list[dict[str, str]], delimiter: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows([[r[c] for c in COLUMNS] for r in rows])
    return out.getvalue()


ROWS = [row(producer_name="Fromagerie É Œ", product_description="Ligne 1\nLigne 2 ; « bio »"),
        row(producer_name="Fromagerie É Œ", product_name="Cabécou", price="1,80 €", stock="")]


@pytest.mark.parametrize(("delimiter", "encoding", "bom"), [
    (";", "cp1252", b""),
    (";", "utf-8", b""),
    (";", "utf-8", codecs.BOM_UTF8),
    (",", "utf-8", b""),
    (",", "utf-8", codecs.BOM_UTF8),
    ("\t", "utf-16-le", codecs.BOM_UTF16_LE),  # Excel's « Texte Unicode »
], ids=["semicolon-cp1252", "semicolon-utf8", "semicolon-utf8-bom", "comma-utf8",
        "comma-utf8-bom", "tab-utf16"])
def test_csv_separator_and_encoding_are_detected(tmp_path, lot_communes, delimiter, encoding,
                                                 bom):
    path = tmp_path / "catalogue.csv"
    path.write_bytes(bom + _csv_text(ROWS, delimiter).encode(encoding))

    code, out, _err = run("import_catalogue", str(path))

    assert code == 0, out
    farm = Producer.objects.get()
    assert farm.nom == "Fromagerie É Œ"
    cheese = farm.products.get(nom="Rocamadour AOP")
    assert cheese.description == "Ligne 1\nLigne 2 ; « bio »"
    assert farm.products.get(nom="Cabécou").price == Decimal("1.80")


def test_a_cp1252_file_whose_first_rows_are_plain_ascii_is_still_read_right(
    tmp_path, lot_communes
):
    rows = [row(product_name=f"Produit {n}") for n in range(300)] + [
        row(product_name="Crème fraîche")]
    path = tmp_path / "catalogue.csv"
    path.write_bytes(_csv_text(rows, ";").encode("cp1252"))

    code, _out, _err = run("import_catalogue", str(path))

    assert code == 0
    assert Product.objects.filter(nom="Crème fraîche").exists()


def test_xlsx_with_typed_cells_imports(tmp_path, lot_communes):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append([c.upper() for c in COLUMNS])
    values = row(product_name="Cabécou")
    typed = {**values, "producer_siret": int(SIRET_A), "producer_commune_insee": 46042,
             "price": 2.5, "stock": 40.0}
    sheet.append([typed[c] for c in COLUMNS])
    sheet.append([])  # a blank row in the middle
    sheet.append([{**values, "product_name": "Rocamadour", "price": 0.1 + 0.2}[c]
                  for c in COLUMNS])
    path = tmp_path / "catalogue.xlsx"
    workbook.save(path)

    code, out, _err = run("import_catalogue", str(path))

    assert code == 0, out
    cabecou = Product.objects.get(nom="Cabécou")
    assert (cabecou.producer.siret, cabecou.producer.commune_id) == (SIRET_A, "46042")
    assert (cabecou.price, cabecou.stock) == (Decimal("2.50"), 40)
    assert Product.objects.get(nom="Rocamadour").price == Decimal("0.30")


def test_xlsx_bad_rows_are_named_by_their_spreadsheet_row(tmp_path, lot_communes):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(list(COLUMNS))
    sheet.append([row()[c] for c in COLUMNS])
    sheet.append([])
    sheet.append([row(product_name="Cabécou", unit="caisse")[c] for c in COLUMNS])
    path = tmp_path / "catalogue.xlsx"
    workbook.save(path)

    code, out, _err = run("import_catalogue", str(path))

    assert code == 1
    assert "ligne 4, colonne unit : unité inconnue : « caisse »" in out
    assert Product.objects.count() == 0


def _write_ods(path: Path, rows: list[list[object]]) -> None:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    table = Table(name="Catalogue")
    for values in rows:
        table_row = TableRow()
        for value in values:
            if isinstance(value, int | float):
                cell = TableCell(valuetype="float", value=value)
                cell.addElement(P(text=str(value)))
            else:
                cell = TableCell(valuetype="string")
                for paragraph in str(value).split("\n"):
                    cell.addElement(P(text=paragraph))
            table_row.addElement(cell)
        # LibreOffice pads rows to the sheet's width with one repeated empty cell.
        table_row.addElement(TableCell(numbercolumnsrepeated=1000))
        table.addElement(table_row)
    table.addElement(TableRow(numberrowsrepeated=1_000_000))
    document.spreadsheet.addElement(table)
    document.save(str(path))


def test_ods_from_libreoffice_imports(tmp_path, lot_communes):
    values = row(product_description="Première ligne\nDeuxième ligne", stock="")
    typed = {**values, "producer_siret": SIRET_A, "price": 2.5}
    path = tmp_path / "catalogue.ods"
    _write_ods(path, [list(COLUMNS), [typed[c] for c in COLUMNS]])

    code, out, _err = run("import_catalogue", str(path))

    assert code == 0, out
    cheese = Product.objects.get()
    assert (cheese.price, cheese.stock) == (Decimal("2.50"), None)
    assert cheese.description == "Première ligne\nDeuxième ligne"
    assert cheese.producer.siret == SIRET_A


def test_a_file_that_is_no_spreadsheet_is_refused(tmp_path, lot_communes):
    import zipfile

    path = tmp_path / "photos.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("photo.jpg", b"\xff\xd8")

    with pytest.raises(CommandError, match="format de fichier non reconnu"):
        run("import_catalogue", str(path))


def test_an_empty_file_is_refused(tmp_path, lot_communes):
    path = tmp_path / "vide.csv"
    path.write_bytes(b"")

    with pytest.raises(CommandError, match="le fichier est vide"):
        run("import_catalogue", str(path))


def test_a_header_alone_imports_nothing(catalogue):
    code, out, _err = run("import_catalogue", str(catalogue([])))

    assert code == 0
    assert Producer.objects.count() == 0
    assert "Rien n'a changé" in out


def test_a_duplicated_column_is_refused_before_any_row(catalogue):
    path = catalogue([row()], columns=[*COLUMNS, "Prix"])

    with pytest.raises(CommandError, match="la colonne price apparaît deux fois"):
        run("import_catalogue", str(path))


def _bomb_ods(path: Path, *, columns: int = 1, rows: int = 1) -> None:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    table = Table(name="Catalogue")
    header = TableRow()
    for column in COLUMNS:
        cell = TableCell(valuetype="string")
        cell.addElement(P(text=column))
        header.addElement(cell)
    table.addElement(header)
    bomb = TableRow(numberrowsrepeated=rows)
    cell = TableCell(valuetype="string", numbercolumnsrepeated=columns)
    cell.addElement(P(text="Rocamadour"))
    bomb.addElement(cell)
    table.addElement(bomb)
    document.spreadsheet.addElement(table)
    document.save(str(path))


@pytest.mark.parametrize(("shape", "message"), [
    ({"columns": 400_000_000}, "le classeur a plus de 100 colonnes remplies"),
    ({"rows": 400_000_000}, "ligne 2 : la même ligne est répétée 400000000 fois"),
])
def test_an_ods_cell_or_row_repeated_millions_of_times_is_refused_at_once(
    tmp_path, lot_communes, shape, message
):
    path = tmp_path / "bombe.ods"
    _bomb_ods(path, **shape)

    with pytest.raises(CommandError, match=message):
        run("import_catalogue", str(path))

    assert Product.objects.count() == 0
