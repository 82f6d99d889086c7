#!/usr/bin/env bash
# Installs what wasmfix needs on a fresh Debian machine of this kind, idempotently:
#   scripts/setup.sh          tree-sitter runtime (Debian's libtree-sitter-dev) + pinned grammars
#   scripts/setup.sh --test   also what the tests use: mono (C# runtime tests), g++ (C++ runtime tests), the real
#                             Wasmtime C library from PyPI wheels (tests/runtime), ripgrep, pre-commit (PyPI),
#                             make and man-db (InstallTests)
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-}"

sudo_if_needed() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
command -v pkg-config >/dev/null || missing+=(pkg-config)
pkg-config --exists tree-sitter 2>/dev/null || missing+=(libtree-sitter-dev)
if [ "$mode" = "--test" ]; then
  command -v mcs >/dev/null || missing+=(mono-mcs)
  command -v mono >/dev/null || missing+=(mono-runtime)
  command -v cc >/dev/null || missing+=(gcc)
  command -v g++ >/dev/null || missing+=(g++)
  command -v git >/dev/null || missing+=(git)
  # InstallTests: make install, then man -l on the page.
  command -v make >/dev/null || missing+=(make)
  command -v man >/dev/null || missing+=(man-db)
fi
if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing ${missing[*]} with apt-get" >&2
  export DEBIAN_FRONTEND=noninteractive
  sudo_if_needed apt-get update -qq >&2
  sudo_if_needed apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

./grammars/fetch.sh

# PreCommitTests runs `python3 -m pre_commit try-repo` on the hooks in .pre-commit-hooks.yaml.
if [ "$mode" = "--test" ] && ! python3 -c 'import pre_commit' 2>/dev/null; then
  echo "setup: installing pre-commit with pip" >&2
  python3 -m pip install --quiet pre-commit >&2
fi

if [ "$mode" = "--test" ] && [ -x Tests/Runtime/fetch-wasmtime.sh ]; then
  Tests/Runtime/fetch-wasmtime.sh
fi
