"""Checking rows: each one on its own (`RowParser`), then against the rest of the file
(`FileChecker`), keeping only compact keys so that memory does not grow with the rows' text."""

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.db.models import Field
from django.utils.translation import gettext as _

from marketplace.models import Category, Commune, Label
from producers.catalogue_io import values as v
from producers.catalogue_io.columns import Header
from producers.catalogue_io.report import ImportReport, RowError
from producers.catalogue_io.text import clean_line, clean_text, fold, name_key, unescape_formula
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
            categories.setdefault(fold(nom), pk)
            categories[fold(slug)] = pk  # a slug wins over another category's name
        return cls(
            communes=frozenset(code for code, _ in communes),
            postal_codes=frozenset(pc for _, codes in communes for pc in codes.split()),
            categories=categories,
            labels={fold(slug): pk for pk, slug in Label.objects.values_list("pk", "slug")},
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


class RowParser:
    """Cleans and checks one row on its own: no query, no memory of other rows."""

    def __init__(self, header: Header, references: References) -> None:
        self.header = header
        self.refs = references
        self.name_max = _max_length(Producer, "nom")
        self.email_max = _max_length(Producer, "email")
        self.phone_max = _max_length(Producer, "phone")
        self.producer_description_max = _max_length(Producer, "description")
        self.product_name_max = _max_length(Product, "nom")
        self.product_description_max = _max_length(Product, "description")

    def parse(self, line: int, cells: list[str]) -> tuple[CatalogueRow | None, list[RowError]]:
        errors: list[RowError] = []
        if len(cells) > self.header.width and any(c.strip() for c in cells[self.header.width:]):
            errors.append(RowError(line, None, _(
                "la ligne a des valeurs au-delà des %(width)s colonnes de l'en-tête (un "
                "séparateur « ; » ou « , » dans un texte sans guillemets ?)"
            ) % {"width": self.header.width}))

        def cell(column: str, multiline: bool = False) -> str:
            position = self.header.positions.get(column)
            if position is None or position >= len(cells):
                return ""
            raw = unescape_formula(cells[position])
            return clean_text(raw) if multiline else clean_line(raw)

        def check[T](column: str, parse: Callable[[str], T], value: str) -> T | None:
            try:
                return parse(value)
            except v.CellError as exc:
                errors.append(RowError(line, self.header.label(column), str(exc)))
                return None

        refs = self.refs
        siret = check("producer_siret", v.parse_siret, cell("producer_siret"))
        producer_name = check("producer_name", self._producer_name, cell("producer_name"))
        commune = check("producer_commune_insee", lambda s: v.parse_commune(
            s, communes=refs.communes, postal_codes=refs.postal_codes,
            territory=refs.territory), cell("producer_commune_insee"))
        email = check("producer_email", lambda s: v.parse_email(s, self.email_max),
                      cell("producer_email"))
        phone = check("producer_phone", v.parse_phone, cell("producer_phone"))
        producer_description = check(
            "producer_description", lambda s: v.limit(s, self.producer_description_max),
            cell("producer_description", multiline=True))
        product_name = check("product_name", self._product_name, cell("product_name"))
        category = check("product_category", lambda s: v.parse_category(s, refs.categories),
                         cell("product_category"))
        product_description = check(
            "product_description", lambda s: v.limit(s, self.product_description_max),
            cell("product_description", multiline=True))
        price = check("price", v.parse_price, cell("price"))
        unit = check("unit", v.parse_unit, cell("unit"))
        stock = check("stock", v.parse_stock, cell("stock"))
        labels = check("labels", lambda s: v.parse_labels(s, refs.labels), cell("labels"))
        if errors:
            return None, errors
        assert siret is not None and producer_name is not None and commune is not None
        assert email is not None and phone is not None and producer_description is not None
        assert product_name is not None and category is not None and price is not None
        assert product_description is not None and unit is not None and labels is not None
        return CatalogueRow(
            line=line,
            producer=ProducerValues(siret=siret, nom=producer_name, commune_id=commune,
                                    email=email, phone=phone, description=producer_description),
            nom=product_name, category_id=category, description=product_description,
            price=price, unit=unit, stock=stock, label_ids=labels,
        ), []

    def _producer_name(self, value: str) -> str:
        return v.limit(v.required(value, _("nom du producteur manquant.")), self.name_max)

    def _product_name(self, value: str) -> str:
        return v.limit(v.required(value, _("nom du produit manquant.")), self.product_name_max)

    def keys(self, cells: list[str]) -> tuple[str | None, str | None]:
        """The row's SIRET and product key when both are readable, for the duplicate check of a
        row refused for other reasons."""
        def raw(column: str) -> str:
            position = self.header.positions[column]
            return clean_line(cells[position]) if position < len(cells) else ""
        try:
            return v.parse_siret(raw("producer_siret")), name_key(raw("product_name")) or None
        except v.CellError:
            return None, None


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
            self.producers[new.siret] = _SeenProducer(line=row.line, values=new)
            return []
        errors = []
        header = self.parser.header
        for column, attribute in (("producer_name", "nom"), ("producer_commune_insee",
                                  "commune_id"), ("producer_email", "email"),
                                  ("producer_phone", "phone"),
                                  ("producer_description", "description")):
            old_value, new_value = getattr(seen.values, attribute), getattr(new, attribute)
            if old_value == new_value or (column not in ("producer_name",
                                                         "producer_commune_insee")
                                          and not (old_value and new_value)):
                continue
            errors.append(RowError(row.line, header.label(column), _(
                "le SIRET %(siret)s figure ligne %(first)s avec une autre valeur "
                "(« %(old)s ») : un producteur a les mêmes informations sur toutes ses lignes."
            ) % {"siret": new.siret, "first": seen.line, "old": _short(old_value)}))
        if not errors:
            for attribute in ("email", "phone", "description"):
                if not getattr(seen.values, attribute):
                    setattr(seen.values, attribute, getattr(new, attribute))
        return errors

    def importable_producers(self) -> dict[str, ProducerValues]:
        return {siret: seen.values for siret, seen in self.producers.items() if seen.importable}


def _short(text: str, size: int = 60) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"
