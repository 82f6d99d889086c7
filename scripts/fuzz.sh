#!/usr/bin/env bash
# Fuzzes the per-file pipeline (Sources/wasmfix-fuzz: scan, evaluate, group, rules, fix plan,
# in-memory fix and re-scan) with libFuzzer and AddressSanitizer, time-boxed. `make fuzz` runs it.
#
#   FUZZ_LANG     rust | c | cpp | csharp | cli | all (default all: every kind in one run), or
#                 several, space-separated, run one after another
#   FUZZ_SECONDS  how long each language runs (default 600)
#   FUZZ_SCRATCH  build and corpus folder (default .build-fuzz, git-ignored)
#   FUZZ_FLAGS    more libFuzzer flags (e.g. -seed=1 -runs=1000)
#
# The seed corpus is written afresh from Tests/Fixtures by the target itself (Seeds.swift),
# into $FUZZ_SCRATCH/corpus/<lang>, where libFuzzer also keeps the inputs it finds. Crashing
# inputs land in $FUZZ_SCRATCH/artifacts/<lang>/; replay one with `$bin <file>`. A run lasts its
# whole time even after a failure (libFuzzer's fork mode). Exits 1 when any run saved a crash.
set -euo pipefail
cd "$(dirname "$0")/.."
langs=${FUZZ_LANG:-all}
seconds=${FUZZ_SECONDS:-600}
scratch=${FUZZ_SCRATCH:-.build-fuzz}
# The target exists only with WASMFIX_FUZZ=1 (Package.swift); -parse-as-library: its files are
# declarations only (FuzzTarget.swift starts libFuzzer); -Xcc adds ASan to our C (the SIMD
# search) and the grammars' parsers and scanners.
build=(swift build -c debug --scratch-path "$scratch" --product wasmfix-fuzz
       -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xcc -fsanitize=address)
export WASMFIX_FUZZ=1
# A failed check traps; Swift's own backtracer would then read the stack under ASan, which
# reports that read instead of the trap. libFuzzer prints the stack and saves the input.
export SWIFT_BACKTRACE=enable=no
# Leak checks off at exit too (libFuzzer's -detect_leaks=0 covers only its own runs): one-time
# caches (a compiled NSRegularExpression) live until exit, and every forked job reported them
# as a leak, counted as a crash.
export ASAN_OPTIONS=detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}
"${build[@]}" >&2
bin=$("${build[@]}" --show-bin-path)/wasmfix-fuzz

status=0
for lang in $langs; do
  corpus=$scratch/corpus/$lang artifacts=$scratch/artifacts/$lang log=$scratch/fuzz-$lang.log
  mkdir -p "$corpus" "$artifacts"
  # Crash files of earlier runs stay (they are the inputs to fix); this run counts its own.
  started=$scratch/.started-$lang
  touch "$started"
  WASMFIX_FUZZ_LANG=$lang WASMFIX_FUZZ_SEEDS_FROM=Tests/Fixtures WASMFIX_FUZZ_SEEDS_TO=$corpus "$bin"
  # One fuzzing process at a time (the machine's cores are shared), forked by libFuzzer so a
  # failure is saved and the run goes on for its whole time: every crash of a run is listed,
  # not just the first. An input slower than 10 s counts as a hang. Leak checks are off: the
  # parsers and query caches live for the whole process.
  set +e
  WASMFIX_FUZZ_LANG=$lang "$bin" "$corpus" -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
    -dict=scripts/fuzz.dict -max_total_time="$seconds" -max_len=8192 -timeout=10 -detect_leaks=0 \
    -artifact_prefix="$artifacts/" ${FUZZ_FLAGS:-} >"$log" 2>&1
  set -e
  # The parent's last status line: `#EXECS: cov: N ft: N corp: N exec/s: N oom/timeout/crash: a/b/c`.
  last=$(grep -E '^#[0-9]+: cov:' "$log" | tail -1 || true)
  execs=$(sed -E 's/^#([0-9]+):.*/\1/' <<<"$last")
  coverage=$(grep -oE 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+' <<<"$last")
  failures=$(grep -oE 'oom/timeout/crash: [0-9]+/[0-9]+/[0-9]+' <<<"$last")
  files=$(find "$artifacts" -type f -newer "$started" | wc -l)
  kinds=$(grep -hoE 'Fatal error: [^:]*|ERROR: AddressSanitizer: [a-z-]+|deadly signal' "$log" | sort | uniq -c | sed 's/^ */ /' | tr '\n' ';' || true)
  echo "fuzz $lang: ${execs:-?} executions, ${coverage:-no coverage line}, ${failures:-no failure count}; $files new crash file(s) in $artifacts;${kinds:- no failures} (log $log)"
  code=0
  if [ "$files" -ne 0 ]; then code=1; fi
  if [ "$code" -ne 0 ]; then status=1; fi
done
exit $status
