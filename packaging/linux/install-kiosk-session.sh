#!/usr/bin/env bash
# Turn a Debian/Ubuntu PC into a certkiosk exam kiosk. Run as root; safe to run again.
#
# What it sets up (docs/packaging.md explains each choice):
#   - a dedicated unprivileged account "certkiosk" (no password, no shell, no groups);
#   - the kiosk bundle in /opt/certkiosk/kiosk (root-owned, read-only to the account);
#   - its data folder /var/lib/certkiosk/data (owned by the account, mode 0700) and a random
#     data passphrase in /etc/certkiosk/data-passphrase (root:certkiosk, 0440);
#   - certkiosk-session.service: at boot, on tty1, logged in as that account without a
#     password, the cage Wayland kiosk compositor runs the kiosk and nothing else; systemd
#     starts it again within 2 s whenever it ends;
#   - VT switching and the X "zap" keys off (cage without -s, XKB option srvrkeys:none, no
#     getty on other consoles), Ctrl+Alt+Del reboot off, magic SysRq off; any display manager
#     disabled;
#   - a udev rule: a USB stick (FAT32 or exFAT) plugged in is mounted by systemd-mount in
#     /media/certkiosk/<device>, owned by the account (no exec, no suid, no devices), for the
#     kit to come in and the exports to go out; it goes away when the stick is pulled.
# What the machine was like before is recorded once in /etc/certkiosk/setup-state;
# remove-kiosk-session.sh puts it back without the app's help.
#
# Usage: install-kiosk-session.sh [--bundle DIR] [--lang fr|en] [--keyboard LAYOUT[:VARIANT]]
#                                 [--no-apt] [--dry-run]
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=packaging/linux/kiosk-common.sh
. "$HERE/kiosk-common.sh"

PACKAGES=(cage dbus libpam-systemd udev xkb-data libgl1 libegl1 fontconfig-config fonts-dejavu-core
  libwayland-client0 libwayland-cursor0 libwayland-egl1 libxkbcommon0)

usage() {
  sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'
}

BUNDLE=""
LANGUAGE="fr"
KEYBOARD=""
USE_APT=1
while [ $# -gt 0 ]; do
  case "$1" in
    --bundle) BUNDLE="${2:?--bundle needs a folder}"; shift 2 ;;
    --lang) LANGUAGE="${2:?--lang needs fr or en}"; shift 2 ;;
    --keyboard) KEYBOARD="${2:?--keyboard needs a layout}"; shift 2 ;;
    --no-apt) USE_APT=0; shift ;;
    --dry-run) DRY_RUN=1; shift ;;
    -h | --help) usage; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
done
case "$LANGUAGE" in fr | en) ;; *) die "--lang must be fr or en" ;; esac

require_root "$@"
require_systemd

keyboard_layout() {
  local layout="" variant=""
  if [ -n "$KEYBOARD" ]; then
    layout="${KEYBOARD%%:*}"
    [ "$layout" != "$KEYBOARD" ] && variant="${KEYBOARD#*:}"
  elif [ -r /etc/default/keyboard ]; then
    layout="$(sed -n 's/^XKBLAYOUT="\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' /etc/default/keyboard)"
    variant="$(sed -n 's/^XKBVARIANT="\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' /etc/default/keyboard)"
  fi
  printf '%s %s\n' "${layout:-fr}" "$variant"
}

install_packages() {
  [ "$USE_APT" = 1 ] || { say "skipping package installation (--no-apt)"; return 0; }
  local missing=() pkg
  for pkg in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" ||
      missing+=("$pkg")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    say "packages already installed: ${PACKAGES[*]}"
    return 0
  fi
  say "installing packages: ${missing[*]}"
  run apt-get update -qq
  run env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "${missing[@]}"
}

record_state() {
  if [ -e "$STATE_FILE" ]; then
    say "keeping the state recorded at the first installation ($STATE_FILE)"
    return 0
  fi
  local created_user="no" dm="none" sysrq="1"
  id -u "$KIOSK_USER" >/dev/null 2>&1 || created_user="yes"
  if [ -L /etc/systemd/system/display-manager.service ]; then
    dm="$(basename "$(readlink /etc/systemd/system/display-manager.service)")"
  fi
  [ -r /proc/sys/kernel/sysrq ] && sysrq="$(cat /proc/sys/kernel/sysrq)"
  say "recording the machine's current state in $STATE_FILE"
  write_file "$STATE_FILE" 0600 root:root <<EOF
# Written by install-kiosk-session.sh on $(date -u +%Y-%m-%dT%H:%M:%SZ); read by remove-kiosk-session.sh.
CREATED_USER=$created_user
DISPLAY_MANAGER=$dm
GETTY_TTY1=$(unit_state "getty@$KIOSK_TTY.service")
CTRL_ALT_DEL=$(unit_state ctrl-alt-del.target)
SYSRQ=$sysrq
EOF
}

