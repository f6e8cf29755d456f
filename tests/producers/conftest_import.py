"""Helpers and fixtures for the catalogue import and export tests (imported by those modules)."""

import csv
import io
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from stdnum import luhn

from producers.catalogue_io import COLUMNS
from producers.models import Producer, Product

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def siret(n: int) -> str:
    """A valid SIRET: its SIREN (first 9 digits) and the whole number pass the Luhn check."""
    siren = f"{n // 10_000:08d}"
    siren += luhn.calc_check_digit(siren)
    base = f"{siren}{n % 10_000:04d}"
    return base + luhn.calc_check_digit(base)


SIRET_A = siret(461_234_560_001)
SIRET_B = siret(461_234_570_001)


def row(**overrides: str) -> dict[str, str]:
    """A valid catalogue row (Ferme du Pech, Cahors, a Rocamadour), with some cells changed."""
    values = {
        "producer_siret": SIRET_A,
        "producer_name": "Ferme du Pech",
        "producer_commune_insee": "46042",
        "producer_email": "contact@fermedupech.test",
        "producer_phone": "05 65 12 34 56",
        "producer_description": "Chèvres sur le causse.",
        "product_name": "Rocamadour AOP",
        "product_category": "fromages-de-chevre",
        "product_description": "Petit fromage de chèvre au lait cru.",
        "price": "2,50",
        "unit": "pièce",
        "stock": "40",
        "labels": "aop",
    }
    values.update(overrides)
    return values


def write_csv(path: Path, rows: Iterable[dict[str, str]], *, columns: Iterable[str] = COLUMNS,
              delimiter: str = ";", encoding: str = "utf-8") -> Path:
    columns = list(columns)
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow(columns)
        for values in rows:
            writer.writerow([values.get(c, "") for c in columns])
    return path


def run(*args: Any) -> tuple[int, str, str]:
    """Runs a management command; returns its exit code, standard output and error."""
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command(*args, stdout=out, stderr=err)
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0)
    return code, out.getvalue(), err.getvalue()


def snapshot() -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """Everything an import may write, to assert that nothing changed."""
    producers = list(Producer.objects.order_by("pk").values_list(
        "pk", "siret", "slug", "nom", "commune_id", "email", "phone", "description", "status",
        "approved_at", "updated_at"))
    products = list(Product.objects.order_by("pk").values_list(
        "pk", "producer_id", "slug", "nom", "category_id", "description", "price", "unit",
        "stock", "status", "updated_at"))
    links = list(Product.labels.through.objects.order_by("pk").values_list(
        "product_id", "label_id"))
    return producers, products, links


@pytest.fixture(name="catalogue")
def catalogue_fixture(tmp_path, lot_communes):
    """Writes a catalogue CSV in a temporary directory: `catalogue([row(), ...])`."""
    counter = iter(range(1000))

    def make(rows: Iterable[dict[str, str]], **options: Any) -> Path:
        return write_csv(tmp_path / f"catalogue-{next(counter)}.csv", rows, **options)

    return make
