#pragma once
// The key reference of a model, generated from its Schema (docs/reference/*.md).
#include <string>

#include "core/Schema.h"

namespace proscale {

/// Markdown: a title, the schema's doc, then one table per mapping (top level first, nested
/// sections after in declaration order) listing each key's type, unit, default, allowed
/// values or range, and doc string.
std::string schemaReferenceMarkdown(const Schema& root, const std::string& title);

}  // namespace proscale
