#!/usr/bin/env bash
# The wasmfix benchmark (`make bench`): generates seeded trees of 2,000 and 20,000 source files
# (and 200,000 with --large), checks that wasmfix reports exactly the generator's ground truth,
# then times `wasmfix scan --format json`, `wasmfix scan --diff` and `rg -l` (and ast-grep with
# --with-peers) side by side in one hyperfine run per tree, measures peak RSS, and writes
# bench/RESULTS.md. Fails (exit 1) when wasmfix reports anything but the ground truth.
#
#   bench/run.sh [--large] [--with-peers] [--seed N] [--runs N] [--warmup N] [--keep-going]
#                [--sizes "2000 20000"] [--memory] [--trees DIR]
#
# --keep-going measures even when the check fails (RESULTS.md then says MISMATCH, and the
# script still exits 1 at the end): for following performance work while a bug is open.
# --memory checks each tree and prints wasmfix's peak RSS only (no timing, RESULTS.md left
# alone): `bench/run.sh --memory --sizes "100000 200000"` for issue 10's large trees.
# --trees DIR reads trees already generated in DIR/tree-s<seed>-n<files>/ (with --memory, never
# writing there; results go to a temporary folder).
# Environment: WASMFIX_SCRATCH sets the SwiftPM scratch folder (default .build).
# Trees are cached in bench/out/ (git-ignored) by seed, size and generator version.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"

sizes=(2000 20000)
large=0 peers=0 seed=1 runs=10 warmup=2 keep_going=0 mismatch=0 memory=0 trees=""
usage() { sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
  case "$1" in
    --large) large=1 ;;
    --with-peers) peers=1 ;;
    --seed) seed="$2"; shift ;;
    --runs) runs="$2"; shift ;;
    --warmup) warmup="$2"; shift ;;
    --keep-going) keep_going=1 ;;
    --sizes) read -r -a sizes <<< "$2"; shift ;;
    --memory) memory=1 ;;
    --trees) trees="$2"; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "bench/run.sh: unknown argument $1" >&2; usage >&2; exit 2 ;;
  esac
  shift
done

log() { printf '\n== %s\n' "$*" >&2; }
sudo_if_needed() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# 1. Tools (Debian packages), grammars, release build ------------------------------------------
missing=()
command -v hyperfine >/dev/null || missing+=(hyperfine)
command -v rg >/dev/null || missing+=(ripgrep)
[ -x /usr/bin/time ] || missing+=(time)
command -v pkg-config >/dev/null || missing+=(pkg-config)
pkg-config --exists tree-sitter 2>/dev/null || missing+=(libtree-sitter-dev)
if [ "${#missing[@]}" -gt 0 ]; then
  log "installing ${missing[*]} with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  sudo_if_needed apt-get update -qq >&2
  sudo_if_needed apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi
./grammars/fetch.sh

scratch="${WASMFIX_SCRATCH:-.build}"
log "building wasmfix (release, scratch path $scratch)"
# A static Swift runtime halves start-up (about 5 ms instead of 11 for `wasmfix --version`):
# no 20 shared libraries to map and relocate. It is how the README says to install wasmfix.
swift build -c release --static-swift-stdlib --scratch-path "$scratch" >&2
wasmfix="$(swift build -c release --static-swift-stdlib --scratch-path "$scratch" --show-bin-path)/wasmfix"
[ -x "$wasmfix" ] || { echo "bench/run.sh: no binary at $wasmfix" >&2; exit 1; }

out="$root/bench/out"
mkdir -p "$out"

astgrep=""
if [ "$peers" = 1 ]; then
  venv="$out/venv"
  if [ ! -x "$venv/bin/ast-grep" ]; then
    log "installing ast-grep-cli (PyPI) into $venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet ast-grep-cli >&2
  fi
  astgrep="$venv/bin/ast-grep"
fi

# 2. Trees ---------------------------------------------------------------------------------------
[ "$large" = 1 ] && sizes+=(200000)
stamp="$(cat bench/generate.py | sha256sum | cut -c1-16)"
for n in "${sizes[@]}"; do
  dir="${trees:-$out}/tree-s$seed-n$n"
  if [ -n "$trees" ] && [ -f "$dir/ground-truth.json" ]; then
    echo "bench: tree $dir (given with --trees)" >&2
  elif [ -f "$dir/ground-truth.json" ] && [ "$(cat "$dir/.stamp" 2>/dev/null)" = "$stamp" ]; then
    echo "bench: cached tree $dir" >&2
  else
    log "generating $n files (seed $seed) into $dir"
    rm -rf "$dir"
    python3 bench/generate.py --files "$n" --seed "$seed" --out "$dir"
    echo "$stamp" > "$dir/.stamp"
  fi
done

# 3. Per tree: correctness, then timing and memory ------------------------------------------------
rg_cmd="rg -l -e max_wasm_stack -e async_stack_size -e async_support -e wasmtime_config_max_wasm_stack_set -e WithMaximumStackSize -e WithMaxWasmStack -e WithAsync -e max-wasm-stack -e async-stack-size"

