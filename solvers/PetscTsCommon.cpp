#include "solvers/PetscTsCommon.h"

#include <cstring>

#include <algorithm>
#include <chrono>
#include <stdexcept>
#include <vector>

#include "solvers/PetscSession.h"

namespace proscale {
namespace {

constexpr PetscInt kMaxFailures = 1000;

}  // namespace

void petscCheck(PetscErrorCode ierr, const char* call) {
  if (ierr == 0) return;
  throw std::runtime_error(std::string(call) + " failed: " + PetscSession::lastError());
}

void resetPetscOptions(const std::string& petscOptions) {
  PetscOptionsClear(nullptr);
  if (!petscOptions.empty() && PetscOptionsInsertString(nullptr, petscOptions.c_str()) != 0)
    throw SolverSettingError("petsc-options", "PETSc cannot read the options '" + petscOptions +
                                                  "': " + PetscSession::lastError());
  // -log_view is read when PETSc finalizes (at exit); its logging must start now.
  PetscBool logView = PETSC_FALSE;
  PetscOptionsHasName(nullptr, nullptr, "-log_view", &logView);
  if (logView) PetscLogDefaultBegin();
}

void rejectUnusedOptions() {
  PetscInt count = 0;
  char** names = nullptr;
  char** values = nullptr;
  if (PetscOptionsLeftGet(nullptr, &count, &names, &values) != 0) return;
  const auto readLater = [](const std::string& name) {
    for (const char* later : {"log_view", "options_left", "info", "malloc"})
      if (name.rfind(later, 0) == 0) return true;
    for (const char* viewer : {"_view", "_view_pre", "_converged_reason"})  // at the solve's end
      if (name.size() > std::strlen(viewer) &&
          name.compare(name.size() - std::strlen(viewer), std::string::npos, viewer) == 0)
        return true;
    return false;
  };
  std::string unused;
  for (PetscInt i = 0; i < count; ++i)
    if (!readLater(names[i])) unused += (unused.empty() ? "-" : ", -") + std::string(names[i]);
  PetscOptionsLeftRestore(nullptr, &count, &names, &values);
  if (!unused.empty())
    throw SolverSettingError("petsc-options", "PETSc did not use " + unused +
                                                  " (not an option of this solver: misspelt?)");
}

void setTsFromOptions(TS ts) {
  if (TSSetFromOptions(ts) != 0)
    throw SolverSettingError("petsc-options", "PETSc refused an option: " + PetscSession::lastError());
  TSType type = nullptr;
  petscCheck(TSGetType(ts, &type), "TSGetType");
  const std::string name = type;
  if (name == TSPSEUDO)
    throw SolverSettingError("petsc-options", "-ts_type pseudo is a continuation to a steady "
                                              "state, not a time integration: give solver.type: "
                                              "snes for the steady state");
  for (const char* implicit : {TSBDF, TSBEULER, TSCN, TSTHETA, TSARKIMEX, TSROSW, TSALPHA, TSGLLE, TSIRK})
    if (name == implicit) return;
  throw SolverSettingError("petsc-options",
                           "-ts_type " + name + " cannot integrate proscale's implicit residual "
                           "F(t, y, y') = y' - f(t, y): give bdf, beuler, cn, theta, arkimex, "
                           "rosw, alpha, glle or irk");
}

void configureTs(TS ts, const IntegratorOptions& options, Vec atol) {
  petscCheck(TSSetProblemType(ts, TS_NONLINEAR), "TSSetProblemType");
  petscCheck(TSSetType(ts, TSBDF), "TSSetType");
  // Order 4 unless solver.max-order says less (-ts_bdf_order overrides): TS's default, 2, took
  // twice the time on the flagship and stayed 0.24 % off CVODE's N at rtol 1e-6 (order 4:
  // 0.07 %), and its errors add up over the many steps (tests/solvers/test_petsc_ts.cpp).
  petscCheck(TSBDFSetOrder(ts, std::min(options.maxOrder, 4)), "TSBDFSetOrder");
  petscCheck(TSSetTolerances(ts, 0.0, atol, options.rtol, nullptr), "TSSetTolerances");
  petscCheck(TSSetExactFinalTime(ts, TS_EXACTFINALTIME_MATCHSTEP), "TSSetExactFinalTime");
  // A failed Newton iteration or error test makes TS retry with a smaller step; a model that
  // fails whatever the step ends the run after this many, as TS counts them.
  petscCheck(TSSetMaxSNESFailures(ts, kMaxFailures), "TSSetMaxSNESFailures");
  petscCheck(TSSetMaxStepRejections(ts, kMaxFailures), "TSSetMaxStepRejections");
  petscCheck(TSSetErrorIfStepFails(ts, PETSC_FALSE), "TSSetErrorIfStepFails");  // a reason, not an error
}

std::string describeTs(TS ts) {
  SNES snes = nullptr;
  KSP ksp = nullptr;
  PC pc = nullptr;
  TSGetSNES(ts, &snes);
  SNESGetKSP(snes, &ksp);
  KSPGetPC(ksp, &pc);
  TSType tt = nullptr;
  SNESType sn = nullptr;
  KSPType kt = nullptr;
  PCType pt = nullptr;
  TSGetType(ts, &tt);
  SNESGetType(snes, &sn);
  KSPGetType(ksp, &kt);
  PCGetType(pc, &pt);
  PetscInt order = 0;
  const bool bdf = std::string(tt) == TSBDF && TSBDFGetOrder(ts, &order) == 0;
  return std::string("PETSc TS ") + tt + (bdf ? " (order " + std::to_string(order) + ")" : "") +
         ", SNES " + sn + ", KSP " + kt + " with PC " + pt;
}

SolverStatistics tsStatistics(TS ts) {
  SolverStatistics s;
  PetscInt steps = 0, newton = 0, linear = 0, rejected = 0, failed = 0;
  TSGetStepNumber(ts, &steps);
  TSGetSNESIterations(ts, &newton);
  TSGetKSPIterations(ts, &linear);
  TSGetStepRejections(ts, &rejected);
  TSGetSNESFailures(ts, &failed);
  s.steps = steps;
  s.nonlinearIterations = newton;
  s.linearIterations = linear;
  s.errorTestFailures = rejected;
  s.nonlinearConvergenceFailures = failed;
  return s;
}

SolverReport integrateTs(TS ts, Vec y, std::span<const double> times,
                         const std::vector<double>& stopTimes, const IntegratorOptions& options,
                         const std::function<void(double)>& observe,
                         const std::function<std::string()>& stopReason,
                         const std::function<std::string(const std::string&)>& explain,
                         const std::string& method) {
  if (times.size() < 2) throw std::invalid_argument("PETSc TS: needs two output times or more");
  for (std::size_t i = 1; i < times.size(); ++i)
    if (!(times[i] > times[i - 1])) throw std::invalid_argument("PETSc TS: output times must ascend");
  SolverReport report;
  report.method = method;
  const double t0 = times.front();
  petscCheck(TSSetTime(ts, t0), "TSSetTime");
  petscCheck(TSSetStepNumber(ts, 0), "TSSetStepNumber");
  const double first = options.initialStep > 0 ? options.initialStep : 1e-6 * (times[1] - t0);
  petscCheck(TSSetTimeStep(ts, first), "TSSetTimeStep");
  if (options.maxStep > 0) {
    TSAdapt adapt = nullptr;
    petscCheck(TSGetAdapt(ts, &adapt), "TSGetAdapt");
    petscCheck(TSAdaptSetStepLimits(adapt, PETSC_DEFAULT, options.maxStep), "TSAdaptSetStepLimits");
  }
  const auto start = std::chrono::steady_clock::now();
  auto finish = [&](double reached) {
    report.timeReached = reached;
    report.statistics = tsStatistics(ts);
    report.statistics.wallTime =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return report;
  };
  observe(t0);
  for (std::size_t i = 1; i < times.size(); ++i) {
    // The equations change at a stop time (a feed switches): TS steps up to it, not across.
    std::vector<double> targets;
    for (double s : stopTimes)
      if (s > times[i - 1] && s < times[i]) targets.push_back(s);
    targets.push_back(times[i]);
    for (double target : targets) {
      PetscInt done = 0;
      TSGetStepNumber(ts, &done);
      petscCheck(TSSetMaxSteps(ts, done + static_cast<PetscInt>(options.maxSteps)), "TSSetMaxSteps");
      petscCheck(TSSetMaxTime(ts, target), "TSSetMaxTime");
      const PetscErrorCode ierr = TSSolve(ts, y);
      TSConvergedReason reason = TS_CONVERGED_ITERATING;
      TSGetConvergedReason(ts, &reason);
      PetscReal reached = t0;
      TSGetTime(ts, &reached);
      // TS ends "converged" after its step limit too: short of the target, that is a failure.
      const bool stepLimit = ierr == 0 && reason == TS_CONVERGED_ITS && reached < target;
      if (ierr != 0 || reason < 0 || stepLimit) {
        report.flagName = ierr != 0 ? "PETSC_ERROR" : stepLimit ? "TOO_MANY_STEPS" : TSConvergedReasons[reason];
        report.message = explain(
            "PETSc TS: " + (ierr != 0  ? PetscSession::lastError()
                            : stepLimit ? "solver.max-steps (" + std::to_string(options.maxSteps) +
                                              ") steps taken before t = " + std::to_string(target) + " s"
                                        : std::string("diverged, ") + TSConvergedReasons[reason]));
        if (reached > times[i - 1]) observe(reached);
        return finish(reached);
      }
    }
    observe(times[i]);
    if (const std::string why = stopReason(); !why.empty()) {
      report.flagName = "STOPPED";
      report.message = why;
      return finish(times[i]);
    }
  }
  report.complete = true;
  report.flagName = "TS_CONVERGED_TIME";
  return finish(times.back());
}

}  // namespace proscale
