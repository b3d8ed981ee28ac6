#pragma once
// The registry of process models: a case's top-level `model:` picks one. Each entry gives the
// case sections the model reads and builds the model from the validated case.
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/Parameters.h"
#include "core/Process.h"
#include "core/Schema.h"

namespace proscale {

struct ProcessModelEntry {
  std::string doc;
  std::function<std::vector<ParamSpec>()> sections;
  std::function<std::unique_ptr<Process>(const Parameters& root)> make;
};

/// type string -> entry. Adding a process model is one file plus one line in ProcessModels.cpp.
const std::map<std::string, ProcessModelEntry>& processModels();

}  // namespace proscale
