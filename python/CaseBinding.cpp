#include "CaseBinding.h"

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include "PythonValues.h"
#include "app/CaseRun.h"
#include "core/NumberFormat.h"

namespace py = pybind11;

namespace proscale::python {
namespace {

// The results of one run, converted once; the arrays own their data.
struct Results {
  std::string status;
  py::dict metrics, units, timeseries, psd, axial, sensitivities, solver, checks, toolSettings;
  py::array_t<double> finalState;
};

py::dict columnsOf(const TimeSeriesTable& table) {
  py::dict columns;
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    std::vector<double> column(table.rows.size());
    for (std::size_t r = 0; r < table.rows.size(); ++r) column[r] = table.rows[r][c];
    columns[py::str(table.columns[c].name)] = ownedArray(std::move(column));
  }
  return columns;
}

py::dict psdOf(const PsdHistory& h) {
  py::dict psd;
  if (h.times.empty()) return psd;
  psd["faces"] = ownedArray(std::vector<double>(h.faces));
  psd["pivots"] = ownedArray(std::vector<double>(h.pivots));
  psd["times"] = ownedArray(std::vector<double>(h.times));
  std::vector<double> number;
  number.reserve(h.times.size() * h.pivots.size());
  for (const auto& row : h.number) number.insert(number.end(), row.begin(), row.end());
  // As psd.csv: number per unit size [1/m^4] (number / dL); `number` is per class [1/m^3], as
  // the ParaView pieces' number_per_class.
  std::vector<double> density(number.size());
  for (std::size_t t = 0; t < h.times.size(); ++t)
    for (std::size_t i = 0; i < h.pivots.size(); ++i)
      density[t * h.pivots.size() + i] =
          number[t * h.pivots.size() + i] / (h.faces[i + 1] - h.faces[i]);
  psd["number"] = ownedArray(std::move(number), h.times.size(), h.pivots.size());
  psd["number_density"] = ownedArray(std::move(density), h.times.size(), h.pivots.size());
  return psd;
}

// A model in space: its profiles along the axis at each output time, as profiles.csv and
// axial.pvd hold them.
py::dict axialOf(const AxialGrid& grid, const AxialHistory& h, const PsdHistory& classes) {
  py::dict axial;
  if (grid.positions.empty() || h.times.empty()) return axial;
  const std::size_t nt = h.times.size(), nz = grid.positions.size(), nc = grid.columns.size();
  axial["positions"] = ownedArray(std::vector<double>(grid.positions));
  axial["times"] = ownedArray(std::vector<double>(h.times));
  py::dict profiles, units;
  for (std::size_t c = 0; c < nc; ++c) {
    std::vector<double> values(nt * nz);
    for (std::size_t t = 0; t < nt; ++t)
      for (std::size_t z = 0; z < nz; ++z) values[t * nz + z] = h.values[t][z * nc + c];
    profiles[py::str(grid.columns[c].name)] = ownedArray(std::move(values), nt, nz);
    units[py::str(grid.columns[c].name)] = grid.columns[c].unit;
  }
  axial["profiles"] = profiles;
  axial["units"] = units;
  if (!classes.pivots.empty() && !h.numberDensity.empty() && !h.numberDensity[0].empty()) {
    std::vector<double> density;
    density.reserve(nt * nz * classes.pivots.size());
    for (const auto& row : h.numberDensity) density.insert(density.end(), row.begin(), row.end());
    axial["pivots"] = ownedArray(std::vector<double>(classes.pivots));
    axial["number_density"] = ownedArray(std::move(density), std::vector<std::size_t>{nt, nz, classes.pivots.size()});
  }
  return axial;
}

py::dict solverOf(const SolverReport& report) {
  const SolverStatistics& st = report.statistics;
  py::dict solver;
  solver["method"] = report.method;
  solver["flag"] = report.flagName;
  solver["message"] = report.message;
  solver["time_reached"] = report.timeReached;
  solver["steps"] = st.steps;
  solver["rhs_evaluations"] = st.rhsEvaluations;
  solver["integration_wall_time"] = st.wallTime;
  py::list events;
  for (const SolverEvent& e : report.events) events.append(py::make_tuple(e.time, e.what));
  solver["events"] = events;
  solver["ended_by_event"] = report.endedByEvent;
  return solver;
}

Results resultsOf(const CaseOutcome& outcome, const Process& process) {
  Results r;
  const RunSummary& s = outcome.summary;
  r.status = !s.complete ? "incomplete" : s.suspect() ? "suspect" : "complete";
  for (const SelfCheck& c : s.checks) {
    py::dict check;
    check["passed"] = !c.failed();
    check["value"] = c.value;
    check["threshold"] = c.threshold;
    check["unit"] = c.unit;
    check["doc"] = c.meaning;
    r.checks[py::str(c.name)] = check;
  }
  if (!s.toolSettings.chosen.empty()) {
    py::dict chosen;
    for (const ToolSetting& t : s.toolSettings.chosen) chosen[py::str(t.key)] = t.value;
    r.toolSettings["chosen"] = chosen;
    r.toolSettings["runs"] = s.toolSettings.runs;
    r.toolSettings["settled"] = s.toolSettings.settled;
    r.toolSettings["reruns"] = s.toolSettings.reruns;
  }
  for (const Metric& m : s.metrics) {
    r.metrics[py::str(m.name)] = m.value;
    r.units[py::str(m.name)] = m.unit;
  }
  r.timeseries = columnsOf(outcome.results->series());
  if (!outcome.results->sensitivities().rows.empty())
    r.sensitivities = columnsOf(outcome.results->sensitivities());
  r.psd = psdOf(outcome.results->psd());
  r.axial = axialOf(process.axialGrid(), outcome.results->axial(), outcome.results->psd());
  r.solver = solverOf(s.solver);
  r.finalState = ownedArray(std::vector<double>(outcome.results->lastState()));
  return r;
}

// The stop check of a run from Python: Ctrl-C (Python's SIGINT handler, run by
// PyErr_CheckSignals, which needs the GIL: asked at most every 50 ms) and `max_time`.
class PythonStopCheck {
 public:
  explicit PythonStopCheck(std::optional<double> maxTime)
      : m_start(std::chrono::steady_clock::now()), m_maxTime(maxTime) {}

