#pragma once
// Named blocks of one state vector. Models declare blocks ("species", "psd", "moments" ...);
// observers, writers and tolerances find values by block name, never by raw offsets.
#include <cstddef>
#include <span>
#include <string>
#include <vector>

namespace proscale {

/// How the solvers treat a block's equations.
struct BlockRole {
  /// Algebraic: the block's residual has no time derivative (0 = g(t, y)); IDAS needs to know
  /// it for consistent initial conditions and its error test. Differential otherwise.
  bool algebraic = false;
  /// The values are physically non-negative (concentrations, number densities); a solver may
  /// impose the constraint (CVODES/IDAS SetConstraints) and a steady solver starts from >= 0.
  bool nonNegative = false;
  /// An accumulator (budget, quadrature): the running integral of a flow that nothing else
  /// depends on. It has no steady state, so a steady solver holds it fixed.
  bool accumulator = false;
};

struct StateBlock {
  std::string name;
  std::size_t offset = 0;
  std::size_t size = 0;
  std::string unit;        ///< SI unit of the stored values, e.g. "mol/m^3"
  double scale = 1.0;      ///< typical magnitude; absolute tolerance = atol * scale
  std::vector<std::string> componentNames;  ///< optional, one per entry
  std::vector<double> componentScales;      ///< optional, one per entry; overrides `scale`
  BlockRole role;
};

class StateLayout {
 public:
  /// Appends a block and returns its offset.
  std::size_t add(std::string name, std::size_t size, std::string unit, double scale,
                  std::vector<std::string> componentNames = {});
  /// Appends a block whose entries have their own scales.
  std::size_t add(std::string name, std::string unit, std::vector<double> componentScales,
                  std::vector<std::string> componentNames);
  /// Sets the role of a declared block (std::out_of_range if there is none of that name).
  void setRole(const std::string& name, BlockRole role);
  std::size_t size() const { return m_size; }
  const std::vector<StateBlock>& blocks() const { return m_blocks; }
  bool has(const std::string& name) const;
  const StateBlock& block(const std::string& name) const;  ///< throws std::out_of_range
  /// "block[k] (component name)" for component i; past the end, a grid's nodes of this
  /// layout: "node n: block[k] (name)".
  std::string componentLabel(std::size_t i) const;

  /// Per-component absolute tolerances: atol * block scale.
  std::vector<double> absoluteTolerances(double atol) const;
  /// Per component: 1 differential, 0 algebraic (IDASetId's convention).
  std::vector<double> differentialIds() const;
  /// Per component: 1 if constrained to >= 0, 0 otherwise (CVodeSetConstraints' convention).
  std::vector<double> nonNegativity() const;
  bool hasAlgebraic() const;
  /// Per component: true for the components of accumulator blocks.
  std::vector<bool> accumulators() const;

 private:
  std::vector<StateBlock> m_blocks;
  std::size_t m_size = 0;
};

}  // namespace proscale
