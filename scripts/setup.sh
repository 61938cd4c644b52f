#!/usr/bin/env bash
# Installs the Debian packages tandem builds and runs with, when any is missing.
# Safe to run again: it does nothing when everything is already there.
#   scripts/setup.sh --slurm        also Slurm and munge, and starts a single-node cluster
#                                   on this machine (scripts/slurm_cluster.sh; idempotent)
#   scripts/setup.sh --slurm-stop   stops that cluster
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
slurm=0
case "${1:-}" in
  --slurm) slurm=1 ;;
  --slurm-stop) exec "$here/slurm_cluster.sh" stop ;;
  "") ;;
  *)
    echo "usage: $0 [--slurm | --slurm-stop]" >&2
    exit 2
    ;;
esac

packages=(
  build-essential cmake ninja-build ccache python3 pkg-config
  verilator libsystemc-dev libfmt-dev doctest-dev zlib1g-dev
  gtkwave clang-format patch libxml2-utils
  clang libclang-rt-14-dev clang-tidy cppcheck
  valgrind
)
[ $slurm -eq 0 ] || packages+=(slurm-wlm munge)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

start_cluster() {
  [ $slurm -eq 0 ] || exec "$here/slurm_cluster.sh" start
}

if [ ${#missing[@]} -eq 0 ]; then
  start_cluster
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
start_cluster
