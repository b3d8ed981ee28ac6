#!/usr/bin/env bash
# Memory errors, undefined behaviour and input that breaks the contract (exit 2 with a located
# message, never a crash or an internal error), in two builds of their own:
#   build-asan/  gcc, AddressSanitizer + UBSan: the fast test label (`ctest -L unit`) and the
#                bad-input tests (`-L input`).
#   build-fuzz/  clang-14 + libFuzzer (fuzz/): replays every input of fuzz/regressions/, then
#                fuzzes the case loader, the unit parser and the reaction-equation parser for
#                FUZZ_SECONDS each (default 45), seeded from cases/, validation/ and
#                tests/input_errors/ (fuzz/seed_corpora.py). A finding fails the script (after
#                the other targets ran); its input is left in build-fuzz/findings/<target>/
#                (keep it in fuzz/regressions/ with a note).
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
  "$@" > "$dir.configure.log" 2>&1 || { cat "$dir.configure.log"; exit 1; }
  rm -f "$dir.configure.log"
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

step "replaying fuzz/regressions/"
failed=0
for t in "${targets[@]}"; do
  notes=fuzz/regressions/$t/NOTES.md
  for input in fuzz/regressions/"$t"/*; do
    name=$(basename "$input")
    [ -f "$input" ] && [ "$name" != NOTES.md ] || continue
    state=$(sed -n "s/^$name: \([a-z]*\): .*/\1/p" "$notes" 2>/dev/null || true)
    if build-fuzz/bin/fuzz_"$t" -timeout="${timeout[$t]}" -rss_limit_mb=$rss_mb "$input" \
         > "build-fuzz/replay.log" 2>&1; then
      if [ "$state" = open ]; then echo "  $t/$name: passes now (mark it fixed in $notes)"
      else echo "  $t/$name: ok"; fi
      cp "$input" build-fuzz/seeds/"$t"/  # a seed too; an open one would stop the fuzzing at once
    elif [ "$state" = open ]; then
      echo "  $t/$name: still fails (open: $(sed -n "s/^$name: open: //p" "$notes"))"
    else
      echo "  $t/$name: FAILS (${state:-no note in $notes})"; tail -30 build-fuzz/replay.log
      failed=1
    fi
  done
done
[ $failed = 0 ] || { echo "sanitize-and-fuzz: a fixed regression fails again"; exit 1; }

findings=()
for t in "${targets[@]}"; do
  step "fuzzing $t for $FUZZ_SECONDS s"
  mkdir -p build-fuzz/corpus/"$t" build-fuzz/findings/"$t"
  # The corpus dir (first) keeps what the fuzzer learns between runs on this machine.
  if ! build-fuzz/bin/fuzz_"$t" -max_total_time="$FUZZ_SECONDS" -timeout="${timeout[$t]}" \
         -rss_limit_mb=$rss_mb -max_len="${max_len[$t]}" -dict=build-fuzz/seeds/"$t".dict \
         -artifact_prefix=build-fuzz/findings/"$t"/ -print_final_stats=1 \
         build-fuzz/corpus/"$t" build-fuzz/seeds/"$t" > build-fuzz/fuzz-"$t".log 2>&1; then
    grep -v -E '^#[0-9]+\s+(NEW|REDUCE|pulse)|NEW_FUNC' build-fuzz/fuzz-"$t".log | tail -40
    echo "  $t: FINDING (input in build-fuzz/findings/$t/, log build-fuzz/fuzz-$t.log)"
    findings+=("$t")
  fi
  grep -E '^Done [0-9]+ runs|stat::(number_of_executed_units|average_exec_per_sec)' build-fuzz/fuzz-"$t".log | sed 's/^/  /'
done
if [ ${#findings[@]} -gt 0 ]; then
  step "findings in: ${findings[*]} -- keep each input in fuzz/regressions/<target>/ with a note"
  exit 1
fi
step "done: no finding"
