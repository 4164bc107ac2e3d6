#!/usr/bin/env bash
# Item pages rendered by two web nodes over PostgreSQL, reading from the primary, then from a streaming hot standby
# (Storage:ReadReplicas): requests per second of the two nodes together, and the database statements each page cost
# the primary and the standby. The page cache is off, so every request renders its page from the database: this
# measures what the standby takes off the primary, not the fast path (bench/web/run.sh measures that). Both
# configurations run twice, alternating, in one run. Not part of the test command.
#
#   bench/web/replicas.sh [--items 100000] [--seconds 15] [--connections 16]   (connections per node)
#
# Installs wrk and PostgreSQL 15 from Debian's packages if missing (needs root or sudo), starts a throwaway primary
# (durable settings, as in production), generates the items into it with the data generator (the nodes share its
# 台账 keys, as an office's nodes do), copies it into a standby with pg_basebackup, publishes the site in Release mode
# and starts the nodes with the public rate limit and the search follower off (searching is not measured; indexing
# the corpus would compete for the two cores).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
items=100000 seconds=15 connections=16
while [ $# -gt 0 ]; do
  case "$1" in
    --items) items="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
for package in wrk postgresql-15 postgresql-client-15; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    "${sudo_cmd[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends wrk postgresql-15 postgresql-client-15 >/dev/null
    break
  fi
done

# shellcheck source=build/postgres.sh
source "$repo/build/postgres.sh"
work="$(mktemp -d /tmp/disclosure-bench-replicas.XXXXXX)"
chmod 755 "$work"
mkdir -p "$work/primary" "$work/standby"
node_pids=()
stop_nodes() {
  for pid in "${node_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${node_pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  node_pids=()
}
cleanup() {
  stop_nodes
  stop_throwaway_postgres "$work/standby"
  stop_throwaway_postgres "$work/primary"
  rm -rf "$work"
}
trap cleanup EXIT

DISCLOSURE_POSTGRES_DURABLE=1 start_throwaway_postgres "$work/primary"
primary="${DISCLOSURE_POSTGRES/Database=postgres/Database=disclosure}"
psql_on() { psql "host=127.0.0.1 port=$(cat "$1/port") user=postgres dbname=${2:-disclosure}" -Atqc "$3"; }
psql_on "$work/primary" postgres "CREATE DATABASE disclosure"

echo "==> generating $items disclosures into the primary"
dotnet run -c Release --project "$repo/tools/Disclosure.DataGenerator" -- --items "$items" --seed 1 --postgres "$primary" \
  --data-folder "$work/generated" >"$work/generator.log"
start_throwaway_standby "$work/primary" "$work/standby"
standby="${DISCLOSURE_POSTGRES_STANDBY/Database=postgres/Database=disclosure}"

echo "==> publishing the site (Release)"
dotnet publish "$repo/src/Disclosure.Web" -c Release -o "$work/site" -v q -nologo >/dev/null

# Every published item, each request one of them at random: no two requests in a row read the same rows.
psql_on "$work/primary" disclosure "SELECT i.\"ContentItemId\" FROM \"ContentItems\" i JOIN \"ContentVersions\" v ON v.\"ItemId\" = i.\"Id\"
  WHERE v.\"Status\" = 'Published' AND v.\"PublishedUtc\" <= now()" >"$work/ids"
