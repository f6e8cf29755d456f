"""The catalogue's columns (CONTRACT.md) and how a file's header is matched to them."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from marketplace.common.text import fold_words

# One row per product, in the contract's order (the export writes them in this order too).
COLUMNS: tuple[str, ...] = (
    "producer_siret",
    "producer_name",
    "producer_commune_insee",
    "producer_email",
    "producer_phone",
    "producer_description",
    "product_name",
    "product_category",
    "product_description",
    "price",
    "unit",
    "stock",
    "labels",
)

# Without these a row cannot be keyed or priced. The others may be left out of the file: the
# matching field of an existing producer or product is then left as it is.
REQUIRED: frozenset[str] = frozenset({
    "producer_siret", "producer_name", "producer_commune_insee",
    "product_name", "product_category", "price", "unit",
})

# Headers people actually write in a French spreadsheet, folded (see `fold_words`).
ALIASES: dict[str, str] = {
    "siret": "producer_siret",
    "producteur": "producer_name",
    "nom_du_producteur": "producer_name",
    "code_insee": "producer_commune_insee",
    "commune_insee": "producer_commune_insee",
    "email": "producer_email",
    "e_mail": "producer_email",
    "courriel": "producer_email",
    "telephone": "producer_phone",
    "produit": "product_name",
    "nom_du_produit": "product_name",
    "categorie": "product_category",
    "prix": "price",
    "prix_ttc": "price",
    "unite": "unit",
}


class HeaderError(ValueError):
    """The header cannot be used: reported before any row is read."""


@dataclass(frozen=True)
class Header:
    """Where each known column sits in the file, and how the file spells it."""

    positions: dict[str, int]
    spelled: dict[str, str]
    unknown: tuple[str, ...]
    width: int

    @property
    def present(self) -> frozenset[str]:
        return frozenset(self.positions)

    def label(self, column: str) -> str:
        """The column as the file's author wrote it, for messages."""
        return self.spelled.get(column, column)


def canonical(name: str) -> str:
    key = fold_words(name, separator="_")
    return ALIASES.get(key, key)


def parse_header(cells: list[str]) -> Header:
    positions: dict[str, int] = {}
    spelled: dict[str, str] = {}
    unknown: list[str] = []
    for index, raw in enumerate(cells):
        text = raw.strip()
        if not text:
            continue
        column = canonical(text)
        if column not in COLUMNS:
            unknown.append(text)
        elif column in positions:
            raise HeaderError(
                _("la colonne %(column)s apparaît deux fois dans l'en-tête (« %(first)s » et "
                  "« %(second)s »).") % {"column": column, "first": spelled[column],
                                         "second": text}
            )
        else:
            positions[column] = index
            spelled[column] = text
    missing = [c for c in COLUMNS if c in REQUIRED and c not in positions]
    if missing:
        raise HeaderError(
            _("colonne(s) obligatoire(s) absente(s) de l'en-tête : %(columns)s.")
            % {"columns": ", ".join(missing)}
        )
    return Header(positions=positions, spelled=spelled, unknown=tuple(unknown),
                  width=len(cells))
