"""Which drawing of static/img/illustrations.svg stands for a category, a farm or anything else.

The drawings follow the starting taxonomy's families: a kind of product (« Fromages de chèvre »)
shows its family's drawing. A category staff add later shows the basket until it has a drawing.
Decided from the slug alone, so a card needs no query for it.
"""

from marketplace.reference.taxonomy import CATEGORIES

FARM = "ferme"
ANYTHING = "panier"

FAMILY_OF: dict[str, str] = {
    slug: family
    for family, _, _, children in CATEGORIES
    for slug in (family, *(child for child, _, _ in children))
}


def art_for_category(slug: str | None) -> str:
    """The symbol id (without the `art-` prefix) for a category's slug."""
    return FAMILY_OF.get(slug or "", ANYTHING)
