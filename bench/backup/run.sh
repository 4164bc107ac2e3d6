#!/usr/bin/env bash
# `backup` of a SQLite site against a plain file copy (cp) of the same files, in one run: wall time and size of
# each, then `restore` of the archive into an empty folder. Not part of the test command.
#
#   bench/backup/run.sh [--items 1000000] [--from DATA_FOLDER] [--work DIR] [--configuration Release]
#
# --from copies an existing generated data folder (read only: it is copied first, never opened in place);
# otherwise the data generator builds a site of --items items (kept in /tmp/disclosure-bench-backup-<items>).
# Both contenders read the same copy, one after the other; the copy sits in the page cache as much as memory allows,
# alike for both. The work folder (default /tmp/disclosure-bench-backup-work) needs about 4× the database's size.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
items=1000000 from="" work=/tmp/disclosure-bench-backup-work configuration=Release
while [ $# -gt 0 ]; do
  case "$1" in
    --items) items="$2"; shift 2 ;;
    --from) from="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    --configuration) configuration="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

echo "==> building Disclosure.Web ($configuration)"
dotnet build "$repo/src/Disclosure.Web" -c "$configuration" -v q -clp:NoSummary >/dev/null
web="$repo/src/Disclosure.Web/bin/$configuration/net10.0/Disclosure.Web.dll"

rm -rf "$work"
mkdir -p "$work"
site="$work/site"
if [ -n "$from" ]; then
  echo "==> copying $from to $site"
  cp -r "$from" "$site"
else
  generated="/tmp/disclosure-bench-backup-$items"
  if [ ! -f "$generated/disclosure.db" ]; then
    echo "==> generating $items items into $generated"
    dotnet run -c Release --project "$repo/tools/Disclosure.DataGenerator" -- --items "$items" --data-folder "$generated"
  fi
  cp -r "$generated" "$site"
fi
# A handful of attachments, so the media half of the archive is exercised too.
mkdir -p "$site/media/2026/11"
for i in $(seq 1 50); do head -c 200000 /dev/urandom > "$site/media/2026/11/bench-$i.pdf"; done

seconds() { date +%s.%N; }
size_of() { du -sb "$1" | cut -f1; }

echo "==> backup --to $work/archives"
start=$(seconds)
(cd "$repo/src/Disclosure.Web" && Storage__DataFolder="$site" dotnet "$web" backup --to "$work/archives")
backup_s=$(awk "BEGIN { print $(seconds) - $start }")
archive=$(ls "$work"/archives/disclosure-backup-*.tar)
backup_bytes=$(stat -c %s "$archive")

echo "==> cp -r $site $work/plain-copy"
start=$(seconds)
cp -r "$site" "$work/plain-copy"
sync -f "$work/plain-copy/disclosure.db"
copy_s=$(awk "BEGIN { print $(seconds) - $start }")
copy_bytes=$(size_of "$work/plain-copy")
site_bytes=$(size_of "$site")

echo "==> restore --from $archive into $work/restored"
start=$(seconds)
(cd "$repo/src/Disclosure.Web" && Storage__DataFolder="$work/restored" Ledger__KeysFolder="$site/keys" dotnet "$web" restore --from "$archive")
restore_s=$(awk "BEGIN { print $(seconds) - $start }")

printf '\n| what | seconds | bytes |\n| --- | ---: | ---: |\n'
printf '| the site (database + media) | | %s |\n' "$site_bytes"
printf '| `backup` (online copy, checksums, manifest, fsync) | %.1f | %s |\n' "$backup_s" "$backup_bytes"
printf '| `cp -r` of the same files (+ sync) | %.1f | %s |\n' "$copy_s" "$copy_bytes"
printf '| `restore` (verify every checksum, write, verify rows and 台账) | %.1f | |\n' "$restore_s"
awk "BEGIN { printf \"ratio backup/cp: time %.2f, size %.3f\\n\", $backup_s / $copy_s, $backup_bytes / $copy_bytes }"
rm -rf "$work"
