#pragma once
// `proscale reference`: the case-file key reference, generated from the models' own
// declarations. docs/reference/case-files.md is this output (a test keeps them equal).
#include <string>

namespace proscale {
std::string caseReferenceMarkdown();
}
