#include "core/StateLayout.h"

#include <stdexcept>

namespace proscale {

std::size_t StateLayout::add(std::string name, std::size_t size, std::string unit, double scale,
                             std::vector<std::string> componentNames) {
  if (has(name)) throw std::logic_error("state block '" + name + "' declared twice");
  StateBlock block;
  block.name = std::move(name);
  block.offset = m_size;
  block.size = size;
  block.unit = std::move(unit);
  block.scale = scale;
  block.componentNames = std::move(componentNames);
  m_blocks.push_back(std::move(block));
  m_size += size;
  return m_blocks.back().offset;
}

std::size_t StateLayout::add(std::string name, std::string unit, std::vector<double> componentScales,
                             std::vector<std::string> componentNames) {
  const std::size_t offset = add(std::move(name), componentScales.size(), std::move(unit), 1.0,
                                 std::move(componentNames));
  m_blocks.back().componentScales = std::move(componentScales);
  return offset;
}

bool StateLayout::has(const std::string& name) const {
  for (const auto& b : m_blocks)
    if (b.name == name) return true;
  return false;
}

const StateBlock& StateLayout::block(const std::string& name) const {
  for (const auto& b : m_blocks)
    if (b.name == name) return b;
  throw std::out_of_range("no state block '" + name + "'");
}

std::vector<double> StateLayout::absoluteTolerances(double atol) const {
  std::vector<double> tol(m_size);
  for (const auto& b : m_blocks)
    for (std::size_t i = 0; i < b.size; ++i)
      tol[b.offset + i] = atol * (b.componentScales.empty() ? b.scale : b.componentScales[i]);
  return tol;
}

}  // namespace proscale
