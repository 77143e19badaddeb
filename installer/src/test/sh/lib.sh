# Shared by the installed-app tests (issue 9): run the installed InfoDesk under a virtual X server.
# Each test gets its own XDG_DATA_HOME, so the app's usual data folder (~/.local/share/infodesk on
# Linux) is a fresh one and the machine's own is never touched.
INSTALLED=/opt/infodesk/bin/InfoDesk

# Runs the installed app's self-check with any further arguments; prints its output; returns its exit code.
smoke() {
  timeout 180 xvfb-run -a -s "-screen 0 1366x768x24" "$INSTALLED" --smoke-test "$@" 2>&1
}

# The same through the menu entry's command (its Exec line: the image's runtime started by
# lib/app/infodesk-start, without jpackage's launcher, which queries rpm and dpkg at every start).
smoke_menu() {
  local exec
  exec=$(sed -n 's/^Exec=//p' /opt/infodesk/lib/*.desktop)
  [[ -n $exec ]] || { echo "no Exec line in the menu entry"; return 1; }
  # shellcheck disable=SC2086
  timeout 180 xvfb-run -a -s "-screen 0 1366x768x24" $exec --smoke-test "$@" 2>&1
}

# Checks the class-data archive postinst made (ADR 0007, 9) is used by the menu entry's command:
# -Xshare:on refuses to start without it, and the app's own classes come from it.
archive_used() {
  local archive=/opt/infodesk/lib/app/infodesk.jsa log out
  [[ -f $archive ]] || { echo "no class-data archive $archive"; return 1; }
  log=$(mktemp)
  out=$(INFODESK_JAVA_OPTIONS="-Xshare:on -Xlog:class+load=info:file=$log" smoke_menu) \
    || { echo "the archive is not used (-Xshare:on): $out"; rm -f "$log"; return 1; }
  grep -q 'org.infodesk.app.shell.InfoDeskApp source: shared objects file' "$log" \
    || { echo "the app's classes are not in the archive: $(grep -m1 'InfoDeskApp ' "$log")"; rm -f "$log"; return 1; }
  rm -f "$log"
}

# Installs a .deb given by its absolute path, as IT staff would (apt install ./file.deb).
install_deb() {
  [[ -f $1 ]] || fail "no package $1"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$1" >/dev/null
}

fail() {
  echo "FAILED: $*" >&2
  exit 1
}

# Starts from no InfoDesk installed (a machine may keep one from an earlier run: a newer one would
# turn this test's install into a refused downgrade).
# A preset file a failed run left beside the app outlives the package (as it should for IT staff).
remove_installed() {
  if dpkg -s infodesk >/dev/null 2>&1; then
    DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq infodesk >/dev/null
  fi
  rm -f /opt/infodesk/lib/app/infodesk.conf
}
