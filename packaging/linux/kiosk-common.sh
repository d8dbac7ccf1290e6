# shellcheck shell=bash
# shellcheck disable=SC2034  # the constants are used by the scripts that source this file
# Shared by install-kiosk-session.sh and remove-kiosk-session.sh: where things go, and how a
# change is made (or only printed, with --dry-run). Sourced, never run.

KIOSK_USER="certkiosk"
APP_DIR="/opt/certkiosk/kiosk"                       # the PyInstaller bundle (root-owned)
HOME_DIR="/var/lib/certkiosk"                        # the kiosk account's home (0700)
DATA_DIR="/var/lib/certkiosk/data"                   # the kiosk's --data-dir (0700)
CONF_DIR="/etc/certkiosk"
PASSPHRASE_FILE="/etc/certkiosk/data-passphrase"     # root:certkiosk 0440
STATE_FILE="/etc/certkiosk/setup-state"              # what the machine was like before
README_FILE="/etc/certkiosk/README"                  # how to restore, for whoever finds the PC
UNIT="certkiosk-session.service"
UNIT_FILE="/etc/systemd/system/certkiosk-session.service"
PAM_FILE="/etc/pam.d/certkiosk-session"
LOGIND_DROPIN="/etc/systemd/logind.conf.d/90-certkiosk.conf"
SYSTEM_DROPIN="/etc/systemd/system.conf.d/90-certkiosk.conf"
SYSCTL_FILE="/etc/sysctl.d/90-certkiosk.conf"
USB_RULE_FILE="/etc/udev/rules.d/90-certkiosk-usb.rules"   # USB sticks mounted for the account
USB_MOUNT_ROOT="/media/certkiosk"                          # where they appear (the kiosk looks there)
KIOSK_TTY="tty1"

DRY_RUN=0

say() {
  printf 'certkiosk: %s\n' "$*"
}

die() {
  printf 'certkiosk: %s\n' "$*" >&2
  exit 1
}

# Run a command, or print it with --dry-run.
run() {
  if [ "$DRY_RUN" = 1 ]; then
    printf 'would run:'
    printf ' %q' "$@"
    printf '\n'
  else
    "$@"
  fi
}

# write_file PATH MODE OWNER:GROUP, content on stdin. With --dry-run: print path and content.
write_file() {
  local path="$1" mode="$2" owner="$3" content
  content="$(cat)"
  if [ "$DRY_RUN" = 1 ]; then
    printf 'would write: %s (mode %s, owner %s)\n' "$path" "$mode" "$owner"
    printf '%s\n' "$content" | sed 's/^/    | /'
    return 0
  fi
  install -d -m 0755 "$(dirname "$path")"
  local tmp
  tmp="$(mktemp "$path.XXXXXX")"
  printf '%s\n' "$content" >"$tmp"
  chmod "$mode" "$tmp"
  chown "$owner" "$tmp"
  mv -f "$tmp" "$path"
}

# remove_path PATH: delete a file or folder if it exists (--dry-run lists it either way).
remove_path() {
  if [ "$DRY_RUN" = 1 ]; then
    printf 'would remove (if present): %s\n' "$1"
  elif [ -e "$1" ] || [ -L "$1" ]; then
    rm -rf -- "$1"
  fi
}

require_root() {
  if [ "$DRY_RUN" != 1 ] && [ "$(id -u)" != 0 ]; then
    die "run as root (sudo $0 $*), or add --dry-run to only print the changes"
  fi
}

require_systemd() {
  if [ "$DRY_RUN" != 1 ] && [ ! -d /run/systemd/system ]; then
    die "this machine does not run systemd; the kiosk session needs it"
  fi
}

# unit_enabled UNIT: prints enabled/disabled/masked/... (or "absent").
unit_state() {
  local state
  state="$(systemctl is-enabled "$1" 2>/dev/null)" || true
  printf '%s\n' "${state:-absent}"
}
