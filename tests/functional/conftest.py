"""Playwright with Debian's Chromium against one live demo site per worker (see live_site.py).

Never `playwright install`: the browser is /usr/bin/chromium (`apt-get install -y chromium`).
Requests to any other host than the live site are aborted and recorded, so that no test waits on
the network and a page that depends on another host shows up in `external_requests`.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Route

from tests.functional.live_site import LiveSite, start_site

# Playwright's sync API runs an event loop in this thread; Django's ORM refuses to run there
# unless told the code is not actually async.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-default-apps",
                 "--disable-extensions"]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
NARROW = {"width": 320, "height": 640}
VIEWPORTS = {"phone": PHONE, "desktop": DESKTOP}

DEMO_PRODUCER = ("producteur@ohmylot.test", "ferme-lot-2026")
DEMO_STAFF = ("cci@ohmylot.test", "cci-lot-2026")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's Chromium is missing: apt-get install -y chromium")
    return {**browser_type_launch_args, "executable_path": CHROMIUM,
            "args": [*browser_type_launch_args.get("args", []), *CHROMIUM_ARGS]}


@pytest.fixture(scope="session")
def live_site(tmp_path_factory: pytest.TempPathFactory, demo_template: Path) -> Iterator[LiveSite]:
    site = start_site(tmp_path_factory.mktemp("site"), "site", template=demo_template)
    yield site
    site.stop()


@pytest.fixture(scope="session")
def base_url(live_site: LiveSite) -> str:
    return live_site.url


class ExternalRequests(list[str]):
    """URLs of requests aimed at another host than the live site (all aborted)."""


def _isolate(context: BrowserContext, site_url: str) -> ExternalRequests:
    blocked = ExternalRequests()

    def abort(route: Route) -> None:
        blocked.append(route.request.url)
        route.abort()

    context.route(lambda url: not url.startswith((site_url, "data:", "blob:")), abort)
    return blocked


@pytest.fixture(scope="session")
def producer_storage_state(browser: Browser, live_site: LiveSite,
                           tmp_path_factory: pytest.TempPathFactory) -> str:
    """Log in once as the demo producer; tests reuse the session cookie."""
    context = browser.new_context(base_url=live_site.url)
    page = context.new_page()
    page.goto("/espace-producteur/connexion/")
    login_as(page, *DEMO_PRODUCER)
    path = tmp_path_factory.mktemp("auth") / "producer.json"
    context.storage_state(path=str(path))
    context.close()
    return str(path)


@pytest.fixture(scope="session")
def staff_storage_state(browser: Browser, live_site: LiveSite,
                        tmp_path_factory: pytest.TempPathFactory) -> str:
    """Log in once as the demo CCI staff member (« Équipe CCI »)."""
    context = browser.new_context(base_url=live_site.url)
    page = context.new_page()
    page.goto("/espace-producteur/connexion/")
    login_as(page, *DEMO_STAFF)
    path = tmp_path_factory.mktemp("auth") / "staff.json"
    context.storage_state(path=str(path))
    context.close()
    return str(path)


def login_as(page: Page, username: str, password: str) -> None:
    form = page.locator("main form[method=post]").first
    form.locator("input[name=username]").fill(username)
    form.locator("input[name=password]").fill(password)
    with page.expect_navigation():
        form.locator("[type=submit]").first.click()
    assert "/connexion/" not in page.url, "the demo producer could not log in"


OpenPage = Callable[..., tuple[Page, ExternalRequests]]


@pytest.fixture
def open_page(browser: Browser, live_site: LiveSite,
              request: pytest.FixtureRequest) -> Iterator[OpenPage]:
    """Open a new isolated page: `open_page(viewport=PHONE, javascript=True, logged_in=False)`;
    `logged_in`: True (the demo producer) or "staff" (the demo CCI staff member)."""
    contexts: list[BrowserContext] = []

    def opener(viewport: dict[str, int] = PHONE, *, javascript: bool = True,
               logged_in: bool | str = False) -> tuple[Page, ExternalRequests]:
        state = (request.getfixturevalue("staff_storage_state") if logged_in == "staff"
                 else request.getfixturevalue("producer_storage_state") if logged_in else None)
        context = browser.new_context(base_url=live_site.url, viewport=viewport,  # type: ignore[arg-type]
                                      java_script_enabled=javascript, storage_state=state,
                                      locale="fr-FR")
        context.set_default_timeout(10_000)
        contexts.append(context)
        blocked = _isolate(context, live_site.url)
        return context.new_page(), blocked

    yield opener
    for context in contexts:
        context.close()
