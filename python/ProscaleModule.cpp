// pybind11 bindings: proscale.run(case, set={...}) and proscale.check(case, set={...}).
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "app/CaseRun.h"
#include "core/Errors.h"
#include "core/Version.h"

namespace py = pybind11;
using namespace proscale;

namespace {
std::vector<Override> overridesFrom(const std::map<std::string, std::string>& set) {
  std::vector<Override> out;
  for (const auto& [key, value] : set) out.push_back({key, value});
  return out;
}

py::array_t<double> toArray(const std::vector<double>& v) {
  return py::array_t<double>(static_cast<py::ssize_t>(v.size()), v.data());
}

py::dict resultsDict(const CaseOutcome& outcome) {
  const RunSummary& s = outcome.summary;
  py::dict metrics, units;
  for (const auto& m : s.metrics) {
    metrics[py::str(m.name)] = m.value;
    units[py::str(m.name)] = m.unit;
  }
  const TimeSeriesTable& table = outcome.results->series();
  py::dict series;
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    std::vector<double> column;
    for (const auto& row : table.rows) column.push_back(row[c]);
    series[py::str(table.columns[c].name)] = toArray(column);
  }
  py::dict psd;
  const PsdHistory& h = outcome.results->psd();
  if (!h.times.empty()) {
    psd["faces"] = toArray(h.faces);
    psd["pivots"] = toArray(h.pivots);
    psd["times"] = toArray(h.times);
    py::array_t<double> number({h.times.size(), h.pivots.size()});
    auto n = number.mutable_unchecked<2>();
    for (std::size_t t = 0; t < h.times.size(); ++t)
      for (std::size_t i = 0; i < h.pivots.size(); ++i)
        n(t, i) = h.number[t][i];
    psd["number"] = number;
  }
  const auto& st = s.solver.statistics;
  py::dict solver;
  solver["flag"] = s.solver.flagName;
  solver["message"] = s.solver.message;
  solver["time_reached"] = s.solver.timeReached;
  solver["steps"] = st.steps;
  solver["integration_wall_time"] = st.wallTime;
  py::dict out;
  out["status"] = s.complete ? "complete" : "incomplete";
  out["metrics"] = metrics;
  out["units"] = units;
  out["timeseries"] = series;
  out["psd"] = psd;
  out["solver"] = solver;
  return out;
}
}  // namespace

PYBIND11_MODULE(_proscale, m) {
  m.doc() = "proscale: process-science simulation (case files in YAML, results as numpy arrays)";
  m.attr("__version__") = kVersion;
  py::register_exception<InputError>(m, "InputError", PyExc_ValueError);

  m.def(
      "run",
      [](const std::string& file, const std::map<std::string, std::string>& set) {
        LoadedCase c = LoadedCase::load(file, overridesFrom(set));
        CaseOutcome outcome;
        {
          py::gil_scoped_release release;
          outcome = simulate(c);
        }
        return resultsDict(outcome);
      },
      py::arg("case_file"), py::arg("set") = std::map<std::string, std::string>{},
      "Simulate a case file; `set` overrides keys as --set does. Returns status, metrics (SI), "
      "units, timeseries (column -> array), psd (faces, pivots, times, number[time, class]) and "
      "solver statistics. Bad input raises proscale.InputError; a solver failure returns "
      "status 'incomplete'.");
  m.def(
      "check",
      [](const std::string& file, const std::map<std::string, std::string>& set) {
        LoadedCase c = LoadedCase::load(file, overridesFrom(set));
        return c.modelType;
      },
      py::arg("case_file"), py::arg("set") = std::map<std::string, std::string>{},
      "Validate a case file and build its model; returns the model type.");
}
