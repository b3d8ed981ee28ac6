// The PETSc grid solvers on several MPI ranks: ctest runs this program under `mpirun -n 1` and
// `mpirun -n 2` (tests/mpi/CMakeLists.txt), every rank running every test. A tube on the
// DMDA agrees with CVODE on the same equations as one serial System (computed on each rank),
// SNES's continuation reaches TS's steady outflow of a crystallizer tube, and a model that
// fails on one rank only ends the run on every rank, incomplete, with that rank's message --
// no hang.
#include <catch2/catch.hpp>

#include <cmath>
#include <stdexcept>
#include <vector>

#include "Recorder.h"
#include "app/CaseRun.h"
#include "case/Overrides.h"
#include "core/GridSystem.h"
#include "solvers/CvodeIntegrator.h"
#include "solvers/PetscGridIntegrator.h"
#include "core/Process.h"

using namespace proscale;

namespace {

// dc_i/dt = u (c_{i-1} - c_i) / dz - k c_i with c_{-1} = 1 (first-order upwind), c(0) = 0; the
// rates of the last node throw from t = 1 s on: only the rank that owns it fails.
class FailingLastNode final : public GridSystem {
 public:
  FailingLastNode() {
    m_node.add("c", 1, "mol/m^3", 1.0);
    buildGridLayout();
  }
  std::size_t nodeCount() const override { return 16; }
  const StateLayout& nodeLayout() const override { return m_node; }
  std::size_t stencilWidth() const override { return 1; }
  void initialNode(std::size_t, std::span<double> y0) const override { y0[0] = 0.0; }
  void nodeRates(double t, const NodeWindow& y, std::size_t first, std::size_t last,
                 std::span<double> f) override {
    for (std::size_t i = first; i < last; ++i) {
      if (i + 1 == nodeCount() && t > 1.0) throw std::runtime_error("the last node broke");
      const double upstream = i == 0 ? 1.0 : y.node(i - 1)[0];
      f[i - first] = kRate * (upstream - y.node(i)[0]) - 0.1 * y.node(i)[0];
    }
  }
  BorderedBandShape nodeJacobianShape() const override { return {1, 0, 0, 0}; }
  void nodeJacobian(double, const NodeWindow&, std::size_t, BorderedBandJacobian& J) override {
    J.D(0, 0) = -kRate - 0.1;
  }
  void neighbourJacobian(double, const NodeWindow&, std::size_t, int offset,
                         std::vector<NodeCoupling>& entries) override {
    if (offset == -1) entries.push_back({0, 0, kRate});
  }

 private:
  static constexpr double kRate = 2.0;  // u / dz [1/s]
  StateLayout m_node;
};

}  // namespace

TEST_CASE("MPI: a model failing on one rank ends the run on all, with its message", "[mpi]") {
  FailingLastNode model;
  IntegratorOptions o;
  o.rtol = 1e-8;
  o.atol = 1e-10;
  PetscGridIntegrator integrator(model, o);
  test::Recorder out;
  const std::vector<double> times{0.0, 0.5, 2.0};
  const SolverReport r = integrator.run(times, out);
  CHECK_FALSE(r.complete);
  CHECK(r.timeReached < 1.0 + 1e-9);
  CHECK(r.timeReached >= 0.5);
  CHECK(r.message.find("the last node broke") != std::string::npos);
  REQUIRE(out.t.size() >= 2);  // the state at 0.5 s, gathered on every rank
  // Before the failure the solution is the upwind cascade's: c_0(t) = (u/dz) / (u/dz + k)
  // (1 - exp(-(u/dz + k) t)).
  const double a = 2.1;
  CHECK(out.y[1][0] == Approx(2.0 / a * (1.0 - std::exp(-a * 0.5))).epsilon(1e-6));
}

TEST_CASE("MPI: a tube on the DMDA agrees with CVODE on one serial system", "[mpi][tube]") {
  const std::vector<Override> settings{parseOverride("tube.cells=40"),
                                       parseOverride("output.end-time=300 s"),
                                       parseOverride("output.count=4")};
  const std::string file = std::string(PROSCALE_SOURCE_DIR) + "/cases/tubular_axial_dispersion.yaml";
  LoadedCase petsc = LoadedCase::load(file, settings);
  test::Recorder parallel;
  REQUIRE(petsc.solver->run(petsc.times, parallel).complete);
  std::vector<Override> serialSettings = settings;
  serialSettings.push_back(parseOverride("solver.type=cvodes"));
  LoadedCase cvode = LoadedCase::load(file, serialSettings);
  test::Recorder serial;
  REQUIRE(cvode.solver->run(cvode.times, serial).complete);
  REQUIRE(parallel.y.size() == serial.y.size());
  // Both at rtol 1e-8 with atol 1e-10 x scales: the states agree to 1e-5 of the feed's
  // 1000 mol/m^3 (the integrators' errors, not the ranks').
  const std::vector<double>& a = parallel.y.back();
  const std::vector<double>& b = serial.y.back();
  double worst = 0.0;
  for (std::size_t i = 0; i < a.size(); ++i) worst = std::max(worst, std::abs(a[i] - b[i]));
  CHECK(worst < 1e-5 * 1000.0);
}

TEST_CASE("MPI: SNES's continuation reaches TS's steady outflow on the DMDA", "[mpi][tube][steady]") {
  // validation/reactors/plug_flow_tube.yaml on 40 cells: Newton from the particle-free tube
  // fails and the pseudo-transient continuation takes over, its Newton-GMRES preconditioned by
  // Gauss-Seidel within each rank and block Jacobi between them; TS's outflow at 2.5 tau is the
  // steady one (plug flow). Within 1e-6 of N and d50: TS's integration error at the case's
  // rtol 1e-7 and SNES's residual (observed 5e-9 and 1.4e-8 on one rank, 100 cells).
  const std::string file = std::string(PROSCALE_SOURCE_DIR) + "/validation/reactors/plug_flow_tube.yaml";
  auto outflow = [&](const char* type) {
    LoadedCase run = LoadedCase::load(file, {parseOverride("tube.cells=40"),
                                             parseOverride(std::string("solver.type=") + type)});
    test::Recorder r;
    const SolverReport report = run.solver->run(run.times, r);
    REQUIRE(report.complete);
    std::vector<double> values;
    for (const Metric& m : run.process->metrics(r.t.back(), r.y.back()))
      if (m.name == "number_density" || m.name == "d50_volume") values.push_back(m.value);
    REQUIRE(values.size() == 2);
    return values;
  };
  const std::vector<double> steady = outflow("snes"), transient = outflow("petsc");
  for (std::size_t k = 0; k < 2; ++k) CHECK(std::abs(steady[k] / transient[k] - 1.0) < 1e-6);
}
