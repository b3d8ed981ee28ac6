#pragma once
// A system in space by the method of lines: a 1-D grid of N nodes with the same local state at
// every node -- a 0-D model's state (species, temperature, size classes or moments) -- whose
// rates f_i depend on the node's own state and, through transport, on the nodes up to
// stencilWidth() = w away on either side. The state is node-major, y = (y_0, ..., y_{N-1}).
//
// Solvers that distribute the grid (solvers/PetscGridIntegrator.h: a PETSc DMDA across MPI
// ranks) call the node-wise methods for the nodes a rank owns, with the ghost nodes it holds.
// Every other solver sees an ordinary System: rhs() over the whole grid and a banded Jacobian
// assembled from the same node-wise pieces, so a small grid can be checked against CVODE.
//
// The Jacobian splits into
//   df_i/dy_i        the node block: the local model's arrow (core/BorderedBandJacobian.h)
//                    plus the transport's terms of the node itself;
//   df_i/dy_{i+o}    0 < |o| <= w: sparse -- transport moves each component by itself (a
//                    diagonal), and a few rows (the budgets of what flows out) sum them.
// A 2-D (axial x radial) grid keeps this split with nodes numbered across both directions.
#include <cstddef>
#include <span>
#include <vector>

#include "core/BorderedBandJacobian.h"
#include "core/StateLayout.h"
#include "core/System.h"

namespace proscale {

/// The states of the consecutive nodes [first, end()) that a caller holds: the nodes it
/// computes and, around them, the neighbours within the stencil (ghosts on other ranks).
struct NodeWindow {
  std::size_t first = 0;
  std::size_t dof = 0;
  std::span<const double> values;
  std::size_t end() const { return first + values.size() / dof; }
  std::span<const double> node(std::size_t i) const { return values.subspan((i - first) * dof, dof); }
};

/// An entry of df_i/dy_j between two nodes: row and column within a node's state.
struct NodeCoupling {
  std::size_t row = 0, column = 0;
  double value = 0.0;
};

class GridSystem : public System {
 public:
  virtual std::size_t nodeCount() const = 0;
  virtual const StateLayout& nodeLayout() const = 0;
  /// w: the rates of node i depend on nodes i - w .. i + w only.
  virtual std::size_t stencilWidth() const = 0;
  virtual void initialNode(std::size_t i, std::span<double> y0) const = 0;

  /// f of the nodes [first, last) into `f` (node-major, (last - first) x dof); `y` holds the
  /// nodes [first - w, last + w), clipped to the grid. May throw RecoverableError.
  virtual void nodeRates(double t, const NodeWindow& y, std::size_t first, std::size_t last,
                         std::span<double> f) = 0;
  /// The structure of a node block (the local model's arrow).
  virtual BorderedBandShape nodeJacobianShape() const = 0;
  /// df_i/dy_i at the states of `y` (J arrives zeroed). False if the block is only an
  /// approximation (as System::jacobianIsExact).
  virtual void nodeJacobian(double t, const NodeWindow& y, std::size_t i, BorderedBandJacobian& J) = 0;
  virtual bool nodeJacobianIsExact() const { return true; }
  /// Appends the non-zero entries of df_i/dy_{i+offset}, 0 < |offset| <= w, with row and
  /// column within a node's state. Solvers call it right after nodeJacobian for the same node
  /// and states, offset by offset: a model may reuse what that call computed.
  virtual void neighbourJacobian(double t, const NodeWindow& y, std::size_t i, int offset,
                                 std::vector<NodeCoupling>& entries) = 0;

  // ---- System, over the whole grid ----
  const StateLayout& layout() const override { return m_layout; }
  void initialState(std::span<double> y0) const override;
  void rhs(double t, std::span<const double> y, std::span<double> ydot) override;
  /// A band of half-width (w + 1) x dof (border 0): the node blocks and their neighbours'.
  BorderedBandShape jacobianShape() const override;
  bool hasJacobian() const override { return true; }
  bool jacobianIsExact() const override { return nodeJacobianIsExact(); }
  void jacobian(double t, std::span<const double> y, std::span<const double> f,
                JacobianSink& J) override;

 protected:
  /// The grid's layout: node k's blocks as "z<k>.<block>". Called by the model once its node
  /// layout and node count are known.
  void buildGridLayout();

 private:
  StateLayout m_layout;
};

}  // namespace proscale
