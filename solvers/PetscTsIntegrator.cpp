#include "solvers/PetscTsIntegrator.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

#include <petscts.h>

#include "core/BorderedBandJacobian.h"
#include "solvers/CallbackGuard.h"
#include "solvers/PetscSession.h"
#include "solvers/PetscTsCommon.h"

namespace proscale {
namespace {

std::span<const double> readView(Vec v, const PetscScalar*& data) {
  PetscInt n = 0;
  VecGetLocalSize(v, &n);
  VecGetArrayRead(v, &data);
  return {data, static_cast<std::size_t>(n)};
}

// The arrow's structural non-zeros, row by row (global indices), for the AIJ matrix: every
// entry of D, R and C and the band of B, whether zero now or not, so that the pattern never
// changes between Jacobians.
std::vector<std::vector<PetscInt>> arrowPattern(const BorderedBandShape& s) {
  const std::size_t k = s.border, n = s.band;
  std::vector<std::vector<PetscInt>> rows(s.size());
  for (std::size_t r = 0; r < s.size(); ++r) {
    for (std::size_t c = 0; c < k; ++c) rows[r].push_back(static_cast<PetscInt>(c));
    if (r < k) {
      for (std::size_t c = 0; c < n; ++c) rows[r].push_back(static_cast<PetscInt>(k + c));
    } else {
      const std::size_t i = r - k, lo = i >= s.lower ? i - s.lower : 0;
      const std::size_t hi = std::min(n - 1, i + s.upper);
      for (std::size_t c = lo; c <= hi; ++c) rows[r].push_back(static_cast<PetscInt>(k + c));
    }
  }
  return rows;
}

}  // namespace

class PetscTsIntegrator::Impl {
 public:
  Impl(System& system, IntegratorOptions options, const std::string& petscOptions);
  ~Impl();
  SolverReport run(std::span<const double> times, StateObserver& observer);
  const std::string& method() const { return m_method; }

 private:
  static PetscErrorCode residual(TS ts, PetscReal t, Vec y, Vec yp, Vec F, void* self);
  static PetscErrorCode jacobian(TS ts, PetscReal t, Vec y, Vec yp, PetscReal a, Mat A, Mat P,
                                 void* self);
  void copyJacobian(Mat A);

  /// y = s u: TS, SNES and KSP see the unknowns u_i = y_i / s_i and the residuals F_i / s_i,
  /// s_i the scale of component i's block (StateLayout), so that their unweighted norms and
  /// Newton's convergence test weigh a number density of 1e20 1/m^3 and a concentration of
  /// 10 mol/m^3 alike (CVODE weighs them through its error weights instead).
  std::span<const double> unscaled(std::span<const double> u, std::vector<double>& y) const {
    y.resize(u.size());
    for (std::size_t i = 0; i < u.size(); ++i) y[i] = m_scale[i] * u[i];
    return y;
  }

