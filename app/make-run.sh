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
echo "Here is the demo community from the command line instead:"
echo
"$app" --book "$book" report income
echo
"$app" --book "$book" report collection
echo
"$app" --book "$book" report arrears | tail -n 1
echo
echo "Demo book: $(cd "$demo" && pwd)/demo.clbook"
