#!/usr/bin/env bash
# Build step of the Linux installer (issue 4 and 9, ADR 0007 decision 9): one training run of the
# app image's own start (the start-up probe: dashboard, the largest domain opened, edits saved) that
# writes the classes it loaded to lib/app/infodesk.classlist, which the package carries; its
# postinst makes the class-data archive from it where the app is installed.
# Usage: class-list.sh IMAGE (the app image folder, e.g. target/jpackage/image/InfoDesk)
set -euo pipefail
image=$(realpath "$1")
app="$image/lib/app"
list="$app/infodesk.classlist"
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
[[ -x $app/infodesk-start ]] || { echo "no $app/infodesk-start: is $image an InfoDesk app image?" >&2; exit 1; }
run=("$app/infodesk-start" --probe "--data-dir=$data")
if [[ -z ${DISPLAY:-} ]]; then
  command -v xvfb-run >/dev/null || {
    echo "The training run needs a display: set DISPLAY or install xvfb (apt-get install -y xvfb xauth libgtk-3-0)." >&2
    exit 1
  }
  run=(xvfb-run -a -s "-screen 0 1366x768x24" "${run[@]}")
fi
rm -f "$list"
out=$(INFODESK_JAVA_OPTIONS="-XX:DumpLoadedClassList=$list -Xshare:off" timeout 300 "${run[@]}" 2>&1) || {
  echo "$out" >&2
  echo "the training run failed" >&2
  exit 1
}
grep -q '^PROBE ' <<<"$out" || { echo "$out" >&2; echo "the training run did not reach the dashboard" >&2; exit 1; }
classes=$(grep -cv '^#' "$list")
((classes > 3000)) || { echo "the training run listed only $classes classes" >&2; exit 1; }
echo "class list for the class-data archive: $classes classes ($(grep '^PROBE' <<<"$out"))"
