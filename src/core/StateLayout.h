#pragma once
// Named blocks of one state vector. Models declare blocks ("species", "psd", "moments" ...);
// observers, writers and tolerances find values by block name, never by raw offsets.
#include <cstddef>
#include <span>
#include <string>
#include <vector>

namespace proscale {

struct StateBlock {
  std::string name;
  std::size_t offset = 0;
  std::size_t size = 0;
  std::string unit;        ///< SI unit of the stored values, e.g. "mol/m^3"
  double scale = 1.0;      ///< typical magnitude; absolute tolerance = atol * scale
  std::vector<std::string> componentNames;  ///< optional, one per entry
  std::vector<double> componentScales;      ///< optional, one per entry; overrides `scale`
};

class StateLayout {
 public:
  /// Appends a block and returns its offset.
  std::size_t add(std::string name, std::size_t size, std::string unit, double scale,
                  std::vector<std::string> componentNames = {});
  /// Appends a block whose entries have their own scales.
  std::size_t add(std::string name, std::string unit, std::vector<double> componentScales,
                  std::vector<std::string> componentNames);
  std::size_t size() const { return m_size; }
  const std::vector<StateBlock>& blocks() const { return m_blocks; }
  bool has(const std::string& name) const;
  const StateBlock& block(const std::string& name) const;  ///< throws std::out_of_range

  /// Per-component absolute tolerances: atol * block scale.
  std::vector<double> absoluteTolerances(double atol) const;

 private:
  std::vector<StateBlock> m_blocks;
  std::size_t m_size = 0;
};

}  // namespace proscale
