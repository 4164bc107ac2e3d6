#!/usr/bin/env bash
# The whole test suite, as README.md and .ci/run call it.
#
# Installs what the tests need (PostgreSQL 15 and Chromium from Debian's packages, axe-core from npm for the
# accessibility checks), starts a throwaway PostgreSQL cluster
# on a free loopback port, runs every test project in Disclosure.sln against it, and tears it down again. The
# benchmarks (bench/) are not built here: they are built when they are run.
# Fails if any test failed or was skipped (a real-server test must never silently disappear), and ends with
# the totals on a line of their own: "N passed, N failed, N skipped".
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi

# --- what the tests need, from Debian's packages --------------------------------------------------------
packages=(postgresql-15 postgresql-client-15 chromium fonts-noto-cjk)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "==> installing ${missing[*]}"
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# --- axe-core for the accessibility checks in the browser tests, from the npm registry ----------------------
axe_version=4.11.0
axe_dir="${XDG_CACHE_HOME:-$HOME/.cache}/disclosure/axe-core-$axe_version"
if [ ! -f "$axe_dir/node_modules/axe-core/axe.min.js" ]; then
  echo "==> installing axe-core $axe_version"
  mkdir -p "$axe_dir"
  npm install --silent --no-audit --no-fund --prefix "$axe_dir" "axe-core@$axe_version" >/dev/null
fi
export DISCLOSURE_AXE_SCRIPT="$axe_dir/node_modules/axe-core/axe.min.js"

# --- a throwaway PostgreSQL cluster on loopback ---------------------------------------------------------
# shellcheck source=build/postgres.sh
source "$repo/build/postgres.sh"
work="$(mktemp -d /tmp/disclosure-test.XXXXXX)"
cleanup() {
  stop_throwaway_postgres "$work/standby"
  stop_throwaway_postgres "$work/replicated"
  stop_throwaway_postgres "$work"
  rm -rf "$work"
}
trap cleanup EXIT
start_throwaway_postgres "$work"
export DISCLOSURE_TEST_POSTGRES="$DISCLOSURE_POSTGRES"
# A second, small primary with a streaming hot standby, for the read-replica tests alone: the standby of the main
# cluster would replay every other test's databases on these two cores.
mkdir -p "$work/replicated" "$work/standby"
start_throwaway_postgres "$work/replicated"
export DISCLOSURE_TEST_POSTGRES_REPLICATED="$DISCLOSURE_POSTGRES"
start_throwaway_standby "$work/replicated" "$work/standby"
export DISCLOSURE_TEST_POSTGRES_STANDBY="$DISCLOSURE_POSTGRES_STANDBY"

# --- every test project ---------------------------------------------------------------------------------
# Built first, then tested with --no-build. When dotnet test builds, MSBuild runs each project's tests on the node that
# built it, and that put every test project on one node: one after another, minutes longer than two at a time (the
# storage and web tests are the two long ones). Built separately, the projects' test runs spread over the nodes.
test_args=()
build_args=()
build=1
while [ "$#" -gt 0 ]; do
  case "$1" in
    --no-build) build=0 ;;
    -c | --configuration)
      build_args+=("$1" "$2")
      test_args+=("$1" "$2")
      shift
      ;;
    *) test_args+=("$1") ;;
  esac
  shift
done
# Every project of Disclosure.sln but the benchmarks (bench/, built when they are run): a solution filter made here
# from the solution itself, so a project added to the solution is built and tested without anyone editing a list.
solution="$work/Disclosure.Tests.slnf"
{
  printf '{ "solution": { "path": "%s", "projects": [' "$repo/Disclosure.sln"
  dotnet sln "$repo/Disclosure.sln" list | grep -E '\.csproj$' | grep -vE '^bench[/\\]' | tr '\\' '/' | sed 's/.*/"&"/' | paste -sd, -
  printf '] } }\n'
} > "$solution"
if [ "$build" -eq 1 ]; then
  dotnet build "$solution" -v q -clp:NoSummary "${build_args[@]}"
fi

results="$work/results"
status=0
dotnet test "$solution" --no-build --logger "trx" --results-directory "$results" "${test_args[@]}" || status=$?

passed=0 failed=0 skipped=0
shopt -s nullglob
for trx in "$results"/*.trx; do
  counters="$(grep -o '<Counters [^>]*>' "$trx" || true)"
  value() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  passed=$((passed + $(value passed)))
  failed=$((failed + $(value failed) + $(value error) + $(value timeout) + $(value aborted)))
  skipped=$((skipped + $(value notExecuted) + $(value inconclusive)))
done

# The slowest test classes, so that the suite's 15 minutes stay in view as it grows.
cat "$results"/*.trx 2>/dev/null | grep -o '<UnitTestResult [^>]*' |
  sed -n 's/.*testName="\([^"]*\)".*duration="\([0-9:.]*\)".*/\2 \1/p' |
  awk '{ split($1, t, ":"); name = $2; sub(/\.[^.(]*(\(.*)?$/, "", name); sum[name] += t[1] * 3600 + t[2] * 60 + t[3] }
       END { for (c in sum) printf "%8.1f s  %s\n", sum[c], c }' | sort -rn | head -15 |
  { echo "==> slowest test classes (summed test time; classes run in parallel)"; cat; } || true
if [ -n "${DISCLOSURE_TEST_RESULTS:-}" ]; then cp "$results"/*.trx "$DISCLOSURE_TEST_RESULTS"/ 2>/dev/null || true; fi

if [ "$skipped" -gt 0 ]; then
  echo "error: $skipped test(s) were skipped; every test must run." >&2
  status=1
fi
if [ $((passed + failed)) -eq 0 ]; then
  echo "error: no test ran." >&2
  status=1
fi
if [ "$failed" -gt 0 ] && [ "$status" -eq 0 ]; then status=1; fi

echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
