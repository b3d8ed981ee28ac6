#pragma once
// The non-zero entries of a BorderedBandJacobian in compressed-row form, for repeated products
// y = J x (a Krylov solver's Jacobian-vector products): after one pass that drops the zeros,
// each product costs the non-zeros instead of the dense border blocks.
#include <cstddef>
#include <span>
#include <vector>

#include "core/BorderedBandJacobian.h"

namespace proscale {

class CompressedRows {
 public:
  /// Keeps the non-zero entries of J, row by row; false if one of them is not finite.
  bool assign(const BorderedBandJacobian& J);
  /// y = J x for the J of the last assign (x and y of its size).
  void multiply(std::span<const double> x, std::span<double> y) const;

 private:
  std::vector<std::size_t> m_rowStart, m_columns;
  std::vector<double> m_values;
};

}  // namespace proscale
