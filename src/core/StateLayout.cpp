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

void StateLayout::setRole(const std::string& name, BlockRole role) {
  for (auto& b : m_blocks)
    if (b.name == name) {
      b.role = role;
      return;
    }
  throw std::out_of_range("no state block '" + name + "'");
}

std::string StateLayout::componentLabel(std::size_t i) const {
  if (m_size > 0 && i >= m_size)
    return "node " + std::to_string(i / m_size) + ": " + componentLabel(i % m_size);
  for (const StateBlock& b : m_blocks) {
    if (i < b.offset || i >= b.offset + b.size) continue;
    const std::size_t local = i - b.offset;
    std::string label = b.name + "[" + std::to_string(local) + "]";
    if (local < b.componentNames.size()) label += " (" + b.componentNames[local] + ")";
    return label;
  }
  return "component " + std::to_string(i);
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

namespace {
template <class T, class Pick>
std::vector<T> perComponent(const std::vector<StateBlock>& blocks, std::size_t n, Pick pick) {
  std::vector<T> v(n);
  for (const auto& b : blocks)
    for (std::size_t i = 0; i < b.size; ++i) v[b.offset + i] = pick(b.role);
  return v;
}
}  // namespace

std::vector<double> StateLayout::differentialIds() const {
  return perComponent<double>(m_blocks, m_size, [](const BlockRole& r) { return r.algebraic ? 0.0 : 1.0; });
}

std::vector<double> StateLayout::nonNegativity() const {
  return perComponent<double>(m_blocks, m_size, [](const BlockRole& r) { return r.nonNegative ? 1.0 : 0.0; });
}

bool StateLayout::hasAlgebraic() const {
  for (const auto& b : m_blocks)
    if (b.role.algebraic && b.size > 0) return true;
  return false;
}

std::vector<bool> StateLayout::accumulators() const {
  return perComponent<bool>(m_blocks, m_size, [](const BlockRole& r) { return r.accumulator; });
}

}  // namespace proscale
