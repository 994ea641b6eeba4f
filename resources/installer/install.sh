#!/usr/bin/env bash
# Install @DISPLAY_NAME@ @VERSION@ for this user: the app folder, its menu entry and its icons.
#
#   ./install.sh                 install, or upgrade: the app folder is replaced as a whole
#   ./install.sh --uninstall     remove the app, its menu entry and icons (also: uninstall.sh
#                                in the app folder)
#   --app-dir DIR                the app folder (default ~/.local/opt/@NAME@)
#
# The book, its backups and logs live elsewhere (${XDG_DATA_HOME:-~/.local/share}/@NAME@, or
# RELBOOK_HOME): installing, upgrading and uninstalling never touch them. The first start
# after an upgrade migrates the book, saving a copy of it in its backups folder first.
# Written by build_installer.py from resources/installer/install.sh.
if [ -z "${BASH_VERSION:-}" ]; then exec bash "$0" "$@"; fi # started with sh
set -euo pipefail

name="@NAME@"
version="@VERSION@"
icon_sizes="@ICON_SIZES@"
marker=".@NAME@-app"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
data_home="${XDG_DATA_HOME:-$HOME/.local/share}"
apps_dir="$data_home/applications"
icons_dir="$data_home/icons/hicolor"
autostart="${XDG_CONFIG_HOME:-$HOME/.config}/autostart/$name.desktop"

die() {
  echo "install.sh: $*" >&2
  exit 1
}

# The folders the app must never hold nor sit in: the book's default folder and RELBOOK_HOME.
data_dirs() {
  printf '%s\n' "$data_home/$name"
  if [ -n "${RELBOOK_HOME:-}" ]; then printf '%s\n' "$RELBOOK_HOME"; fi
}

check_app_dir() {
  case "$app_dir" in
    /*) ;;
    *) die "the app folder must be an absolute path: $app_dir" ;;
  esac
  case "$app_dir" in
    *[\"\`\$\\%\&\|]* | *$'\n'*)
      die "a menu entry cannot name a folder with \" \` \$ \\ % & | or a line break: $app_dir" ;;
  esac
  local data
  while IFS= read -r data; do
    case "$app_dir/" in "${data%/}/"*) die "the app folder lies in the book's folder $data" ;; esac
    case "${data%/}/" in "$app_dir/"*) die "the app folder holds the book's folder $data" ;; esac
  done < <(data_dirs)
  if [ -e "$app_dir" ] && [ ! -e "$app_dir/$marker" ]; then
    die "$app_dir exists and is not a $name app folder: not replacing or removing it"
  fi
}

install_app() {
  [ -x "$here/$name/$name" ] || die "no $name/$name beside install.sh: unpack the whole archive"
  check_app_dir
  local parent staging old
  parent="$(dirname "$app_dir")"
  staging="$app_dir.new-$$"
  old="$app_dir.old-$$"
  mkdir -p "$parent"
  rm -rf "$staging"
  cp -a "$here/$name" "$staging"
  cp "$here/install.sh" "$staging/uninstall.sh"
  chmod 755 "$staging/uninstall.sh"
  printf '%s\n' "$version" >"$staging/$marker"
  if [ -e "$app_dir" ]; then mv "$app_dir" "$old"; fi
  mv "$staging" "$app_dir"
  rm -rf "$old"

  local size
  for size in $icon_sizes; do
    mkdir -p "$icons_dir/${size}x${size}/apps"
    cp "$here/icons/$name-$size.png" "$icons_dir/${size}x${size}/apps/$name.png"
  done
  mkdir -p "$icons_dir/scalable/apps"
  cp "$here/icons/$name.svg" "$icons_dir/scalable/apps/$name.svg"

  local entry
  shopt -u patsub_replacement 2>/dev/null || true # bash 5.2: keep & literal below
  entry="$(<"$here/$name.desktop")"
  mkdir -p "$apps_dir"
  printf '%s\n' "${entry//__APP_DIR__/$app_dir}" >"$apps_dir/$name.desktop.tmp"
  mv "$apps_dir/$name.desktop.tmp" "$apps_dir/$name.desktop"
  refresh_menu
  echo "$name $version is installed in $app_dir and in the applications menu."
  echo "Your book stays in its own folder ($data_home/$name unless you chose another)."
  echo "Uninstall: $app_dir/uninstall.sh"
}

uninstall_app() {
  check_app_dir
  rm -rf "$app_dir"
  rm -f "$apps_dir/$name.desktop"
  local size
  for size in $icon_sizes; do rm -f "$icons_dir/${size}x${size}/apps/$name.png"; done
  rm -f "$icons_dir/scalable/apps/$name.svg"
  # relbook's own "start at login" entry, if it starts this installation
  if [ -f "$autostart" ] && grep -qF "$app_dir/$name" "$autostart"; then rm -f "$autostart"; fi
  refresh_menu
  echo "$name is uninstalled. Your book and its backups were kept"
  echo "($data_home/$name unless you chose another folder)."
}

refresh_menu() {
  if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q "$apps_dir" 2>/dev/null || true
  fi
  touch "$icons_dir" 2>/dev/null || true
}

main() {
  local mode=install
  app_dir="${RELBOOK_APP_DIR:-$HOME/.local/opt/$name}"
  if [ "$(basename "$0")" = uninstall.sh ]; then
    mode=uninstall
    app_dir="$here"
  fi
  while [ $# -gt 0 ]; do
    case "$1" in
      --uninstall) mode=uninstall ;;
      --app-dir)
        [ $# -ge 2 ] || die "--app-dir needs a folder"
        app_dir="$2"
        shift
        ;;
      -h | --help)
        sed -n '2,11s/^# \{0,1\}//p' "$0"
        exit 0
        ;;
      *) die "unknown option $1 (try --help)" ;;
    esac
    shift
  done
  app_dir="${app_dir%/}"
  if [ "$mode" = install ]; then install_app; else uninstall_app; fi
}

main "$@"
exit 0
