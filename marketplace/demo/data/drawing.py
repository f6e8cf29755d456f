"""The demo photos' drawing kit: a table or a landscape, and the things of the Lot's markets.

Every kind of product is a function `(pen, rng, width, height)` that places a few objects on the
table; the pen draws either the objects or, for their soft shadow, their silhouettes.
"""

import math
import random
from functools import lru_cache

from PIL import Image, ImageDraw

Colour = tuple[int, int, int]
Box = tuple[float, float, float, float]


def shade(colour: Colour, factor: float) -> Colour:
    """Darker below 1, lighter above (towards white)."""
    if factor <= 1:
        return (int(colour[0] * factor), int(colour[1] * factor), int(colour[2] * factor))
    t = min(1.0, factor - 1)
    return (int(colour[0] + (255 - colour[0]) * t), int(colour[1] + (255 - colour[1]) * t),
            int(colour[2] + (255 - colour[2]) * t))


def vary(rng: random.Random, colour: Colour, amount: int = 14) -> Colour:
    return (max(0, min(255, colour[0] + rng.randint(-amount, amount))),
            max(0, min(255, colour[1] + rng.randint(-amount, amount))),
            max(0, min(255, colour[2] + rng.randint(-amount, amount))))


class Pen:
    """Draws shapes; in shadow mode, their silhouettes moved down and right, in white."""

    def __init__(self, draw: ImageDraw.ImageDraw, *, shadow: bool = False,
                 scale: float = 1.0) -> None:
        self.draw = draw
        self.shadow = shadow
        self.scale = scale
        self.dx, self.dy = (22, 26) if shadow else (0, 0)

    def _box(self, box: Box) -> Box:
        x0, y0, x1, y1 = box
        k = self.scale
        return ((x0 + self.dx) * k, (y0 + self.dy) * k, (x1 + self.dx) * k, (y1 + self.dy) * k)

    def ellipse(self, box: Box, fill: Colour) -> None:
        self.draw.ellipse(self._box(box), fill=255 if self.shadow else fill)

    def rect(self, box: Box, fill: Colour, radius: float = 0) -> None:
        self.draw.rounded_rectangle(self._box(box), radius=radius * self.scale,
                                    fill=255 if self.shadow else fill)

    def polygon(self, points: list[tuple[float, float]], fill: Colour) -> None:
        k = self.scale
        moved = [((x + self.dx) * k, (y + self.dy) * k) for x, y in points]
        self.draw.polygon(moved, fill=255 if self.shadow else fill)

    def line(self, points: list[tuple[float, float]], fill: Colour, width: int) -> None:
        if not self.shadow:  # details cast no shadow
            self.draw.line(points, fill=fill, width=width, joint="curve")

    def detail_ellipse(self, box: Box, fill: Colour) -> None:
        if not self.shadow:
            self.draw.ellipse(box, fill=fill)


# --- Surfaces -------------------------------------------------------------------------------
SURFACES: dict[str, tuple[Colour, Colour, Colour]] = {
    # wall top, wall bottom, table
    "wood": ((236, 228, 212), (214, 200, 176), (150, 104, 62)),
    "board": ((228, 222, 210), (204, 194, 176), (176, 128, 78)),
    "linen": ((240, 236, 226), (226, 218, 202), (232, 224, 206)),
    "slate": ((226, 222, 212), (200, 194, 182), (70, 74, 78)),
    "stone": ((222, 214, 196), (196, 184, 160), (206, 196, 172)),
    "straw": ((236, 230, 214), (214, 204, 180), (214, 182, 108)),
    "soil": ((214, 230, 200), (186, 208, 170), (110, 80, 54)),
}
HORIZON = 0.34
# Objects are this much bigger than their `spots` sizes say: close-ups, as on a market stall.
ZOOM = 1.45


def table(surface: str, rng: random.Random, width: int, height: int) -> Image.Image:
    top, bottom, board = SURFACES[surface]
    image = _gradient((width, height), top, bottom).copy()
    draw = ImageDraw.Draw(image)
    horizon = int(height * HORIZON)
    table_part = _gradient((width, height - horizon), shade(board, 0.86), shade(board, 1.08))
    image.paste(table_part, (0, horizon))
    if surface in {"wood", "board"}:
        y = horizon
        while y < height:
            step = int(rng.uniform(0.16, 0.24) * height)
            y += step
            draw.line([(0, y), (width, y)], fill=shade(board, 0.72), width=4)
            for _ in range(4):
                x = rng.randint(0, width)
                draw.line([(x, y - step + 10), (x + rng.randint(80, 260), y - step + 10)],
                          fill=shade(board, 0.9), width=3)
    elif surface == "linen":
        # A tea towel's red stripes, the market stall's tablecloth.
        stripe = vary(rng, (176, 52, 40), 10)
        for offset in (0.08, 0.14):
            y = horizon + int(height * offset)
            draw.line([(0, y), (width, y)], fill=stripe, width=10)
    elif surface == "straw":
        for _ in range(260):
            x, y = rng.randint(0, width), rng.randint(horizon, height)
            draw.line([(x, y), (x + rng.randint(-60, 60), y + rng.randint(-14, 14))],
                      fill=vary(rng, (236, 204, 124), 22), width=3)
    draw.line([(0, horizon), (width, horizon)], fill=shade(board, 0.7), width=6)
    return image


