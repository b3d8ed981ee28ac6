#include "solvers/PetscGrid.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <stdexcept>

#include "solvers/PetscSession.h"

namespace proscale {
namespace {

// J~ = S^-1 J S: the derivative of the scaled residual by the scaled unknowns (y = S u).
void scaleBlock(BorderedBandJacobian& J, const std::vector<double>& s) {
  const BorderedBandShape& sh = J.shape();
  const std::size_t k = sh.border;
  for (std::size_t i = 0; i < k; ++i) {
    for (std::size_t j = 0; j < k; ++j) J.D(i, j) *= s[j] / s[i];
    for (std::size_t j = 0; j < sh.band; ++j) J.R(i, j) *= s[k + j] / s[i];
  }
  for (std::size_t i = 0; i < sh.band; ++i) {
    for (std::size_t j = 0; j < k; ++j) J.C(i, j) *= s[j] / s[k + i];
    const std::size_t lo = i >= sh.lower ? i - sh.lower : 0;
    const std::size_t hi = std::min(sh.band - 1, i + sh.upper);
    for (std::size_t j = lo; j <= hi; ++j) J.B(i, j) *= s[k + j] / s[k + i];
  }
}

// Row r of J becomes (a - 1) e_r: an accumulator held at its value in a steady state
// (F_r = u_r - u0_r, and M = a I - J~ has 1 there whatever the pseudo-time shift a).
void holdRow(BorderedBandJacobian& J, std::size_t r, double a) {
  const BorderedBandShape& sh = J.shape();
  const std::size_t k = sh.border;
  if (r < k) {
    for (std::size_t j = 0; j < k; ++j) J.D(r, j) = 0.0;
    for (std::size_t j = 0; j < sh.band; ++j) J.R(r, j) = 0.0;
    J.D(r, r) = a - 1.0;
    return;
  }
  const std::size_t i = r - k;
  for (std::size_t j = 0; j < k; ++j) J.C(i, j) = 0.0;
  const std::size_t lo = i >= sh.lower ? i - sh.lower : 0;
  const std::size_t hi = std::min(sh.band - 1, i + sh.upper);
  for (std::size_t j = lo; j <= hi; ++j) J.B(i, j) = 0.0;
  J.B(i, i) = a - 1.0;
}

// max_k |J_kk|: the fastest rate of the node's own physics [1/s].
double fastestDiagonal(const BorderedBandJacobian& J) {
  const BorderedBandShape& sh = J.shape();
  double fastest = 0.0;
  for (std::size_t i = 0; i < sh.border; ++i) fastest = std::max(fastest, std::abs(J.D(i, i)));
  for (std::size_t i = 0; i < sh.band; ++i) fastest = std::max(fastest, std::abs(J.B(i, i)));
  return fastest;
}

}  // namespace

PetscGrid::PetscGrid(GridSystem& system) : m_system(system), m_block(system.nodeJacobianShape()) {
  PetscSession::ensure();
  m_dof = system.nodeLayout().size();
  m_scale = system.nodeLayout().absoluteTolerances(1.0);
  m_accumulator = system.nodeLayout().accumulators();
  for (double s : m_scale)
    if (!(s > 0) || !std::isfinite(s))
      throw std::invalid_argument("PETSc grid: a block scale is not a positive finite number");
  const auto nodes = static_cast<PetscInt>(system.nodeCount());
  petscCheck(DMDACreate1d(PetscSession::gridCommunicator(), DM_BOUNDARY_NONE, nodes, static_cast<PetscInt>(m_dof),
                          static_cast<PetscInt>(system.stencilWidth()), nullptr, &m_da.h),
             "DMDACreate1d");
  petscCheck(DMSetUp(m_da.h), "DMSetUp");
  PetscInt xs = 0, xm = 0, gxs = 0, gxm = 0;
  petscCheck(DMDAGetCorners(m_da.h, &xs, nullptr, nullptr, &xm, nullptr, nullptr), "DMDAGetCorners");
  petscCheck(DMDAGetGhostCorners(m_da.h, &gxs, nullptr, nullptr, &gxm, nullptr, nullptr),
             "DMDAGetGhostCorners");
  m_first = static_cast<std::size_t>(xs);
  m_owned = static_cast<std::size_t>(xm);
  m_ghostFirst = static_cast<std::size_t>(gxs);
  m_ghostCount = static_cast<std::size_t>(gxm);
  petscCheck(DMCreateGlobalVector(m_da.h, &m_y.h), "DMCreateGlobalVector");
  petscCheck(DMCreateLocalVector(m_da.h, &m_local.h), "DMCreateLocalVector");
  petscCheck(VecScatterCreateToAll(m_y.h, &m_gather.h, &m_all.h), "VecScatterCreateToAll");
  m_window.resize(m_ghostCount * m_dof);
  m_direction.resize(m_ghostCount * m_dof);
  m_f.resize(m_owned * m_dof);
  m_work.resize(m_dof);
  m_nodes.reserve(m_owned);
  for (std::size_t i = 0; i < m_owned; ++i)
    m_nodes.push_back({BorderedBandMatrix(system.nodeJacobianShape()),
                       BorderedBandLU(system.nodeJacobianShape()), CompressedRows(), {}});
  m_exact = system.nodeJacobianIsExact();
  const auto local = static_cast<PetscInt>(m_owned * m_dof);
  petscCheck(MatCreateShell(PetscSession::gridCommunicator(), local, local, PETSC_DETERMINE, PETSC_DETERMINE, this,
                            &m_shell.h),
             "MatCreateShell");
  petscCheck(MatShellSetOperation(m_shell.h, MATOP_MULT, reinterpret_cast<void (*)(void)>(multiply)),
             "MatShellSetOperation");
}

void PetscGrid::usePreconditioner(PC pc) {
  petscCheck(PCSetType(pc, PCSHELL), "PCSetType");
  petscCheck(PCShellSetContext(pc, this), "PCShellSetContext");
  petscCheck(PCShellSetApply(pc, precondition), "PCShellSetApply");
  petscCheck(PCShellSetName(pc, "node-block Gauss-Seidel"), "PCShellSetName");
}

std::string PetscGrid::describe() const {
  const int ranks = PetscSession::gridSize();
  return "a DMDA of " + std::to_string(m_system.nodeCount()) + " nodes x " + std::to_string(m_dof) +
         " unknowns over " + std::to_string(ranks) + (ranks == 1 ? " rank" : " ranks") +
         " (node blocks swept both ways, " +
         (m_exact ? "products from the node Jacobians)" : "difference products)");
}

PetscGrid::Outcome PetscGrid::shared(Outcome mine) const {
  int worst = mine, local = mine;
  MPI_Allreduce(&local, &worst, 1, MPI_INT, MPI_MAX, PetscSession::gridCommunicator());
  return static_cast<Outcome>(worst);
}

double PetscGrid::fastestRate() const {
  double mine = m_fastest, fastest = 0.0;
  MPI_Allreduce(&mine, &fastest, 1, MPI_DOUBLE, MPI_MAX, PetscSession::gridCommunicator());
  return fastest;
}

std::string PetscGrid::sharedText(const std::string& text) const {
  const int rank = PetscSession::gridRank();
  int mine = text.empty() ? INT_MAX : rank, from = INT_MAX;
  MPI_Allreduce(&mine, &from, 1, MPI_INT, MPI_MIN, PetscSession::gridCommunicator());
  if (from == INT_MAX) return {};
  int length = static_cast<int>(text.size());
  MPI_Bcast(&length, 1, MPI_INT, from, PetscSession::gridCommunicator());
  std::string out = rank == from ? text : std::string(static_cast<std::size_t>(length), ' ');
  MPI_Bcast(out.data(), length, MPI_CHAR, from, PetscSession::gridCommunicator());
  return out;
}

std::string PetscGrid::explain(const std::string& library) const {
  const std::string fatal = sharedText(m_guard.fatalMessage());
  const std::string recoverable = sharedText(m_guard.recoverableMessage());
  if (!fatal.empty()) return fatal + " [" + library + "]";
  if (!recoverable.empty())
    return "the model failed recoverably, last: " + recoverable + " [" + library + "]";
  return library;
}

NodeWindow PetscGrid::ghosted(Vec v, bool unscale) {
  petscCheck(DMGlobalToLocalBegin(m_da.h, v, INSERT_VALUES, m_local.h), "DMGlobalToLocalBegin");
  petscCheck(DMGlobalToLocalEnd(m_da.h, v, INSERT_VALUES, m_local.h), "DMGlobalToLocalEnd");
  const PetscScalar* data = nullptr;
  petscCheck(VecGetArrayRead(m_local.h, &data), "VecGetArrayRead");
  std::vector<double>& out = unscale ? m_window : m_direction;
  for (std::size_t k = 0; k < out.size(); ++k) out[k] = unscale ? data[k] * m_scale[k % m_dof] : data[k];
  VecRestoreArrayRead(m_local.h, &data);
  return NodeWindow{m_ghostFirst, m_dof, out};
}

void PetscGrid::setInitialState() {
  PetscScalar* y = nullptr;
  petscCheck(VecGetArray(m_y.h, &y), "VecGetArray");
  for (std::size_t n = 0; n < m_owned; ++n) {
    const std::span<double> node(y + n * m_dof, m_dof);
    m_system.initialNode(m_first + n, node);
    for (std::size_t k = 0; k < m_dof; ++k) node[k] /= m_scale[k];
  }
  petscCheck(VecRestoreArray(m_y.h, &y), "VecRestoreArray");
}

PetscGrid::Outcome PetscGrid::evaluateRates(double t, Vec y) {
  Outcome outcome = kFatal;
  try {
    const NodeWindow window = ghosted(y, true);
    const int flag = m_guard("model's rates", t, [&] {
      m_system.nodeRates(t, window, m_first, m_first + m_owned, m_f);
      return m_guard.checkFinite(m_f, m_system.nodeLayout(), "rate", t, m_first * m_dof);
    });
    outcome = flag == 0 ? kFine : flag > 0 ? kRecoverable : kFatal;
  } catch (const std::exception& e) {  // PETSc's own failure (the ghost exchange)
    m_guard.recoverable(e.what());
  }
  return shared(outcome);
}

PetscGrid::Outcome PetscGrid::assemble(double t, Vec y, double a, bool steady) {
  Outcome outcome = kFatal;
  try {
    const NodeWindow window = ghosted(y, true);
    const int flag = m_guard("model's Jacobian", t, [&] {
      factorNodes(t, window, a, steady);
      return 0;
    });
    outcome = flag == 0 ? kFine : flag > 0 ? kRecoverable : kFatal;
  } catch (const std::exception& e) {
    m_guard.recoverable(e.what());
  }
  return shared(outcome);
}

void PetscGrid::factorNodes(double t, const NodeWindow& window, double a, bool steady) {
  const auto w = static_cast<long>(m_system.stencilWidth());
  const auto nodes = static_cast<long>(m_system.nodeCount());
  m_shift = a;
  m_sigma = steady ? 1.0 : a;
  m_fastest = 0.0;
  for (std::size_t n = 0; n < m_owned; ++n) {
    const std::size_t i = m_first + n;
    NodeLinear& node = m_nodes[n];
    m_block.setZero();
    m_system.nodeJacobian(t, window, i, m_block);
    scaleBlock(m_block, m_scale);
    m_fastest = std::max(m_fastest, fastestDiagonal(m_block));
    if (steady)
      for (std::size_t r = 0; r < m_dof; ++r)
        if (m_accumulator[r]) holdRow(m_block, r, a);
    if (!node.block.assign(m_block))
      throw RecoverableError("non-finite entry in the model's node Jacobian");
    if (steady) {
      m_block.scaleAddIdentity(-1.0, a);  // M = a I - J~, a the pseudo-time shift or 0
      node.newton.assign(m_block);
    } else {
      node.newton.assign(m_block);
      node.newton.scaleAddIdentity(-1.0 / a);  // M / a = I - J~ / a
    }
    if (node.lu.factor(node.newton) != 0)
      throw RecoverableError("a node block of the Newton matrix is singular");
    node.couplings.clear();
    for (long o = -w; o <= w; ++o) {
      const long j = static_cast<long>(i) + o;
      if (o == 0 || j < 0 || j >= nodes) continue;
      m_entries.clear();
      m_system.neighbourJacobian(t, window, i, static_cast<int>(o), m_entries);
      for (NodeCoupling e : m_entries) {
        if (steady && m_accumulator[e.row]) continue;
        e.value *= m_scale[e.column] / m_scale[e.row];
        if (!std::isfinite(e.value))
          throw RecoverableError("non-finite entry in the model's neighbour Jacobian");
        node.couplings.push_back({static_cast<int>(o), e});
      }
    }
  }
}

void PetscGrid::gather(Vec y, std::vector<double>& state) {
  petscCheck(VecScatterBegin(m_gather.h, y, m_all.h, INSERT_VALUES, SCATTER_FORWARD), "VecScatterBegin");
  petscCheck(VecScatterEnd(m_gather.h, y, m_all.h, INSERT_VALUES, SCATTER_FORWARD), "VecScatterEnd");
  const PetscScalar* all = nullptr;
  petscCheck(VecGetArrayRead(m_all.h, &all), "VecGetArrayRead");
  state.resize(m_system.nodeCount() * m_dof);
  for (std::size_t k = 0; k < state.size(); ++k) state[k] = all[k] * m_scale[k % m_dof];
  VecRestoreArrayRead(m_all.h, &all);
}

// y = (a I - J~) x, node by node, with x's ghosts for the neighbours' couplings.
PetscErrorCode PetscGrid::multiply(Mat A, Vec x, Vec y) {
  PetscGrid* me = nullptr;
  MatShellGetContext(A, &me);
  try {
    const NodeWindow v = me->ghosted(x, false);
    PetscScalar* out = nullptr;
    VecGetArray(y, &out);
    const std::size_t dof = me->m_dof;
    const std::span<double> Jv(me->m_work);
    for (std::size_t n = 0; n < me->m_owned; ++n) {
      const std::size_t i = me->m_first + n;
      const NodeLinear& node = me->m_nodes[n];
      const auto xi = v.node(i);
      node.block.multiply(xi, Jv);
      for (const NodeLinear::Coupling& c : node.couplings)
        Jv[c.entry.row] += c.entry.value * v.node(i + static_cast<std::size_t>(c.offset))[c.entry.column];
      for (std::size_t k = 0; k < dof; ++k) out[n * dof + k] = me->m_shift * xi[k] - Jv[k];
    }
    VecRestoreArray(y, &out);
  } catch (const std::exception& e) {
    me->m_guard.recoverable(e.what());
    return PETSC_ERR_LIB;
  }
  return 0;
}

// z_i = M_ii^-1 (x_i - sum_{j != i} M_ij z_j) with the newest z_j, from the inlet down, then
// back up; M_ij = -J~_ij off the diagonal, M_ii = sigma x (the factored node block).
PetscErrorCode PetscGrid::precondition(PC pc, Vec x, Vec y) {
  PetscGrid* me = nullptr;
  PCShellGetContext(pc, &me);
  const PetscScalar* in = nullptr;
  PetscScalar* out = nullptr;
  VecGetArrayRead(x, &in);
  VecGetArray(y, &out);
  const std::size_t dof = me->m_dof, owned = me->m_owned;
  std::fill(out, out + owned * dof, 0.0);
  auto relax = [&](std::size_t n) {
    NodeLinear& node = me->m_nodes[n];
    const std::span<double> z(me->m_work);
    for (std::size_t k = 0; k < dof; ++k) z[k] = in[n * dof + k];
    for (const NodeLinear::Coupling& c : node.couplings) {
      const long j = static_cast<long>(n) + c.offset;
      if (j < 0 || j >= static_cast<long>(owned)) continue;  // off-rank: block Jacobi
      z[c.entry.row] += c.entry.value * out[static_cast<std::size_t>(j) * dof + c.entry.column];
    }
    node.lu.solve(node.newton, z);
    for (std::size_t k = 0; k < dof; ++k) out[n * dof + k] = z[k] / me->m_sigma;
  };
  for (std::size_t n = 0; n < owned; ++n) relax(n);
  for (std::size_t n = owned; n-- > 1;) relax(n - 1);
  VecRestoreArray(y, &out);
  VecRestoreArrayRead(x, &in);
  return 0;
}

}  // namespace proscale
