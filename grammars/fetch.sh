#!/usr/bin/env bash
# Fetches the tree-sitter grammars pinned in grammars.lock (PyPI source distributions,
# verified by sha256) and unpacks src/parser.c, src/scanner.c and the tree_sitter/*.h
# headers into grammars/<lang>/src/. Idempotent: a grammar whose stamp matches is skipped.
# Special cases (the stamp names those that depend on more than the grammar's sdist):
# - a fifth lock column names the grammar's folder in the sdist when it is not src/ (xml/src);
# - a grammar whose sdist ships its own src/tree_sitter/*.h uses them over the runtime's (they
#   match the generator that wrote its parser.c: yaml's is tree-sitter 0.25's, ABI 14);
# - xml's scanner.c includes "../../common/scanner.h", absent from its sdist: it comes from the
#   `xml-common` lock entry into src/common/, and the include is rewritten to point there;
# - files a sdist lacks that we wrote ourselves are kept in grammars/<lang>/supplement/ and
#   copied into src/ (yaml's schema.core.c).
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
    python3 -m pip download --quiet --no-deps --no-binary :all: --dest "$cache" "$pkg==$ver" >&2 </dev/null
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

headers_archive=""; common_spec=""
while read -r name pkg ver sum dir; do
  case "$name" in ''|'#'*) continue ;; esac
  if [ "$name" = headers ]; then headers_archive="$(fetch "$pkg" "$ver" "$sum")"; headers_stamp="$pkg==$ver $sum"; fi
  # Fetched only when a grammar needs it (see below): it is a large sdist.
  if [ "$name" = xml-common ]; then common_spec="$pkg $ver $sum $dir"; fi
done < "$here/grammars.lock"

while read -r name pkg ver sum dir; do
  case "$name" in ''|'#'*|headers|xml-common) continue ;; esac
  dir="${dir:-src}"
  dest="$here/$name/src"
  stamp="$pkg==$ver $sum / $headers_stamp / parser.h alloc.h array.h ts_assert.h"
  if [ "$dir" != src ]; then stamp="$stamp / from $dir"; fi
  if [ -d "$here/$name/supplement" ]; then
    stamp="$stamp / supplement $(cd "$here/$name/supplement" && sha256sum ./* | sha256sum | cut -d' ' -f1)"
  fi
  if [ "$name" = xml ]; then stamp="$stamp / common/scanner.h from ${common_spec:?no xml-common entry in grammars.lock}"; fi
  if [ -f "$dest/.stamp" ] && [ "$(cat "$dest/.stamp")" = "$stamp" ]; then continue; fi
  archive="$(fetch "$pkg" "$ver" "$sum")"
  tmp="$(mktemp -d)"
  tar -xzf "$archive" -C "$tmp"
  rm -rf "$dest"; mkdir -p "$dest/tree_sitter"
  cp "$tmp"/*/"$dir"/parser.c "$dest/"
  if [ -f "$tmp"/*/"$dir"/scanner.c ]; then cp "$tmp"/*/"$dir"/scanner.c "$dest/"; fi
  own_headers="$(ls "$tmp"/*/"$dir"/tree_sitter/*.h 2>/dev/null || true)"
  tar -xzf "$headers_archive" -C "$tmp"
  for h in parser.h alloc.h array.h ts_assert.h; do cp "$tmp"/tree-sitter-*/tree_sitter/core/lib/src/"$h" "$dest/tree_sitter/"; done
  if [ -n "$own_headers" ]; then cp $own_headers "$dest/tree_sitter/"; fi
  if [ -d "$here/$name/supplement" ]; then cp "$here/$name/supplement"/* "$dest/"; fi
  if [ -f "$dest/scanner.c" ] && grep -q '^#include "../../common/scanner.h"' "$dest/scanner.c"; then
    read -r cpkg cver csum cpath <<< "$common_spec"
    common_archive="$(fetch "$cpkg" "$cver" "$csum")"
    mkdir -p "$tmp/common" "$dest/common"
    tar -xzf "$common_archive" -C "$tmp/common" --wildcards "*/$cpath"
    cp "$tmp"/common/*/"$cpath" "$dest/common/scanner.h"
    sed -i 's|^#include "../../common/scanner.h"|#include "common/scanner.h"|' "$dest/scanner.c"
  fi
  rm -rf "$tmp"
  echo "$stamp" > "$dest/.stamp"
  echo "grammars: $name <- $pkg==$ver" >&2
done < "$here/grammars.lock"
