#!/usr/bin/env bash
# Base images for the image test, made without a registry (none is reachable on our machines): a Debian rootfs from
# debootstrap, with this machine's .NET copied in. «assistant-runtime-base» stands in for mcr.microsoft.com/dotnet/aspnet,
# «assistant-sdk-base» for mcr.microsoft.com/dotnet/sdk. Made once and kept in the test's container storage.
# Needs: debootstrap, buildah (.ci/run installs them). Usage: make-bases.sh <work directory>
set -euo pipefail
work="$1"
mkdir -p "$work"
export CONTAINERS_CONF="$work/containers.conf" CONTAINERS_STORAGE_CONF="$work/storage.conf"
dotnet_root="$(dirname "$(readlink -f "$(command -v dotnet)")")"

if ! buildah inspect --type image localhost/assistant-runtime-base >/dev/null 2>&1; then
  rootfs="$work/rootfs"
  rm -rf "$rootfs"
  debootstrap --variant=minbase --include=libicu72,ca-certificates,libssl3 bookworm "$rootfs" http://deb.debian.org/debian >"$work/debootstrap.log" 2>&1
  rm -rf "$rootfs"/var/cache/apt/* "$rootfs"/var/lib/apt/lists/* "$rootfs"/usr/share/locale/* "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/*
  c=$(buildah from scratch)
  buildah copy "$c" "$rootfs" / >/dev/null
  for part in dotnet host shared; do buildah copy "$c" "$dotnet_root/$part" "/usr/share/dotnet/$part" >/dev/null; done
  buildah config --env DOTNET_ROOT=/usr/share/dotnet --env PATH=/usr/share/dotnet:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin "$c"
  buildah commit -q "$c" localhost/assistant-runtime-base >/dev/null
  buildah rm "$c" >/dev/null

  # The SDK base also trusts this machine's certificate authorities, so restore reaches the same package feed.
  c=$(buildah from scratch)
  buildah copy "$c" "$rootfs" / >/dev/null
  buildah copy "$c" "$dotnet_root" /usr/share/dotnet >/dev/null
  buildah copy "$c" /etc/ssl/certs /etc/ssl/certs >/dev/null
  buildah config --env DOTNET_ROOT=/usr/share/dotnet --env PATH=/usr/share/dotnet:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    --env NUGET_CERT_REVOCATION_MODE=offline --env DOTNET_CLI_TELEMETRY_OPTOUT=1 --env DOTNET_NOLOGO=1 "$c"
  buildah commit -q "$c" localhost/assistant-sdk-base >/dev/null
  buildah rm "$c" >/dev/null
  rm -rf "$rootfs"
fi
