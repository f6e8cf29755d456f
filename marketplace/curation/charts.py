"""Charts drawn by the server as SVG (no script, no CDN): the geometry is computed here, the
template draws it. Every chart is also given as a table for screen readers."""

from dataclasses import dataclass

BAR_HEIGHT = 22
GAP = 6
LABEL_WIDTH = 190
CHART_WIDTH = 560
COLUMN_CHART_HEIGHT = 180


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    x: float
    y: float
    width: float
    height: float
    text_x: float
    text_y: float


@dataclass(frozen=True)
class Chart:
    bars: list[Bar]
    width: int
    height: int
    horizontal: bool
    label_width: int


def horizontal(rows: list[tuple[str, int]], *, limit: int = 12) -> Chart:
    """Labelled bars, one per row, longest first as given."""
    rows = rows[:limit]
    top = max((v for _, v in rows), default=0) or 1
    room = CHART_WIDTH - LABEL_WIDTH - 50
    bars = []
    for i, (label, value) in enumerate(rows):
        y = i * (BAR_HEIGHT + GAP)
        width = room * value / top
        bars.append(Bar(label=label, value=value, x=LABEL_WIDTH, y=y, width=max(width, 1),
                        height=BAR_HEIGHT, text_x=LABEL_WIDTH + width + 6,
                        text_y=y + BAR_HEIGHT * 0.7))
    return Chart(bars=bars, width=CHART_WIDTH, height=max(len(bars), 1) * (BAR_HEIGHT + GAP),
                 horizontal=True, label_width=LABEL_WIDTH)


def columns(rows: list[tuple[str, int]]) -> Chart:
    """One column per period (weeks), labels below."""
    top = max((v for _, v in rows), default=0) or 1
    n = max(len(rows), 1)
    slot = CHART_WIDTH / n
    plot = COLUMN_CHART_HEIGHT - 40
    bars = []
    for i, (label, value) in enumerate(rows):
        height = plot * value / top
        x = i * slot + slot * 0.15
        bars.append(Bar(label=label, value=value, x=x, y=20 + plot - height,
                        width=slot * 0.7, height=max(height, 0.5),
                        text_x=x + slot * 0.35, text_y=16 + plot - height))
    return Chart(bars=bars, width=CHART_WIDTH, height=COLUMN_CHART_HEIGHT, horizontal=False,
                 label_width=0)
