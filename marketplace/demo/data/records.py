"""The shape of the demo's content: a farm (or workshop) of the Lot and what it sells."""

from dataclasses import dataclass
from typing import NamedTuple

ALL_YEAR: tuple[int, ...] = ()
WINTER = (12, 1, 2, 3)  # the black truffle's markets
SUMMER = (6, 7, 8, 9)

AB = ("agriculture-biologique",)
AOP = ("aop",)
AOC = ("aoc",)
IGP = ("igp",)
IGP_LR = ("igp", "label-rouge")
LR = ("label-rouge",)


class Item(NamedTuple):
    """One product: category slug, name, unit, size, price in euros TTC, labels, months of
    its season (none: all year), description, and the drawing to show when the category's is
    not the right one (a key of images.KINDS)."""

    category: str
    name: str
    unit: str
    size: str
    price: str
    labels: tuple[str, ...]
    months: tuple[int, ...]
    description: str
    picture: str = ""


@dataclass(frozen=True)
class Farm:
    """A demo producer. `markets` and `shop` name entries of seed.MARKETS and seed.SHOPS."""

    name: str
    commune: str  # INSEE code
    legal_name: str
    place: str  # the lieu-dit of its address
    story: str
    labels: tuple[str, ...]
    products: tuple[Item, ...]
    markets: tuple[str, ...] = ()
    shop: str = ""
    status: str = "approved"  # or "pending", "suspended"


# The weekly markets and shops of seed.MARKETS and seed.SHOPS, by the name they are listed under.
CAHORS = "Marché de Cahors, place Chapou"
FIGEAC = "Marché de Figeac"
GOURDON = "Marché de Gourdon"
SOUILLAC = "Marché de Souillac"
GRAMAT = "Marché de Gramat"
LALBENQUE = "Marché aux truffes de Lalbenque"
LIMOGNE = "Marché aux truffes de Limogne"
SAINT_CERE = "Marché de Saint-Céré"
MARTEL = "Marché de Martel"
PUY_L_EVEQUE = "Marché de Puy-l'Évêque"
PRAYSSAC = "Marché de Prayssac"
CAJARC = "Marché de Cajarc"
MONTCUQ = "Marché de Montcuq"
SHOP_CAHORS = "Magasin de producteurs Lot Fermier"
SHOP_FIGEAC = "Épicerie paysanne de Figeac"
SHOP_GOURDON = "Halle des producteurs de Gourdon"
