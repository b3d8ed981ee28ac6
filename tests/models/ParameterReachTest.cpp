// Every parameter a model registers (System::parameters(), what sensitivities, sweeps and
// fitting perturb) must reach its right-hand side: a value that a model copied into a table
// at construction, without a recompute hook, would be set and silently ignored. For each
// shipped case and each of its parameters, a 1 % change must change f at a state early in the
// run or half-way, and restoring it must restore f bit for bit (tables rebuilt from it, such
// as the aggregation pair table and the breakage selection rates, included).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "CaseRunSupport.h"

namespace proscale::test {

TEST_CASE("Every registered parameter reaches the right-hand side", "[unit][parameters]") {
  struct Case {
    const char* file;
    const char* inert;  // a parameter prefix that multiplies a zero in this case, or ""
    const char* method = "sectional";
  };
  for (const Case& c : {Case{"cases/baso4_batch.yaml", ""}, Case{"cases/ripening_ceo2.yaml", ""},
                        Case{"cases/pbe_benchmark_aggregation.yaml", ""},
                        Case{"validation/baso4/peters2024_batch.yaml", ""},
                        Case{"validation/analytic/msmpr.yaml", ""},
                        Case{"validation/crystallizer/msmpr_exponential.yaml", ""},
                        // particles: {} -- no growth, no nucleation: G0 (1 + a L) with G0 = 0.
                        Case{"validation/analytic/ziff_mcgrady_breakage.yaml", "particles."},
                        Case{"validation/analytic/ziff_mcgrady_breakage.yaml", "particles.", "qmom"},
                        Case{"validation/analytic/scott_sum_kernel.yaml", "particles.", "qmom"}}) {
    INFO("population.method " << c.method);
    ProcessRun run =
        runProcess(c.file, {{"output.count", "11"}, {"population.method", c.method}});
    System& system = run.loaded.process->system();
    ParameterRegistry& registry = system.parameters();
    // States early in the run (nucleation is on) and half-way.
    const std::vector<std::size_t> outputs{1, run.rec.t.size() / 2};
    std::size_t checked = 0;
    for (std::size_t i = 0; i < registry.size(); ++i) {
      const ModelParameter& p = registry.at(i);
      if (!p.perturbable || p.name.rfind(c.inert, 0) == 0 && *c.inert != '\0') continue;
      INFO(c.file << ": " << p.name << " = " << p.get() << " " << p.unit);
      const double value = p.get();
      double change = 0.0;
      for (std::size_t k : outputs) {
        const std::vector<double>& y = run.rec.y[k];
        std::vector<double> f0(y.size()), f1(y.size()), f2(y.size());
        system.rhs(run.rec.t[k], y, f0);
        registry.set(i, value == 0.0 ? p.scale * 0.01 : value * 1.01);
        system.rhs(run.rec.t[k], y, f1);
        registry.set(i, value);
        system.rhs(run.rec.t[k], y, f2);
        for (std::size_t j = 0; j < y.size(); ++j) change = std::max(change, std::abs(f1[j] - f0[j]));
        CHECK(f2 == f0);
      }
      CHECK(change > 0.0);
      ++checked;
    }
    CHECK(checked > 0);
    WARN(c.file << ": " << checked << " parameters reach f");
  }
}

}  // namespace proscale::test
