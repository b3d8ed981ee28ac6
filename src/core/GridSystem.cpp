#include "core/GridSystem.h"

#include <algorithm>
#include <string>

namespace proscale {

void GridSystem::buildGridLayout() {
  m_layout = StateLayout();
  for (std::size_t k = 0; k < nodeCount(); ++k)
    for (const StateBlock& b : nodeLayout().blocks()) {
      const std::string name = "z" + std::to_string(k) + "." + b.name;
      if (!b.componentScales.empty())
        m_layout.add(name, b.unit, b.componentScales, b.componentNames);
      else
        m_layout.add(name, b.size, b.unit, b.scale, b.componentNames);
      m_layout.setRole(name, b.role);
    }
}

void GridSystem::initialState(std::span<double> y0) const {
  const std::size_t dof = nodeLayout().size();
  for (std::size_t k = 0; k < nodeCount(); ++k) initialNode(k, y0.subspan(k * dof, dof));
}

void GridSystem::rhs(double t, std::span<const double> y, std::span<double> ydot) {
  nodeRates(t, NodeWindow{0, nodeLayout().size(), y}, 0, nodeCount(), ydot);
}

BorderedBandShape GridSystem::jacobianShape() const {
  const std::size_t dof = nodeLayout().size(), n = nodeCount() * dof;
  const std::size_t half = std::min(n - 1, (stencilWidth() + 1) * dof - 1);
  return {0, n, half, half};
}

void GridSystem::jacobian(double t, std::span<const double> y, std::span<const double> /*f*/,
                          JacobianSink& J) {
  const std::size_t dof = nodeLayout().size(), N = nodeCount();
  const auto w = static_cast<long>(stencilWidth());
  const NodeWindow all{0, dof, y};
  BorderedBandJacobian block(nodeJacobianShape());
  std::vector<NodeCoupling> entries;
  J.setZero();
  for (std::size_t i = 0; i < N; ++i) {
    block.setZero();
    nodeJacobian(t, all, i, block);
    for (std::size_t r = 0; r < dof; ++r)
      for (std::size_t c = 0; c < dof; ++c)
        if (const double v = block.at(r, c); v != 0.0) J.add(i * dof + r, i * dof + c, v);
    for (long o = -w; o <= w; ++o) {
      const long j = static_cast<long>(i) + o;
      if (o == 0 || j < 0 || j >= static_cast<long>(N)) continue;
      entries.clear();
      neighbourJacobian(t, all, i, static_cast<int>(o), entries);
      for (const NodeCoupling& e : entries)
        J.add(i * dof + e.row, static_cast<std::size_t>(j) * dof + e.column, e.value);
    }
  }
}

}  // namespace proscale
