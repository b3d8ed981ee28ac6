# Run after a Catch2 test executable is built (cmake -P): writes CTEST_FILE, which registers
# every test case of TEST_EXECUTABLE with ctest as "<TEST_PREFIX><name>", labelled with its
# Catch tags without brackets ([unit][events] -> LABELS unit;events), so that
# `ctest -L unit` runs the fast layer and `ctest -L validation` the checks against published
# numbers. Inputs: TEST_EXECUTABLE, TEST_PREFIX, TEST_WORKING_DIR, TEST_TIMEOUT, CTEST_FILE.

function(catch_lines out)
  execute_process(COMMAND "${TEST_EXECUTABLE}" ${ARGN}
                  OUTPUT_VARIABLE text RESULT_VARIABLE status
                  WORKING_DIRECTORY "${TEST_WORKING_DIR}")
  if(status LESS 0)
    message(FATAL_ERROR "cannot list the tests of ${TEST_EXECUTABLE}: ${text}")
  endif()
  string(REPLACE ";" "\\;" text "${text}")
  string(REPLACE "\n" ";" text "${text}")
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

# A test name as a Catch test spec: ',', '[' and ']' escaped.
function(catch_spec out name)
  foreach(char , [ ])
    string(REPLACE "${char}" "\\${char}" name "${name}")
  endforeach()
  set(${out} "${name}" PARENT_SCOPE)
endfunction()

# CMake bracket argument (no escaping needed for any name).
function(bracketed out text)
  set(${out} "[==[${text}]==]" PARENT_SCOPE)
endfunction()

catch_lines(names --list-test-names-only)
catch_lines(tag_lines --list-tags)

# name -> labels, one tag at a time.
set(tagged_names "")
foreach(line IN LISTS tag_lines)
  if(NOT line MATCHES "^ *[0-9]+ +\\[([^]]+)\\]$")
    continue()
  endif()
  set(tag "${CMAKE_MATCH_1}")
  catch_lines(with_tag "[${tag}]" --list-test-names-only)
  foreach(name IN LISTS with_tag)
    if(name STREQUAL "")
      continue()
    endif()
    string(SHA1 key "${name}")
    list(APPEND labels_${key} "${tag}")
  endforeach()
endforeach()

set(script "")
foreach(name IN LISTS names)
  if(name STREQUAL "")
    continue()
  endif()
  string(SHA1 key "${name}")
  catch_spec(spec "${name}")
  bracketed(test "${TEST_PREFIX}${name}")
  bracketed(exe "${TEST_EXECUTABLE}")
  bracketed(arg "${spec}")
  bracketed(dir "${TEST_WORKING_DIR}")
  set(labels "${labels_${key}}")
  if(labels STREQUAL "")
    set(labels "untagged")
  endif()
  string(APPEND script
    "add_test(${test} ${exe} ${arg})\n"
    "set_tests_properties(${test} PROPERTIES WORKING_DIRECTORY ${dir} "
    "TIMEOUT ${TEST_TIMEOUT} LABELS \"${labels}\")\n")
endforeach()
file(WRITE "${CTEST_FILE}" "${script}")
