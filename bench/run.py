"""`make bench`: run every benchmark script (bench/bench_*.py, then the relevance benchmark
bench/relevance.py), each in its own process.

Each script writes its own section of bench/RESULTS.md; a failing one does not stop the others,
but makes the run fail at the end."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent


def main() -> int:
    scripts = [*sorted(BENCH.glob("bench_*.py")), BENCH / "relevance.py"]
    failed = []
    for script in scripts:
        print(f"=== {script.name}", flush=True)
        started = time.monotonic()
        result = subprocess.run([sys.executable, str(script)], cwd=BENCH.parent, check=False)
        print(f"=== {script.name}: exit {result.returncode} in {time.monotonic() - started:.0f} s",
              flush=True)
        if result.returncode != 0:
            failed.append(script.name)
    if failed:
        print(f"Failed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
