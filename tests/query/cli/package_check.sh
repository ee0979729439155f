#!/usr/bin/env bash
# Installs the CPack .deb into a scratch dpkg root (not the machine's own), runs the
# installed binary, removes the package, and checks nothing is left behind.
# usage: package_check.sh BUILD_DIR
set -euo pipefail
build=${1:?usage: package_check.sh BUILD_DIR}
deb=$(ls -t "$build"/rumorwatch_*.deb 2>/dev/null | head -n 1)
[ -n "$deb" ] || { echo "package_check: no rumorwatch_*.deb in $build (run 'make package')" >&2; exit 1; }
root=$(mktemp -d /tmp/rumorwatch-dpkg-root.XXXXXX)
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/var/lib/dpkg/updates" "$root/var/lib/dpkg/info"
touch "$root/var/lib/dpkg/status"
dpkg_root() { dpkg --root="$root" --log=/dev/null --force-not-root --force-script-chrootless "$@"; }

depends=$(dpkg-deb -f "$deb" Depends)
for lib in libxapian libcurl libgumbo; do
  case "$depends" in *"$lib"*) ;; *) echo "package_check: Depends lacks $lib: $depends" >&2; exit 1 ;; esac
done
# The scratch root holds no libraries, so its Depends cannot be met there; the host has them.
dpkg_root --force-depends -i "$deb" >/dev/null
# Captured first: `grep -q` closing the pipe early would fail the pipeline under pipefail.
version=$("$root/usr/bin/rumorwatch" --version) || { echo "package_check: installed binary does not run" >&2; exit 1; }
case "$version" in "rumorwatch "*) ;; *) echo "package_check: unexpected --version: $version" >&2; exit 1 ;; esac
[ -s "$root/usr/share/man/man1/rumorwatch.1" ] || { echo "package_check: no man page" >&2; exit 1; }
[ -f "$root/usr/share/rumorwatch/topics/apple-alibaba.json" ] || { echo "package_check: no shipped topic" >&2; exit 1; }
dpkg_root -r rumorwatch >/dev/null
# After a clean removal $root/usr may be gone altogether: find failing is then success.
left=$( { find "$root/usr" -type f 2>/dev/null || true; } | head -n 5)
[ -z "$left" ] || { echo "package_check: files left after removal: $left" >&2; exit 1; }
echo "package_check: $(basename "$deb") installed, ran and removed cleanly"
