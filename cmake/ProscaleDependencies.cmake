# Every dependency is a Debian 12 package (scripts/setup.sh installs them); nothing is
# downloaded or vendored.
find_package(PkgConfig REQUIRED)
find_package(SUNDIALS 6.4 REQUIRED)
include(${CMAKE_CURRENT_LIST_DIR}/CheckSundialsOptimization.cmake)
find_package(Eigen3 3.4 REQUIRED NO_MODULE)
find_package(Boost 1.74 REQUIRED)
find_package(yaml-cpp REQUIRED)
find_package(CLI11 2 REQUIRED)           # libcli11-dev: the command line
find_package(nlohmann_json 3 REQUIRED)  # nlohmann-json3-dev: JSON read back in tests
find_package(VTK REQUIRED COMPONENTS IOXML CommonCore CommonDataModel)
find_package(MPI REQUIRED COMPONENTS C CXX)
pkg_check_modules(PETSC REQUIRED IMPORTED_TARGET PETSc)
if(PROSCALE_BUILD_TESTS)
  find_package(Catch2 2 REQUIRED)
  include(Catch)
endif()
if(PROSCALE_BUILD_PYTHON)
  # Debian's interpreter owns numpy/matplotlib (python3-numpy etc.); another python3 first on
  # PATH (pyenv, conda) would build a module that cannot import them. Default to Debian's.
  if(NOT DEFINED Python3_EXECUTABLE AND EXISTS /usr/bin/python3)
    set(Python3_EXECUTABLE /usr/bin/python3 CACHE FILEPATH "Python with Debian's numpy")
  endif()
  find_package(Python3 REQUIRED COMPONENTS Interpreter Development)
  find_package(pybind11 REQUIRED)
endif()
