"""Checking rows: each one on its own (`RowParser`), then against the rest of the file
(`FileChecker`), keeping only compact keys so that memory does not grow with the rows' text."""

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import lru_cache
from typing import Any

from django.conf import settings
from django.db.models import Field
from django.utils.translation import gettext as _

from marketplace.common.spreadsheet import unescape_formula
from marketplace.common.text import clean_line, clean_text, fold_words, name_key
from marketplace.reference.models import Category, Commune, Label
from producers.catalogue_io import values as v
from producers.catalogue_io.columns import COLUMNS, Header
from producers.catalogue_io.report import ImportReport, RowError
from producers.models import Producer, Product


def _max_length(model: type[Producer] | type[Product], name: str) -> int:
    field = model._meta.get_field(name)
    assert isinstance(field, Field) and field.max_length is not None
    return field.max_length


@dataclass(frozen=True)
class References:
    """The reference data rows are checked against, loaded once per import (a few hundred)."""

    communes: frozenset[str]
    postal_codes: frozenset[str]
    categories: dict[str, int]
    labels: dict[str, int]
    territory: str

    @classmethod
    def load(cls) -> "References":
        communes = Commune.objects.in_territory().values_list("code_insee", "codes_postaux")
        categories: dict[str, int] = {}
        for pk, slug, nom in Category.objects.values_list("pk", "slug", "nom"):
            categories.setdefault(fold_words(nom), pk)
            categories[fold_words(slug)] = pk  # a slug wins over another category's name
        return cls(
            communes=frozenset(code for code, _ in communes),
            postal_codes=frozenset(pc for _, codes in communes for pc in codes.split()),
            categories=categories,
            labels={fold_words(slug): pk for pk, slug in Label.objects.values_list("pk", "slug")},
            territory=settings.TERRITORY_NAME,
        )


@dataclass(slots=True)
class ProducerValues:
    siret: str
    nom: str
    commune_id: str
    email: str
    phone: str
    description: str


@dataclass(slots=True)
class CatalogueRow:
    """One valid row, cleaned. Columns absent from the file hold their defaults."""

    line: int
    producer: ProducerValues
    nom: str
    category_id: int
    description: str
    price: Decimal
    unit: str
    stock: int | None
    label_ids: frozenset[int]

    @property
    def key(self) -> str:
        return name_key(self.nom)


PRODUCER_COLUMNS = COLUMNS[:6]
PRODUCER_FIELDS = ("siret", "nom", "commune_id", "email", "phone", "description")
MERGED = ("email", "phone", "description")  # a blank cell takes the producer's other rows' value
PRODUCT_COLUMNS = COLUMNS[6:]
MULTILINE = frozenset({"producer_description", "product_description"})
# Pure functions of a cell's text that repeat across rows (a category, a unit, a price…):
# their results are cached, which matters at 40,000 rows and two passes.
CACHED = frozenset({"product_category", "price", "unit", "stock", "labels"})
Problems = tuple[tuple[str, str], ...]  # (column, reason)


class RowParser:
    """Cleans and checks one row on its own: no query, no memory of other rows (but caches:
    a producer's cells repeat on each of its rows and are checked once)."""

    def __init__(self, header: Header, references: References) -> None:
        self.header = header
        refs = references
        name_max = _max_length(Producer, "nom")
        email_max = _max_length(Producer, "email")
        producer_description_max = _max_length(Producer, "description")
        product_name_max = _max_length(Product, "nom")
        product_description_max = _max_length(Product, "description")
        self.parsers: dict[str, Callable[[str], Any]] = {
            "producer_siret": v.parse_siret,
            "producer_name": lambda s: v.limit(
                v.required(s, lambda: _("nom du producteur manquant.")), name_max),
            "producer_commune_insee": lambda s: v.parse_commune(
                s, communes=refs.communes, postal_codes=refs.postal_codes,
                territory=refs.territory),
            "producer_email": lambda s: v.parse_email(s, email_max),
            "producer_phone": v.parse_phone,
            "producer_description": lambda s: v.limit(s, producer_description_max),
            "product_name": lambda s: v.limit(
                v.required(s, lambda: _("nom du produit manquant.")), product_name_max),
            "product_category": lambda s: v.parse_category(s, refs.categories),
            "product_description": lambda s: v.limit(s, product_description_max),
            "price": v.parse_price,
            "unit": v.parse_unit,
            "stock": v.parse_stock,
            "labels": lambda s: v.parse_labels(s, refs.labels),
        }
        for column in CACHED:
            self.parsers[column] = lru_cache(maxsize=4096)(self.parsers[column])
        self._producer = lru_cache(maxsize=1024)(self._parse_producer)
        self._positions = [(header.positions.get(c), c in MULTILINE) for c in COLUMNS]

    def texts(self, cells: list[str]) -> list[str]:
        """The cells in `COLUMNS` order, cleaned; "" for a column absent from the file."""
        texts = []
        for position, multiline in self._positions:
            if position is None or position >= len(cells):
                texts.append("")
                continue
            raw = unescape_formula(cells[position])
            texts.append(clean_text(raw) if multiline else clean_line(raw))
        return texts

    def _parse_producer(self, texts: tuple[str, ...]) -> tuple[ProducerValues | None, Problems]:
        values, problems = self._parse(PRODUCER_COLUMNS, texts)
        if problems:
            return None, problems
        return ProducerValues(*values), ()

    def _parse(self, columns: tuple[str, ...], texts: Sequence[str]) -> tuple[list[Any],
                                                                                Problems]:
        values: list[Any] = []
        problems: list[tuple[str, str]] = []
        for column, text in zip(columns, texts, strict=True):
            try:
                values.append(self.parsers[column](text))
            except v.CellError as exc:
                problems.append((column, str(exc)))
        return values, tuple(problems)

    def parse(self, line: int, cells: list[str]) -> tuple[CatalogueRow | None, list[RowError]]:
        errors: list[RowError] = []
        width = self.header.width
        if len(cells) > width and any(c.strip() for c in cells[width:]):
            errors.append(RowError(line, None, _(
                "la ligne a des valeurs au-delà des %(width)s colonnes de l'en-tête (un "
                "séparateur « ; » ou « , » dans un texte sans guillemets ?)"
            ) % {"width": width}))
        texts = self.texts(cells)
        producer, producer_problems = self._producer(tuple(texts[:len(PRODUCER_COLUMNS)]))
        values, product_problems = self._parse(PRODUCT_COLUMNS, texts[len(PRODUCER_COLUMNS):])
        errors.extend(RowError(line, self.header.label(column), reason)
                      for column, reason in (*producer_problems, *product_problems))
        if errors or producer is None:
            return None, errors
        nom, category_id, description, price, unit, stock, label_ids = values
        return CatalogueRow(line=line, producer=producer, nom=nom, category_id=category_id,
                            description=description, price=price, unit=unit, stock=stock,
                            label_ids=label_ids), []

    def keys(self, cells: list[str]) -> tuple[str | None, str | None]:
        """The row's SIRET and product key when both are readable, for the duplicate check of a
        row refused for other reasons."""
        texts = self.texts(cells)
        try:
            siret = v.parse_siret(texts[COLUMNS.index("producer_siret")])
        except v.CellError:
            return None, None
        return siret, name_key(texts[COLUMNS.index("product_name")]) or None