  System& m_system;
  IntegratorOptions m_options;
  std::vector<double> m_scale, m_yWork, m_ypWork;
  std::vector<std::vector<PetscInt>> m_pattern;
  BorderedBandJacobian m_arrow;
  CallbackGuard m_guard;
  std::string m_method;
  // Destroyed in reverse order, also when the constructor throws halfway.
  Owned<Vec, VecDestroy> m_y, m_residual, m_atol;
  Owned<Mat, MatDestroy> m_J;
  Owned<TS, TSDestroy> m_ts;
};

PetscTsIntegrator::Impl::Impl(System& system, IntegratorOptions options,
                              const std::string& petscOptions)
    : m_system(system),
      m_options(options),
      m_pattern(arrowPattern(system.jacobianShape())),
      m_arrow(system.jacobianShape()) {
  const std::size_t n = system.size();
  if (n == 0) throw std::invalid_argument("PETSc TS: the system has no unknowns");
  if (!(options.rtol > 0) || !(options.atol > 0))
    throw std::invalid_argument("PETSc TS: tolerances must be positive");
  PetscSession::ensure();
  resetPetscOptions(petscOptions);  // read by TSSetFromOptions below
  const auto size = static_cast<PetscInt>(n);
  petscCheck(VecCreateSeq(PETSC_COMM_SELF, size, &m_y.h), "VecCreateSeq");
  petscCheck(VecDuplicate(m_y.h, &m_residual.h), "VecDuplicate");
  petscCheck(VecDuplicate(m_y.h, &m_atol.h), "VecDuplicate");
  m_scale = system.layout().absoluteTolerances(1.0);  // each component's block scale
  for (double s : m_scale)
    if (!(s > 0) || !std::isfinite(s))
      throw std::invalid_argument("PETSc TS: a block scale is not a positive finite number");
  petscCheck(VecSet(m_atol.h, options.atol), "VecSet");  // atol x scale, in the scaled unknowns

  std::vector<PetscInt> perRow(n);
  for (std::size_t r = 0; r < n; ++r) perRow[r] = static_cast<PetscInt>(m_pattern[r].size());
  petscCheck(MatCreateSeqAIJ(PETSC_COMM_SELF, size, size, 0, perRow.data(), &m_J.h), "MatCreateSeqAIJ");
  for (std::size_t r = 0; r < n; ++r) {  // the pattern, with zeros, before any Jacobian
    const std::vector<double> zeros(m_pattern[r].size(), 0.0);
    const auto row = static_cast<PetscInt>(r);
    petscCheck(MatSetValues(m_J.h, 1, &row, perRow[r], m_pattern[r].data(), zeros.data(), INSERT_VALUES),
          "MatSetValues");
  }
  petscCheck(MatAssemblyBegin(m_J.h, MAT_FINAL_ASSEMBLY), "MatAssemblyBegin");
  petscCheck(MatAssemblyEnd(m_J.h, MAT_FINAL_ASSEMBLY), "MatAssemblyEnd");

  petscCheck(TSCreate(PETSC_COMM_SELF, &m_ts.h), "TSCreate");
  configureTs(m_ts.h, options, m_atol.h);
  petscCheck(TSSetIFunction(m_ts.h, m_residual.h, residual, this), "TSSetIFunction");
  if (system.hasJacobian())
    petscCheck(TSSetIJacobian(m_ts.h, m_J.h, m_J.h, jacobian, this), "TSSetIJacobian");
  else  // differences of F, columns grouped by a coloring of the arrow's pattern
    petscCheck(TSSetIJacobian(m_ts.h, m_J.h, m_J.h, TSComputeIJacobianDefaultColor, nullptr), "TSSetIJacobian");
  SNES snes = nullptr;
  KSP ksp = nullptr;
  PC pc = nullptr;
  petscCheck(TSGetSNES(m_ts.h, &snes), "TSGetSNES");
  petscCheck(SNESGetKSP(snes, &ksp), "SNESGetKSP");
  petscCheck(KSPSetType(ksp, KSPPREONLY), "KSPSetType");
  petscCheck(KSPGetPC(ksp, &pc), "KSPGetPC");
  petscCheck(PCSetType(pc, PCLU), "PCSetType");
  setTsFromOptions(m_ts.h);
  rejectUnusedOptions();
  m_method = describeTs(m_ts.h) + (system.hasJacobian() ? " of the model's Jacobian (AIJ)"
                                                         : " of a colored difference Jacobian (AIJ)");
}

PetscTsIntegrator::Impl::~Impl() = default;

PetscErrorCode PetscTsIntegrator::Impl::residual(TS ts, PetscReal t, Vec y, Vec yp, Vec F,
                                                 void* self) {
  auto* me = static_cast<Impl*>(self);
  const PetscScalar *yData = nullptr, *ypData = nullptr;
  PetscScalar* fData = nullptr;
  const auto yView = me->unscaled(readView(y, yData), me->m_yWork);
  const auto ypView = me->unscaled(readView(yp, ypData), me->m_ypWork);
  VecGetArray(F, &fData);
  const std::span<double> out(fData, yView.size());
  int flag = me->m_guard("model's residual", t, [&] {
    me->m_system.residual(t, yView, ypView, out);
    for (std::size_t i = 0; i < out.size(); ++i) out[i] /= me->m_scale[i];
    return me->m_guard.checkFinite(out, me->m_system.layout(), "residual", t);
  });
  VecRestoreArray(F, &fData);
  VecRestoreArrayRead(yp, &ypData);
  VecRestoreArrayRead(y, &yData);
  if (flag > 0) {  // recoverable: this Newton iteration fails, TS retries with a smaller step
    SNES snes = nullptr;
    TSGetSNES(ts, &snes);
    SNESSetFunctionDomainError(snes);
    flag = 0;
  }
  return flag == 0 ? 0 : PETSC_ERR_USER;
}

PetscErrorCode PetscTsIntegrator::Impl::jacobian(TS ts, PetscReal t, Vec y, Vec yp, PetscReal a,
                                                 Mat A, Mat, void* self) {
  auto* me = static_cast<Impl*>(self);
  const PetscScalar *yData = nullptr, *ypData = nullptr;
  const auto yView = me->unscaled(readView(y, yData), me->m_yWork);
  const auto ypView = me->unscaled(readView(yp, ypData), me->m_ypWork);
  int flag = me->m_guard("model's Jacobian", t, [&] {
    me->m_arrow.setZero();
    me->m_system.residualJacobian(t, yView, ypView, a, me->m_arrow);
    if (!me->m_arrow.allFinite())
      return me->m_guard.recoverable("non-finite entry in the model's Jacobian");
    me->copyJacobian(A);
    return 0;
  });
  VecRestoreArrayRead(yp, &ypData);
  VecRestoreArrayRead(y, &yData);
  if (flag > 0) {
    SNES snes = nullptr;
    TSGetSNES(ts, &snes);
    SNESSetJacobianDomainError(snes);
    flag = 0;
  }
  return flag == 0 ? 0 : PETSC_ERR_USER;
}

void PetscTsIntegrator::Impl::copyJacobian(Mat A) {
  std::vector<double> values;
  for (std::size_t r = 0; r < m_pattern.size(); ++r) {
    values.resize(m_pattern[r].size());
    for (std::size_t e = 0; e < values.size(); ++e) {  // d(F_r / s_r) / d(u_c) = J_rc s_c / s_r
      const auto c = static_cast<std::size_t>(m_pattern[r][e]);
      values[e] = m_arrow.at(r, c) * m_scale[c] / m_scale[r];
    }
    const auto row = static_cast<PetscInt>(r);
    petscCheck(MatSetValues(A, 1, &row, static_cast<PetscInt>(values.size()), m_pattern[r].data(),
                       values.data(), INSERT_VALUES),
          "MatSetValues");
  }
  petscCheck(MatAssemblyBegin(A, MAT_FINAL_ASSEMBLY), "MatAssemblyBegin");
  petscCheck(MatAssemblyEnd(A, MAT_FINAL_ASSEMBLY), "MatAssemblyEnd");
}

SolverReport PetscTsIntegrator::Impl::run(std::span<const double> times, StateObserver& observer) {
  m_guard.clear();
  PetscScalar* y = nullptr;
  petscCheck(VecGetArray(m_y.h, &y), "VecGetArray");
  m_system.initialState(std::span<double>(y, m_system.size()));
  for (std::size_t i = 0; i < m_scale.size(); ++i) y[i] /= m_scale[i];
  petscCheck(VecRestoreArray(m_y.h, &y), "VecRestoreArray");
  auto observe = [&](double t) {
    const PetscScalar* data = nullptr;
    std::vector<double> state;
    observer.observe(t, unscaled(readView(m_y.h, data), state));
    VecRestoreArrayRead(m_y.h, &data);
  };
  return integrateTs(
      m_ts.h, m_y.h, times, m_system.stopTimes(), m_options, observe,
      [&] { return observer.stopReason(); },
      [this](const std::string& library) { return m_guard.explain(library); }, m_method);
}

PetscTsIntegrator::PetscTsIntegrator(System& system, IntegratorOptions options,
                                     std::string petscOptions)
    : m_impl(std::make_unique<Impl>(system, options, petscOptions)) {}
PetscTsIntegrator::~PetscTsIntegrator() = default;
SolverReport PetscTsIntegrator::run(std::span<const double> times, StateObserver& observer) {
  return m_impl->run(times, observer);
}
const std::string& PetscTsIntegrator::method() const { return m_impl->method(); }

}  // namespace proscale