  std::string operator()() {
    if (!m_reason.empty()) return m_reason;
    const auto now = std::chrono::steady_clock::now();
    if (m_maxTime && std::chrono::duration<double>(now - m_start).count() > *m_maxTime)
      return m_reason = "max_time " + formatNumber(*m_maxTime) + " s reached";
    if (now < m_nextSignalCheck) return {};
    m_nextSignalCheck = now + std::chrono::milliseconds(50);
    py::gil_scoped_acquire gil;
    if (PyErr_CheckSignals() != 0) {  // the handler raised (KeyboardInterrupt): kept pending
      m_raised = true;
      m_reason = "interrupted (KeyboardInterrupt)";
    }
    return m_reason;
  }
  /// True when a signal handler raised; its exception is pending (with the GIL held).
  bool raised() const { return m_raised; }

 private:
  std::chrono::steady_clock::time_point m_start, m_nextSignalCheck{};
  std::optional<double> m_maxTime;
  std::string m_reason;
  bool m_raised = false;
};

// The exception a signal handler raised during a run, taken out of the error indicator (the
// results are converted with no exception pending) and raised again with the partial results
// attached (`exception.results`, status 'incomplete').
class PendingException {
 public:
  PendingException() {
    PyErr_Fetch(&m_type, &m_value, &m_traceback);
    PyErr_NormalizeException(&m_type, &m_value, &m_traceback);
  }
  [[noreturn]] void raiseWith(const Results& results) {
    if (m_value != nullptr) PyObject_SetAttrString(m_value, "results", py::cast(results).ptr());
    PyErr_Restore(m_type, m_value, m_traceback);  // steals the references
    throw py::error_already_set();
  }

