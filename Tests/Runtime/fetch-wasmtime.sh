#!/usr/bin/env bash
# Fetches the PyPI `wasmtime` wheels pinned in wheels.lock (manylinux x86_64), verifies their
# sha256, and extracts the Wasmtime C library inside each to
#   ${WASMFIX_CACHE:-$HOME/.cache/wasmfix}/wasmtime/<version>/libwasmtime.so
# which Tests/WasmfixCLITests/RuntimeTests.swift links the C and C# fixture programs against.
# Idempotent: a version whose stamp matches the pin is skipped without touching the network.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="${WASMFIX_CACHE:-$HOME/.cache/wasmfix}"
wheels="$root/wheels"
mkdir -p "$wheels"

if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
  echo "fetch-wasmtime.sh: the pinned wheels are manylinux x86_64; this is $(uname -s)-$(uname -m)" >&2
  exit 1
fi

while read -r version file sum; do
  case "$version" in ''|'#'*) continue ;; esac
  dest="$root/wasmtime/$version"
  stamp="$file $sum"
  if [ -f "$dest/libwasmtime.so" ] && [ -f "$dest/.stamp" ] && [ "$(cat "$dest/.stamp")" = "$stamp" ]; then
    continue
  fi
  wheel="$wheels/$file"
  if [ ! -f "$wheel" ]; then
    echo "fetch-wasmtime.sh: downloading wasmtime==$version from PyPI" >&2
    python3 -m pip download --quiet --no-deps --only-binary :all: \
      --platform manylinux1_x86_64 --python-version 3.11 \
      --dest "$wheels" "wasmtime==$version" >&2
  fi
  if [ ! -f "$wheel" ]; then
    echo "fetch-wasmtime.sh: pip did not produce $file in $wheels" >&2
    exit 1
  fi
  actual="$(sha256sum "$wheel" | cut -d' ' -f1)"
  if [ "$actual" != "$sum" ]; then
    echo "fetch-wasmtime.sh: checksum mismatch for wasmtime==$version ($wheel):" >&2
    echo "  expected $sum (Tests/Runtime/wheels.lock)" >&2
    echo "  got      $actual" >&2
    echo "  deleted the file; re-run to download it again, or update wheels.lock on purpose" >&2
    rm -f "$wheel"
    exit 1
  fi
  tmp="$dest.tmp.$$"
  rm -rf "$tmp"; mkdir -p "$tmp"
  python3 - "$wheel" "$tmp/libwasmtime.so" <<'PY'
import shutil, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z, z.open("wasmtime/linux-x86_64/_libwasmtime.so") as src, open(sys.argv[2], "wb") as dst:
    shutil.copyfileobj(src, dst)
PY
  chmod 755 "$tmp/libwasmtime.so"
  echo "$stamp" > "$tmp/.stamp"
  rm -rf "$dest"; mv "$tmp" "$dest"
  echo "fetch-wasmtime.sh: wasmtime $version -> $dest/libwasmtime.so" >&2
done < "$here/wheels.lock"
