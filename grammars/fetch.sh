#!/usr/bin/env bash
# Fetches the tree-sitter grammars pinned in grammars.lock (PyPI source distributions,
# verified by sha256) and unpacks src/parser.c, src/scanner.c and the tree_sitter/*.h
# headers into grammars/<lang>/src/. Idempotent: a grammar whose stamp matches is skipped.
# Why these versions: newer grammar releases are ABI 15, which Debian's libtree-sitter
# 0.20.7 cannot load (it accepts ABI 13-14).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cache="${WASMFIX_CACHE:-$HOME/.cache/wasmfix}/sdists"
mkdir -p "$cache"

fetch() { # package version sha256 -> path of the verified archive
  local pkg="$1" ver="$2" sum="$3" file
  file="$(ls "$cache"/"$(echo "$pkg" | tr - _)"-"$ver".tar.gz "$cache"/"$pkg"-"$ver".tar.gz 2>/dev/null | head -n 1 || true)"
  if [ -z "$file" ]; then
    python3 -m pip download --quiet --no-deps --no-binary :all: --dest "$cache" "$pkg==$ver" >&2
    file="$(ls "$cache"/"$(echo "$pkg" | tr - _)"-"$ver".tar.gz "$cache"/"$pkg"-"$ver".tar.gz 2>/dev/null | head -n 1)"
  fi
  local actual
  actual="$(sha256sum "$file" | cut -d' ' -f1)"
  if [ "$actual" != "$sum" ]; then
    echo "grammars/fetch.sh: checksum mismatch for $pkg==$ver: expected $sum, got $actual ($file); delete it and retry" >&2
    rm -f "$file"
    exit 1
  fi
  echo "$file"
}

headers_archive=""
while read -r name pkg ver sum; do
  case "$name" in ''|'#'*) continue ;; esac
  if [ "$name" = headers ]; then headers_archive="$(fetch "$pkg" "$ver" "$sum")"; headers_stamp="$pkg==$ver $sum"; fi
done < "$here/grammars.lock"

while read -r name pkg ver sum; do
  case "$name" in ''|'#'*|headers) continue ;; esac
  dest="$here/$name/src"
  stamp="$pkg==$ver $sum / $headers_stamp / parser.h alloc.h array.h ts_assert.h"
  if [ -f "$dest/.stamp" ] && [ "$(cat "$dest/.stamp")" = "$stamp" ]; then continue; fi
  archive="$(fetch "$pkg" "$ver" "$sum")"
  tmp="$(mktemp -d)"
  tar -xzf "$archive" -C "$tmp"
  rm -rf "$dest"; mkdir -p "$dest/tree_sitter"
  cp "$tmp"/*/src/parser.c "$dest/"
  if [ -f "$tmp"/*/src/scanner.c ]; then cp "$tmp"/*/src/scanner.c "$dest/"; fi
  tar -xzf "$headers_archive" -C "$tmp"
  for h in parser.h alloc.h array.h ts_assert.h; do cp "$tmp"/tree-sitter-*/tree_sitter/core/lib/src/"$h" "$dest/tree_sitter/"; done
  rm -rf "$tmp"
  echo "$stamp" > "$dest/.stamp"
  echo "grammars: $name <- $pkg==$ver" >&2
done < "$here/grammars.lock"
