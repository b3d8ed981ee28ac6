#!/usr/bin/env bash
# Memory errors, undefined behaviour and input that breaks the contract (exit 2 with a located
# message, never a crash or an internal error), in two builds of their own:
#   build-asan/  gcc, AddressSanitizer + UBSan: the fast test label (`ctest -L unit`) and the
#                bad-input tests (`-L input`).
#   build-fuzz/  clang-14 + libFuzzer (fuzz/): replays every input of fuzz/regressions/, then
#                fuzzes the case loader, the unit parser and the reaction-equation parser for
#                FUZZ_SECONDS each (default 45), seeded from cases/, validation/ and
#                tests/input_errors/ (fuzz/seed_corpora.py). A new finding fails the script
#                (after every target ran); one with the signature of an open regression is
#                reported only. Inputs that failed are left in build-fuzz/findings/<target>/
#                (keep a new one in fuzz/regressions/ with a note).
# Installs what is missing (the packages of scripts/setup.sh and clang's libFuzzer); idempotent.
# Run as root from anywhere: bash scripts/sanitize-and-fuzz.sh
set -euo pipefail
cd "$(dirname "$0")/.."
FUZZ_SECONDS=${FUZZ_SECONDS:-45}
jobs=$(nproc)
start=$SECONDS
step() { echo "sanitize-and-fuzz: [$((SECONDS - start)) s] $*"; }

# ---- packages: the project's (scripts/setup.sh's list) and clang 14 with its runtimes -------
eval "$(sed -n '/^packages=(/,/^)/p' scripts/setup.sh)"
packages+=(clang-14 libclang-rt-14-dev python3)  # libclang-rt-14-dev: libFuzzer, ASan, UBSan
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  step "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" > /tmp/proscale-apt.log \
    || { cat /tmp/proscale-apt.log; exit 1; }
fi

# -O1 -g1: fast enough to run the tests, line numbers in every report; asserts stay on.
common=(-G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPROSCALE_BUILD_PYTHON=OFF
        "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g1" "-DCMAKE_C_FLAGS_RELWITHDEBINFO=-O1 -g1")
configure() {  # DIR ARGS...: configure once, quietly
  local dir=$1; shift
  [ -f "$dir/build.ninja" ] && return 0
  mkdir -p "$dir"
  "$@" > "$dir/configure.log" 2>&1 || { cat "$dir/configure.log"; exit 1; }
}

# ---- ASan + UBSan: the fast tests and the bad-input tests ------------------------------------
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:strict_string_checks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
step "ASan + UBSan build (gcc) in build-asan/"
configure build-asan cmake -S . -B build-asan "${common[@]}" -DPROSCALE_SANITIZE=ON
cmake --build build-asan -j "$jobs" --target test_core test_case test_output test_solvers \
  test_models test_cli proscale
step "ctest -L 'unit|input' under ASan + UBSan"
ctest --test-dir build-asan -L 'unit|input' -j "$jobs" --output-on-failure

# ---- libFuzzer -----------------------------------------------------------------------------
targets=(case_loader unit_parser reaction_equation)
step "fuzz targets (clang-14, libFuzzer + ASan + UBSan) in build-fuzz/"
configure build-fuzz env CC=clang-14 CXX=clang++-14 cmake -S . -B build-fuzz "${common[@]}" \
  -DPROSCALE_FUZZ=ON -DPROSCALE_BUILD_TESTS=OFF
cmake --build build-fuzz -j "$jobs" --target "${targets[@]/#/fuzz_}"
rm -rf build-fuzz/seeds
python3 fuzz/seed_corpora.py . build-fuzz/seeds

# Per target: time limit per input (s), RSS limit (MB), longest input (bytes).
declare -A timeout=([case_loader]=10 [unit_parser]=2 [reaction_equation]=2)
declare -A max_len=([case_loader]=16384 [unit_parser]=512 [reaction_equation]=512)
rss_mb=2048

