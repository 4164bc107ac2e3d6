#!/usr/bin/env bash
# Mutation testing (变异测试) with Stryker.NET: deliberately breaks the guards that keep secrets and signatures
# right, runs the tests that cover them, and records per area how many of those breakages a test caught.
#
#   build/mutation.sh                  the default areas: secrecy masking deadline calendar webhook
#   build/mutation.sh workflow ledger  any areas by name (see `area` below)
#   build/mutation.sh --list           the areas and what each mutates
#
# Each area names ONE source project (Stryker mutates one project per run: that is why the secrecy scan, the kernel's,
# and 双公示 masking, the Credit module's, are separate areas, as are 答复期限 and working-day counting), the files to mutate (nothing else of the project is mutated), the test
# project and a test filter that selects the tests covering it. The score of each run replaces that area's row in
# docs/mutation.md. Stryker runs with --concurrency 1 by default (MUTATION_CONCURRENCY overrides it) because the
# machines this runs on are shared. Not part of build/test.sh: a run takes minutes per area.
# The storage areas (workflow, ledger) run the SQLite case of each engine theory only: a mutant in this code breaks
# both engines alike, and without DISCLOSURE_TEST_POSTGRES the PostgreSQL cases fail (never skip), which Stryker's
# initial test run refuses. build/test.sh runs the same tests on both engines.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

default_areas=(secrecy masking deadline calendar webhook)
concurrency="${MUTATION_CONCURRENCY:-1}"
report="$repo/docs/mutation.md"
# A VSTest filter term that drops the PostgreSQL case of the storage tests' engine theories (see above).
sqlite_only='DisplayName!~PostgreSQL'

output_root="$repo/artifacts/mutation"

# spans FILE FROM-TO ...: Stryker's {from..to} mutate spans are character offsets into the file; this turns line
# ranges (inclusive) into them, so an area can mutate only the guard code of a larger file.
spans() {
  python3 - "$@" <<'EOF'
import sys
path, ranges = sys.argv[1], sys.argv[2:]
starts = [0]
for line in open(path, encoding="utf-8-sig").read().split("\n"):
    starts.append(starts[-1] + len(line) + 1)
print("".join("{%d..%d}" % (starts[int(a) - 1], starts[int(b)] - 1) for a, b in (r.split("-") for r in ranges)))
EOF
}

