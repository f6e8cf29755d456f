"""axe-core (WCAG 2.1 A and AA) at two widths and reflow at 320 px on every page state listed in
pages.py."""

from __future__ import annotations

from functools import cache

import pytest
from axe_playwright_python.base import AXE_SCRIPT
from django.urls import NoReverseMatch, Resolver404, resolve
from playwright.sync_api import Page

from tests.functional.conftest import NARROW, VIEWPORTS, OpenPage
from tests.functional.live_site import LiveSite
from tests.functional.pages import PAGES, STATE_MARKERS, PageCase

# A hung browser must not stall CI; the first test also starts the live site (about 20 s).
pytestmark = [pytest.mark.functional, pytest.mark.timeout(120)]

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# The page's scroll width, and the first elements that stick out on the right (for the message).
OVERFLOW_JS = """() => {
    const width = document.documentElement.clientWidth;
    const label = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
        + (typeof el.className === 'string' && el.className ? '.' + el.className : '');
    const wide = [...document.querySelectorAll('body *')].filter(el => {
        const box = el.getBoundingClientRect();
        return box.width > 0 && box.right > width + 1;
    }).slice(0, 5).map(label);
    return {scroll: document.documentElement.scrollWidth, width, wide};
}"""

CASES = [
    pytest.param(name, case, id=f"{name}-{case.state}")
    for name, cases in PAGES.items() for case in cases
]


@cache
def _page_exists(name: str, path: str) -> bool:
    try:
        return resolve(path.split("?")[0]).view_name == name
    except (Resolver404, NoReverseMatch):
        return False


def visit(open_page: OpenPage, site: LiveSite, name: str, case: PageCase,
          viewport: dict[str, int]) -> Page:
    path = case.path.format(**site.facts)
    if not _page_exists(name, path):
        pytest.skip(f"{name} ({path}) is not built yet")
    page, _ = open_page(viewport, logged_in=case.login)
    response = page.goto(path)
    assert response is not None
    assert response.status == case.status, f"{path} answered {response.status}"
    if case.prepare:
        case.prepare(page)
    marker = STATE_MARKERS.get(case.state)
    if marker:
        assert page.locator(marker).count(), f"{path}: no {case.state} shown ({marker})"
    return page


def axe_violations(page: Page) -> list[str]:
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_SCRIPT)
    results = page.evaluate(
        "opts => axe.run(document, opts)",
        {"runOnly": {"type": "tag", "values": WCAG_21_AA}, "resultTypes": ["violations"]},
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(f"{n['target']} {n['html'][:160]}" for n in v["nodes"][:5])
        for v in results["violations"]
    ]


@pytest.mark.parametrize(("name", "case"), CASES)
def test_no_wcag_21_aa_violation_and_reflow_at_320_px(open_page: OpenPage, live_site: LiveSite,
                                                      name: str, case: PageCase):
    """axe at the phone and desktop widths, then no horizontal scrolling at 320 px: one visit
    of the page state, resized between the checks (the pages' layout is CSS only), so the
    page is loaded and axe injected once rather than three times."""
    page = visit(open_page, live_site, name, case, VIEWPORTS["phone"])
    problems = []

    for label, viewport in VIEWPORTS.items():
        page.set_viewport_size(viewport)  # type: ignore[arg-type]
        violations = axe_violations(page)
        if violations:
            problems.append(f"{page.url} at {label}:\n" + "\n".join(violations))
    page.set_viewport_size(NARROW)  # type: ignore[arg-type]
    overflow = page.evaluate(OVERFLOW_JS)
    if overflow["scroll"] > overflow["width"]:
        problems.append(f"{page.url} scrolls horizontally at 320 px: {overflow}")

    assert problems == [], "\n\n".join(problems)
