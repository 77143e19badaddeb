#!/usr/bin/env bash
# Issue 9, acceptance 3: install version A, enter data through the installed app, install version B
# over it, and the data is intact; uninstall leaves the data folder. Run as root (apt).
# Usage: upgrade-test.sh DEB_A DEB_B  (B's version higher than A's)
set -euo pipefail
cd "$(dirname "$0")"
. ./lib.sh
A=$1
B=$2
export XDG_DATA_HOME=$(mktemp -d)
DATA=$XDG_DATA_HOME/infodesk
ANSWER="ข้อมูลก่อนปรับรุ่น $(date +%s)"
version() { dpkg-query -W -f='${Version}' infodesk; }

install_deb "$A"
va=$(version)
out=$(smoke "--smoke-save=$ANSWER") || fail "saving through version $va: $out"
echo "$out" | grep -F "SMOKE OK" | grep -F "saved=" || fail "nothing saved by version $va: $out"

install_deb "$B"
vb=$(version)
[[ $vb != "$va" ]] || fail "version B ($vb) did not replace version A ($va)"
[[ $(dpkg-query -W -f='${binary:Package}\n' 'infodesk*' | wc -l) == 1 ]] || fail "two InfoDesk packages installed"
out=$(smoke "--smoke-expect=$ANSWER") || fail "version $vb does not find the answer saved by $va: $out"
echo "$out" | grep -F "SMOKE OK" | grep -F "found="

DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq infodesk >/dev/null
[[ ! -e $INSTALLED ]] || fail "uninstalling left $INSTALLED"
[[ -f $DATA/infodesk.db ]] || fail "uninstalling removed the data folder $DATA"
rm -rf "$XDG_DATA_HOME"
echo "upgrade test: $va -> $vb, the answer entered with $va intact: passed"
