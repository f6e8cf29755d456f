"""Pictures of the site (`make screenshots`): the main pages of the demo at a phone's width
(390 × 844) and a desktop's (1280 × 800), first screen only, into docs/screens/.

The demo is loaded into a temporary SQLite database and served by `runserver` on 127.0.0.1;
Debian's Chromium (the browser of the tests) takes the pictures; requests to other hosts (map
tiles) are refused, as on the audit. `--url http://127.0.0.1:8000` uses a running site instead.
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Route, ViewportSize, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screens"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-extensions"]
WIDTHS: dict[str, ViewportSize] = {"phone": {"width": 390, "height": 844},
                                   "desktop": {"width": 1280, "height": 800}}
PAGES = {
    "home": "/",
    "products": "/produits/?q=fromage",
    "producers": "/producteurs/",
    "category": "/categories/fromages-et-produits-laitiers/",
    "producer": "/producteurs/chevrerie-du-causse/",
    "product": "/produits/chevrerie-du-causse/plateau-de-6-rocamadour/",
}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/healthz", timeout=2):  # noqa: S310 (local)
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"The site did not answer on {url}.")


@contextmanager
def demo_site() -> Iterator[str]:
    """The demo in a throwaway database, served on a free local port."""
    with tempfile.TemporaryDirectory(prefix="omlot-screens-") as work:
        env = {**os.environ, "DEBUG": "true", "VAR_DIR": work,
               "DATABASE_URL": f"sqlite:///{work}/screens.sqlite3",
               "MEDIA_ROOT": f"{work}/media", "LOG_LEVEL": "WARNING"}
        env.pop("REDIS_URL", None)
        manage = [sys.executable, str(ROOT / "manage.py")]
        for command in (["migrate", "--noinput", "-v0"], ["import_communes"], ["seed_demo"]):
            subprocess.run([*manage, *command], env=env, check=True, cwd=ROOT,
                           stdout=subprocess.DEVNULL)
        port = _free_port()
        server = subprocess.Popen([*manage, "runserver", "--noreload", f"127.0.0.1:{port}"],
                                  env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL)
        try:
            url = f"http://127.0.0.1:{port}"
            _wait(url)
            yield url
        finally:
            server.terminate()
            server.wait(timeout=10)


def take(base_url: str, out: Path, pages: dict[str, str]) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    host = urlsplit(base_url).netloc
    written = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for width_name, viewport in WIDTHS.items():
            context = browser.new_context(viewport=viewport, locale="fr-FR",
                                          device_scale_factor=1)

            def refuse_other_hosts(route: Route) -> None:
                if urlsplit(route.request.url).netloc == host:
                    route.continue_()
                else:
                    route.abort()

            context.route("**/*", refuse_other_hosts)
            page = context.new_page()
            for name, path in pages.items():
                page.goto(base_url + path, wait_until="networkidle")
                target = out / f"{name}-{viewport['width']}.png"
                page.screenshot(path=str(target))
                written.append(target)
                print(f"{width_name:8} {path} -> {target}")
            context.close()
        browser.close()
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="a running site (else the demo in a temporary database)")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--only", nargs="*", choices=sorted(PAGES), help="some pages only")
    args = parser.parse_args()
    pages = {name: PAGES[name] for name in args.only} if args.only else PAGES
    if args.url:
        take(args.url.rstrip("/"), args.out, pages)
    else:
        with demo_site() as url:
            take(url, args.out, pages)


if __name__ == "__main__":
    main()
