#!/usr/bin/env bash
# Issue 9: installs a .deb, runs the installed app's self-check under Xvfb (window, Thai font),
# checks the class-data archive made at install is used, an IT staff preset file is applied and a bad one fails the check with its line, then
# uninstalls and checks the data folder is still there. Run as root (apt). Usage: smoke-test.sh DEB
set -euo pipefail
DEB=$(realpath "$1")
cd "$(dirname "$0")"
. ./lib.sh
remove_installed
export XDG_DATA_HOME=$(mktemp -d)
DATA=$XDG_DATA_HOME/infodesk
CONF=/opt/infodesk/lib/app/infodesk.conf

install_deb "$DEB"
[[ -x $INSTALLED ]] || fail "the .deb did not install $INSTALLED"
[[ -f /usr/share/applications/infodesk-InfoDesk.desktop ]] || ls /usr/share/applications | grep -qi infodesk \
  || fail "no menu entry"

out=$(smoke) || fail "the installed app's smoke test: $out"
echo "$out" | grep -F "SMOKE OK" | grep -F "data=$DATA" || fail "not on the usual data folder: $out"
out=$(smoke_menu) || fail "the menu entry's command: $out"
echo "$out" | grep -F "SMOKE OK" | grep -F "data=$DATA" || fail "the menu entry's command, not on the usual data folder: $out"
out=$(archive_used) || fail "$out"
# SQLite's native library is the one shipped in lib/app/native: the app works where sqlite-jdbc could not extract its own
out=$(INFODESK_JAVA_OPTIONS="-Dorg.sqlite.tmpdir=/nonexistent/infodesk-smoke" smoke_menu) \
  || fail "SQLite's shipped native library is not used: $out"

# an IT staff preset beside the installed app: its settings reach the app
printf 'server = https://infodesk.example.go.th/\nproxy = none\noffice = district\ndistrict = 6508\n' > "$CONF"
out=$(smoke) || fail "with a preset: $out"
echo "$out" | grep -F "SMOKE OK" | grep -F "preset=$CONF" | grep -F "server=https://infodesk.example.go.th/" \
  | grep -F "district=6508" || fail "the preset was not applied: $out"
# the command line wins over the preset
out=$(smoke --server=https://other.example.go.th/) || fail "with a preset and --server: $out"
echo "$out" | grep -qF "server=https://other.example.go.th/" || fail "the command line did not win: $out"
# a bad line: the self-check fails with the line's number and a non-zero exit
printf 'server = https://infodesk.example.go.th/\nproxy = nowhere\n' > "$CONF"
if out=$(smoke); then fail "a bad preset line passed the smoke test: $out"; fi
echo "$out" | grep -F "SMOKE FAILED" | grep -F "line 2" || fail "no message naming the bad line: $out"
rm -f "$CONF"

DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq infodesk >/dev/null
[[ ! -e $INSTALLED ]] || fail "uninstalling left $INSTALLED"
[[ ! -e /opt/infodesk ]] || fail "uninstalling left $(find /opt/infodesk -type f | head -3)"
[[ -f $DATA/infodesk.db ]] || fail "uninstalling removed the data folder $DATA"
rm -rf "$XDG_DATA_HOME"
echo "installed-app smoke test: passed"
