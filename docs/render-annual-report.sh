#!/usr/bin/env bash
# Renders a sample 政府信息公开工作年度报告 to PDF and PNG with LibreOffice, to look at the DOCX as a reader would.
# Not part of the test command (build/test.sh).
#
#   docs/render-annual-report.sh [YEAR]        (default: 2025)
#
# 1. installs libreoffice-writer-nogui, fonts-noto-cjk and poppler-utils from Debian's packages if missing;
# 2. generates the report on YEAR from the demo data on a fresh SQLite site
#    (`dotnet run --project src/Disclosure.Web -- annual-report-sample`);
# 3. converts it to PDF with `soffice --headless --convert-to pdf` and the first page to PNG with `pdftoppm`.
#
# Output in docs/out/ (annual-report.docx, .html, .pdf, -page1.png); the first page is also copied to
# docs/annual-report-page1.png, the picture README.md shows.
#
# The DOCX names the official fonts (方正小标宋简体, 仿宋_GB2312, 黑体, 楷体_GB2312) without embedding them; on a
# machine without them LibreOffice substitutes Noto CJK, so the picture shows the layout, not the exact faces.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
year="${1:-2025}"
out="$repo/docs/out"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi

missing=()
for package in libreoffice-writer-nogui fonts-noto-cjk poppler-utils; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "==> installing ${missing[*]}"
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

rm -rf "$out"
mkdir -p "$out"
data="$(mktemp -d /tmp/disclosure-report.XXXXXX)"
trap 'rm -rf "$data"' EXIT

echo "==> generating the $year report from the demo data"
dotnet run --project "$repo/src/Disclosure.Web" -- annual-report-sample "$out/annual-report.docx" "$year" \
  --Storage:DataFolder="$data" --Setup:RecipesFolder="$repo/recipes" >"$out/generate.log" 2>&1 \
  || { cat "$out/generate.log"; exit 1; }

echo "==> converting to PDF with LibreOffice"
# Stand-ins for the official faces, for this rendering only: 仿宋/小标宋/楷体 → Noto Serif CJK, 黑体 → Noto Sans CJK.
cat >"$data/fonts.conf" <<'FONTS'
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <alias binding="same"><family>仿宋_GB2312</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="same"><family>楷体_GB2312</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="same"><family>方正小标宋简体</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="same"><family>黑体</family><prefer><family>Noto Sans CJK SC</family></prefer></alias>
  <alias binding="same"><family>宋体</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
</fontconfig>
FONTS
export FONTCONFIG_FILE="$data/fonts.conf"
# A throwaway profile, so a LibreOffice already running for the user does not swallow the conversion.
soffice -env:UserInstallation="file://$data/lo-profile" --headless --convert-to pdf --outdir "$out" "$out/annual-report.docx" >/dev/null

echo "==> first page to PNG"
pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$out/annual-report.pdf" "$out/annual-report-page1"
cp "$out/annual-report-page1.png" "$repo/docs/annual-report-page1.png"
pages="$(pdfinfo "$out/annual-report.pdf" | awk '/^Pages:/ {print $2}')"
echo "done: $out/annual-report.pdf ($pages pages), docs/annual-report-page1.png"
