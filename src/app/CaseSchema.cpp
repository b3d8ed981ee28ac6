#include "app/CaseSchema.h"

#include <cmath>

#include <algorithm>

#include "core/NumberFormat.h"

#include "app/DispersionStudy.h"
#include "app/InverseDesign.h"
#include "app/ParameterSweep.h"
#include "app/ScaleUpStudy.h"
#include "app/SensitivityStudy.h"
#include "models/ProcessModels.h"
#include "solvers/SolverFactory.h"

namespace proscale {
namespace {
/// `spacing` defaults to logarithmic for precipitation, whose nucleation burst comes in the
/// first thousandth of a run (a linear default put the first output after it), and to linear
/// for prescribed rates.
SchemaPtr outputSchema(const std::string& defaultSpacing, bool endTimeFromModel) {
  auto s = std::make_shared<Schema>("output", "When to report and what to write.");
  if (endTimeFromModel)
    s->add(ParamSpec::real("end-time", dim::time,
                           "Not given: the model sets the simulated time span (the pipe's "
                           "residence time).")
               .unit("s")
               .above(0));
  else
    s->add(ParamSpec::real("end-time", dim::time, "Simulated time span, from t = 0.")
               .unit("min")
               .isRequired()
               .above(0));
  s->add(ParamSpec::integer("count", "Number of output times including t = 0.")
             .defaultsTo("101")
             .atLeast(2));
  s->add(ParamSpec::choice("spacing", {"linear", "logarithmic"},
                           "Spacing of the output times after t = 0 (default: logarithmic for "
                           "batch-precipitation, which resolves the nucleation burst; linear "
                           "for population-balance).")
             .defaultsTo(defaultSpacing));
  s->add(ParamSpec::real("first-time", dim::time,
                         "First output time after t = 0; the others follow it up to end-time, "
                         "spaced as `spacing` says (default: end-time / 10^4 for logarithmic, "
                         "end-time / (count - 1) for linear spacing).")
             .unit("s")
             .above(0));
  s->add(ParamSpec::boolean("vtk", "Write ParaView files: the PSD per output time (psd.pvd), "
                                  "the PSD as a size x time image (psd_map.vtr) and the time "
                                  "series as curves (timeseries.vtr).")
             .defaultsTo("true"));
  return s;
}
}  // namespace

std::vector<std::string> processModelNames() {
  std::vector<std::string> names;
  for (const auto& [name, entry] : processModels()) names.push_back(name);
  return names;
}

std::vector<std::string> caseModelNames() {
  std::vector<std::string> names = processModelNames();
  names.emplace_back(kScaleUpStudyModel);
  names.emplace_back(kParameterSweepModel);
  names.emplace_back(kInverseDesignModel);
  names.emplace_back(kSensitivityModel);
  names.emplace_back(kDispersionModel);
  std::sort(names.begin(), names.end());
  return names;
}

bool isStudyModel(const std::string& model) {
  return model == kScaleUpStudyModel || model == kParameterSweepModel || model == kInverseDesignModel ||
         model == kSensitivityModel || model == kDispersionModel;
}

SchemaPtr caseSchema(const std::string& modelType) {
  const auto& entry = processModels().at(modelType);
  auto s = std::make_shared<Schema>(modelType, entry.doc);
  s->add(ParamSpec::string("model", "Process model: " + modelType + ".").isRequired());
  s->add(ParamSpec::string("name", "Short name of the case (used in outputs).").defaultsTo("case"));
  s->add(ParamSpec::string("description", "What the case is and where its numbers come from.")
             .defaultsTo(""));
  for (auto& spec : entry.sections()) s->add(std::move(spec));
  s->add(ParamSpec::section("solver", solverSchema(), "The solver: time integration or steady state."));
  const bool fromPipe = modelType == "hydrothermal-flow";
  const std::string spacing =
      modelType == "batch-precipitation" || fromPipe ? "logarithmic" : "linear";
  s->add(ParamSpec::section("output", outputSchema(spacing, fromPipe), "Output times and files.")
             .isRequired());
  return s;
}

std::vector<double> outputTimes(const Parameters& output, std::optional<double> modelEnd) {
  if (modelEnd && output.has("end-time"))
    throw output.error("end-time", "the model sets the end time (" + formatNumber(*modelEnd) +
                                       " s, the pipe's residence time): leave end-time out");
  const double end = modelEnd ? *modelEnd : output.real("end-time");
  const auto count = static_cast<std::size_t>(output.integer("count"));
  const bool linear = output.string("spacing") == "linear";
  const bool given = output.has("first-time");
  // t_1; then linear: t_i = t_1 + (end - t_1)(i - 1)/(count - 2), which is end * i/(count - 1)
  // for the default t_1; logarithmic: t_i = t_1 (end/t_1)^((i - 1)/(count - 2)).
  const double first = given ? output.real("first-time")
                       : linear ? end / static_cast<double>(count - 1)
                                : end * 1e-4;
  if (given && !(first < end)) throw output.error("first-time", "must be smaller than end-time");
  std::vector<double> times(count, 0.0);
  for (std::size_t i = 1; i < count; ++i) {
    const double fraction = count == 2 ? 1.0
                                       : static_cast<double>(i - 1) / static_cast<double>(count - 2);
    times[i] = linear ? first + (end - first) * fraction : first * std::pow(end / first, fraction);
  }
  times.back() = end;
  // Times closer than a double resolves (first-time = 59.99999999999999 s before 60 s) would
  // coincide: the integrator needs them strictly ascending.
  for (std::size_t i = 1; i < count; ++i)
    if (!(times[i] > times[i - 1]))
      throw output.error(given ? "first-time" : "count",
                         std::to_string(count) + " output times between " +
                             (given ? "first-time" : "t = 0") +
                             " and end-time are not distinct in double precision: take fewer "
                             "times or a wider span");
  return times;
}

}  // namespace proscale
