#!/usr/bin/env bash
# Publish-to-visible latency (API and search, p50/p95) on two web nodes over one PostgreSQL, against an uncached API
# round trip measured in the same run. Not part of the test command.
#
#   bench/latency/run.sh [--items 100000] [--rounds 100]
#
# Starts a throwaway PostgreSQL 15 from Debian's packages (installed if missing; durable settings, as in
# production), publishes the site in Release mode, and runs bench/Disclosure.Bench.Latency, which generates the
# items, starts the two nodes and publishes --rounds items one after another.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
for package in postgresql-15 postgresql-client-15; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    "${sudo_cmd[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends postgresql-15 postgresql-client-15 >/dev/null
    break
  fi
done

# shellcheck source=build/postgres.sh
source "$repo/build/postgres.sh"
work="$(mktemp -d /tmp/disclosure-bench-latency.XXXXXX)"
chmod 755 "$work"
mkdir -p "$work/pg"
cleanup() {
  stop_throwaway_postgres "$work/pg"
  rm -rf "$work"
}
trap cleanup EXIT
DISCLOSURE_POSTGRES_DURABLE=1 start_throwaway_postgres "$work/pg"

echo "==> publishing the site (Release)"
dotnet publish "$repo/src/Disclosure.Web" -c Release -o "$work/site" -v q -nologo >/dev/null

dotnet run -c Release --project "$repo/bench/Disclosure.Bench.Latency" -- \
  --postgres "${DISCLOSURE_POSTGRES/Database=postgres/Database=disclosure}" --site "$work/site" "$@"
