#!/usr/bin/env bash
# Item-page throughput of a Disclosure web node against nginx serving the same page as a static file, and the
# node's peak memory under that load. Everything runs on loopback, side by side in one run, and the script prints
# the ratio ours/nginx for three kinds of request: no Accept-Encoding (both send the page as it is), gzip only (nginx
# sends a .gz prepared beside the file, gzip_static; we send the gzip variant kept with the cached page) and a
# browser's "gzip, deflate, br" (we send Brotli, nginx-light has no Brotli and sends its .gz). Not part of the test
# command.
#
#   bench/web/run.sh [--items 100000] [--seconds 15] [--connections 32] [--threads 2]
#
# Installs wrk and nginx from Debian's packages if missing (needs root or sudo), generates a database with the
# data generator (kept in /tmp/disclosure-bench-web-<items> for later runs), publishes the site in Release mode and
# starts it with the public rate limit off, so the numbers measure the node and not the limiter.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
items=100000 seconds=15 connections=32 threads=2
while [ $# -gt 0 ]; do
  case "$1" in
    --items) items="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
for package in wrk nginx-light; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    "${sudo_cmd[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends wrk nginx-light >/dev/null
    break
  fi
done

data="/tmp/disclosure-bench-web-$items"
work="$(mktemp -d /tmp/disclosure-bench-web.XXXXXX)"
chmod 755 "$work" # nginx's workers run as www-data and must read the static copy
site_pid="" nginx_pid=""
cleanup() {
  [ -n "$site_pid" ] && kill "$site_pid" 2>/dev/null || true
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

if [ ! -f "$data/disclosure.db" ]; then
  echo "==> generating $items disclosures into $data"
  dotnet run -c Release --project "$repo/tools/Disclosure.DataGenerator" -- --items "$items" --seed 1 --data-folder "$data"
fi

echo "==> publishing the site (Release)"
dotnet publish "$repo/src/Disclosure.Web" -c Release -o "$work/site" -v q -nologo >/dev/null

# A node in production starts with its search index built; build it once (kept with the data) so the node is not
# indexing the whole corpus in the background while it is measured.
if [ ! -d "$data/search" ]; then
  echo "==> building the search index for $items items"
  (cd "$work/site" && dotnet Disclosure.Web.dll rebuild-search-index --Storage:DataFolder="$data" \
    --Setup:Recipes:0=setup.json --Logging:LogLevel:Default=Warning)
fi

site_port="$(free_port)"
(cd "$work/site" && exec dotnet Disclosure.Web.dll --urls "http://127.0.0.1:$site_port" \
  --Storage:DataFolder="$data" --RateLimiting:PermitsPerMinute=0 --Logging:LogLevel:Default=Warning \
  --Setup:Recipes:0=setup.json >"$work/site.log" 2>&1) &
site_pid=$!
for _ in $(seq 1 600); do
  curl -fs "http://127.0.0.1:$site_port/health/ready" >/dev/null 2>&1 && break
  sleep 1
done
curl -fs "http://127.0.0.1:$site_port/health/ready" >/dev/null || { cat "$work/site.log"; exit 1; }

# One generated item's page, fetched once so both servers send the very same bytes.
# (Lists stop at page 100,000, so the middle of a million is reached ten to a page.)
item="$(curl -fs "http://127.0.0.1:$site_port/api/v1/content?pageSize=10&page=$((items / 20 > 0 ? items / 20 : 1))" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')"
path="/content/$item"
mkdir -p "$work/static/content"
curl -fs "http://127.0.0.1:$site_port$path" -o "$work/static/content/$item"
bytes="$(stat -c %s "$work/static/content/$item")"
gzip -6 -k "$work/static/content/$item" # what gzip_static sends, prepared once as we do
chmod 644 "$work/static/content/"*

nginx_port="$(free_port)"
cat >"$work/nginx.conf" <<CONF
worker_processes auto; # as many as cores, like Kestrel
daemon off;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  default_type text/html;
  gzip_static on;
  server { listen 127.0.0.1:$nginx_port; root $work/static; }
}
CONF
nginx -c "$work/nginx.conf" &
nginx_pid=$!
sleep 1

