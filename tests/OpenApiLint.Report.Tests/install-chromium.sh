#!/bin/sh
# Installs headless Chromium (Debian's chromium package) for the browser tests of the HTML report, when missing.
# The tests look for /usr/bin/chromium (or $OPENAPILINT_CHROMIUM) and are skipped, with a message, only without it.
set -eu

if [ -n "${OPENAPILINT_CHROMIUM:-}" ] && [ -x "$OPENAPILINT_CHROMIUM" ]; then
  echo "chromium: using $OPENAPILINT_CHROMIUM"
  exit 0
fi

for candidate in /usr/bin/chromium /usr/bin/chromium-browser; do
  if [ -x "$candidate" ]; then
    echo "chromium: already installed at $candidate"
    exit 0
  fi
done

if ! command -v apt-get >/dev/null 2>&1; then
  echo "chromium: not installed and apt-get is not available; install Chromium and set OPENAPILINT_CHROMIUM to its binary" >&2
  exit 1
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
  else
    echo "chromium: installing needs root (or sudo)" >&2
    exit 1
  fi
fi

echo "chromium: installing Debian's chromium package"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium >/dev/null
/usr/bin/chromium --version 2>/dev/null || true
