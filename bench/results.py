"""bench/RESULTS.md holds one section per benchmark; each script rewrites only its own."""

import platform
import re
from datetime import UTC, datetime
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
HEADER = "# Benchmark results\n\nEach section is written by the script it names (`make bench`).\n"


def machine() -> str:
    cores = len(__import__("os").sched_getaffinity(0))
    mem = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        kib = int(meminfo.read_text().split("\n")[0].split()[1])
        mem = f", {kib / 1024 / 1024:.0f} GiB"
    return (f"{platform.node() or 'machine'}: {platform.system()} {platform.machine()}, "
            f"{cores} cores{mem}, Python {platform.python_version()}, "
            f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC")


def write_section(name: str, markdown: str) -> None:
    """Replace (or append) the section `name` of bench/RESULTS.md."""
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else HEADER
    start, end = f"<!-- section:{name} -->", f"<!-- /section:{name} -->"
    block = f"{start}\n{markdown.strip()}\n\n_Machine: {machine()}_\n{end}"
    pattern = re.compile(re.escape(start) + ".*?" + re.escape(end), re.S)
    text = pattern.sub(lambda _: block, text) if pattern.search(text) else f"{text}\n{block}\n"
    RESULTS.write_text(text, encoding="utf-8")