# Both must answer 200 with the very same page (decoded, in the coding expected), or the comparison means nothing.
check() { # port, Accept-Encoding ("" for none), expected Content-Encoding ("" for none)
  local port="$1" accept="$2" expected="$3" headers="$work/check-headers" coding
  curl -fs --compressed -H "Accept-Encoding: $accept" -D "$headers" "http://127.0.0.1:$port$path" -o "$work/check-body" \
    || { echo "error: 127.0.0.1:$port$path did not answer 200" >&2; exit 1; }
  coding="$(awk 'tolower($1) == "content-encoding:" {print $2}' "$headers" | tr -d '\r')"
  [ "$coding" = "$expected" ] || { echo "error: 127.0.0.1:$port answered '$accept' with coding '$coding', not '$expected'" >&2; exit 1; }
  cmp -s "$work/check-body" "$work/static/content/$item" || { echo "error: 127.0.0.1:$port$path sent another page for '$accept'" >&2; exit 1; }
}
check "$site_port" "" ""
check "$nginx_port" "" ""
check "$site_port" "gzip" "gzip"
check "$nginx_port" "gzip" "gzip"
check "$site_port" "gzip, deflate, br" "br"
check "$nginx_port" "gzip, deflate, br" "gzip"

run_wrk() { # url, name, Accept-Encoding
  local header=()
  [ -n "$3" ] && header=(-H "Accept-Encoding: $3")
  wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency "${header[@]}" "$1" | tee "$work/wrk-$2.txt" >&2
  if grep -q "Non-2xx" "$work/wrk-$2.txt"; then echo "error: $2 answered errors under load; no figure" >&2; exit 1; fi
  awk '/Requests\/sec/ {print $2}' "$work/wrk-$2.txt"
}

# Long enough for tiered compilation to settle the node's hot path (a few seconds gave figures a fifth lower).
echo "==> warming up"
wrk -t"$threads" -c"$connections" -d10s "http://127.0.0.1:$site_port$path" >/dev/null
wrk -t"$threads" -c"$connections" -d10s -H "Accept-Encoding: gzip, deflate, br" "http://127.0.0.1:$site_port$path" >/dev/null
results=()
for row in "none|" "gzip|gzip" "browser|gzip, deflate, br"; do
  name="${row%%|*}" accept="${row#*|}"
  echo "==> wrk against Disclosure ($path, $bytes bytes, Accept-Encoding: ${accept:-none})"
  ours="$(run_wrk "http://127.0.0.1:$site_port$path" "ours-$name" "$accept")"
  echo "==> wrk against nginx (the same page as a static file)"
  theirs="$(run_wrk "http://127.0.0.1:$nginx_port$path" "nginx-$name" "$accept")"
  results+=("$name" "$ours" "$theirs")
done
peak_kib="$(awk '/VmHWM/ {print $2}' "/proc/$(pgrep -f "Disclosure.Web.dll --urls http://127.0.0.1:$site_port" | head -1)/status")"

python3 - "$peak_kib" "$items" "$bytes" "${results[@]}" <<'PY'
import sys
peak, items, size = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
rows = sys.argv[4:]
labels = {"none": "no Accept-Encoding", "gzip": "Accept-Encoding: gzip", "browser": "Accept-Encoding: gzip, deflate, br"}
print()
print(f"corpus: {items:,} items; item page {size:,} bytes")
for i in range(0, len(rows), 3):
    name, ours, nginx = rows[i], float(rows[i + 1]), float(rows[i + 2])
    print(f"{labels[name]:<36} requests/s: Disclosure {ours:,.0f}   nginx static {nginx:,.0f}   ratio ours/nginx {ours / nginx:.2f}")
print(f"web node peak memory under load (VmHWM): {peak / 1024:,.0f} MiB")
PY
