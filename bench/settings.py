"""Settings for benchmarks and audits: the production settings, plus bench-only routes when
BENCH_MINIMAL_VIEW is set (a minimal view to compare against, and the media files, which a
web server or S3 serves in production). Nothing here is reachable from config.urls."""

from config.env import env_bool, env_int
from config.settings import *  # noqa: F403

if env_bool("BENCH_MINIMAL_VIEW", False):
    ROOT_URLCONF = "bench.urls"

# Benchmarks and audits talk to the server over plain HTTP on loopback: no TLS in front.
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
# Benchmarks repeat the same addresses: they measure the work of a page, not the page cache
# (marketplace/directory/page_cache.py), unless PAGE_CACHE_SECONDS says otherwise.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 0)
