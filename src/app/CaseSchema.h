#pragma once
// The whole case file's schema: the keys every case has (name, description, model, solver,
// output) plus the sections of the chosen process model.
#include <optional>
#include <string>
#include <vector>

#include "core/Parameters.h"
#include "core/Schema.h"

namespace proscale {

/// Schema of a case whose `model:` is `modelType` (a key of processModels()).
SchemaPtr caseSchema(const std::string& modelType);

/// Names of the registered process models.
std::vector<std::string> processModelNames();
/// What a case file's `model:` may name: the process models and the studies that run them
/// (`scale-up-study`, app/ScaleUpStudy.h), sorted.
std::vector<std::string> caseModelNames();
/// A study (scale-up, sweep, inverse design, sensitivity): a case that runs process cases.
bool isStudyModel(const std::string& model);

/// The output times of the `output:` section, t = 0 first.
std::vector<double> outputTimes(const Parameters& output,
                                std::optional<double> modelEnd = std::nullopt);

}  // namespace proscale
