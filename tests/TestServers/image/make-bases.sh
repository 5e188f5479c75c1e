#!/usr/bin/env bash
# Base images for the image test, made without a registry (none is reachable on our machines) from a Debian rootfs made by
# debootstrap, with this machine's .NET copied in:
#   «assistant-runtime-chiseled» stands in for mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled-extra: only the files of
#     the libraries .NET needs (libc, libstdc++, OpenSSL, ICU, zlib, tzdata, CA certificates), a non-root user 1654, no shell,
#     no package manager – the way Ubuntu's chisel cuts package slices;
#   «assistant-sdk-base» stands in for mcr.microsoft.com/dotnet/sdk:10.0.
# Made once and kept in the test's container storage.
# Needs: debootstrap, buildah (.ci/run installs them). Usage: make-bases.sh <work directory>
set -euo pipefail
work="$1"
mkdir -p "$work"
export CONTAINERS_CONF="$work/containers.conf" CONTAINERS_STORAGE_CONF="$work/storage.conf"
dotnet_root="$(dirname "$(readlink -f "$(command -v dotnet)")")"
have() { buildah inspect --type image "localhost/$1" >/dev/null 2>&1; }

# Bases made by another version of this script (or for another .NET) are made again.
stamp="$(sha256sum "$0" | cut -c1-16)-$(dotnet --list-runtimes | sha256sum | cut -c1-16)"
if [ "$(cat "$work/bases.stamp" 2>/dev/null)" != "$stamp" ]; then
  buildah rmi -f localhost/assistant-runtime-chiseled localhost/assistant-sdk-base >/dev/null 2>&1 || true
fi

if have assistant-runtime-chiseled && have assistant-sdk-base; then
  exit 0
fi

rootfs="$work/rootfs"
rm -rf "$rootfs"
debootstrap --variant=minbase --include=libicu72,ca-certificates,libssl3 bookworm "$rootfs" http://deb.debian.org/debian >"$work/debootstrap.log" 2>&1
rm -rf "$rootfs"/var/cache/apt/* "$rootfs"/var/lib/apt/lists/* "$rootfs"/usr/share/locale/* "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/*

if ! have assistant-runtime-chiseled; then
  slim="$work/slim"
  rm -rf "$slim"
  mkdir -p "$slim/usr" "$slim/tmp" "$slim/etc/ssl"
  chmod 1777 "$slim/tmp"
  # Merged /usr: the top-level links first, so every file lands where the loader looks for it.
  for link in bin sbin lib lib64; do
    if [ -L "$rootfs/$link" ]; then cp -a "$rootfs/$link" "$slim/$link" && mkdir -p "$slim/$(readlink "$rootfs/$link")"; fi
  done
  files="$work/slim-files.txt"
  : >"$files"
  for package in libc6 libgcc-s1 libstdc++6 libssl3 libicu72 zlib1g tzdata; do
    for list in "$rootfs/var/lib/dpkg/info/$package.list" "$rootfs/var/lib/dpkg/info/$package:amd64.list"; do
      [ -f "$list" ] || continue
      while IFS= read -r path; do
        case "$path" in /usr/share/doc/*|/usr/share/man/*|/usr/share/lintian/*|/usr/share/locale/*) continue ;; esac
        if [ -L "$rootfs$path" ] || [ -f "$rootfs$path" ]; then printf '%s\n' "${path#/}" >>"$files"; fi
      done <"$list"
    done
  done
  tar -C "$rootfs" --no-recursion -cf - -T "$files" | tar -C "$slim" --keep-directory-symlink -xf -
  cp -a "$rootfs/etc/ssl/certs" "$slim/etc/ssl/certs"
  cp -a "$rootfs/usr/share/ca-certificates" "$slim/usr/share/ca-certificates"
  printf 'root:x:0:0:root:/root:/usr/sbin/nologin\napp:x:1654:1654:app:/home/app:/usr/sbin/nologin\n' >"$slim/etc/passwd"
  printf 'root:x:0:\napp:x:1654:\n' >"$slim/etc/group"
  mkdir -p "$slim/home/app" && chown 1654:1654 "$slim/home/app"

  c=$(buildah from scratch)
  buildah copy "$c" "$slim" / >/dev/null
  # Only the newest .NET and ASP.NET Core runtimes, as Microsoft's image has one of each (this machine may hold older ones too).
  for part in dotnet host; do buildah copy "$c" "$dotnet_root/$part" "/usr/share/dotnet/$part" >/dev/null; done
  for framework in Microsoft.NETCore.App Microsoft.AspNetCore.App; do
    version=$(ls "$dotnet_root/shared/$framework" | grep -E '^[0-9]+\.[0-9]+\.[0-9]+$' | sort -V | tail -n1)
    buildah copy "$c" "$dotnet_root/shared/$framework/$version" "/usr/share/dotnet/shared/$framework/$version" >/dev/null
  done
  buildah config --env DOTNET_ROOT=/usr/share/dotnet --env PATH=/usr/share/dotnet:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    --env APP_UID=1654 --env DOTNET_RUNNING_IN_CONTAINER=true --user 1654 "$c"
  buildah commit -q "$c" localhost/assistant-runtime-chiseled >/dev/null
  buildah rm "$c" >/dev/null
  rm -rf "$slim"
fi

if ! have assistant-sdk-base; then
  # The SDK base also trusts this machine's certificate authorities, so restore reaches the same package feed.
  c=$(buildah from scratch)
  buildah copy "$c" "$rootfs" / >/dev/null
  buildah copy "$c" "$dotnet_root" /usr/share/dotnet >/dev/null
  buildah copy "$c" /etc/ssl/certs /etc/ssl/certs >/dev/null
  buildah config --env DOTNET_ROOT=/usr/share/dotnet --env PATH=/usr/share/dotnet:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    --env NUGET_CERT_REVOCATION_MODE=offline --env DOTNET_CLI_TELEMETRY_OPTOUT=1 --env DOTNET_NOLOGO=1 "$c"
  buildah commit -q "$c" localhost/assistant-sdk-base >/dev/null
  buildah rm "$c" >/dev/null
fi
rm -rf "$rootfs"
echo "$stamp" >"$work/bases.stamp"
