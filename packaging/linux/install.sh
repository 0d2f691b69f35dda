#!/bin/sh
# Installs the built IOK Desktop folder (the folder this script is in) for every user of a Linux machine:
#   sudo ./install.sh                      the program in /opt/iok-desktop, a menu entry, iok-desktop on PATH
#   sudo ./install.sh --kiosk-user kiosk   also starts the kiosk when the account "kiosk" logs in
# Run it again after unpacking a new version: it replaces /opt/iok-desktop as a whole.
set -eu

prefix=/opt/iok-desktop
kiosk_user=""
while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) prefix=$2; shift 2 ;;
        --kiosk-user) kiosk_user=$2; shift 2 ;;
        -h|--help) sed -n '2,5p' "$0"; exit 0 ;;
        *) echo "install.sh: nieznana opcja: $1" >&2; exit 2 ;;
    esac
done

here=$(cd "$(dirname "$0")" && pwd)
if [ "$(id -u)" -ne 0 ]; then
    echo "install.sh: uruchom jako root (sudo ./install.sh)" >&2
    exit 2
fi
if [ ! -x "$here/iok-desktop" ]; then
    echo "install.sh: brak programu $here/iok-desktop; uruchom skrypt z folderu zbudowanej aplikacji" >&2
    exit 2
fi
if [ -n "$kiosk_user" ] && ! id "$kiosk_user" >/dev/null 2>&1; then
    echo "install.sh: nie ma konta $kiosk_user (utwórz je: adduser $kiosk_user)" >&2
    exit 2
fi

if [ "$here" != "$prefix" ]; then
    mkdir -p "$(dirname "$prefix")"
    rm -rf "$prefix.new"
    cp -a "$here" "$prefix.new"
    rm -rf "$prefix"
    mv "$prefix.new" "$prefix"
fi
ln -sf "$prefix/iok-desktop" /usr/local/bin/iok-desktop
install -D -m 644 "$prefix/iok-desktop.png" /usr/share/icons/hicolor/256x256/apps/iok-desktop.png
sed "s|^Exec=/opt/iok-desktop/|Exec=$prefix/|" "$prefix/iok-desktop.desktop" > /usr/share/applications/iok-desktop.desktop
chmod 644 /usr/share/applications/iok-desktop.desktop
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q /usr/share/icons/hicolor || true
command -v update-desktop-database >/dev/null && update-desktop-database -q /usr/share/applications || true
echo "Zainstalowano IOK Desktop w $prefix (polecenie: iok-desktop)."

if [ -n "$kiosk_user" ]; then
    home=$(getent passwd "$kiosk_user" | cut -d: -f6)
    group=$(id -gn "$kiosk_user")
    install -d -o "$kiosk_user" -g "$group" "$home/.config" "$home/.config/autostart"
    sed "s|^Exec=/opt/iok-desktop/|Exec=$prefix/|" "$prefix/iok-desktop-kiosk.desktop" > "$home/.config/autostart/iok-desktop-kiosk.desktop"
    chown "$kiosk_user:$group" "$home/.config/autostart/iok-desktop-kiosk.desktop"
    echo "Kiosk uruchomi się po zalogowaniu konta $kiosk_user ($home/.config/autostart/iok-desktop-kiosk.desktop)."
fi
