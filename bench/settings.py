"""Settings for benchmarks and audits: the production settings, plus bench-only routes when
BENCH_MINIMAL_VIEW is set (a minimal view to compare against, and the media files, which a
web server or S3 serves in production). Nothing here is reachable from config.urls."""

from config.env import env_bool
from config.settings import *  # noqa: F403

if env_bool("BENCH_MINIMAL_VIEW", False):
    ROOT_URLCONF = "bench.urls"

# Benchmarks and audits talk to the server over plain HTTP on loopback: no TLS in front.
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
