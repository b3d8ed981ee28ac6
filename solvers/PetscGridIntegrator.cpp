#include "solvers/PetscGridIntegrator.h"

#include <climits>
#include <cmath>
#include <stdexcept>
#include <vector>

#include <petscdmda.h>

#include "core/CompressedRows.h"
#include "solvers/BorderedBandLU.h"
#include "solvers/CallbackGuard.h"
#include "solvers/PetscSession.h"
#include "solvers/PetscTsCommon.h"

namespace proscale {
namespace {

// Severity of a callback's outcome on one rank, reduced (max) over all ranks.
constexpr int kFine = 0, kRecoverable = 1, kFatal = 2;

int severity(int guardFlag) { return guardFlag == 0 ? kFine : guardFlag > 0 ? kRecoverable : kFatal; }

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

}  // namespace

class PetscGridIntegrator::Impl {
 public:
  Impl(GridSystem& system, IntegratorOptions options, const std::string& petscOptions);
  SolverReport run(std::span<const double> times, StateObserver& observer);
  const std::string& method() const { return m_method; }

 private:
  /// One owned node's part of the Newton matrix a I - J~ (scaled).
  struct NodeLinear {
    BorderedBandMatrix newton;   ///< I - J~_ii / a, factored
    BorderedBandLU lu;
    CompressedRows block;        ///< J~_ii, for products
    struct Coupling {
      int offset;
      NodeCoupling entry;  ///< J~_{i,i+offset}
    };
    std::vector<Coupling> couplings;
  };

  static PetscErrorCode residual(TS ts, PetscReal t, Vec y, Vec yp, Vec F, void* self);
  static PetscErrorCode jacobian(TS ts, PetscReal t, Vec y, Vec yp, PetscReal a, Mat A, Mat P,
                                 void* self);
  static PetscErrorCode multiply(Mat A, Vec x, Vec y);
  static PetscErrorCode precondition(PC pc, Vec x, Vec y);

  /// The worst severity over all ranks.
  int shared(int mine) const;
  /// `text` of the lowest rank that has one, on every rank ("" if none has).
  std::string sharedText(const std::string& text) const;
  std::string explain(const std::string& library) const;
  /// The owned and ghost nodes of global vector v, unscaled (into m_window), or scaled as they
  /// are (`unscale` false, into m_direction).
  NodeWindow ghosted(Vec v, bool unscale);
  /// Factors the node blocks at (t, y) for shift a; a kFine/kRecoverable/kFatal outcome.
  int assemble(double t, Vec y, double a);