# area NAME: sets label, project, test_project, filter and the mutate globs (relative to the source project).
area() {
  mutate=() replicated=false
  case "$1" in
    secrecy)
      label="保密审查扫描 (secrecy scan)"
      project=src/Disclosure.Core/Disclosure.Core.csproj
      test_project=tests/Disclosure.Core.Tests/Disclosure.Core.Tests.csproj
      mutate=("**/Secrecy/*.cs")
      filter="FullyQualifiedName~Disclosure.Core.Tests.Secrecy"
      ;;
    masking)
      label="双公示脱敏 (credit masking)"
      project=src/Modules/Disclosure.Credit/Disclosure.Credit.csproj
      test_project=tests/Disclosure.Core.Tests/Disclosure.Core.Tests.csproj
      mutate=("**/Models/CreditMasking.cs")
      filter="FullyQualifiedName~CreditMasking"
      ;;
    deadline)
      label="答复期限 (reply deadline)"
      project=src/Modules/Disclosure.Requests/Disclosure.Requests.csproj
      test_project=tests/Disclosure.Core.Tests/Disclosure.Core.Tests.csproj
      mutate=("**/Models/ReplyDeadline.cs")
      filter="FullyQualifiedName~ReplyDeadline"
      ;;
    calendar)
      label="工作日计算 (working-day counting, with an agency's local days laid over the national calendar)"
      project=src/Disclosure.Core/Disclosure.Core.csproj
      test_project=tests/Disclosure.Core.Tests/Disclosure.Core.Tests.csproj
      mutate=("**/Calendar/WorkingDayCalendar.cs" "**/Calendar/AgencyCalendars.cs")
      filter="FullyQualifiedName~WorkingDayCalendar|FullyQualifiedName~ReplyDeadline|FullyQualifiedName~AgencyCalendarOverlay"
      ;;
    webhook)
      label="Webhook 签名 (webhook signature)"
      project=src/Modules/Disclosure.Channels/Disclosure.Channels.csproj
      test_project=tests/Disclosure.Channels.Tests/Disclosure.Channels.Tests.csproj
      mutate=("**/Webhooks/WebhookSignature.cs")
      filter="FullyQualifiedName~WebhookSignature"
      ;;
    workflow)
      label="审核流程 (Contents/Review)"
      project=src/Modules/Disclosure.Contents/Disclosure.Contents.csproj
      test_project=tests/Disclosure.Storage.Tests/Disclosure.Storage.Tests.csproj
      # The guards of the review, by line range (turned into Stryker's character spans by `spans`):
      # 定时发布 only later and only when due (ScheduleAsync, PublishDueAsync, 205-238), 紧急发布 neither by the
      # drafter nor by the submitter (EmergencyPublishAsync, 271-291), who may decide a step — role, department,
      # not one's own draft or submission, one step per person (WhyCannotDecide, 331-361), and publication of
      # exactly the approved bytes by the publisher role (LoadApprovedAsync, 438-458). Keep the ranges in step with
      # the file. The rest — ledger wording, masking, bookkeeping — is pinned by WorkflowRecordTests but not
      # mutated: on the shared 2-core machine each mutant there costs a run of SQLite workflow tests.
      mutate=("**/Review/WorkflowService.cs$(spans src/Modules/Disclosure.Contents/Review/WorkflowService.cs 205-238 271-291 331-361 438-458)")
      filter="(FullyQualifiedName~Workflow|FullyQualifiedName~PublicationConcurrency)&$sqlite_only"
      ;;
    enforcement-clock)
      label="执法公开 5 个工作日时限 (Enforcement/Models/EnforcementClock)"
      project=src/Modules/Disclosure.Enforcement/Disclosure.Enforcement.csproj
      test_project=tests/Disclosure.Core.Tests/Disclosure.Core.Tests.csproj
      # The clock (Due, Evaluate, LatestOverdueFormedOn, 16-39); not the zh-CN names below it.
      mutate=("**/Models/EnforcementClock.cs$(spans src/Modules/Disclosure.Enforcement/Models/EnforcementClock.cs 16-39)")
      filter="FullyQualifiedName~EnforcementClock"
      ;;
    party-query)
      label="警务公开查询 (Enforcement/Services/PartyCaseQuery)"
      project=src/Modules/Disclosure.Enforcement/Disclosure.Enforcement.csproj
      test_project=tests/Disclosure.Storage.Tests/Disclosure.Storage.Tests.csproj
      # Who sees what: the code, case number and tail checks and the role's visible events.
      mutate=("**/Services/PartyCaseQuery.cs")
      filter="FullyQualifiedName~Disclosure.Storage.Tests.Enforcement&$sqlite_only"
      ;;
    mailbox-access)
      label="局长信箱 who sees and publishes (Interaction/Mailbox/LetterAccess, PublishedLetters)"
      project=src/Modules/Disclosure.Interaction/Disclosure.Interaction.csproj
      test_project=tests/Disclosure.Storage.Tests/Disclosure.Storage.Tests.csproj
      # The guards: who may see, draft and approve a letter (LetterAccess) and what the public list may show
      # (PublishedLetters: replied, consented, never a 举报).
      mutate=("**/Mailbox/LetterAccess.cs" "**/Mailbox/PublishedLetters.cs")
      filter="FullyQualifiedName~Disclosure.Storage.Tests.Interaction.Mailbox&$sqlite_only"
      ;;
    agency-scope)
      label="集约化 agency isolation (Storage/Agencies: AgencyScope, AgencyOwnership, AgencyTree)"
      project=src/Disclosure.Storage/Disclosure.Storage.csproj
      test_project=tests/Disclosure.Storage.Tests/Disclosure.Storage.Tests.csproj
      # The guards: a user of one agency sees that agency's records only (AgencyScope), no owned row is saved
      # without an agency (AgencyOwnership), and how far a list reaches down the tree (AgencyTree).
      mutate=("**/Agencies/AgencyScope.cs" "**/Agencies/AgencyOwnership.cs" "**/Agencies/AgencyTree.cs")
      filter="FullyQualifiedName~Disclosure.Storage.Tests.Agencies.AgencyTreeTests&$sqlite_only"
      ;;
    supervision)
      label="督查督办 主动公开时限、看板统计与月报存档 (Supervision/Clocks/ProactiveDisclosureClock, Board/SupervisionBoard, Reports/MonthReportArchive)"
      project=src/Modules/Disclosure.Supervision/Disclosure.Supervision.csproj
      test_project=tests/Disclosure.Storage.Tests/Disclosure.Storage.Tests.csproj
      # The 第二十六条 clock (which versions start one, when it stops) and the board's counts per department and
      # the drill-down filters that must match them; the monthly report's day, its one-per-agency rule and who may
      # read a kept report.
      mutate=("**/Clocks/ProactiveDisclosureClock.cs" "**/Board/SupervisionBoard.cs" "**/Reports/MonthReportArchive.cs")
      filter="FullyQualifiedName~Disclosure.Storage.Tests.Supervision&$sqlite_only"
      ;;
    access)
      label="机构与部门隔离 (Storage/Content/ContentAccess)"
      project=src/Disclosure.Storage/Disclosure.Storage.csproj
      test_project=tests/Disclosure.Storage.Tests/Disclosure.Storage.Tests.csproj
      # Agency and department isolation (ContentAccess.MaySee and the VisibleTo filters, 17-60): who sees which
      # agency's and department's items.
      mutate=("**/Content/ContentAccess.cs$(spans src/Disclosure.Storage/Content/ContentAccess.cs 17-60)")
      filter="(FullyQualifiedName~Workflow|FullyQualifiedName~Access)&$sqlite_only"
      ;;
    api-tokens)
      label="接口客户端令牌 (ApiClients/Authentication: ApiClientAuthenticationHandler, AccessTokens)"
      project=src/Modules/Disclosure.ApiClients/Disclosure.ApiClients.csproj
      test_project=tests/Disclosure.Web.Tests/Disclosure.Web.Tests.csproj
      # The handler's checks (expired, revoked, rotated, narrowed scopes, personal tokens) and the token's own
      # validation, against the site-level token tests (each mutant runs them on a real site).
      mutate=("**/Authentication/ApiClientAuthentication.cs$(spans src/Modules/Disclosure.ApiClients/Authentication/ApiClientAuthentication.cs 40-110)"
              "**/Authentication/AccessTokens.cs$(spans src/Modules/Disclosure.ApiClients/Authentication/AccessTokens.cs 51-79)")
      filter="FullyQualifiedName~Disclosure.Web.Tests.ApiClients.TokenTests|FullyQualifiedName~Disclosure.Web.Tests.ApiClients.TokenLifetimeTests"
      ;;
    ledger)
      label="信息发布台账 (Storage/Ledger)"
      project=src/Disclosure.Storage/Disclosure.Storage.csproj
      test_project=tests/Disclosure.Storage.Tests/Disclosure.Storage.Tests.csproj
      # The chain and its checks. LedgerActions is constants; the signed export and its signing key are
      # exercised through the site by Disclosure.Web.Tests' LedgerHeadsTests, which Stryker does not run here.
      mutate=("**/Ledger/LedgerWriter.cs" "**/Ledger/IntegrityVerifier.cs" "**/Ledger/LedgerKeyRing.cs"
              "**/Ledger/LedgerHeads.cs" "**/Ledger/LedgerHead.cs")
      filter="FullyQualifiedName~Ledger&$sqlite_only"
      ;;
    page-cache)
      label="公开页面缓存 who is answered from memory and what is kept (Site/Caching: AnonymousFastPath, PublicPageCapture, PublicPaths)"
      project=src/Modules/Disclosure.Site/Disclosure.Site.csproj
      test_project=tests/Disclosure.Web.Tests/Disclosure.Web.Tests.csproj
      # The guards only: the sign-in check before the fast path, the capture's own check after authentication and
      # what it keeps, and which paths are public reads.
      mutate=("**/Caching/AnonymousFastPath.cs$(spans src/Modules/Disclosure.Site/Caching/AnonymousFastPath.cs 45-49 199-218)"
              "**/Caching/PublicPageCapture.cs$(spans src/Modules/Disclosure.Site/Caching/PublicPageCapture.cs 31-35 80-90)"
              "**/Caching/PublicPaths.cs")
      filter="FullyQualifiedName~Disclosure.Web.Tests.Operations.AnonymousFastPathTests|FullyQualifiedName~Disclosure.Web.Tests.Operations.PublicPathsTests"
      ;;
    read-replicas)
      label="只读副本 where a public read goes (Storage/Replicas: ReadReplicaSelector, PublicReadDatabase)"
      project=src/Disclosure.Storage/Disclosure.Storage.csproj
      test_project=tests/Disclosure.Storage.Tests/Disclosure.Storage.Tests.csproj
      mutate=("**/Replicas/*.cs")
      filter="FullyQualifiedName~Disclosure.Storage.Tests.ReadReplicaTests"
      replicated=true
      ;;
    *)
      echo "unknown area '$1' (known: secrecy masking deadline calendar webhook workflow access agency-scope ledger enforcement-clock party-query mailbox-access supervision api-tokens page-cache read-replicas)" >&2
      return 1
      ;;
  esac
}

