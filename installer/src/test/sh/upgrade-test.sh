#!/usr/bin/env bash
# Issue 9, acceptance 3: install version A, enter data through the installed app, install version B
# over it, and the data is intact (and IT staff's preset file beside the app kept); uninstall
# leaves the data folder. Run as root (apt).
# Usage: upgrade-test.sh DEB_A DEB_B  (B's version higher than A's)
set -euo pipefail
A=$(realpath "$1")
B=$(realpath "$2")
cd "$(dirname "$0")"
. ./lib.sh
remove_installed
export XDG_DATA_HOME=$(mktemp -d)
DATA=$XDG_DATA_HOME/infodesk
ANSWER="ข้อมูลก่อนปรับรุ่น $(date +%s)"
version() { dpkg-query -W -f='${Version}' infodesk; }

install_deb "$A"
va=$(version)
out=$(smoke "--smoke-save=$ANSWER") || fail "saving through version $va: $out"
echo "$out" | grep -F "SMOKE OK" | grep -F "saved=" || fail "nothing saved by version $va: $out"
# IT staff's preset beside the installed app, put there after installing A: B must keep it
CONF=/opt/infodesk/lib/app/infodesk.conf
printf 'server = https://infodesk.example.go.th/\n' > "$CONF"

install_deb "$B"
vb=$(version)
[[ $vb != "$va" ]] || fail "version B ($vb) did not replace version A ($va)"
[[ $(dpkg-query -W -f='${binary:Package}\n' 'infodesk*' | wc -l) == 1 ]] || fail "two InfoDesk packages installed"
out=$(smoke "--smoke-expect=$ANSWER") || fail "version $vb does not find the answer saved by $va: $out"
echo "$out" | grep -F "SMOKE OK" | grep -F "found=" | grep -F "preset=$CONF" \
  || fail "version $vb lost the answer or the preset file: $out"
out=$(archive_used) || fail "after the upgrade to $vb: $out"
rm -f "$CONF"

DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq infodesk >/dev/null
[[ ! -e $INSTALLED ]] || fail "uninstalling left $INSTALLED"
[[ -f $DATA/infodesk.db ]] || fail "uninstalling removed the data folder $DATA"
rm -rf "$XDG_DATA_HOME"
echo "upgrade test: $va -> $vb, the answer entered with $va intact: passed"
