#!/usr/bin/env bash
# Builds the base image of the newsmon service images from Debian packages, with no registry and no Docker:
# debootstrap a minimal bookworm with the Java 17 runtime, import it into podman, save it as a tarball that
# Jib builds on (-Pimages reads it as tar://…). Needs root, debootstrap and podman (apt-get install debootstrap
# podman runc). Output: ${NEWSMON_CACHE:-.cache}/images/newsmon-base-jre17.tar (kept; delete it to rebuild).
set -euo pipefail
cd "$(dirname "$0")/../.."
cache=${NEWSMON_CACHE:-$PWD/.cache}
out=$cache/images/newsmon-base-jre17.tar
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
image=localhost/newsmon/base-jre17:bookworm

if [[ -s $out && ${1:-} != --force ]]; then
  echo "base image exists: $out (--force rebuilds it)"
  exit 0
fi
for tool in debootstrap podman; do
  command -v "$tool" >/dev/null || { echo "$tool is not installed (apt-get install debootstrap podman runc)" >&2; exit 1; }
done
[[ $(id -u) == 0 ]] || { echo "debootstrap needs root" >&2; exit 1; }

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
echo "debootstrap bookworm (minbase + openjdk-17-jre-headless) into $root"
debootstrap --variant=minbase --include=openjdk-17-jre-headless,ca-certificates,tzdata \
  bookworm "$root" "$mirror" >/dev/null
# what a runtime image does not need: package caches and lists, docs, man pages
rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/* "$root"/usr/share/doc/* \
  "$root"/usr/share/man/* "$root"/usr/share/locale/*
# the services run as uid/gid 10001 (the manifests' runAsUser); give it a name and a home
echo 'newsmon:x:10001:10001:newsmon:/deployments:/usr/sbin/nologin' >>"$root/etc/passwd"
echo 'newsmon:x:10001:' >>"$root/etc/group"
mkdir -p "$root/deployments" && chown 10001:10001 "$root/deployments"

mkdir -p "$(dirname "$out")"
tar -C "$root" -c . | podman import --change 'ENV JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64' - "$image" >/dev/null
rm -f "$out.tmp"
podman save --format docker-archive -o "$out.tmp" "$image" >/dev/null
mv "$out.tmp" "$out"
echo "base image $image saved to $out ($(du -h "$out" | cut -f1))"