create_account() {
  if id -u "$KIOSK_USER" >/dev/null 2>&1; then
    say "account $KIOSK_USER exists"
  else
    say "creating the unprivileged account $KIOSK_USER (no password, no login shell)"
    run useradd --system --user-group --home-dir "$HOME_DIR" --no-create-home \
      --shell /usr/sbin/nologin --comment "certkiosk exam kiosk" "$KIOSK_USER"
  fi
  run usermod --lock "$KIOSK_USER"
  say "data folder $DATA_DIR: owned by $KIOSK_USER, mode 0700"
  run install -d -m 0700 -o "$KIOSK_USER" -g "$KIOSK_USER" "$HOME_DIR"
  run install -d -m 0700 -o "$KIOSK_USER" -g "$KIOSK_USER" "$DATA_DIR"
}

install_bundle() {
  if [ -z "$BUNDLE" ]; then
    if [ -x "$APP_DIR/kiosk" ]; then
      say "keeping the installed kiosk $APP_DIR (build $(cat "$APP_DIR/build-hash.txt" 2>/dev/null || echo unknown))"
      return 0
    fi
    [ "$DRY_RUN" = 1 ] || die "no kiosk installed yet: give the built bundle with --bundle dist/kiosk"
    say "no --bundle given: the real run needs --bundle dist/kiosk"
    return 0
  fi
  [ -x "$BUNDLE/kiosk" ] || die "$BUNDLE/kiosk not found: build it with 'make dist' first"
  say "installing the kiosk bundle $BUNDLE into $APP_DIR (root-owned, read-only to $KIOSK_USER)"
  remove_path "$APP_DIR.new"
  run install -d -m 0755 "$(dirname "$APP_DIR")"
  run cp -a -- "$BUNDLE" "$APP_DIR.new"
  run chown -R root:root "$APP_DIR.new"
  run chmod -R go-w "$APP_DIR.new"
  remove_path "$APP_DIR"
  run mv -- "$APP_DIR.new" "$APP_DIR"
}

make_passphrase() {
  if [ -e "$PASSPHRASE_FILE" ]; then
    say "keeping the data passphrase $PASSPHRASE_FILE"
    run chown "root:$KIOSK_USER" "$PASSPHRASE_FILE"
    run chmod 0440 "$PASSPHRASE_FILE"
    return 0
  fi
  say "creating a random data passphrase (256 bits) in $PASSPHRASE_FILE (root:$KIOSK_USER, 0440)"
  run install -d -m 0755 "$CONF_DIR"
  if [ "$DRY_RUN" = 1 ]; then
    printf 'would write: %s (mode 0440, owner root:%s) from /dev/urandom\n' \
      "$PASSPHRASE_FILE" "$KIOSK_USER"
  else
    head -c 32 /dev/urandom | base64 | write_file "$PASSPHRASE_FILE" 0440 "root:$KIOSK_USER"
  fi
}

