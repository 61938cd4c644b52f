#!/usr/bin/env bash
# Installs the Debian packages tandem builds and runs with, when any is missing.
# Safe to run again: it does nothing when everything is already there.
set -euo pipefail

packages=(
  build-essential cmake ninja-build ccache python3 pkg-config
  verilator libsystemc-dev libfmt-dev doctest-dev zlib1g-dev
  gtkwave clang-format patch
  clang libclang-rt-14-dev
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo=(sudo -n)
else
  echo "tandem setup: these Debian packages are missing: ${missing[*]}" >&2
  echo "tandem setup: installing them needs root; run as root, or: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi

echo "tandem setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "tandem setup: done"
