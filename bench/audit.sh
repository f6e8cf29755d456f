#!/usr/bin/env bash
# make audit: Lighthouse (mobile preset, Debian's Chromium) on the home page, a search result
# page, a producer page and a product page of the demo site served as in production (gunicorn,
# DEBUG=false, WhiteNoise with compressed static files), on 127.0.0.1 only.
# Writes bench/lighthouse.md (scores, bytes transferred without product photos, requests to
# other hosts). Bounded: each Lighthouse run is killed after 120 s.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PY="$ROOT/.venv/bin/python"
LIGHTHOUSE="$ROOT/bench/node_modules/.bin/lighthouse"

if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get install -y -q chromium >/dev/null || { apt-get update -q && apt-get install -y -q chromium; }
  else
    echo "Debian's Chromium is needed: apt-get install -y chromium" >&2; exit 1
  fi
fi
# Lighthouse 12 (13 needs Node >= 22; Debian 12 ships Node 18/20), into bench/node_modules.
[ -x "$LIGHTHOUSE" ] || (cd bench && npm install --no-audit --no-fund --loglevel=error)

WORK=$(mktemp -d -t omlot-audit.XXXXXX)
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

export DJANGO_SETTINGS_MODULE=bench.settings BENCH_MINIMAL_VIEW=true DEBUG=false \
  SECRET_KEY="audit-only-$(head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')" \
  ALLOWED_HOSTS=127.0.0.1,localhost SECURE_COOKIES=false VAR_DIR="$WORK" \
  MEDIA_ROOT="$WORK/media" DATABASE_URL="sqlite:///$WORK/audit.sqlite3" LOG_LEVEL=WARNING \
  PAGE_CACHE_SECONDS=300
# PAGE_CACHE_SECONDS: the production default (bench/settings.py turns the page cache off for the
# load benchmarks): an anonymous visitor gets the page as production serves it.
unset REDIS_URL

echo "== demo site (SQLite, DEBUG=false) in $WORK"
"$PY" manage.py migrate --noinput -v0 --skip-checks
"$PY" manage.py import_communes >/dev/null
"$PY" manage.py seed_demo >/dev/null
"$PY" manage.py collectstatic --noinput -v0

PORT=$("$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
"$ROOT/.venv/bin/gunicorn" config.wsgi:application --workers 2 --bind "127.0.0.1:$PORT" \
  --log-level warning >"$WORK/gunicorn.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 50); do curl -fs "$BASE/healthz" >/dev/null && break; sleep 0.2; done
curl -fs "$BASE/healthz" >/dev/null

# The four pages; the search page is the product search with a typical query.
PAGES=(
  "home=/"
  "search=/produits/?q=fromage+de+chevre"
  "producer=/producteurs/chevrerie-du-causse/"
  "product=/produits/chevrerie-du-causse/plateau-de-6-rocamadour/"
)
FLAGS="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking --disable-component-update --disable-sync"
for entry in "${PAGES[@]}"; do
  name=${entry%%=*}; path=${entry#*=}
  status=$(curl -s -o /dev/null -w '%{http_code}' "$BASE$path")
  echo "== $name $path (HTTP $status)"
  echo "$status" >"$WORK/$name.status"
  [ "$status" = 200 ] || continue
  CHROME_PATH=/usr/bin/chromium timeout 120 "$LIGHTHOUSE" "$BASE$path" --quiet \
    --only-categories=performance,accessibility,best-practices,seo \
    --output=json --output-path="$WORK/$name.json" --chrome-flags="$FLAGS" \
    || echo "lighthouse failed on $name" >&2
done

"$PY" -m bench.lighthouse_report "$WORK" "${PAGES[@]}"
echo "== bench/lighthouse.md written"