cat >"$work/random-item.lua" <<'LUA'
local ids = {}
for line in io.lines(os.getenv("ITEM_IDS")) do ids[#ids + 1] = line end
local threads = 0
function setup(thread) threads = threads + 1; thread:set("number", threads) end
function init(args) math.randomseed(tonumber(os.getenv("SEED")) * 1000 + number) end
function request() return wrk.format("GET", "/content/" .. ids[math.random(#ids)]) end
LUA

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
ports=()
start_nodes() { # extra arguments for both nodes
  ports=()
  # One after the other: two nodes starting together on a new database race to create the administrator (noted).
  for n in 1 2; do
    local port
    port="$(free_port)"
    mkdir -p "$work/node$n"
    (cd "$work/site" && exec dotnet Disclosure.Web.dll --urls "http://127.0.0.1:$port" \
      --Storage:Provider=PostgreSQL --Storage:ConnectionString="$primary" --Storage:DataFolder="$work/node$n" \
      --Ledger:KeysFolder="$work/generated/keys" \
      --Site:Cache:Enabled=false --Search:FollowChanges=false --RateLimiting:PermitsPerMinute=0 \
      --Logging:LogLevel:Default=Warning --Setup:Recipes:0=setup.json "$@" >"$work/node$n.log" 2>&1) &
    node_pids+=($!)
    ports+=("$port")
    for _ in $(seq 1 300); do
      curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break
      sleep 1
    done
    curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null || { cat "$work"/node*.log; exit 1; }
  done
}

statements() { # cluster folder: committed transactions in the bench's database (one per statement outside a transaction)
  psql_on "$1" disclosure "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = 'disclosure'"
}

# Both nodes under load at once, each from its own wrk; prints requests/s of the two together.
load() { # seconds, name
  local pids=() n=0 total=0
  for port in "${ports[@]}"; do
    n=$((n + 1))
    # A page that takes longer than wrk's default two seconds would be rendered but not counted.
    ITEM_IDS="$work/ids" SEED="$n" wrk -t1 -c"$connections" -d"$1s" --timeout 30s --latency -s "$work/random-item.lua" \
      "http://127.0.0.1:$port" >"$work/wrk-$2-node$n.txt" &
    pids+=($!)
  done
  for pid in "${pids[@]}"; do wait "$pid"; done
  for n in 1 2; do
    if grep -q "Non-2xx\|Socket errors" "$work/wrk-$2-node$n.txt"; then cat "$work/wrk-$2-node$n.txt" >&2; echo "error: node $n answered errors; no figure" >&2; exit 1; fi
    total="$(awk -v t="$total" '/Requests\/sec/ {print t + $2}' "$work/wrk-$2-node$n.txt")"
  done
  echo "$total"
}

requests() { awk '/requests in/ {s += $1} END {print s}' "$work"/wrk-"$1"-node*.txt; }

results=()
for round in 1 2; do
  for config in primary standby; do
    replicas=()
    [ "$config" = standby ] && replicas=(--Storage:ReadReplicas:0="$standby")
    echo "==> round $round: two nodes reading from the $config"
    start_nodes "${replicas[@]}"
    # The page's code is compiled and the pools are warm before anything is counted.
    load 10 "warm-$config-$round" >/dev/null
    # A backend flushes its statistics to pg_stat_database at most once a second, and an idle one within ten: each
    # reading follows 11 s without load. The nodes' own background reads (change-log head, outbox, standby checks)
    # are counted over one such idle stretch and taken off the run's figures in proportion to its length.
    sleep 11
    idle_primary="$(statements "$work/primary")" idle_standby="$(statements "$work/standby")"
    sleep 11
    before_primary="$(statements "$work/primary")" before_standby="$(statements "$work/standby")"
    started=$SECONDS
    rate="$(load "$seconds" "$config-$round")"
    sleep 11
    after_primary="$(statements "$work/primary")" after_standby="$(statements "$work/standby")"
    window=$((SECONDS - started))
    count="$(requests "$config-$round")"
    on_primary=$(( (after_primary - before_primary) - (before_primary - idle_primary) * window / 11 ))
    on_standby=$(( (after_standby - before_standby) - (before_standby - idle_standby) * window / 11 ))
    echo "    $rate requests/s; $count pages; statements for them on the primary $on_primary, on the standby $on_standby (background: $((before_primary - idle_primary)) / $((before_standby - idle_standby)) per 11 s)"
    results+=("$config" "$rate" "$count" "$on_primary" "$on_standby")
    stop_nodes
  done
done

python3 - "$items" "$connections" "${results[@]}" <<'PY'
import sys
items, connections, rows = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
runs = {"primary": [], "standby": []}
for i in range(0, len(rows), 5):
    name, rate, pages, on_primary, on_standby = rows[i], float(rows[i + 1]), int(rows[i + 2]), int(rows[i + 3]), int(rows[i + 4])
    runs[name].append((rate, on_primary / pages, on_standby / pages))
print()
print(f"corpus: {items:,} items; two nodes, {connections} connections each, a random item page per request, page cache off")
for name in ("primary", "standby"):
    rates = ", ".join(f"{r[0]:,.0f}" for r in runs[name])
    mean = sum(r[0] for r in runs[name]) / len(runs[name])
    p = sum(r[1] for r in runs[name]) / len(runs[name])
    s = sum(r[2] for r in runs[name]) / len(runs[name])
    print(f"reads from the {name:<8} requests/s (two nodes): {rates} (mean {mean:,.0f})   statements per page: primary {p:.2f}, standby {s:.2f}")
ratio = (sum(r[0] for r in runs["standby"]) / len(runs["standby"])) / (sum(r[0] for r in runs["primary"]) / len(runs["primary"]))
print(f"ratio standby/primary (requests/s): {ratio:.2f}")
PY
