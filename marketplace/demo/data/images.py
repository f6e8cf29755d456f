"""Photos for the demo data, drawn with Pillow (no download, no stock photo, no text in them).

A product's photo shows its kind on a table (cheeses on a slate, bottles, jars, loaves, eggs in
straw…); a farm's photo is a Quercy landscape (causse hills, a stone house, a pigeonnier, walnut
trees). The same title gives the same picture; the drawing is done at twice the size, then
reduced, which smooths its edges.
"""

import io
import random
import zlib
from collections.abc import Callable
from functools import lru_cache

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw, ImageFilter

from marketplace.demo.data import drawing as d

SCALE = 2
W, H = 640 * SCALE, 480 * SCALE

# Category slug -> (surface, what stands on it). Families without a kind of their own fall back
# to their family's entry, then to a basket of vegetables.
Drawer = Callable[[d.Pen, random.Random, int, int], None]
KINDS: dict[str, tuple[str, Drawer]] = {
    "legumes": ("wood", d.vegetables),
    "fruits": ("linen", d.fruit),
    "melons": ("wood", d.melons),
    "fruits-rouges": ("linen", d.strawberries),
    "champignons": ("wood", d.mushrooms),
    "fromages-de-chevre": ("slate", d.small_cheeses),
    "fromages-de-brebis": ("slate", d.cheese_wheel),
    "fromages-de-vache": ("slate", d.cheese_wheel),
    "yaourts-et-cremes": ("linen", d.yoghurts),
    "agneau": ("board", d.meat),
    "boeuf-et-veau": ("board", d.meat),
    "porc": ("board", d.meat),
    "charcuterie": ("board", d.sausages),
    "volailles": ("board", d.poultry),
    "canard-et-foie-gras": ("linen", d.terrines),
    "vins-rouges": ("stone", d.red_wine),
    "vins-blancs-et-roses": ("stone", d.white_wine),
    "spiritueux-et-liqueurs": ("stone", d.liqueur),
    "bieres": ("wood", d.beer),
    "cidres-et-jus": ("wood", d.cider),
    "miels": ("linen", d.honey),
    "confitures": ("linen", d.jam),
    "huiles": ("stone", d.oil),
    "noix": ("wood", d.walnuts),
    "safran": ("linen", d.saffron),
    "truffes": ("board", d.truffles),
    "farines-et-cereales": ("wood", d.sacks),
    "conserves": ("linen", d.terrines),
    "pains": ("wood", d.loaves),
    "patisseries": ("linen", d.biscuits),
    "oeufs": ("straw", d.eggs),
    "plants-potagers": ("soil", d.seedlings),
    "fleurs": ("linen", d.flowers),
    "plantes-aromatiques": ("linen", d.herbs),
    "poterie": ("linen", d.pottery),
    "bois": ("linen", d.woodwork),
    "textile": ("linen", d.wool),
    "cosmetiques": ("linen", d.soaps),
    # Drawings a product may ask for when its category's is not the right one (Item.picture).
    "pommes": ("wood", d.apples),
    "prunes": ("linen", d.plums),
    "pruneaux": ("wood", d.dried_plums),
    "abricots": ("linen", d.apricots),
    "peches": ("linen", d.peaches),
    "cerises": ("linen", d.cherries),
    "figues": ("linen", d.figs),
    "raisin": ("wood", d.grapes),
    "chataignes": ("wood", d.chestnuts),
    "bougies": ("linen", d.candles),
    "flacons": ("stone", d.vials),
    "baumes": ("linen", d.balms),
}
FAMILIES = {
    "fruits-et-legumes": "legumes", "fromages-et-produits-laitiers": "fromages-de-chevre",
    "viandes-et-charcuterie": "charcuterie", "volailles-et-foie-gras": "volailles",
    "vins-et-spiritueux": "vins-rouges", "bieres-et-cidres": "bieres",
    "miel-et-confitures": "miels", "epicerie": "noix", "boulangerie": "pains",
    "plantes-et-fleurs": "fleurs", "artisanat": "poterie",
}
FARM = "ferme"


def demo_photo(title: str, *, kind: str = FARM, size: tuple[int, int] = (640, 480)) -> ContentFile:
    """A JPEG of a product of this kind (a category slug), or of a farm (`FARM`)."""
    seed = zlib.crc32(f"{kind}:{title}".encode())
    return ContentFile(_photo_bytes(title, kind, size), name=f"demo-{seed:08x}-{size[0]}.jpg")


@lru_cache(maxsize=512)
def _photo_bytes(title: str, kind: str, size: tuple[int, int]) -> bytes:
    drawn = _drawn(title, kind)
    factor = drawn.width // size[0]
    # Halving by averaging pixels is the smoothing, and far quicker than a Lanczos filter.
    image = drawn.reduce(factor) if drawn.width == size[0] * factor and factor > 1 else \
        drawn.resize(size, Image.Resampling.BILINEAR)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=72, optimize=True, progressive=True)
    return buffer.getvalue()


@lru_cache(maxsize=64)
def _drawn(title: str, kind: str) -> Image.Image:
    # Several demo farms sell the same products: each picture is drawn once per run.
    rng = random.Random(zlib.crc32(f"{kind}:{title}".encode()))  # noqa: S311 - a demo picture
    if kind == FARM:
        return d.farm(rng, W, H)
    surface, drawer = KINDS.get(kind) or KINDS.get(FAMILIES.get(kind, ""), KINDS["legumes"])
    image = d.table(surface, rng, W, H)
    # Objects cast a soft shadow: their silhouettes in a blurred layer, then the objects, placed
    # by the same draw of the dice.
    layout = rng.random()
    shadow = Image.new("L", (W // 4, H // 4), 0)
    drawer(d.Pen(ImageDraw.Draw(shadow), shadow=True, scale=0.25),
           random.Random(layout), W, H)  # noqa: S311
    mask = shadow.filter(ImageFilter.GaussianBlur(5)).point(lambda v: v * 45 // 100)
    mask = mask.resize((W, H), Image.Resampling.BILINEAR)
    image.paste((40, 30, 20), mask=mask)
    drawer(d.Pen(ImageDraw.Draw(image)), random.Random(layout), W, H)  # noqa: S311
    return image
