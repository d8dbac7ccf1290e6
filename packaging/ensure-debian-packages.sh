#!/bin/sh
# Install the Debian packages given as arguments when some are missing.
# As root it installs them; otherwise it prints the exact command to run.
missing=""
for pkg in "$@"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing="$missing $pkg"
done
[ -z "$missing" ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
  echo "certkiosk: these libraries are needed and this is not a Debian/Ubuntu system:$missing" >&2
  exit 0
fi
if [ "$(id -u)" = "0" ]; then
  echo "Installing Debian packages:$missing"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
else
  echo "certkiosk needs these Debian packages; run:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y$missing" >&2
  exit 1
fi
