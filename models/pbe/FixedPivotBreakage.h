#pragma once
// Breakage on the pivots x_i of a SizeGrid by the fixed-pivot technique (Kumar & Ramkrishna,
// Chem. Eng. Sci. 51 (1996) 1311):
//
//   dN_i/dt = sum_{k>=i} n_ik S_k N_k - S_i N_i,
//   n_ik = ∫_{x_i}^{x_{i+1}} (x_{i+1} - v)/(x_{i+1} - x_i) b(v|x_k) dv
//        + ∫_{x_{i-1}}^{x_i} (v - x_{i-1})/(x_i - x_{i-1}) b(v|x_k) dv,
//
// with selection S(x) = s0 (x/x_ref)^alpha [1/s] (x/x_ref = (L/L_ref)^3) and daughter
// distributions b(v|y) (daughters of volume v per broken particle of volume y):
//   binary   b = 2 delta(v - y/2)    (two equal halves)
//   uniform  b = 2/y on (0, y)       (binary breakage, uniform daughters; Ziff & McGrady 1985)
// A fragment between two pivots is shared so that number and volume are preserved. Fragments
// smaller than the first pivot are attached to x_0 with the share v/x_0 of a virtual pivot
// x_{-1} = 0: volume is conserved exactly, the number of those fragments that the grid cannot
// hold is reported (BreakageLoss). The operator is linear in N: its Jacobian is the constant
// matrix A with A_ik = n_ik S_k - delta_ik S_i (upper triangular).
// Theory: docs/theory/aggregation.md.
#include <Eigen/Core>
#include <span>
#include <vector>

#include "core/BorderedBandJacobian.h"
#include "core/Parameters.h"
#include "core/Schema.h"
#include "models/pbe/SizeGrid.h"

namespace proscale {

enum class DaughterDistribution { Binary, Uniform };

struct BreakageSettings {
  double selectionRate = 0.0;       ///< s0 [1/s]
  double referenceDiameter = 1e-6;  ///< L_ref [m]: S = s0 at L = L_ref
  double exponent = 1.0;            ///< alpha on the volume ratio [-]
  DaughterDistribution daughters = DaughterDistribution::Binary;
};

/// Fragments below the first pivot that the grid does not hold as particles.
struct BreakageLoss {
  double number = 0.0;  ///< [1/(m^3 s)]; their volume is kept (attached to x_0)
  /// Breakage events sum_k S_k N_k [1/(m^3 s)]: each adds one particle (two daughters, on the
  /// grid or lost below it, replace one parent).
  double events = 0.0;
};

class FixedPivotBreakage {
 public:
  FixedPivotBreakage(const SizeGrid& grid, const BreakageSettings& settings);

  std::size_t classes() const { return m_selection.size(); }
  double selection(std::size_t i) const { return m_selection[i]; }  ///< S_i [1/s]
  /// n_ik: daughters assigned to pivot i per breakage at pivot k (0 for i > k).
  double fragments(std::size_t i, std::size_t k) const;

  /// Adds dN/dt due to breakage; sum_i x_i dN_i = 0 and
  /// sum_i dN_i + loss.number = sum_k (nu - 1) S_k N_k with nu = 2 daughters.
  BreakageLoss rates(std::span<const double> N, std::span<double> dNdt_add) const;
  /// Adds the entries of A inside the band of J (band index = class); those outside are dropped.
  void addApproximateJacobian(BorderedBandJacobian& J) const;
  /// Adds A v to Av_add.
  void jacobianTimes(std::span<const double> v, std::span<double> Av_add) const;
  /// Adds the product of the entries outside a band of `lower` sub- and `upper` super-diagonals
  /// (what addApproximateJacobian leaves out) with v to Av_add.
  void addOffBandJacobianTimes(std::span<const double> v, std::size_t lower, std::size_t upper,
                               std::span<double> Av_add) const;
  /// Adds A (n x n) to J.
  void addExactJacobianDense(Eigen::MatrixXd& J) const;
  /// Adds d(loss.number)/dN_k (constant) to dNumber (length n).
  void addLossGradient(std::span<double> dNumber) const;
  /// Adds d(events)/dN_k = S_k (constant) to dEvents (length n): the budget row of a reactor.
  void addEventsGradient(std::span<double> dEvents) const;

 private:
  /// Column k: rows i <= k with a non-zero n_ik or i = k, n_ik, A_ik = S_k (n_ik - delta_ik).
  struct Column {
    std::vector<std::size_t> rows;
    std::vector<double> shares, values;
    double lostShare = 0.0;  // daughters per breakage not held by the grid
  };

  std::vector<double> m_volumes, m_selection;
  std::vector<Column> m_columns;
};

/// Case-file keys of a `breakage:` section.
SchemaPtr breakageSchema();
BreakageSettings breakageSettingsFrom(const Parameters& section);

}  // namespace proscale