peak_rss() { # command... -> peak RSS in kB, the highest of three runs
  local best=0 kb report
  report="$(mktemp)"
  for _ in 1 2 3; do
    /usr/bin/time -v -o "$report" "$@" >/dev/null 2>&1 || true
    kb="$(awk -F': *' '/Maximum resident set size/ {print $2}' "$report")"
    if [ -n "$kb" ] && [ "$kb" -gt "$best" ]; then best="$kb"; fi
  done
  rm -f "$report"
  echo "$best"
}

if [ "$memory" = 1 ]; then
  # Correctness, then the highest peak RSS of three runs of each command, per tree.
  results="$(mktemp -d)"
  printf '%-10s %-12s %-26s %s\n' files exact "scan --format json (MiB)" "scan --diff (MiB)"
  for n in "${sizes[@]}"; do
    tree="${trees:-$out}/tree-s$seed-n$n/tree"
    status=0
    (cd "$tree" && "$wasmfix" scan --format json .) > "$results/$n.json" 2> "$results/$n.stderr" || status=$?
    if [ "$status" -gt 1 ]; then echo "bench: wasmfix failed (exit $status)" >&2; cat "$results/$n.stderr" >&2; exit 1; fi
    exact=yes
    python3 bench/check.py "$tree/../ground-truth.json" "$results/$n.json" > "$results/$n.check" || { exact=NO; mismatch=1; cat "$results/$n.check" >&2; }
    json="$(peak_rss "$wasmfix" scan --format json "$tree")" diff="$(peak_rss "$wasmfix" scan --diff "$tree")"
    printf '%-10s %-12s %-26s %s\n' "$n" "$exact" "$(awk -v k="$json" 'BEGIN { printf "%.1f", k / 1024 }')" \
      "$(awk -v k="$diff" 'BEGIN { printf "%.1f", k / 1024 }')"
  done
  rm -rf "$results"
  [ "$mismatch" = 1 ] && { echo "bench: FAILED: wasmfix did not report the ground truth" >&2; exit 1; }
  exit 0
fi

for n in "${sizes[@]}"; do
  dir="${trees:-$out}/tree-s$seed-n$n"
  tree="$dir/tree"
  log "$n files: correctness"
  status=0
  # From inside the tree: reports print paths relative to the current directory, and the
  # ground truth's are relative to the tree.
  (cd "$tree" && "$wasmfix" scan --format json .) > "$dir/report.json" 2> "$dir/report.stderr" || status=$?
  if [ "$status" -gt 1 ]; then
    echo "bench: wasmfix failed (exit $status):" >&2; cat "$dir/report.stderr" >&2; exit 1
  fi
  if python3 bench/check.py "$dir/ground-truth.json" "$dir/report.json" > "$dir/check.txt"; then
    cat "$dir/check.txt" >&2
  else
    cat "$dir/check.txt" >&2
    echo "bench: FAILED: wasmfix does not report the ground truth on $tree (report: $dir/report.json)" >&2
    [ "$keep_going" = 1 ] || exit 1
    mismatch=1
  fi
  status=0
  (cd "$tree" && "$wasmfix" scan --diff .) > "$dir/fix.diff" 2> "$dir/diff.stderr" || status=$?
  if [ "$status" -gt 1 ]; then
    echo "bench: wasmfix scan --diff failed (exit $status):" >&2; cat "$dir/diff.stderr" >&2; exit 1
  fi
  if [ -s "$dir/fix.diff" ] && ! (cd "$tree" && git apply --check "$dir/fix.diff" 2> "$dir/diff-apply.stderr"); then
    echo "bench: warning: the --diff output does not apply with git apply --check ($dir/diff-apply.stderr)" >&2
  fi

  log "$n files: hyperfine ($warmup warm-up runs, $runs runs)"
  commands=(-n "wasmfix scan --format json" "$wasmfix scan --format json $tree"
            -n "wasmfix scan --diff" "$wasmfix scan --diff $tree"
            -n "rg -l" "$rg_cmd $tree")
  if [ -n "$astgrep" ]; then
    commands+=(-n "ast-grep scan" "$astgrep scan --config $root/bench/ast-grep/sgconfig.yml $tree")
  fi
  # -N: no intermediate shell; -i: wasmfix exits 1 on findings, rg exits 1 when nothing matches.
  hyperfine -N -i --warmup "$warmup" --runs "$runs" --export-json "$dir/hyperfine.json" "${commands[@]}" >&2

  log "$n files: peak RSS (/usr/bin/time -v, highest of 3 runs)"
  {
    echo "wasmfix scan --format json	$(peak_rss "$wasmfix" scan --format json "$tree")"
    echo "wasmfix scan --diff	$(peak_rss "$wasmfix" scan --diff "$tree")"
    echo "rg -l	$(peak_rss $rg_cmd "$tree")"
  } > "$dir/rss.tsv"
  cat "$dir/rss.tsv" >&2
done

# 4. Report ----------------------------------------------------------------------------------------
dirs=()
for n in "${sizes[@]}"; do dirs+=("${trees:-$out}/tree-s$seed-n$n"); done
python3 bench/report.py --wasmfix "$wasmfix" ${astgrep:+--ast-grep "$astgrep"} --seed "$seed" \
  --warmup "$warmup" --runs "$runs" --output bench/RESULTS.md "${dirs[@]}"
if [ "$mismatch" = 1 ]; then
  echo "bench: FAILED: wasmfix did not report the ground truth (see check.txt in bench/out/tree-*)" >&2
  exit 1
fi
