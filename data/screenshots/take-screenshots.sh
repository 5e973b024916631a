#!/bin/sh
# take-screenshots.sh — a PNG of every page of the window, in Chinese and in English
#
#   data/screenshots/take-screenshots.sh BUILD-DIR [OUT-DIR]
#
# Creates the demo community book with BUILD-DIR/app/community-ledger, on a
# fixed date so the pictures come out the same each time, then runs
# BUILD-DIR/tests/make-screenshots on it under Xvfb once per language. It
# writes OUT-DIR/zh_CN/PAGE.png and OUT-DIR/en/PAGE.png (1100×720), one for
# each page of the window, and prints their paths. OUT-DIR defaults to the
# folder of this script, data/screenshots. It fails (after writing what it
# could) when GTK logged a warning or a critical: the pictures may then show
# a broken page.
set -eu

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  echo "Usage: $0 BUILD-DIR [OUT-DIR]" >&2
  exit 2
fi
build=$1
out=${2:-$(dirname "$0")}
app="$build/app/community-ledger"
shots="$build/tests/make-screenshots"

for program in "$app" "$shots"; do
  if [ ! -x "$program" ]; then
    echo "$0: $program is missing: build first (meson compile -C $build)" >&2
    exit 1
  fi
done
if ! command -v xvfb-run >/dev/null; then
  echo "$0: xvfb-run is missing (apt-get install xvfb xauth)" >&2
  exit 1
fi

# The same book, dates and look on every run.
export COMMUNITY_LEDGER_NOW=2026-06-30T10:00:00+08:00
export GSK_RENDERER=cairo
export GSETTINGS_BACKEND=memory
export GTK_A11Y=none
export NO_AT_BRIDGE=1
unset LC_ALL LC_MESSAGES GTK_THEME

tmp=$(mktemp -d "${TMPDIR:-/tmp}/screenshots-XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

LANGUAGE=en LANG=C.UTF-8 "$app" --book "$tmp/demo.clbook" demo --households 120 --years 3 --end-year 2026 >/dev/null

# FOLDER LANGUAGE: the pictures of one language.
take () {
  mkdir -p "$out/$1"
  LANGUAGE=$2 LANG=C.UTF-8 xvfb-run -a -s '-screen 0 1280x800x24' \
    "$shots" "$tmp/demo.clbook" "$out/$1"
}

# Both languages even when one fails; then the status says so.
status=0
take zh_CN zh_CN || status=1
take en en || status=1
exit $status