  GridSystem& m_system;
  IntegratorOptions m_options;
  std::size_t m_dof = 0, m_first = 0, m_owned = 0, m_ghostFirst = 0, m_ghostCount = 0;
  std::vector<double> m_scale;  ///< one node's block scales
  std::vector<double> m_window, m_direction, m_f;
  std::vector<NodeLinear> m_nodes;
  BorderedBandJacobian m_block;
  std::vector<NodeCoupling> m_entries;
  double m_shift = 1.0;
  bool m_exact = true;
  CallbackGuard m_guard;
  std::string m_method;
  Owned<DM, DMDestroy> m_da;
  Owned<Vec, VecDestroy> m_y, m_local, m_atol, m_all;
  Owned<VecScatter, VecScatterDestroy> m_gather;
  Owned<Mat, MatDestroy> m_shell, m_differences;
  Owned<TS, TSDestroy> m_ts;
};

PetscGridIntegrator::Impl::Impl(GridSystem& system, IntegratorOptions options,
                                const std::string& petscOptions)
    : m_system(system), m_options(options), m_block(system.nodeJacobianShape()) {
  if (!(options.rtol > 0) || !(options.atol > 0))
    throw std::invalid_argument("PETSc TS: tolerances must be positive");
  PetscSession::ensure();
  resetPetscOptions(petscOptions);
  m_dof = system.nodeLayout().size();
  m_scale = system.nodeLayout().absoluteTolerances(1.0);
  for (double s : m_scale)
    if (!(s > 0) || !std::isfinite(s))
      throw std::invalid_argument("PETSc TS: a block scale is not a positive finite number");
  const auto nodes = static_cast<PetscInt>(system.nodeCount());
  petscCheck(DMDACreate1d(PETSC_COMM_WORLD, DM_BOUNDARY_NONE, nodes, static_cast<PetscInt>(m_dof),
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
  petscCheck(VecDuplicate(m_y.h, &m_atol.h), "VecDuplicate");
  petscCheck(VecSet(m_atol.h, options.atol), "VecSet");  // atol x scale, in the scaled unknowns
  petscCheck(VecScatterCreateToAll(m_y.h, &m_gather.h, &m_all.h), "VecScatterCreateToAll");
  m_window.resize(m_ghostCount * m_dof);
  m_direction.resize(m_ghostCount * m_dof);
  m_f.resize(m_owned * m_dof);
  m_nodes.reserve(m_owned);
  for (std::size_t i = 0; i < m_owned; ++i)
    m_nodes.push_back({BorderedBandMatrix(system.nodeJacobianShape()),
                       BorderedBandLU(system.nodeJacobianShape()), CompressedRows(), {}});
  m_exact = system.nodeJacobianIsExact();

  const auto local = static_cast<PetscInt>(m_owned * m_dof);
  petscCheck(MatCreateShell(PETSC_COMM_WORLD, local, local, PETSC_DETERMINE, PETSC_DETERMINE, this,
                            &m_shell.h),
             "MatCreateShell");
  petscCheck(MatShellSetOperation(m_shell.h, MATOP_MULT, reinterpret_cast<void (*)(void)>(multiply)),
             "MatShellSetOperation");
  petscCheck(TSCreate(PETSC_COMM_WORLD, &m_ts.h), "TSCreate");
  configureTs(m_ts.h, options, m_atol.h);
  petscCheck(TSSetIFunction(m_ts.h, nullptr, residual, this), "TSSetIFunction");
  SNES snes = nullptr;
  KSP ksp = nullptr;
  PC pc = nullptr;
  petscCheck(TSGetSNES(m_ts.h, &snes), "TSGetSNES");
  if (m_exact) {
    petscCheck(TSSetIJacobian(m_ts.h, m_shell.h, m_shell.h, jacobian, this), "TSSetIJacobian");
  } else {  // products by differences of F; the node blocks precondition
    petscCheck(MatCreateSNESMF(snes, &m_differences.h), "MatCreateSNESMF");
    petscCheck(TSSetIJacobian(m_ts.h, m_differences.h, m_shell.h, jacobian, this), "TSSetIJacobian");
  }
  petscCheck(SNESGetKSP(snes, &ksp), "SNESGetKSP");
  petscCheck(KSPSetType(ksp, KSPGMRES), "KSPSetType");
  petscCheck(KSPGetPC(ksp, &pc), "KSPGetPC");
  petscCheck(PCSetType(pc, PCSHELL), "PCSetType");
  petscCheck(PCShellSetContext(pc, this), "PCShellSetContext");
  petscCheck(PCShellSetApply(pc, precondition), "PCShellSetApply");
  petscCheck(PCShellSetName(pc, "node-block Gauss-Seidel from the inlet"), "PCShellSetName");
  if (TSSetFromOptions(m_ts.h) != 0)
    throw SolverSettingError("petsc-options", "PETSc refused an option: " + PetscSession::lastError());
  m_method = describeTs(m_ts.h) + " (node blocks swept from the inlet, " +
             (m_exact ? "products from the node Jacobians" : "difference products") +
             ") on a DMDA of " + std::to_string(system.nodeCount()) + " nodes x " +
             std::to_string(m_dof) + " unknowns over " + std::to_string(PetscSession::size()) +
             (PetscSession::size() == 1 ? " rank" : " ranks");
}

int PetscGridIntegrator::Impl::shared(int mine) const {
  int worst = mine;
  MPI_Allreduce(&mine, &worst, 1, MPI_INT, MPI_MAX, PETSC_COMM_WORLD);
  return worst;
}

std::string PetscGridIntegrator::Impl::sharedText(const std::string& text) const {
  const int rank = PetscSession::rank();
  int mine = text.empty() ? INT_MAX : rank, from = INT_MAX;
  MPI_Allreduce(&mine, &from, 1, MPI_INT, MPI_MIN, PETSC_COMM_WORLD);
  if (from == INT_MAX) return {};
  int length = static_cast<int>(text.size());
  MPI_Bcast(&length, 1, MPI_INT, from, PETSC_COMM_WORLD);
  std::string out = rank == from ? text : std::string(static_cast<std::size_t>(length), ' ');
  MPI_Bcast(out.data(), length, MPI_CHAR, from, PETSC_COMM_WORLD);
  return out;
}

std::string PetscGridIntegrator::Impl::explain(const std::string& library) const {
  const std::string fatal = sharedText(m_guard.fatalMessage());
  const std::string recoverable = sharedText(m_guard.recoverableMessage());
  if (!fatal.empty()) return fatal + " [" + library + "]";
  if (!recoverable.empty())
    return "the model failed recoverably, last: " + recoverable + " [" + library + "]";
  return library;
}

NodeWindow PetscGridIntegrator::Impl::ghosted(Vec v, bool unscale) {
  petscCheck(DMGlobalToLocalBegin(m_da.h, v, INSERT_VALUES, m_local.h), "DMGlobalToLocalBegin");
  petscCheck(DMGlobalToLocalEnd(m_da.h, v, INSERT_VALUES, m_local.h), "DMGlobalToLocalEnd");
  const PetscScalar* data = nullptr;
  petscCheck(VecGetArrayRead(m_local.h, &data), "VecGetArrayRead");
  std::vector<double>& out = unscale ? m_window : m_direction;
  for (std::size_t k = 0; k < out.size(); ++k) out[k] = unscale ? data[k] * m_scale[k % m_dof] : data[k];
  VecRestoreArrayRead(m_local.h, &data);
  return NodeWindow{m_ghostFirst, m_dof, out};
}

PetscErrorCode PetscGridIntegrator::Impl::residual(TS ts, PetscReal t, Vec y, Vec yp, Vec F,
                                                   void* self) {
  auto* me = static_cast<Impl*>(self);
  int flag = kFatal;
  try {
    const NodeWindow window = me->ghosted(y, true);
    flag = severity(me->m_guard("model's rates", t, [&] {
      me->m_system.nodeRates(t, window, me->m_first, me->m_first + me->m_owned, me->m_f);
      return me->m_guard.checkFinite(me->m_f, me->m_system.nodeLayout(), "rate", t);
    }));
  } catch (const std::exception& e) {  // PETSc's own failure (ghost exchange)
    me->m_guard.recoverable(e.what());
  }
  flag = me->shared(flag);
  if (flag == kFatal) return PETSC_ERR_USER;
  SNES snes = nullptr;
  TSGetSNES(ts, &snes);
  if (flag == kRecoverable) {  // on every rank: this Newton iteration fails, TS retries smaller
    SNESSetFunctionDomainError(snes);
    return 0;
  }
  const PetscScalar* ypData = nullptr;
  PetscScalar* fData = nullptr;
  VecGetArrayRead(yp, &ypData);
  VecGetArray(F, &fData);
  for (std::size_t k = 0; k < me->m_f.size(); ++k)
    fData[k] = ypData[k] - me->m_f[k] / me->m_scale[k % me->m_dof];
  VecRestoreArray(F, &fData);
  VecRestoreArrayRead(yp, &ypData);
  return 0;
}

int PetscGridIntegrator::Impl::assemble(double t, Vec y, double a) {
  const NodeWindow window = ghosted(y, true);
  const auto w = static_cast<long>(m_system.stencilWidth());
  const auto nodes = static_cast<long>(m_system.nodeCount());
  m_shift = a;
  return severity(m_guard("model's Jacobian", t, [&] {
    for (std::size_t n = 0; n < m_owned; ++n) {
      const std::size_t i = m_first + n;
      NodeLinear& node = m_nodes[n];
      m_block.setZero();
      m_system.nodeJacobian(t, window, i, m_block);
      scaleBlock(m_block, m_scale);
      if (!node.block.assign(m_block))
        return m_guard.recoverable("non-finite entry in the model's node Jacobian");
      node.newton.assign(m_block);
      node.newton.scaleAddIdentity(-1.0 / a);  // I - J~ / a
      if (node.lu.factor(node.newton) != 0)
        return m_guard.recoverable("a node block of the Newton matrix is singular");
      node.couplings.clear();
      for (long o = -w; o <= w; ++o) {
        const long j = static_cast<long>(i) + o;
        if (o == 0 || j < 0 || j >= nodes) continue;
        m_entries.clear();
        m_system.neighbourJacobian(t, window, i, static_cast<int>(o), m_entries);
        for (NodeCoupling e : m_entries) {
          e.value *= m_scale[e.column] / m_scale[e.row];
          if (!std::isfinite(e.value))
            return m_guard.recoverable("non-finite entry in the model's neighbour Jacobian");
          node.couplings.push_back({static_cast<int>(o), e});
        }
      }
    }
    return 0;
  }));
}

PetscErrorCode PetscGridIntegrator::Impl::jacobian(TS ts, PetscReal t, Vec y, Vec, PetscReal a,
                                                   Mat A, Mat, void* self) {
  auto* me = static_cast<Impl*>(self);
  int flag = kFatal;
  try {
    flag = me->assemble(t, y, a);
  } catch (const std::exception& e) {
    me->m_guard.recoverable(e.what());
  }
  flag = me->shared(flag);
  if (flag == kFatal) return PETSC_ERR_USER;
  if (flag == kRecoverable) {
    SNES snes = nullptr;
    TSGetSNES(ts, &snes);
    SNESSetJacobianDomainError(snes);
    return 0;
  }
  if (A != me->m_shell.h) {  // difference products: their base point is the new iterate
    PetscErrorCode ierr = MatAssemblyBegin(A, MAT_FINAL_ASSEMBLY);
    if (ierr == 0) ierr = MatAssemblyEnd(A, MAT_FINAL_ASSEMBLY);
    return ierr;
  }
  return 0;
}

// y = (a I - J~) x, node by node, with x's ghosts for the neighbours' couplings.
PetscErrorCode PetscGridIntegrator::Impl::multiply(Mat A, Vec x, Vec y) {
  Impl* me = nullptr;
  MatShellGetContext(A, &me);
  try {
    const NodeWindow v = me->ghosted(x, false);
    PetscScalar* out = nullptr;
    VecGetArray(y, &out);
    const std::size_t dof = me->m_dof;
    std::span<double> Jv(me->m_f.data(), dof);  // work
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

// Symmetric block Gauss-Seidel over this rank's nodes, from the inlet down and back:
// z_i = M_ii^-1 (x_i - sum_{j != i} M_ij z_j) with the newest z_j, M = a I - J~, M_ii = a (I -
// J~_ii / a) factored by assemble(). The downward sweep alone inverts upwind convection; the
// way back takes in the dispersion's downstream couplings.
PetscErrorCode PetscGridIntegrator::Impl::precondition(PC pc, Vec x, Vec y) {
  Impl* me = nullptr;
  PCShellGetContext(pc, &me);
  const PetscScalar* in = nullptr;
  PetscScalar* out = nullptr;
  VecGetArrayRead(x, &in);
  VecGetArray(y, &out);
  const std::size_t dof = me->m_dof, owned = me->m_owned;
  std::fill(out, out + owned * dof, 0.0);
  auto relax = [&](std::size_t n) {
    NodeLinear& node = me->m_nodes[n];
    std::span<double> z(me->m_f.data(), dof);  // work
    for (std::size_t k = 0; k < dof; ++k) z[k] = in[n * dof + k];
    for (const NodeLinear::Coupling& c : node.couplings) {
      const long j = static_cast<long>(n) + c.offset;
      if (j < 0 || j >= static_cast<long>(owned)) continue;  // off-rank: block Jacobi
      z[c.entry.row] += c.entry.value * out[static_cast<std::size_t>(j) * dof + c.entry.column];
    }
    node.lu.solve(node.newton, z);
    for (std::size_t k = 0; k < dof; ++k) out[n * dof + k] = z[k] / me->m_shift;
  };
  for (std::size_t n = 0; n < owned; ++n) relax(n);
  for (std::size_t n = owned; n-- > 1;) relax(n - 1);
  VecRestoreArray(y, &out);
  VecRestoreArrayRead(x, &in);
  return 0;
}

SolverReport PetscGridIntegrator::Impl::run(std::span<const double> times, StateObserver& observer) {
  m_guard.clear();
  PetscScalar* y = nullptr;
  petscCheck(VecGetArray(m_y.h, &y), "VecGetArray");
  for (std::size_t n = 0; n < m_owned; ++n) {
    const std::span<double> node(y + n * m_dof, m_dof);
    m_system.initialNode(m_first + n, node);
    for (std::size_t k = 0; k < m_dof; ++k) node[k] /= m_scale[k];
  }
  petscCheck(VecRestoreArray(m_y.h, &y), "VecRestoreArray");
  std::vector<double> state(m_system.nodeCount() * m_dof);
  // Every rank gathers the whole state and hands it on: all see the same results.
  auto observe = [&](double t) {
    petscCheck(VecScatterBegin(m_gather.h, m_y.h, m_all.h, INSERT_VALUES, SCATTER_FORWARD), "VecScatterBegin");
    petscCheck(VecScatterEnd(m_gather.h, m_y.h, m_all.h, INSERT_VALUES, SCATTER_FORWARD), "VecScatterEnd");
    const PetscScalar* all = nullptr;
    petscCheck(VecGetArrayRead(m_all.h, &all), "VecGetArrayRead");
    for (std::size_t k = 0; k < state.size(); ++k) state[k] = all[k] * m_scale[k % m_dof];
    VecRestoreArrayRead(m_all.h, &all);
    observer.observe(t, state);
  };
  return integrateTs(
      m_ts.h, m_y.h, times, m_system.stopTimes(), m_options, observe,
      [&] { return sharedText(observer.stopReason()); },  // one rank's interrupt stops them all
      [this](const std::string& library) { return explain(library); }, m_method);
}

PetscGridIntegrator::PetscGridIntegrator(GridSystem& system, IntegratorOptions options,
                                         std::string petscOptions)
    : m_impl(std::make_unique<Impl>(system, options, petscOptions)) {}
PetscGridIntegrator::~PetscGridIntegrator() = default;
SolverReport PetscGridIntegrator::run(std::span<const double> times, StateObserver& observer) {
  return m_impl->run(times, observer);
}
const std::string& PetscGridIntegrator::method() const { return m_impl->method(); }

}  // namespace proscale
