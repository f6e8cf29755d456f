"""Every HTML page of the site has accessibility and reflow checks (see pages.py)."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, get_resolver, resolve

from tests.functional.pages import EXCLUDED_NAMESPACES, EXCLUDED_PREFIXES, NOT_PAGES, PAGES


def named_html_patterns() -> dict[str, str]:
    """`namespace:name` → route of every named URL pattern, minus the excluded areas."""
    found: dict[str, str] = {}

    def walk(patterns: list, prefix: str, namespaces: tuple[str, ...]) -> None:  # type: ignore[type-arg]
        for entry in patterns:
            route = prefix + str(entry.pattern)
            if isinstance(entry, URLResolver):
                ns = (*namespaces, entry.namespace) if entry.namespace else namespaces
                if entry.namespace in EXCLUDED_NAMESPACES or route.startswith(EXCLUDED_PREFIXES):
                    continue
                walk(entry.url_patterns, route, ns)
            elif isinstance(entry, URLPattern) and entry.name:
                if route.lstrip("^").startswith(EXCLUDED_PREFIXES):
                    continue
                found[":".join((*namespaces, entry.name))] = route

    walk(get_resolver().url_patterns, "", ())
    return found


def test_every_named_page_has_an_accessibility_check():
    patterns = named_html_patterns()

    unchecked = sorted(set(patterns) - set(PAGES) - set(NOT_PAGES))

    assert unchecked == [], (
        "These pages have no accessibility check: add them to tests/functional/pages.py "
        f"(PAGES, or NOT_PAGES with a reason): {[(n, patterns[n]) for n in unchecked]}"
    )


def test_each_example_url_is_the_page_it_claims_to_be():
    patterns = named_html_patterns()

    wrong = [
        (name, case.path, resolve(case.path.split("?")[0].format(**_placeholders())).view_name)
        for name, cases in PAGES.items() if name in patterns
        for case in cases
        if resolve(case.path.split("?")[0].format(**_placeholders())).view_name != name
    ]

    assert wrong == []


def _placeholders() -> dict[str, object]:
    # Any id resolves the same view; the live site fills in real ones.
    return {"own_product_id": 1, "own_product_slug": "x", "producer_slug": "x",
            "order_id": 1, "photo_id": 1, "point_of_sale_id": 1, "checkout_token": "x",
            "order_day": "2026-01-01", "window_id": 1, "featuring_id": 1, "campaign_id": 1,
            "claim_id": 1, "import_invalid_id": 1, "import_checked_id": 1, "confirm_token": "x"}
