"""A live demo site of its own for API fuzzing: the fuzzer writes (PATCH, POST, DELETE on the
producer self-service endpoints), so it must not share a database with the browser tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.functional.live_site import LiveSite, start_site


@pytest.fixture(scope="session")
def api_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveSite]:
    site = start_site(tmp_path_factory.mktemp("api-site"), "api")
    yield site
    site.stop()