if [ "${1:-}" = "--list" ]; then
  for name in secrecy masking deadline calendar webhook workflow access agency-scope ledger enforcement-clock party-query mailbox-access supervision api-tokens page-cache read-replicas; do
    area "$name"
    echo "$name: $label — $project ${mutate[*]} — tests: $test_project ($filter)"
  done
  exit 0
fi

areas=("$@")
if [ "${#areas[@]}" -eq 0 ]; then areas=("${default_areas[@]}"); fi

# The replica tests need a primary with a streaming standby: started here as the test command starts them.
needs_replicated=false
for name in "${areas[@]}"; do   # fails on a typo before anything runs
  area "$name"
  if [ "$replicated" = true ]; then needs_replicated=true; fi
done
if [ "$needs_replicated" = true ]; then
  # shellcheck source=build/postgres.sh
  source "$repo/build/postgres.sh"
  pg_root="$(mktemp -d /tmp/disclosure-mutation-pg.XXXXXX)"
  chmod 755 "$pg_root" # the clusters run as the postgres user when this runs as root
  mkdir -p "$pg_root/primary" "$pg_root/standby"
  trap 'stop_throwaway_postgres "$pg_root/standby"; stop_throwaway_postgres "$pg_root/primary"; rm -rf "$pg_root"' EXIT
  start_throwaway_postgres "$pg_root/primary"
  start_throwaway_standby "$pg_root/primary" "$pg_root/standby"
  export DISCLOSURE_TEST_POSTGRES="$DISCLOSURE_POSTGRES" DISCLOSURE_TEST_POSTGRES_REPLICATED="$DISCLOSURE_POSTGRES"
  export DISCLOSURE_TEST_POSTGRES_STANDBY="$DISCLOSURE_POSTGRES_STANDBY"