 private:
  PyObject *m_type = nullptr, *m_value = nullptr, *m_traceback = nullptr;
};

py::list layoutOf(const StateLayout& layout) {
  py::list blocks;
  for (const StateBlock& b : layout.blocks()) {
    py::dict block;
    block["name"] = b.name;
    block["offset"] = b.offset;
    block["size"] = b.size;
    block["unit"] = b.unit;
    block["scale"] = b.scale;
    block["components"] = b.componentNames;
    block["algebraic"] = b.role.algebraic;
    block["non_negative"] = b.role.nonNegative;
    block["accumulator"] = b.role.accumulator;
    blocks.append(block);
  }
  return blocks;
}

py::dict parametersOf(const ParameterRegistry& registry) {
  py::dict parameters;
  for (const ModelParameter& p : registry.all()) {
    py::dict entry;
    entry["value"] = p.get();
    entry["unit"] = p.unit;
    entry["scale"] = p.scale;
    entry["doc"] = p.doc;
    parameters[py::str(p.name)] = entry;
  }
  return parameters;
}

std::shared_ptr<LoadedCase> loaded(LoadedCase&& c) {
  return std::make_shared<LoadedCase>(std::move(c));
}

}  // namespace

void bindCase(py::module_& m) {
  py::class_<Results>(m, "Results",
                      "The results of one run. Arrays are numpy arrays in SI units that own "
                      "their data.")
      .def_readonly("status", &Results::status,
                    "'complete', 'suspect' (a self-check failed) or 'incomplete' (solver failure)")
      .def_readonly("checks", &Results::checks,
                    "self-check name -> passed, value, threshold, unit, doc")
      .def_readonly("tool_settings", &Results::toolSettings,
                    "when the case left its size grid or number scale to the tool: chosen "
                    "(key -> SI value), runs, settled, reruns (as summary.json)")
      .def_readonly("metrics", &Results::metrics, "name -> value of the final state (SI)")
      .def_readonly("units", &Results::units, "name -> SI unit of each metric")
      .def_readonly("timeseries", &Results::timeseries,
                    "column -> array over the output times (the columns of timeseries.csv)")
      .def_readonly("psd", &Results::psd,
                    "faces, pivots [m], times [s], number[time, class] per class [1/m^3] (as "
                    "the ParaView pieces' number_per_class), number_density[time, class] per "
                    "unit size [1/m^4] (as psd.csv); empty without a size distribution")
      .def_readonly("axial", &Results::axial,
                    "a model in space (a tube): positions [m] of the cells, times [s], "
                    "profiles (column -> array[time, cell], as profiles.csv), units (column -> "
                    "unit), and with a size distribution pivots [m] and number_density[time, "
                    "cell, class] [1/m^4]; empty otherwise")
      .def_readonly("sensitivities", &Results::sensitivities,
                    "'d(column)/d(parameter)' -> array (with solver.sensitivities)")
      .def_readonly("solver", &Results::solver,
                    "method, flag, message, time_reached, steps, events, ...")
      .def_readonly("final_state", &Results::finalState, "the last state vector (see layout)")
      .def("__getitem__",
           [](const Results& r, const std::string& key) -> py::object {
             if (key == "status") return py::str(r.status);
             if (key == "metrics") return r.metrics;
             if (key == "units") return r.units;
             if (key == "timeseries") return r.timeseries;
             if (key == "psd") return r.psd;
             if (key == "axial") return r.axial;
             if (key == "sensitivities") return r.sensitivities;
             if (key == "solver") return r.solver;
             throw py::key_error(key);
           })
      .def("__repr__", [](const Results& r) {
        return "<proscale.Results " + r.status + ", " + std::to_string(py::len(r.metrics)) +
               " metrics>";
      });

  py::class_<LoadedCase, std::shared_ptr<LoadedCase>>(
      m, "Case",
      "A case loaded once: validated, its model and solver built. Run it as often as wanted; "
      "set_parameter changes a model parameter between runs.")
      .def(py::init([](const std::string& file, const py::object& set) {
             return loaded(LoadedCase::load(file, overridesFrom(set)));
           }),
           py::arg("case_file"), py::arg("set") = py::none(),
           "Load a case file; `set` overrides keys with typed values "
           "({'reactor.temperature': '40 degC', 'population.classes': 100}).")
      .def_static(
          "from_yaml",
          [](const std::string& text, const py::object& set, const std::string& name) {
            return loaded(
                LoadedCase::fromDocument(CaseDocument::fromString(text, name, overridesFrom(set))));
          },
          py::arg("text"), py::arg("set") = py::none(), py::arg("name") = "<yaml>",
          "Load a case from YAML text (errors are located in `name`).")
      .def_static(
          "from_dict",
          [](const py::dict& d, const py::object& set, const std::string& name) {
            return loaded(LoadedCase::fromDocument(
                CaseDocument::fromString(yamlText(d, "case"), name, overridesFrom(set))));
          },
          py::arg("case"), py::arg("set") = py::none(), py::arg("name") = "<dict>",
          "Load a case from a dict shaped like the YAML file (values typed or with units as "
          "strings: {'reactor': {'temperature': '25 degC'}}).")
      .def_property_readonly("model", [](const LoadedCase& c) { return c.modelType; })
      .def_property_readonly("name", [](const LoadedCase& c) { return c.params.string("name"); })
      .def_property_readonly("file", [](const LoadedCase& c) { return c.file; })
      .def_property_readonly("solver_method", [](const LoadedCase& c) { return c.solver->method(); })
      .def_property_readonly(
          "output_times", [](const LoadedCase& c) { return ownedArray(std::vector<double>(c.times)); },
          "the output times [s]")
      .def_property_readonly(
          "layout", [](LoadedCase& c) { return layoutOf(c.process->system().layout()); },
          "the state vector's blocks: name, offset, size, unit, scale, components, roles")
      .def_property_readonly(
          "parameters", [](LoadedCase& c) { return parametersOf(c.process->system().parameters()); },
          "name -> value (SI), unit, scale, doc: the model's parameters")
      .def(
          "set_parameter",
          [](LoadedCase& c, const std::string& name, double value) {
            ParameterRegistry& registry = c.process->system().parameters();
            if (!registry.has(name)) throw py::key_error("no parameter '" + name + "'");
            registry.set(name, value);
          },
          py::arg("name"), py::arg("value"),
          "Set a model parameter (SI value) for the following runs.")
      .def(
          "initial_state",
          [](LoadedCase& c) {
            std::vector<double> y(c.process->system().size());
            c.process->system().initialState(y);
            return ownedArray(std::move(y));
          },
          "the initial state vector (see layout)")
      .def(
          "run",
          [](LoadedCase& c, std::optional<double> maxTime) {
            if (maxTime && !(*maxTime > 0))
              throw py::value_error("max_time must be a positive number of seconds");
            CaseOutcome outcome;
            auto check = std::make_shared<PythonStopCheck>(maxTime);
            {
              py::gil_scoped_release release;
              outcome = simulate(c, 0.0, nullptr, [check] { return (*check)(); });
            }
            if (check->raised()) {
              PendingException interrupt;
              interrupt.raiseWith(resultsOf(outcome, *c.process));
            }
            return resultsOf(outcome, *c.process);
          },
          py::arg("max_time") = py::none(),
          "Simulate; a solver failure gives status 'incomplete' (partial results), not an "
          "exception. `max_time` (s of wall time) stops the run there, status 'incomplete'. "
          "Ctrl-C stops it at the next step and raises KeyboardInterrupt with the partial "
          "results (status 'incomplete') as its `results` attribute.");
}

}  // namespace proscale::python
