#!/bin/sh
# make run: opens the app on a demo community book. Without a display it
# says so, and prints the demo's reports instead.
#   app/make-run.sh BINARY DEMO-FOLDER
set -eu
app=$1
demo=$2
book="$demo/demo.clbook"

mkdir -p "$demo"
if [ ! -f "$book" ]; then
  echo "Creating the demo community book $book …"
  "$app" --book "$book" demo --households 120 --years 3 >/dev/null
fi

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  exec "$app" --book "$book"
fi

echo "No display found (neither DISPLAY nor WAYLAND_DISPLAY is set), so the window cannot open."
echo "Writing the demo community's workbook and notice instead …"
out="$demo/out"
mkdir -p "$out"
year=$(date +%Y)
"$app" --book "$book" export xlsx "$out/demo-$year.xlsx" --period "$year"
"$app" --book "$book" notice "$out/notice-$year.pdf" --period "$year" \
    --png "$out/notice-$year.png" --html "$out/notice-$year.html"
echo
"$app" --book "$book" report collection --period "$year"
echo
abs=$(cd "$out" && pwd)
echo "Demo book:         $(cd "$demo" && pwd)/demo.clbook"
echo "Auditor workbook:  $abs/demo-$year.xlsx"
echo "Notice (PDF):      $abs/notice-$year.pdf"
echo "Notice (PNG):      $abs/notice-$year.png"
echo "Notice (phone):    $abs/notice-$year.html"
