#pragma once
// Latin hypercube samples on the unit cube (McKay, Beckman & Conover, Technometrics 21 (1979)
// 239): for n samples in d dimensions each dimension is cut into n equal strata, every stratum
// holds exactly one sample, at a uniformly random place inside it, and the strata are paired
// across dimensions by independent random permutations. The generator is std::mt19937_64,
// whose sequence the C++ standard fixes, and the uniforms and permutations are drawn from its
// bits here (not by the library's distributions, which differ between implementations), so a
// seed gives the same design on every machine. Theory: docs/theory/studies.md.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace proscale {

/// n points of the unit cube [0, 1)^d, point-major (points[i][j] is dimension j of point i).
/// std::invalid_argument for n or d of 0.
std::vector<std::vector<double>> latinHypercube(std::size_t n, std::size_t d, std::uint64_t seed);

}  // namespace proscale
