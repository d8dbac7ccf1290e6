#!/usr/bin/env bash
# Undo install-kiosk-session.sh without the kiosk's help. Run as root, e.g. from the GRUB
# "recovery mode" entry or over SSH; safe to run again.
#
# Stops and removes certkiosk-session.service and every system setting the installer wrote,
# puts back what /etc/certkiosk/setup-state recorded (login prompt on tty1, display manager,
# Ctrl+Alt+Del, SysRq) and removes the kiosk program from /opt/certkiosk.
# The kiosk's data (attempts not yet exported) stay in /var/lib/certkiosk/data with the account
# and the data passphrase, unless --purge, which deletes them too.
#
# Usage: remove-kiosk-session.sh [--purge] [--dry-run]
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=packaging/linux/kiosk-common.sh
. "$HERE/kiosk-common.sh"

usage() {
  sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'
}

PURGE=0
while [ $# -gt 0 ]; do
  case "$1" in
    --purge) PURGE=1; shift ;;
    --dry-run) DRY_RUN=1; shift ;;
    -h | --help) usage; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
done

require_root "$@"
require_systemd

# recorded KEY DEFAULT: a value of the state file, or DEFAULT when absent.
recorded() {
  local value=""
  if [ -r "$STATE_FILE" ]; then
    value="$(sed -n "s/^$1=//p" "$STATE_FILE" | tail -n 1)"
  fi
  printf '%s\n' "${value:-$2}"
}

if [ -r "$STATE_FILE" ]; then
  say "restoring the state recorded in $STATE_FILE"
else
  say "no $STATE_FILE: restoring Debian's defaults (login prompt on tty1, Ctrl+Alt+Del reboots)"
fi
CREATED_USER="$(recorded CREATED_USER yes)"
DISPLAY_MANAGER="$(recorded DISPLAY_MANAGER none)"
GETTY_TTY1="$(recorded GETTY_TTY1 enabled)"
CTRL_ALT_DEL="$(recorded CTRL_ALT_DEL static)"
SYSRQ="$(recorded SYSRQ "")"

say "stopping and disabling $UNIT (the kiosk session)"
if [ "$DRY_RUN" = 1 ] || [ "$(unit_state "$UNIT")" != "absent" ] || [ -e "$UNIT_FILE" ]; then
  run systemctl disable --now "$UNIT"
fi
say "removing the session, its PAM service, the USB rule, the console, Ctrl+Alt+Del and SysRq settings"
for path in "$UNIT_FILE" "$PAM_FILE" "$LOGIND_DROPIN" "$SYSTEM_DROPIN" "$SYSCTL_FILE" \
  "$USB_RULE_FILE"; do
  remove_path "$path"
done
# The sticks' mount folder is never emptied (a stick may still be mounted there): removed if empty.
if [ "$DRY_RUN" = 1 ] || [ -d "$USB_MOUNT_ROOT" ]; then
  run rmdir --ignore-fail-on-non-empty "$USB_MOUNT_ROOT"
fi
if [ "$DRY_RUN" = 1 ] || command -v udevadm >/dev/null 2>&1; then
  run udevadm control --reload
fi
run systemctl daemon-reload

if [ "$CTRL_ALT_DEL" != "masked" ]; then
  say "Ctrl+Alt+Del reboots again (ctrl-alt-del.target unmasked)"
  run systemctl unmask ctrl-alt-del.target
fi
case "$GETTY_TTY1" in
  enabled | enabled-runtime | absent)
    say "login prompt back on $KIOSK_TTY (getty@$KIOSK_TTY enabled)"
    run systemctl enable "getty@$KIOSK_TTY.service"
    ;;
esac
if [ "$DISPLAY_MANAGER" != "none" ]; then
  say "display manager $DISPLAY_MANAGER enabled again"
  run systemctl enable "$DISPLAY_MANAGER"
fi
if [ -n "$SYSRQ" ]; then
  run sysctl -q -w "kernel.sysrq=$SYSRQ"
fi

say "removing the kiosk program $(dirname "$APP_DIR")"
remove_path "$(dirname "$APP_DIR")"
remove_path "$STATE_FILE"
remove_path "$README_FILE"

if [ "$PURGE" = 1 ]; then
  say "--purge: deleting the kiosk's data $HOME_DIR, its passphrase and the account $KIOSK_USER"
  remove_path "$HOME_DIR"
  remove_path "$CONF_DIR"
  if [ "$CREATED_USER" = "yes" ] && { [ "$DRY_RUN" = 1 ] || id -u "$KIOSK_USER" >/dev/null 2>&1; }; then
    run userdel "$KIOSK_USER"
  fi
else
  say "kept: the kiosk's data in $DATA_DIR, its passphrase $PASSPHRASE_FILE and the locked account $KIOSK_USER"
  say "export any attempt still there before running again with --purge"
fi
say "done: reboot to get the ordinary login back."
