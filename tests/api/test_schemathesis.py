"""schemathesis against the live API: every operation of /api/schema/, authenticated as the demo
producer so that the self-service operations (me/…) are exercised too.

Phases examples, coverage and fuzzing, at least 50 generated cases per operation, a fixed seed,
and a hard time limit. The checks: no 5xx, only documented status codes, and every response
matching its documented schema.
"""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from tests.functional.live_site import LiveSite

SEED = 20261128
EXAMPLES_PER_OPERATION = 50
TIME_LIMIT_S = 600
CHECKS = "not_a_server_error,status_code_conformance,response_schema_conformance"
SCHEMATHESIS = str(Path(sys.executable).parent / "schemathesis")


def operations(site: LiveSite) -> list[str]:
    request = urllib.request.Request(  # noqa: S310 - the loopback test server
        f"{site.url}/api/schema/", headers={"Accept": "application/vnd.oai.openapi+json"}
    )
    # The server builds the schema on its first request: seconds on a busy machine.
    with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
        schema = json.load(response)
    return [f"{method.upper()} {path}" for path, item in schema["paths"].items()
            for method in item if method in {"get", "post", "put", "patch", "delete"}]


# Revoking the token would leave every later request unauthenticated: that one operation is
# fuzzed on its own, after the others, with a token of its own.
REVOKE = "DELETE /api/v1/auth/token/"


def fuzz(site: LiveSite, workdir: Path, *selection: str) -> subprocess.CompletedProcess[str]:
    token = site.api_token(str(site.facts["producer_username"]), "ferme-lot-2026")
    command = [
        SCHEMATHESIS, "run", f"{site.url}/api/schema/", "--url", site.url,
        "--checks", CHECKS, "--phases", "examples,coverage,fuzzing",
        "--max-examples", str(EXAMPLES_PER_OPERATION), "--seed", str(SEED), "--workers", "2",
        "--header", f"Authorization: Token {token}", "--request-timeout", "20",
        "--continue-on-failure", "--no-color", *selection,
    ]
    # Run in a folder of its own: schemathesis keeps a cache directory (.schemathesis/) there.
    workdir.mkdir(exist_ok=True)
    return subprocess.run(command, capture_output=True, text=True, timeout=TIME_LIMIT_S,
                          check=False, cwd=workdir)


@pytest.mark.timeout(TIME_LIMIT_S + 120)
def test_every_api_operation_survives_fuzzing(api_site: LiveSite, tmp_path: Path):
    tested = operations(api_site)

    results = [fuzz(api_site, tmp_path / "all", "--exclude-name", REVOKE),
               fuzz(api_site, tmp_path / "revoke", "--include-name", REVOKE)]

    assert any(op.split()[1].startswith("/api/v1/") for op in tested)
    assert REVOKE in tested
    for result in results:
        assert result.returncode == 0, (
            f"schemathesis found failures on {len(tested)} operations "
            f"({', '.join(tested)}):\n{result.stdout[-12000:]}\n{result.stderr[-2000:]}"
        )
