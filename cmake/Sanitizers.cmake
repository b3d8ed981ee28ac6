# Builds for finding memory errors and undefined behaviour (scripts/sanitize-and-fuzz.sh).
#   PROSCALE_SANITIZE  AddressSanitizer + UBSan on every target (gcc or clang); any UB aborts.
#   PROSCALE_FUZZ      libFuzzer targets in fuzz/ (clang only): the project's code gets
#                      coverage instrumentation (fuzzer-no-link) besides ASan + UBSan, and
#                      only the fuzz targets link libFuzzer's main.
# Set them on a build directory of their own: the flags apply to every object compiled.
option(PROSCALE_SANITIZE "Build everything with -fsanitize=address,undefined" OFF)
option(PROSCALE_FUZZ "Build the libFuzzer targets in fuzz/ (clang; implies the sanitizers)" OFF)

set(proscale_sanitizers address,undefined)
if(PROSCALE_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "PROSCALE_FUZZ needs clang (libFuzzer): configure with "
                        "CC=clang-14 CXX=clang++-14")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link,${proscale_sanitizers})
elseif(PROSCALE_SANITIZE)
  add_compile_options(-fsanitize=${proscale_sanitizers})
endif()
if(PROSCALE_FUZZ OR PROSCALE_SANITIZE)
  # Undefined behaviour is an error, not a message: the test or the fuzzer stops at it.
  add_compile_options(-fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  add_link_options(-fsanitize=${proscale_sanitizers})
endif()