def _digest(*parts: str) -> bytes:
    return hashlib.blake2b("\x1f".join(parts).encode(), digest_size=16).digest()


@dataclass(slots=True)
class _SeenProducer:
    line: int
    values: ProducerValues
    importable: bool = False  # at least one row of it is valid


@dataclass
class FileChecker:
    """Checks every row and the file's consistency in one streaming pass.

    Keeps one entry per producer (thousands) and a 16-byte digest per product (tens of
    thousands), never the rows themselves: the writer reads the file a second time.
    """

    parser: RowParser
    report: ImportReport
    producers: dict[str, _SeenProducer] = field(default_factory=dict)
    products: dict[bytes, int] = field(default_factory=dict)

    def check(self, line: int, cells: list[str]) -> None:
        row, errors = self.parser.parse(line, cells)
        if row is not None:
            errors = self._consistency(row)
        else:
            siret, key = self.parser.keys(cells)
            if siret and key:
                self.products.setdefault(_digest(siret, key), line)
        for error in errors:
            self.report.refuse(error)
        if row is not None and not errors:
            self.producers[row.producer.siret].importable = True

    def _consistency(self, row: CatalogueRow) -> list[RowError]:
        errors = self._same_producer(row)
        digest = _digest(row.producer.siret, row.key)
        first = self.products.setdefault(digest, row.line)
        if first != row.line:
            errors.append(RowError(row.line, self.parser.header.label("product_name"), _(
                "« %(name)s » figure déjà ligne %(first)s pour le même producteur (SIRET "
                "%(siret)s)."
            ) % {"name": row.nom, "first": first, "siret": row.producer.siret}))
        return errors

    def _same_producer(self, row: CatalogueRow) -> list[RowError]:
        """One SIRET, one producer: the same name and commune on every row; an e-mail, phone or
        presentation given twice must be the same (a blank cell takes the other rows' value)."""
        new = row.producer
        seen = self.producers.get(new.siret)
        if seen is None:
            # A copy: the merge below must not change the parser's cached values.
            self.producers[new.siret] = _SeenProducer(line=row.line, values=replace(new))
            return []
        errors = []
        header = self.parser.header
        for column, attribute in zip(PRODUCER_COLUMNS[1:], PRODUCER_FIELDS[1:], strict=True):
            old_value, new_value = getattr(seen.values, attribute), getattr(new, attribute)
            if old_value == new_value or (attribute in MERGED and not (old_value and new_value)):
                continue
            errors.append(RowError(row.line, header.label(column), _(
                "le SIRET %(siret)s figure ligne %(first)s avec une autre valeur "
                "(« %(old)s ») : un producteur a les mêmes informations sur toutes ses lignes."
            ) % {"siret": new.siret, "first": seen.line, "old": _short(old_value)}))
        if not errors:
            for attribute in MERGED:
                if not getattr(seen.values, attribute):
                    setattr(seen.values, attribute, getattr(new, attribute))
        return errors

    def importable_producers(self) -> dict[str, ProducerValues]:
        return {siret: seen.values for siret, seen in self.producers.items() if seen.importable}


def _short(text: str, size: int = 60) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"
