"""`make run` on a fresh machine: `manage.py migrate` (with its system checks, which import every
URLconf, view and form) must work on an empty database.

The live site of the browser tests migrates with --skip-checks so that such a failure shows here,
once and by name, rather than as every browser test failing.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.functional.live_site import MANAGE, ROOT


@pytest.mark.timeout(180)
def test_migrate_with_system_checks_works_on_an_empty_database(tmp_path: Path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    env.update(DJANGO_SETTINGS_MODULE="config.settings", VAR_DIR=str(tmp_path),
               DATABASE_URL=f"sqlite:///{tmp_path / 'fresh.sqlite3'}")

    result = subprocess.run([sys.executable, MANAGE, "migrate", "--noinput", "-v0"], env=env,
                            cwd=ROOT, capture_output=True, text=True, timeout=170, check=False)

    assert result.returncode == 0, (
        "manage.py migrate fails on an empty database (does some module query the database "
        f"when it is imported?):\n{result.stderr[-3000:]}"
    )
