# Is the SUNDIALS we link built with optimisation? Debian 12's is built at -O0, which makes its
# serial vector kernels ~7x slower than compiled code (bench/vector_kernels.cpp). This check
# times one of them against the same loop compiled here at -O3 (cmake/sundials_speed_check.cpp:
# ~5.5 for Debian's library, ~1 for one built from the same source in Release) and
# sets the default of PROSCALE_FAST_VECTOR_KERNELS: proscale then installs its own kernels
# (solvers/FastSerialVector.h, bitwise identical results) on CVODE's vectors. A user can force
# the option either way; a cross build (no run) keeps the kernels.
if(NOT DEFINED PROSCALE_SUNDIALS_SLOWDOWN)
  try_run(run_status compile_ok
    ${CMAKE_BINARY_DIR}/sundials-speed-check
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/sundials_speed_check.cpp
    LINK_LIBRARIES SUNDIALS::nvecserial
    COMPILE_DEFINITIONS -O3
    COMPILE_OUTPUT_VARIABLE compile_output
    RUN_OUTPUT_VARIABLE slowdown)
  if(compile_ok AND run_status EQUAL 0)
    set(PROSCALE_SUNDIALS_SLOWDOWN "${slowdown}" CACHE INTERNAL "SUNDIALS N_VLinearSum / compiled loop")
  else()
    set(PROSCALE_SUNDIALS_SLOWDOWN "unknown" CACHE INTERNAL "SUNDIALS N_VLinearSum / compiled loop")
  endif()
endif()

set(slow_library ON)
if(NOT PROSCALE_SUNDIALS_SLOWDOWN STREQUAL "unknown" AND PROSCALE_SUNDIALS_SLOWDOWN LESS 2.5)
  set(slow_library OFF)
endif()
option(PROSCALE_FAST_VECTOR_KERNELS
       "Install proscale's compiled serial vector kernels on CVODE's vectors" ${slow_library})
message(STATUS "SUNDIALS N_VLinearSum is ${PROSCALE_SUNDIALS_SLOWDOWN}x a compiled loop; "
               "proscale's vector kernels: ${PROSCALE_FAST_VECTOR_KERNELS}")