fi

echo "==> restoring the local tools (.config/dotnet-tools.json)"
dotnet tool restore >/dev/null

# update_report AREA LABEL FILES MUTANTS KILLED SURVIVED SCORE COMMAND: replaces or appends the area's row.
update_report() {
  local name="$1" row
  row="| $1 | $2 | $3 | $4 | $5 | $6 | $7 | $(date -u +%Y-%m-%d) | \`$8\` |"
  if [ ! -f "$report" ]; then
    cat > "$report" <<'EOF'
# Mutation testing (变异测试)

Written by `build/mutation.sh`, one row per area, replaced on each run of that area. A mutant is one deliberate
breakage of the code (a flipped comparison, a removed call, a changed constant); it is *killed* when a test fails.
Score = (killed + timeout) / (mutants that compile and are covered or survive); the project's floor is 85%.
Mutants that do not compile are not counted. How to read survivors: `artifacts/mutation/<area>/reports/`.

| area | what | files | mutants | killed | survived | score | date | command |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |
EOF
  fi
  python3 - "$report" "$name" "$row" <<'EOF'
import sys
path, name, row = sys.argv[1], sys.argv[2], sys.argv[3]
lines = open(path, encoding="utf-8").read().splitlines()
prefix = f"| {name} |"
replaced = False
for i, line in enumerate(lines):
    if line.startswith(prefix):
        lines[i] = row
        replaced = True
if not replaced:
    # After the table's last row, so notes below the table stay below it.
    last = max(i for i, line in enumerate(lines) if line.startswith("| "))
    lines.insert(last + 1, row)
open(path, "w", encoding="utf-8").write("\n".join(lines) + "\n")
EOF
}

