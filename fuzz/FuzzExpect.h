#pragma once
// What a fuzz target does with an exception its code under test may not throw: print its type
// and message on stderr and abort, so that libFuzzer keeps the input as a crash. The expected
// ones (the project's own input errors) are caught by each target before this.
#include <cstdio>
#include <cstdlib>
#include <cxxabi.h>
#include <exception>
#include <memory>
#include <string>
#include <typeinfo>

namespace proscale::fuzz {

inline std::string typeName(const std::type_info& type) {
  int status = 0;
  std::unique_ptr<char, void (*)(void*)> name(
      abi::__cxa_demangle(type.name(), nullptr, nullptr, &status), std::free);
  return status == 0 && name ? name.get() : type.name();
}

[[noreturn]] inline void finding(const std::string& what) {
  std::fprintf(stderr, "FUZZ FINDING: %s\n", what.c_str());
  std::abort();
}

/// Call from `catch (...)` after the expected exception types.
[[noreturn]] inline void unexpectedException() {
  try {
    throw;
  } catch (const std::exception& e) {
    finding("unexpected exception " + typeName(typeid(e)) + ": " + e.what());
  } catch (...) {
    finding("unexpected exception of a type not derived from std::exception");
  }
}

}  // namespace proscale::fuzz