@lru_cache(maxsize=32)
def _gradient(size: tuple[int, int], top: Colour, bottom: Colour) -> Image.Image:
    """Shared between pictures: copy before drawing on it."""
    # One column computed, then widened (a bilinear stretch of two pixels is ten times slower).
    width, height = size
    column = Image.new("RGB", (1, height))
    last = max(1, height - 1)
    column.putdata([tuple(a + (b - a) * y // last for a, b in zip(top, bottom, strict=True))
                    for y in range(height)])
    return column.resize(size, Image.Resampling.NEAREST)


def spots(rng: random.Random, width: int, height: int, count: int,
          size: tuple[float, float]) -> list[tuple[float, float, float]]:
    """Where `count` objects stand (x, base y, size), back first so the front ones overlap."""
    places = []
    columns = max(1, (count + 1) // 2) if count > 3 else count
    for index in range(count):
        row = 0 if count <= 3 or index < columns else 1
        col = index if row == 0 else index - columns
        per_row = columns if row == 0 else count - columns
        x = width * (col + 0.5 + rng.uniform(-0.12, 0.12)) / per_row
        y = height * (0.64 + 0.26 * row + rng.uniform(-0.03, 0.03))
        places.append((x, y, rng.uniform(*size) * width * ZOOM * (1 + 0.12 * row)))
    return sorted(places, key=lambda p: p[1])


# --- Shapes -----------------------------------------------------------------------------------
def cylinder(pen: Pen, x: float, y: float, w: float, h: float, side: Colour, top: Colour) -> None:
    e = w * 0.16
    pen.ellipse((x - w / 2, y - e, x + w / 2, y + e), shade(side, 0.85))
    pen.rect((x - w / 2, y - h, x + w / 2, y), side)
    pen.ellipse((x - w / 2, y - h - e, x + w / 2, y - h + e), top)


def sphere(pen: Pen, x: float, y: float, r: float, fill: Colour, squash: float = 1.0) -> None:
    ry = r * squash
    pen.ellipse((x - r, y - 2 * ry, x + r, y), fill)
    pen.detail_ellipse((x - r * 0.55, y - 1.75 * ry, x - r * 0.05, y - 1.3 * ry),
                       shade(fill, 1.35))


def bottle(pen: Pen, x: float, y: float, w: float, glass: Colour, label: Colour,
           cap: Colour, tall: float = 3.6) -> None:
    h = w * tall
    pen.rect((x - w / 2, y - h * 0.62, x + w / 2, y), glass, radius=w * 0.18)
    pen.ellipse((x - w / 2, y - h * 0.72, x + w / 2, y - h * 0.52), glass)
    pen.rect((x - w * 0.16, y - h, x + w * 0.16, y - h * 0.6), glass)
    pen.rect((x - w * 0.19, y - h - w * 0.05, x + w * 0.19, y - h * 0.86), cap, radius=4)
    pen.rect((x - w / 2 + 4, y - h * 0.42, x + w / 2 - 4, y - h * 0.16), label)
    pen.line([(x - w * 0.3, y - h * 0.58), (x - w * 0.3, y - h * 0.08)], shade(glass, 1.4), 8)


def jar(pen: Pen, x: float, y: float, w: float, content: Colour, lid: Colour,
        label: Colour) -> None:
    h = w * 1.15
    pen.rect((x - w / 2, y - h, x + w / 2, y), content, radius=w * 0.14)
    pen.rect((x - w * 0.46, y - h - w * 0.16, x + w * 0.46, y - h + w * 0.04), lid, radius=6)
    pen.rect((x - w * 0.38, y - h * 0.62, x + w * 0.38, y - h * 0.24), label, radius=4)
    pen.line([(x - w * 0.34, y - h * 0.9), (x - w * 0.34, y - h * 0.7)], shade(content, 1.4), 8)


# --- Kinds of products ------------------------------------------------------------------------
def small_cheeses(pen: Pen, rng: random.Random, width: int, height: int) -> None:
    for x, y, s in spots(rng, width, height, rng.randint(4, 6), (0.11, 0.14)):
        cylinder(pen, x, y, s, s * 0.3, (236, 230, 212), (250, 246, 234))


def cheese_wheel(pen: Pen, rng: random.Random, width: int, height: int) -> None:
    x, y, s = width * rng.uniform(0.36, 0.44), height * 0.86, width * 0.56
    rind = vary(rng, (204, 160, 92), 16)
    cylinder(pen, x, y, s, s * 0.28, rind, shade(rind, 1.2))
    wedge = [(x + s * 0.5, y - s * 0.02), (x + s * 0.82, y + s * 0.02), (x + s * 0.82, y - s * 0.1),
             (x + s * 0.5, y - s * 0.16)]
    pen.polygon(wedge, (246, 226, 160))
    for x2, y2, s2 in spots(rng, width, height, 2, (0.08, 0.1)):
        sphere(pen, x2 * 0.3 + width * 0.72, y2 + height * 0.05, s2 * 0.4, (130, 160, 70), 0.9)


def yoghurts(pen: Pen, rng: random.Random, width: int, height: int) -> None:
    for x, y, s in spots(rng, width, height, 4, (0.12, 0.13)):
        cylinder(pen, x, y, s, s * 0.9, (250, 248, 242), (226, 222, 210))
        pen.rect((x - s / 2, y - s * 0.62, x + s / 2, y - s * 0.36), vary(rng, (70, 120, 170), 20))


def vegetables(pen: Pen, rng: random.Random, width: int, height: int) -> None:
    for x, y, s in spots(rng, width, height, rng.randint(5, 7), (0.1, 0.13)):
        choice = rng.random()
        if choice < 0.35:  # tomato
            sphere(pen, x, y, s / 2, vary(rng, (206, 46, 36), 16), 0.9)
            pen.polygon([(x - s * 0.2, y - s * 0.9), (x, y - s * 0.8), (x + s * 0.2, y - s * 0.9),
                         (x, y - s)], (70, 120, 50))
        elif choice < 0.65:  # carrot lying down
            pen.polygon([(x - s, y - s * 0.3), (x + s * 0.6, y - s * 0.14), (x - s, y)],
                        vary(rng, (232, 120, 34), 12))
            pen.line([(x - s, y - s * 0.15), (x - s * 1.5, y - s * 0.4)], (70, 130, 50), 14)
        else:  # courgette
            pen.rect((x - s * 0.9, y - s * 0.34, x + s * 0.9, y), vary(rng, (62, 110, 48), 12),
                     radius=s * 0.17)


def fruit(pen: Pen, rng: random.Random, width: int, height: int,
          base: Colour | None = None, size: tuple[float, float] = (0.11, 0.13)) -> None:
    base = base or rng.choice([(196, 40, 40), (226, 170, 40), (120, 50, 110), (150, 180, 60)])
    for x, y, s in spots(rng, width, height, rng.randint(5, 7), size):
        sphere(pen, x, y, s / 2, vary(rng, base, 18))
        pen.line([(x, y - s * 0.95), (x + s * 0.08, y - s * 1.12)], (90, 60, 30), 7)


def apples(pen: Pen, rng: random.Random, width: int, height: int) -> None:
    fruit(pen, rng, width, height, rng.choice([(190, 40, 36), (170, 150, 70), (150, 180, 60)]))


def plums(pen: Pen, rng: random.Random, width: int, height: int) -> None:
    fruit(pen, rng, width, height, rng.choice([(110, 46, 100), (200, 170, 60)]), (0.08, 0.1))


def dried_plums(pen: Pen, rng: random.Random, width: int, height: int) -> None:
    fruit(pen, rng, width, height, (64, 34, 44), (0.07, 0.08))


def apricots(pen: Pen, rng: random.Random, width: int, height: int) -> None:
    fruit(pen, rng, width, height, (236, 146, 50))


def peaches(pen: Pen, rng: random.Random, width: int, height: int) -> None:
    fruit(pen, rng, width, height, (170, 50, 60), (0.12, 0.14))


def cherries(pen: Pen, rng: random.Random, width: int, height: int) -> None:
    for x, y, s in spots(rng, width, height, rng.randint(7, 9), (0.05, 0.06)):
        for k in (-0.6, 0.6):
            sphere(pen, x + k * s, y, s / 2, vary(rng, (150, 16, 30), 14))
        pen.line([(x - s * 0.6, y - s), (x, y - s * 2.2), (x + s * 0.6, y - s)], (80, 110, 40), 6)


def figs(pen: Pen, rng: random.Random, width: int, height: int) -> None:
    for x, y, s in spots(rng, width, height, rng.randint(5, 6), (0.1, 0.12)):
        skin = vary(rng, (96, 50, 84), 12)
        pen.ellipse((x - s / 2, y - s * 0.8, x + s / 2, y), skin)
        pen.polygon([(x - s * 0.22, y - s * 0.7), (x + s * 0.22, y - s * 0.7), (x, y - s * 1.15)],
                    skin)
        pen.line([(x, y - s * 1.12), (x + s * 0.06, y - s * 1.28)], (90, 100, 40), 6)


def grapes(pen: Pen, rng: random.Random, width: int, height: int) -> None:
    for x, y, s in spots(rng, width, height, 2, (0.22, 0.26)):
        berry = vary(rng, (214, 196, 110), 10)
        for row in range(5):
            for col in range(5 - row):
                bx = x + (col - (4 - row) / 2) * s * 0.2
                sphere(pen, bx, y - row * s * 0.17, s * 0.11, vary(rng, berry, 8))
        pen.line([(x, y - s * 0.85), (x + s * 0.1, y - s * 1.05)], (100, 80, 40), 8)


def melons(pen: Pen, rng: random.Random, width: int, height: int) -> None:
    for x, y, s in spots(rng, width, height, 3, (0.22, 0.25)):
        sphere(pen, x, y, s / 2, vary(rng, (170, 190, 110), 10), 0.85)
        for k in (-0.3, 0, 0.3):
            pen.line([(x + s * k, y - s * 0.82), (x + s * k * 1.2, y - s * 0.08)],
                     (110, 140, 70), 6)
    x, y = width * 0.82, height * 0.93
    pen.polygon([(x - 120, y), (x + 120, y), (x, y - 110)], (238, 150, 60))


def strawberries(pen: Pen, rng: random.Random, width: int, height: int) -> None:
    x, y = width * 0.5, height * 0.9
    pen.polygon([(x - 300, y - 150), (x + 300, y - 150), (x + 260, y), (x - 260, y)],
                (226, 214, 188))
    for _ in range(16):
        bx, by, s = x + rng.uniform(-250, 250), y - 150 + rng.uniform(-40, 20), rng.uniform(54, 72)
        pen.polygon([(bx - s / 2, by - s * 0.8), (bx + s / 2, by - s * 0.8), (bx, by + s * 0.3)],
                    vary(rng, (210, 30, 44), 14))
        pen.ellipse((bx - s / 2, by - s, bx + s / 2, by - s * 0.5), vary(rng, (210, 30, 44), 14))
        pen.line([(bx - 12, by - s * 0.95), (bx + 12, by - s * 0.95)], (60, 130, 50), 9)


def mushrooms(pen: Pen, rng: random.Random, width: int, height: int) -> None:
    for x, y, s in spots(rng, width, height, rng.randint(3, 5), (0.13, 0.17)):
        pen.rect((x - s * 0.22, y - s * 0.7, x + s * 0.22, y), (232, 222, 196), radius=s * 0.1)
        pen.ellipse((x - s * 0.5, y - s * 1.05, x + s * 0.5, y - s * 0.55),
                    vary(rng, (122, 78, 40), 14))


def meat(pen: Pen, rng: random.Random, width: int, height: int) -> None:
    for x, y, s in spots(rng, width, height, rng.randint(2, 3), (0.2, 0.24)):
        pen.ellipse((x - s / 2, y - s * 0.5, x + s / 2, y), vary(rng, (176, 50, 52), 12))
        pen.detail_ellipse((x - s * 0.3, y - s * 0.38, x + s * 0.1, y - s * 0.16), (236, 214, 204))
    pen.line([(width * 0.1, height * 0.95), (width * 0.3, height * 0.88)], (120, 160, 80), 16)


def sausages(pen: Pen, rng: random.Random, width: int, height: int) -> None:
    for x, y, s in spots(rng, width, height, rng.randint(3, 4), (0.24, 0.3)):
        colour = vary(rng, (120, 52, 40), 14)
        pen.rect((x - s / 2, y - s * 0.2, x + s / 2, y), colour, radius=s * 0.1)
        for k in (-0.25, 0, 0.25):
            pen.line([(x + s * k, y - s * 0.2), (x + s * k, y)], (232, 222, 200), 4)
    x, y = width * 0.78, height * 0.9
    pen.ellipse((x - 90, y - 90, x + 90, y), (196, 92, 80))
    for _ in range(7):
        px, py = x + rng.uniform(-60, 50), y - rng.uniform(20, 80)
        pen.detail_ellipse((px, py, px + 16, py + 12), (244, 220, 210))


def poultry(pen: Pen, rng: random.Random, width: int, height: int) -> None:
    x, y, s = width * 0.5, height * 0.9, width * 0.5
    skin = vary(rng, (230, 196, 140), 10)
    pen.ellipse((x - s / 2, y - s * 0.55, x + s / 2, y), skin)
    pen.ellipse((x - s * 0.62, y - s * 0.34, x - s * 0.28, y - s * 0.06), shade(skin, 0.94))
    pen.ellipse((x + s * 0.28, y - s * 0.34, x + s * 0.62, y - s * 0.06), shade(skin, 0.94))
    pen.detail_ellipse((x - s * 0.25, y - s * 0.48, x + s * 0.05, y - s * 0.36), shade(skin, 1.3))
    for k in (-1, 1):
        pen.line([(x + k * s * 0.7, y - s * 0.1), (x + k * s * 0.85, y - s * 0.3)],
                 (90, 140, 60), 14)


def terrines(pen: Pen, rng: random.Random, width: int, height: int) -> None:
    for x, y, s in spots(rng, width, height, 3, (0.16, 0.18)):
        if rng.random() < 0.5:
            jar(pen, x, y, s, vary(rng, (214, 170, 120), 12), (200, 160, 60), (250, 244, 228))
        else:
            cylinder(pen, x, y, s * 1.2, s * 0.5, (244, 240, 230), (232, 196, 150))


def red_wine(pen: Pen, rng: random.Random, width: int, height: int) -> None:
    _bottles(pen, rng, width, height, (44, 14, 26), (110, 24, 54))


def white_wine(pen: Pen, rng: random.Random, width: int, height: int) -> None:
    _bottles(pen, rng, width, height, rng.choice([(190, 200, 120), (226, 150, 140)]),
             (220, 190, 90))


def liqueur(pen: Pen, rng: random.Random, width: int, height: int) -> None:
    _bottles(pen, rng, width, height, (150, 70, 40), (40, 40, 40), tall=3.0)


def beer(pen: Pen, rng: random.Random, width: int, height: int) -> None:
    _bottles(pen, rng, width, height, (92, 54, 22), (200, 150, 40), tall=3.1)


def oil(pen: Pen, rng: random.Random, width: int, height: int) -> None:
    _bottles(pen, rng, width, height, (196, 160, 50), (60, 90, 40), tall=3.3)
    walnuts(pen, rng, width, height, count=3, left=0.62)


def cider(pen: Pen, rng: random.Random, width: int, height: int) -> None:
    _bottles(pen, rng, width, height, (214, 160, 60), (40, 110, 60), tall=3.2, count=2)
    for x, y, s in spots(rng, width, height, 3, (0.1, 0.12)):
        sphere(pen, x * 0.4 + width * 0.55, y + 20, s / 2, vary(rng, (190, 40, 36), 20))


def _bottles(pen: Pen, rng: random.Random, width: int, height: int, glass: Colour, cap: Colour,
             tall: float = 3.6, count: int = 3) -> None:
    labels = [(246, 238, 220), (236, 226, 200), (250, 250, 246)]
    for index in range(count):
        x = width * (0.5 + 0.22 * (index - (count - 1) / 2) + rng.uniform(-0.02, 0.02))
        y = height * (0.9 + rng.uniform(-0.02, 0.03))
        bottle(pen, x, y, width * 0.13, vary(rng, glass, 8), rng.choice(labels), cap,
               tall * 0.92)


def honey(pen: Pen, rng: random.Random, width: int, height: int) -> None:
    _jars(pen, rng, width, height, [(226, 150, 26), (200, 120, 20), (240, 190, 80)])


def jam(pen: Pen, rng: random.Random, width: int, height: int) -> None:
    _jars(pen, rng, width, height, [(150, 20, 40), (200, 70, 30), (110, 30, 80)])


def _jars(pen: Pen, rng: random.Random, width: int, height: int, fills: list[Colour]) -> None:
    lids = [(156, 58, 18), (200, 170, 60), (40, 90, 60)]
    for x, y, s in spots(rng, width, height, 3, (0.17, 0.19)):
        jar(pen, x, y, s, vary(rng, rng.choice(fills), 10), rng.choice(lids), (246, 238, 220))


def walnuts(pen: Pen, rng: random.Random, width: int, height: int, count: int = 0,
            left: float = 0.0) -> None:
    for x, y, s in spots(rng, width, height, count or rng.randint(8, 10), (0.07, 0.09)):
        x = x * (1 - left) + width * left
        sphere(pen, x, y, s / 2, vary(rng, (168, 120, 66), 16), 0.9)
        pen.line([(x, y - s * 0.9), (x, y - s * 0.05)], (110, 74, 36), 5)


def saffron(pen: Pen, rng: random.Random, width: int, height: int) -> None:
    flowers(pen, rng, width, height, petals=(150, 110, 190), heart=(220, 40, 30))


def truffles(pen: Pen, rng: random.Random, width: int, height: int) -> None:
    for x, y, s in spots(rng, width, height, rng.randint(3, 4), (0.11, 0.14)):
        sphere(pen, x, y, s / 2, vary(rng, (44, 36, 32), 6), 0.85)
        for _ in range(10):
            px, py = x + rng.uniform(-s * 0.35, s * 0.35), y - rng.uniform(s * 0.15, s * 0.7)
            pen.detail_ellipse((px - 5, py - 5, px + 5, py + 5), (70, 60, 54))


def sacks(pen: Pen, rng: random.Random, width: int, height: int) -> None:
    for x, y, s in spots(rng, width, height, 2, (0.22, 0.24)):
        cloth = vary(rng, (214, 196, 156), 10)
        pen.polygon([(x - s * 0.5, y), (x + s * 0.5, y), (x + s * 0.42, y - s * 0.9),
                     (x - s * 0.42, y - s * 0.9)], cloth)
        pen.ellipse((x - s * 0.42, y - s * 1.0, x + s * 0.42, y - s * 0.8),
                    rng.choice([(246, 240, 228), (222, 186, 96), (150, 110, 60)]))


def loaves(pen: Pen, rng: random.Random, width: int, height: int) -> None:
    for x, y, s in spots(rng, width, height, rng.randint(2, 3), (0.26, 0.3)):
        crust = vary(rng, (190, 124, 50), 14)
        pen.ellipse((x - s / 2, y - s * 0.42, x + s / 2, y), crust)
        for k in (-0.25, 0, 0.25):
            pen.line([(x + s * k - s * 0.08, y - s * 0.3), (x + s * k + s * 0.08, y - s * 0.12)],
                     shade(crust, 1.35), 10)


def biscuits(pen: Pen, rng: random.Random, width: int, height: int) -> None:
    for x, y, s in spots(rng, width, height, rng.randint(6, 8), (0.09, 0.11)):
        pen.ellipse((x - s / 2, y - s * 0.36, x + s / 2, y), vary(rng, (214, 162, 84), 14))
        pen.detail_ellipse((x - s * 0.2, y - s * 0.26, x + s * 0.1, y - s * 0.14),
                           (236, 200, 130))


def eggs(pen: Pen, rng: random.Random, width: int, height: int) -> None:
    for x, y, s in spots(rng, width, height, rng.randint(5, 6), (0.1, 0.12)):
        colour = rng.choice([(236, 206, 170), (246, 240, 226), (214, 168, 120)])
        pen.ellipse((x - s * 0.36, y - s, x + s * 0.36, y), vary(rng, colour, 6))
        pen.detail_ellipse((x - s * 0.2, y - s * 0.88, x - s * 0.04, y - s * 0.6),
                           shade(colour, 1.4))


def seedlings(pen: Pen, rng: random.Random, width: int, height: int) -> None:
    for x, y, s in spots(rng, width, height, 6, (0.11, 0.12)):
        pen.polygon([(x - s * 0.45, y - s * 0.6), (x + s * 0.45, y - s * 0.6), (x + s * 0.35, y),
                     (x - s * 0.35, y)], (40, 40, 40))
        for k in (-1, 0, 1):
            pen.ellipse((x + k * s * 0.22 - s * 0.2, y - s * 1.2, x + k * s * 0.22 + s * 0.2,
                         y - s * 0.6), vary(rng, (80, 150, 60), 16))


def flowers(pen: Pen, rng: random.Random, width: int, height: int,
            petals: Colour | None = None, heart: Colour = (240, 190, 50)) -> None:
    colour = petals or rng.choice([(200, 70, 120), (240, 150, 40), (230, 230, 240),
                                   (140, 90, 190)])
    for x, y, s in spots(rng, width, height, rng.randint(4, 6), (0.08, 0.1)):
        top = y - s * rng.uniform(2.0, 2.8)
        pen.line([(x, y), (x, top)], (70, 120, 50), 9)
        for k in range(6):
            a = k * math.pi / 3
            px, py = x + math.cos(a) * s * 0.3, top + math.sin(a) * s * 0.3
            pen.ellipse((px - s * 0.22, py - s * 0.22, px + s * 0.22, py + s * 0.22),
                        vary(rng, colour, 12))
        pen.ellipse((x - s * 0.16, top - s * 0.16, x + s * 0.16, top + s * 0.16), heart)


def herbs(pen: Pen, rng: random.Random, width: int, height: int) -> None:
    for x, y, s in spots(rng, width, height, 4, (0.12, 0.14)):
        for _ in range(7):
            a, b = x + rng.uniform(-s * 0.4, s * 0.4), y - rng.uniform(s * 0.4, s * 1.4)
            pen.ellipse((a - s * 0.14, b - s * 0.08, a + s * 0.14, b + s * 0.08),
                        vary(rng, (90, 140, 80), 20))
        pen.line([(x - s * 0.3, y), (x + s * 0.3, y - s * 0.1)], (200, 160, 90), 10)


def pottery(pen: Pen, rng: random.Random, width: int, height: int) -> None:
    for x, y, s in spots(rng, width, height, 3, (0.18, 0.22)):
        glaze = vary(rng, rng.choice([(170, 80, 40), (60, 110, 140), (200, 180, 150)]), 12)
        pen.ellipse((x - s / 2, y - s * 0.9, x + s / 2, y), glaze)
        pen.rect((x - s * 0.2, y - s * 1.15, x + s * 0.2, y - s * 0.7), glaze)
        pen.line([(x - s * 0.44, y - s * 0.45), (x + s * 0.44, y - s * 0.45)],
                 shade(glaze, 1.4), 8)


def woodwork(pen: Pen, rng: random.Random, width: int, height: int) -> None:
    for x, y, s in spots(rng, width, height, 3, (0.2, 0.24)):
        wood = vary(rng, (176, 124, 70), 16)
        pen.polygon([(x - s / 2, y - s * 0.4), (x + s / 2, y - s * 0.4), (x + s * 0.3, y),
                     (x - s * 0.3, y)], wood)
        pen.ellipse((x - s / 2, y - s * 0.5, x + s / 2, y - s * 0.3), shade(wood, 1.2))


def wool(pen: Pen, rng: random.Random, width: int, height: int) -> None:
    for x, y, s in spots(rng, width, height, rng.randint(4, 5), (0.14, 0.17)):
        colour = vary(rng, rng.choice([(230, 224, 210), (120, 150, 190), (190, 90, 80),
                                       (110, 130, 80)]), 10)
        sphere(pen, x, y, s / 2, colour)
        for k in (-0.25, 0, 0.25):
            pen.line([(x - s * 0.4, y - s * (0.5 + k)), (x + s * 0.4, y - s * (0.55 - k))],
                     shade(colour, 0.8), 5)


def soaps(pen: Pen, rng: random.Random, width: int, height: int) -> None:
    for x, y, s in spots(rng, width, height, rng.randint(4, 5), (0.14, 0.16)):
        colour = vary(rng, rng.choice([(236, 220, 200), (200, 180, 220), (200, 220, 180),
                                       (240, 200, 170)]), 8)
        pen.rect((x - s / 2, y - s * 0.42, x + s / 2, y), colour, radius=s * 0.12)
        pen.rect((x - s / 2, y - s * 0.5, x + s / 2, y - s * 0.3), shade(colour, 1.2),
                 radius=s * 0.1)


def candles(pen: Pen, rng: random.Random, width: int, height: int) -> None:
    for x, y, s in spots(rng, width, height, 3, (0.12, 0.16)):
        wax = vary(rng, (232, 190, 90), 12)
        h = s * rng.uniform(1.1, 1.7)
        cylinder(pen, x, y, s * 0.7, h, wax, shade(wax, 1.15))
        pen.line([(x, y - h - s * 0.1), (x, y - h - s * 0.22)], (50, 40, 30), 5)
        pen.detail_ellipse((x - s * 0.06, y - h - s * 0.42, x + s * 0.06, y - h - s * 0.2),
                           (250, 200, 80))


def chestnuts(pen: Pen, rng: random.Random, width: int, height: int) -> None:
    for x, y, s in spots(rng, width, height, rng.randint(8, 10), (0.07, 0.09)):
        shell = vary(rng, (120, 66, 36), 12)
        pen.polygon([(x - s / 2, y - s * 0.25), (x, y - s * 0.95), (x + s / 2, y - s * 0.25)],
                    shell)
        pen.ellipse((x - s / 2, y - s * 0.55, x + s / 2, y), shell)
        pen.detail_ellipse((x - s * 0.36, y - s * 0.22, x + s * 0.36, y - s * 0.02),
                           (206, 180, 140))


def vials(pen: Pen, rng: random.Random, width: int, height: int) -> None:
    """Small bottles of floral water, vinegar or essence."""
    _bottles(pen, rng, width, height, rng.choice([(120, 150, 190), (200, 170, 90)]),
             (240, 240, 236), tall=2.6)


def balms(pen: Pen, rng: random.Random, width: int, height: int) -> None:
    """Tins of balm and a jar of cream."""
    for index, (x, y, s) in enumerate(spots(rng, width, height, 4, (0.13, 0.15))):
        if index == 1:
            jar(pen, x, y, s, (244, 232, 190), (40, 90, 60), (246, 238, 220))
            continue
        tin = vary(rng, (190, 196, 200), 8)
        cylinder(pen, x, y, s, s * 0.32, tin, shade(tin, 1.2))


# --- A farm of the Lot ------------------------------------------------------------------------
def farm(rng: random.Random, width: int, height: int) -> Image.Image:
    """Causse hills under a summer sky, a stone house with a tiled roof, often a pigeonnier,
    walnut trees; the point of view changes with the seed."""
    sky = rng.choice([(120, 170, 220), (104, 160, 214), (140, 182, 226)])
    image = _gradient((width, height), sky, (226, 236, 240)).copy()
    draw = ImageDraw.Draw(image)
    sun_x = rng.uniform(0.1, 0.9) * width
    draw.ellipse((sun_x - 50, 90, sun_x + 50, 190), fill=(250, 226, 150))
    horizon = height * rng.uniform(0.42, 0.52)
    for layer, colour in enumerate([(150, 176, 130), (112, 156, 84), (86, 136, 62)]):
        base = horizon + layer * height * 0.09
        points = [(0.0, float(height))]
        phase = rng.uniform(0, 6.28)
        for step in range(0, 21):
            x = width * step / 20
            points.append((x, base - math.sin(phase + step * 0.45) * height * 0.03
                           - rng.uniform(0, height * 0.01)))
        points.append((float(width), float(height)))
        draw.polygon(points, fill=vary(rng, colour, 8))
    # Fields: the causse's stone walls as pale lines.
    for _ in range(3):
        y = rng.uniform(horizon + height * 0.22, height * 0.95)
        draw.line([(0, y), (width, y + rng.uniform(-40, 40))], fill=(206, 196, 170), width=6)
    house_x = rng.uniform(0.22, 0.6) * width
    ground = horizon + height * 0.22
    _house(draw, rng, house_x, ground, width * rng.uniform(0.26, 0.34))
    if rng.random() < 0.7:
        _pigeonnier(draw, house_x + width * rng.choice([-0.16, 0.4]), ground + 8, width * 0.07)
    for _ in range(rng.randint(3, 6)):
        tx = rng.uniform(0.02, 0.98) * width
        _tree(draw, rng, tx, ground + rng.uniform(20, height * 0.3), rng.uniform(50, 90))
    return image


def _house(draw: ImageDraw.ImageDraw, rng: random.Random, x: float, ground: float,
           w: float) -> None:
    stone = vary(rng, (226, 210, 176), 10)
    h = w * 0.5
    draw.rectangle((x, ground - h, x + w, ground), fill=stone)
    roof = vary(rng, (156, 70, 36), 14)
    draw.polygon([(x - w * 0.06, ground - h), (x + w * 1.06, ground - h),
                  (x + w * 0.86, ground - h - w * 0.26), (x + w * 0.14, ground - h - w * 0.26)],
                 fill=roof)
    for k in range(3):
        wx = x + w * (0.12 + 0.3 * k)
        draw.rectangle((wx, ground - h * 0.75, wx + w * 0.12, ground - h * 0.4), fill=(70, 60, 50))
        draw.rectangle((wx - w * 0.04, ground - h * 0.75, wx, ground - h * 0.4),
                       fill=(70, 110, 120))
    draw.rectangle((x + w * 0.44, ground - h * 0.45, x + w * 0.58, ground), fill=(96, 64, 40))


def _pigeonnier(draw: ImageDraw.ImageDraw, x: float, ground: float, w: float) -> None:
    h = w * 2.2
    draw.rectangle((x, ground - h, x + w, ground), fill=(232, 218, 186))
    draw.polygon([(x - w * 0.15, ground - h), (x + w * 1.15, ground - h),
                  (x + w / 2, ground - h - w * 1.1)], fill=(140, 62, 32))
    draw.rectangle((x + w * 0.35, ground - h * 0.8, x + w * 0.65, ground - h * 0.65),
                   fill=(70, 60, 50))


def _tree(draw: ImageDraw.ImageDraw, rng: random.Random, x: float, y: float, r: float) -> None:
    draw.rectangle((x - r * 0.12, y - r * 1.1, x + r * 0.12, y), fill=(96, 70, 44))
    leaves = vary(rng, (52, 104, 46), 14)
    draw.ellipse((x - r, y - r * 2.6, x + r, y - r * 0.8), fill=leaves)
    draw.ellipse((x - r * 0.6, y - r * 2.4, x, y - r * 1.8), fill=shade(leaves, 1.2))
