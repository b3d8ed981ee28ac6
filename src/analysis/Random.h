#pragma once
// Uniform draws from std::mt19937_64's bits, whose sequence the C++ standard fixes (the
// library's distributions are implementation-defined): the same seed gives the same designs
// and estimates on every machine. Internal to proscale_analysis.
#include <cstddef>
#include <cstdint>
#include <random>

namespace proscale::random {

/// A uniform double in [0, 1) from the generator's top 53 bits.
inline double uniform(std::mt19937_64& g) { return static_cast<double>(g() >> 11) * 0x1.0p-53; }

/// A uniform integer in [0, bound) by rejection (no modulo bias); bound > 0.
inline std::size_t below(std::mt19937_64& g, std::size_t bound) {
  const std::uint64_t b = bound, limit = UINT64_MAX - UINT64_MAX % b;
  std::uint64_t x = g();
  while (x >= limit) x = g();
  return static_cast<std::size_t>(x % b);
}

}  // namespace proscale::random