write_session() {
  local layout variant
  read -r layout variant <<<"$(keyboard_layout)"
  say "PAM service for the session: no authentication possible through it"
  write_file "$PAM_FILE" 0644 root:root <<'EOF'
# certkiosk-session: opens the kiosk account's session for certkiosk-session.service.
# Nobody can authenticate through this service; systemd only opens the session.
auth     required pam_deny.so
account  required pam_unix.so
session  required pam_unix.so
session  required pam_limits.so
session  required pam_systemd.so
EOF
  say "autologin of $KIOSK_USER on $KIOSK_TTY into cage running only the kiosk; restarted if it ends"
  say "VT switching off: cage without -s, XKB option srvrkeys:none (no Ctrl+Alt+F1..F12, no Ctrl+Alt+Backspace)"
  write_file "$UNIT_FILE" 0644 root:root <<EOF
# certkiosk exam kiosk session. Installed by packaging/linux/install-kiosk-session.sh.
[Unit]
Description=certkiosk exam kiosk (cage on $KIOSK_TTY, account $KIOSK_USER)
Documentation=file://$README_FILE
After=systemd-user-sessions.service plymouth-quit-wait.service getty@$KIOSK_TTY.service
After=dbus.socket systemd-logind.service
Wants=dbus.socket systemd-logind.service
Conflicts=getty@$KIOSK_TTY.service display-manager.service
ConditionPathExists=/dev/$KIOSK_TTY
# Never give up restarting: the kiosk is the only thing this screen may show.
StartLimitIntervalSec=0

[Service]
Type=simple
User=$KIOSK_USER
PAMName=certkiosk-session
TTYPath=/dev/$KIOSK_TTY
TTYReset=yes
TTYVHangup=yes
TTYVTDisallocate=yes
StandardInput=tty-fail
StandardOutput=journal
StandardError=journal
UtmpIdentifier=$KIOSK_TTY
UtmpMode=user
WorkingDirectory=$HOME_DIR
Environment=XDG_SESSION_TYPE=wayland XDG_SESSION_CLASS=user XDG_SEAT=seat0 XDG_VTNR=${KIOSK_TTY#tty}
Environment=XKB_DEFAULT_LAYOUT=$layout XKB_DEFAULT_VARIANT=$variant XKB_DEFAULT_OPTIONS=srvrkeys:none
Environment=QT_QPA_PLATFORM=wayland QT_WAYLAND_DISABLE_WINDOWDECORATION=1
# -d: no client-side decorations. No -s: cage refuses VT switching.
ExecStart=/usr/bin/cage -d -- $APP_DIR/kiosk --data-dir $DATA_DIR --passphrase-file $PASSPHRASE_FILE --lang $LANGUAGE
Restart=always
RestartSec=2
NoNewPrivileges=yes
ProtectHome=yes

[Install]
WantedBy=multi-user.target
EOF
  say "no login prompts on other consoles (logind NAutoVTs=0, ReserveVT=0)"
  write_file "$LOGIND_DROPIN" 0644 root:root <<'EOF'
# certkiosk: no getty is spawned when another console is reached.
[Login]
NAutoVTs=0
ReserveVT=0
EOF
  say "Ctrl+Alt+Del does not reboot (ctrl-alt-del.target masked, burst action none)"
  write_file "$SYSTEM_DROPIN" 0644 root:root <<'EOF'
# certkiosk: pressing Ctrl+Alt+Del (even 7 times in 2 s) does nothing.
[Manager]
CtrlAltDelBurstAction=none
EOF
  say "magic SysRq keys off"
  write_file "$SYSCTL_FILE" 0644 root:root <<'EOF'
# certkiosk: no magic SysRq key combinations on the exam kiosk.
kernel.sysrq = 0
EOF
  write_file "$README_FILE" 0644 root:root <<EOF
This PC is a certkiosk exam kiosk: $UNIT runs the kiosk as $KIOSK_USER on $KIOSK_TTY.
To restore it: boot the "recovery mode" GRUB entry (or log in over SSH) and run, as root,
  remove-kiosk-session.sh            (keeps the kiosk's data in $DATA_DIR)
  remove-kiosk-session.sh --purge    (also deletes the account, the data and the passphrase)
EOF
}

# The account's numeric uid and gid (FAT and exFAT take numbers); a placeholder in a dry run made
# before the account exists.
account_ids() {
  if id -u "$KIOSK_USER" >/dev/null 2>&1; then
    printf '%s %s\n' "$(id -u "$KIOSK_USER")" "$(id -g "$KIOSK_USER")"
  else
    printf '<uid-of-%s> <gid-of-%s>\n' "$KIOSK_USER" "$KIOSK_USER"
  fi
}

write_usb_rule() {
  local uid gid
  read -r uid gid <<<"$(account_ids)"
  say "USB sticks (FAT32, exFAT) mounted for $KIOSK_USER in $USB_MOUNT_ROOT/<device> (no exec, suid or devices)"
  # systemd-mount asks systemd to mount (udev's own mounts would be invisible to the session);
  # the mount unit is bound to the device, so pulling the stick removes it.
  write_file "$USB_RULE_FILE" 0644 root:root <<EOF
# certkiosk: a USB stick plugged into the exam kiosk is mounted for the kiosk account, so the
# kiosk kit can be imported and the attempts exported. Installed by install-kiosk-session.sh.
ACTION!="add", GOTO="certkiosk_usb_end"
SUBSYSTEM!="block", GOTO="certkiosk_usb_end"
ENV{ID_BUS}!="usb", GOTO="certkiosk_usb_end"
ENV{ID_FS_USAGE}!="filesystem", GOTO="certkiosk_usb_end"
ENV{ID_FS_TYPE}!="vfat|exfat", GOTO="certkiosk_usb_end"
RUN{program}+="/usr/bin/systemd-mount --no-block --collect --options=uid=$uid,gid=$gid,umask=0077,nosuid,nodev,noexec \$devnode $USB_MOUNT_ROOT/%k"
LABEL="certkiosk_usb_end"
EOF
  run install -d -m 0755 "$USB_MOUNT_ROOT"
}

activate() {
  local dm
  dm="$(basename "$(readlink /etc/systemd/system/display-manager.service 2>/dev/null || echo none)")"
  if [ "$dm" != "none" ]; then
    say "disabling the display manager $dm (no desktop login on the kiosk)"
    run systemctl disable "$dm"
  fi
  say "disabling the login prompt on $KIOSK_TTY (getty@$KIOSK_TTY)"
  run systemctl disable "getty@$KIOSK_TTY.service"
  run systemctl mask ctrl-alt-del.target
  run sysctl -q -w kernel.sysrq=0
  if [ "$DRY_RUN" = 1 ] || command -v udevadm >/dev/null 2>&1; then
    run udevadm control --reload
  fi
  run systemctl daemon-reload
  say "enabling $UNIT at boot (reboot to start the kiosk session)"
  run systemctl enable "$UNIT"
}

install_packages
record_state
create_account
install_bundle
make_passphrase
write_session
write_usb_rule
activate
say "done: reboot to start the kiosk session. Restore with remove-kiosk-session.sh."
