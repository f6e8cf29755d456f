"""A live demo site of its own for API fuzzing: the fuzzer writes (PATCH, POST, DELETE on the
producer self-service endpoints), so it must not share a database with the browser tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.functional.live_site import LiveSite, start_site


@pytest.fixture(scope="session")
def api_site(tmp_path_factory: pytest.TempPathFactory, demo_template: Path) -> Iterator[LiveSite]:
    # The fuzzer sends thousands of requests in a minute: the API's hourly limits (tested on
    # their own) would answer most of them 429.
    site = start_site(tmp_path_factory.mktemp("api-site"), "api", {
        "API_THROTTLE_ANON": "100000/hour", "API_THROTTLE_USER": "100000/hour",
        "API_THROTTLE_TOKEN": "100000/hour"}, template=demo_template)
    yield site
    site.stop()
