# Shared by the installed-app tests (issue 9): run the installed InfoDesk under a virtual X server.
# Each test gets its own XDG_DATA_HOME, so the app's usual data folder (~/.local/share/infodesk on
# Linux) is a fresh one and the machine's own is never touched.
INSTALLED=/opt/infodesk/bin/InfoDesk

# Runs the installed app's self-check with any further arguments; prints its output; returns its exit code.
smoke() {
  timeout 180 xvfb-run -a -s "-screen 0 1366x768x24" "$INSTALLED" --smoke-test "$@" 2>&1
}

install_deb() {
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$(realpath "$1")" >/dev/null
}

fail() {
  echo "FAILED: $*" >&2
  exit 1
}
