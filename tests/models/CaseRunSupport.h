#pragma once
// Tests that run the repository's case files through the real chain: case loader, process
// model, CVODE. Paths are relative to the source tree ("cases/baso4_batch.yaml").
// runCase gives the stirred vessel itself (its size grid); runProcess any model through the
// registry, as `proscale run` does.
#include <catch2/catch.hpp>
#include <memory>
#include <string>
#include <vector>

#include "app/CaseRun.h"
#include "app/CaseSchema.h"
#include "Recorder.h"
#include "case/CaseDocument.h"
#include "models/pbe/PsdStatistics.h"
#include "models/ProcessModels.h"
#include "models/representations/SizeClasses.h"
#include "models/units/StirredVessel.h"
#include "solvers/CvodeIntegrator.h"

namespace proscale::test {

/// A validated case and its model, not yet run.
struct Loaded {
  Parameters params;
  std::unique_ptr<StirredVessel> model;
};

/// The size grid of a vessel whose particles are on size classes.
inline const SizeGrid& gridOf(const StirredVessel& vessel) {
  const auto* classes = dynamic_cast<const SizeClasses*>(&vessel.particles());
  REQUIRE(classes != nullptr);
  return classes->grid();
}

inline Loaded load(const std::string& relative, const std::vector<Override>& overrides = {}) {
  const CaseDocument doc =
      CaseDocument::load(std::string(PROSCALE_SOURCE_DIR) + "/" + relative, overrides);
  Loaded l;
  l.params = doc.validate(*caseSchema("batch-precipitation"));
  std::unique_ptr<Process> process = processModels().at("batch-precipitation").make(l.params);
  l.model.reset(dynamic_cast<StirredVessel*>(process.release()));
  REQUIRE(l.model != nullptr);
  return l;
}

/// Integrates a loaded case with its own solver settings; the run must complete.
inline Recorder run(Loaded& l) {
  CvodeIntegrator integrator(*l.model, integratorOptionsFrom(l.params.section("solver")));
  Recorder r;
  REQUIRE(integrator.run(outputTimes(l.params.section("output")), r).complete);
  return r;
}

/// A summary metric of the final state.
inline double metric(const StirredVessel& m, const Recorder& r, const std::string& name) {
  for (const auto& x : m.metrics(r.t.back(), r.y.back()))
    if (x.name == name) return x.value;
  FAIL("no metric " << name);
  return 0.0;
}

/// A case run to its end.
struct CaseRun {
  Loaded loaded;
  Recorder rec;
  const StirredVessel& model() const { return *loaded.model; }
  PsdStatistics stats(std::size_t k) const {
    const std::size_t psd = model().layout().block("psd").offset, n = gridOf(model()).size();
    return psdStatistics(gridOf(model()), std::span<const double>(rec.y[k]).subspan(psd, n));
  }
  double metric(const std::string& name) const { return test::metric(model(), rec, name); }
};

inline CaseRun runCase(const std::string& relative, const std::vector<Override>& overrides = {}) {
  CaseRun r{load(relative, overrides), {}};
  r.rec = run(r.loaded);
  return r;
}

/// Any model's case run to its end by the case's own integrator, as `proscale run` does.
struct ProcessRun {
  LoadedCase loaded;
  Recorder rec;
  SolverReport report;
  const Process& process() const { return *loaded.process; }
  /// A summary metric of the final state.
  double metric(const std::string& name) const {
    for (const auto& x : process().metrics(rec.t.back(), rec.y.back()))
      if (x.name == name) return x.value;
    FAIL("no metric " << name);
    return 0.0;
  }
  /// The class counts N_i at output k (sectional populations).
  std::vector<double> classes(std::size_t k) const { return process().numberPerClass(rec.y[k]); }
  /// The value of a time-series column at output k.
  double series(std::size_t k, const std::string& column) const {
    const auto cols = process().seriesColumns();
    std::vector<double> row(cols.size());
    process().series(rec.t[k], rec.y[k], row);
    for (std::size_t j = 0; j < cols.size(); ++j)
      if (cols[j].name == column) return row[j];
    FAIL("no column " << column);
    return 0.0;
  }
};

/// The validated values of a case file (SI), read by key path ("population.seeds.median-diameter"):
/// tests take the constants of their exact solutions from the case they run, never retyped.
class CaseValues {
 public:
  explicit CaseValues(const std::string& relative)
      : m_case(LoadedCase::load(std::string(PROSCALE_SOURCE_DIR) + "/" + relative, {})) {}
  double operator()(const std::string& path) const {
    const Parameters* section = &m_case.params;
    std::size_t start = 0;
    for (std::size_t dot = path.find('.'); dot != std::string::npos;
         start = dot + 1, dot = path.find('.', start))
      section = &section->section(path.substr(start, dot - start));
    return section->real(path.substr(start));
  }

 private:
  LoadedCase m_case;
};

inline ProcessRun runProcess(const std::string& relative,
                             const std::vector<Override>& overrides = {}) {
  ProcessRun r{LoadedCase::load(std::string(PROSCALE_SOURCE_DIR) + "/" + relative, overrides),
               {}, {}};
  r.report = r.loaded.solver->run(r.loaded.times, r.rec);
  REQUIRE(r.report.complete);
  return r;
}

}  // namespace proscale::test
