"""Exporting every public product in the import's columns, so that the file can be edited in a
spreadsheet and imported back (an unchanged export imports as "nothing changed").

CSV is written for French Excel: UTF-8 with BOM, `;` separator, decimal comma. Cells that a
spreadsheet would run as formulas are escaped (CSV) or typed as text (XLSX).
"""

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import IO, Literal

from django.db.models import Prefetch

from marketplace.common.spreadsheet import escape_formula
from marketplace.reference.models import Label
from producers.catalogue_io.columns import COLUMNS
from producers.models import Product

Format = Literal["csv", "xlsx"]
FORMATS: tuple[Format, ...] = ("csv", "xlsx")
CHUNK = 2000


@dataclass(frozen=True)
class ExportResult:
    products: int
    without_siret: int  # rows that cannot be imported back (the producer has no SIRET)


def _public_products() -> Iterator[Product]:
    return (
        Product.objects.published()
        .select_related("producer", "category")
        .only("nom", "description", "price", "unit", "stock", "category__slug",
              "producer__siret", "producer__nom", "producer__commune_id", "producer__email",
              "producer__phone", "producer__description")
        .prefetch_related(Prefetch("labels", queryset=Label.objects.only("slug")))
        .order_by("producer__nom", "producer_id", "nom", "pk")
        .iterator(chunk_size=CHUNK)
    )


def catalogue_values() -> Iterator[list[str | Decimal | int | None]]:
    """One list per public product, in `COLUMNS` order, with typed price and stock."""
    for product in _public_products():
        producer = product.producer
        yield [
            producer.siret or "", producer.nom, producer.commune_id, producer.email,
            producer.phone, producer.description, product.nom, product.category.slug,
            product.description, product.price, product.unit, product.stock,
            "|".join(sorted(label.slug for label in product.labels.all())),
        ]


def catalogue_export(*, out: IO[bytes], file_format: Format = "csv") -> ExportResult:
    if file_format == "xlsx":
        return _export_xlsx(out)
    return _export_csv(out)


def _french_decimal(value: Decimal) -> str:
    return format(value, "f").replace(".", ",")


def _export_csv(out: IO[bytes]) -> ExportResult:
    text = io.TextIOWrapper(out, encoding="utf-8-sig", newline="")
    try:
        writer = csv.writer(text, delimiter=";", lineterminator="\r\n")
        writer.writerow(COLUMNS)
        count = without_siret = 0
        for values in catalogue_values():
            writer.writerow([
                "" if value is None
                else _french_decimal(value) if isinstance(value, Decimal)
                else escape_formula(value) if isinstance(value, str)
                else value
                for value in values
            ])
            count += 1
            without_siret += not values[0]
        text.flush()
    finally:
        text.detach()  # the caller owns (and closes) the binary file
    return ExportResult(products=count, without_siret=without_siret)


def _export_xlsx(out: IO[bytes]) -> ExportResult:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("catalogue")
    price_column = COLUMNS.index("price")

    def cell(value: object, column: int) -> WriteOnlyCell:
        written = WriteOnlyCell(sheet, value=value)
        if isinstance(value, str):
            written.data_type = "s"  # never a formula, whatever the text starts with
        elif column == price_column:
            written.number_format = "0.00"
        return written

    sheet.append(list(COLUMNS))
    count = without_siret = 0
    for values in catalogue_values():
        sheet.append([cell(value, column) for column, value in enumerate(values)])
        count += 1
        without_siret += not values[0]
    workbook.save(out)  # type: ignore[arg-type]
    return ExportResult(products=count, without_siret=without_siret)