status=0
for name in "${areas[@]}"; do
  area "$name"
  out="$output_root/$name"
  rm -rf "$out"
  mkdir -p "$out"
  args=(--project "$(basename "$project")" --test-project "$repo/$test_project"
        --concurrency "$concurrency" --reporter json --reporter progress --reporter html
        --test-case-filter "$filter" --output "$out" --skip-version-check)
  for glob in "${mutate[@]}"; do args+=(--mutate "$glob"); done
  echo "==> $name: $label"
  # Run from the source project's folder so the mutate globs are relative to it. On a loaded machine Stryker's
  # project analysis (Buildalyzer) can time out asking `dotnet --info` and report "Could not find build
  # environment"; that is retried, any other failure is not.
  ran=false
  for attempt in 1 2 3; do
    if (cd "$repo/$(dirname "$project")" && dotnet dotnet-stryker "${args[@]}") 2>&1 | tee "$out/stryker.log"; [ "${PIPESTATUS[0]}" -eq 0 ]; then
      ran=true
      break
    fi
    grep -q "Could not find build environment" "$out/stryker.log" || break
    echo "==> $name: Stryker's project analysis timed out (attempt $attempt), retrying"
  done
  if [ "$ran" != true ]; then
    echo "Stryker failed for area $name" >&2
    status=1
    continue
  fi

  json="$out/reports/mutation-report.json"
  # Counted as Stryker's dashboard does: killed and timeout detect the mutant; survived and no-coverage don't.
  read -r mutants killed survived score < <(python3 - "$json" <<'EOF'
import json, sys
report = json.load(open(sys.argv[1], encoding="utf-8"))
counts = {}
for source in report["files"].values():
    for mutant in source["mutants"]:
        counts[mutant["status"]] = counts.get(mutant["status"], 0) + 1
detected = counts.get("Killed", 0) + counts.get("Timeout", 0)
undetected = counts.get("Survived", 0) + counts.get("NoCoverage", 0)
valid = detected + undetected
score = f"{100 * detected / valid:.1f}%" if valid else "n/a"
print(valid, detected, undetected, score)
EOF
)
  # The report lists every file of the project; the mutated ones are those with a mutant Stryker did not ignore
# (a mutant outside the mutate filter can still be reported as a compile error, which does not count either).
  file_list="$(python3 - "$json" <<'EOF'
import json, sys
files = json.load(open(sys.argv[1], encoding="utf-8"))["files"]
print(", ".join(sorted(path.split("/src/", 1)[-1] for path, source in files.items()
                       if any(m["status"] not in ("Ignored", "CompileError") for m in source["mutants"]))))
EOF
)"
  command="build/mutation.sh $name"
  update_report "$name" "$label" "$file_list" "$mutants" "$killed" "$survived" "$score" "$command"
  echo "==> $name: $mutants mutants, $killed killed, $survived survived, score $score"
done

echo "==> scores written to docs/mutation.md"
exit "$status"
