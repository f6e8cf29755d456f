"""The commune box of the pages, read the way residents type it: a postal code (46100 is
Figeac's, though it is also the INSEE code of Faycelles), a name with ligatures or
abbreviations (« coeur de causse », « st cere »), or « Figeac (46102) » as the autocompletion
writes it. The API keeps the contract's INSEE code (`results.resolve_commune`).
"""

from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from marketplace.directory.results import resolve_commune
from marketplace.reference.models import Commune, commune_slug

ALTERNATIVES = 4
SUGGESTIONS = 3
SUGGESTION_SCORE = 75  # rapidfuzz's 0–100 similarity, below which a name is not suggested


@dataclass
class Place:
    """What the commune box was read as: the commune used (None: unknown), the other communes
    it could have meant (a one-click switch), or the closest names when it is unknown."""

    text: str
    commune: Commune | None = None
    alternatives: list[Commune] = field(default_factory=list)
    suggestions: list[Commune] = field(default_factory=list)

    @property
    def label(self) -> str:
        return f"{self.commune.nom} ({self.commune.code_insee})" if self.commune else self.text


def _label_code(text: str) -> str | None:
    """The code of « Figeac (46102) »: the autocompletion's choice, an INSEE code."""
    text = text.strip()
    if text.endswith(")") and "(" in text:
        return text[text.rindex("(") + 1:-1].strip()
    return None


def resolve_place(text: str) -> Place:
    text = text.strip()[:120]
    place = Place(text=text)
    if not text:
        return place
    if _label_code(text) is None and len(text) == 5 and text.isdigit():
        return _postal_code(place)
    place.commune = resolve_commune(text)
    if place.commune is None:
        place.suggestions = closest(text)
    return place


def _postal_code(place: Place) -> Place:
    """The most populated commune of the postal code; the commune with that INSEE code and the
    code's other communes as alternatives. Not a postal code: the INSEE code."""
    communes = Commune.objects.in_territory().select_related("epci")
    sharing = list(communes.filter(codes_postaux__contains=place.text)
                   .order_by("-population", "nom")[:ALTERNATIVES + 1])
    sharing = [c for c in sharing if place.text in c.codes_postaux.split()]
    by_insee = communes.filter(code_insee=place.text).first()
    if not sharing:
        place.commune = by_insee
        if by_insee is None:
            place.suggestions = []
        return place
    place.commune = sharing[0]
    others = [c for c in sharing[1:] if c != by_insee]
    place.alternatives = ([by_insee] if by_insee and by_insee != place.commune else []) + others
    place.alternatives = place.alternatives[:ALTERNATIVES]
    return place


def closest(text: str) -> list[Commune]:
    """The territory's communes whose names are closest to the text (« St-Cirq-Lapopie » →
    Saint-Cirq-Lapopie, « Figeak » → Figeac), best first."""
    key = commune_slug(text).replace("-", " ")
    if len(key) < 3:
        return []
    names = dict(Commune.objects.in_territory().values_list("code_insee", "slug"))
    found = process.extract(key, {code: slug.replace("-", " ") for code, slug in names.items()},
                            scorer=fuzz.WRatio, limit=SUGGESTIONS,
                            score_cutoff=SUGGESTION_SCORE)
    codes = [code for _, _, code in found]
    communes = Commune.objects.in_bulk(codes)
    return [communes[c] for c in codes if c in communes]