# What an input shows, without its particular values: the harness's "FUZZ FINDING: kind" up to
# its first quoted text, else the sanitizer's SUMMARY line and the first proscale frame (an
# out-of-memory or a timeout). Empty when the input passes. Two inputs with one signature are
# taken for one defect.
signature() {  # TARGET INPUT
  local log
  log=$(build-fuzz/bin/fuzz_"$1" -timeout="${timeout[$1]}" -rss_limit_mb=$rss_mb "$2" 2>&1) && return 0
  local kind
  kind=$(grep -m1 -o "FUZZ FINDING: [^']*" <<< "$log" | sed -E 's/[0-9]+/N/g' || true)
  if [ -n "$kind" ]; then echo "$kind"; return 0; fi
  echo "$(grep -m1 '^SUMMARY' <<< "$log" || true) $(grep -m1 -o 'in proscale::[^(]*' <<< "$log" || true)"
}

step "replaying fuzz/regressions/"
failed=0
known=()  # signatures of the open regressions: the fuzzing below does not fail on them
for t in "${targets[@]}"; do
  notes=fuzz/regressions/$t/NOTES.md
  for input in fuzz/regressions/"$t"/*; do
    name=$(basename "$input")
    [ -f "$input" ] && [ "$name" != NOTES.md ] || continue
    state=$(sed -n "s/^$name: \([a-z]*\): .*/\1/p" "$notes" 2>/dev/null || true)
    sig=$(signature "$t" "$input")
    if [ -z "$sig" ]; then
      if [ "$state" = open ]; then echo "  $t/$name: passes now (mark it fixed in $notes)"
      else echo "  $t/$name: ok"; fi
      cp "$input" build-fuzz/seeds/"$t"/
    elif [ "$state" = open ]; then
      echo "  $t/$name: still fails, open: $sig"
      known+=("$sig")
    else
      echo "  $t/$name: FAILS (${state:-no note in $notes}): $sig"
      failed=1
    fi
  done
done
[ $failed = 0 ] || { echo "sanitize-and-fuzz: a fixed regression fails again"; exit 1; }

# Fork mode with the crashes, timeouts and OOMs ignored: a known open defect found in the
# first seconds does not end the run; every input that fails is judged afterwards.
new_findings=0
for t in "${targets[@]}"; do
  step "fuzzing $t for $FUZZ_SECONDS s"
  mkdir -p build-fuzz/corpus/"$t"
  rm -rf build-fuzz/findings/"$t"; mkdir -p build-fuzz/findings/"$t"
  # The corpus dir (first) keeps what the fuzzer learns between runs on this machine.
  build-fuzz/bin/fuzz_"$t" -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
    -max_total_time="$FUZZ_SECONDS" -timeout="${timeout[$t]}" -rss_limit_mb=$rss_mb \
    -max_len="${max_len[$t]}" -dict=build-fuzz/seeds/"$t".dict \
    -artifact_prefix=build-fuzz/findings/"$t"/ build-fuzz/corpus/"$t" build-fuzz/seeds/"$t" \
    > build-fuzz/fuzz-"$t".log 2>&1 || true
  grep -q '^INFO: exiting:' build-fuzz/fuzz-"$t".log \
    || { tail -30 build-fuzz/fuzz-"$t".log; echo "sanitize-and-fuzz: $t did not run"; exit 1; }
  echo "  $(grep -E '^#[0-9]+: cov:' build-fuzz/fuzz-"$t".log | tail -1)"
  declare -A seen=()
  for input in build-fuzz/findings/"$t"/*; do
    [ -f "$input" ] || continue
    sig=$(signature "$t" "$input")
    [ -n "$sig" ] || continue  # did not fail again (a flaky timeout)
    [ -z "${seen[$sig]:-}" ] || continue
    seen[$sig]=1
    if printf '%s\n' "${known[@]}" | grep -qxF -- "$sig"; then
      echo "  known, open: $sig"
    else
      echo "  NEW FINDING: $sig"
      echo "    input: $input ($(head -c 120 "$input" | tr '\n' ' '))"
      new_findings=$((new_findings + 1))
    fi
  done
  unset seen
done
if [ $new_findings -gt 0 ]; then
  step "$new_findings new finding(s): keep each input in fuzz/regressions/<target>/ with a note"
  exit 1
fi
step "done: no new finding"
