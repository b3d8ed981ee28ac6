// The generated key reference lists every key with its unit, default and doc.
#include <catch2/catch.hpp>

#include "TestSchema.h"
#include "case/ReferenceDocs.h"

using namespace proscale;
using namespace proscale::test;

namespace {
/// Every spec reachable from `s`, depth first.
void collect(const Schema& s, std::vector<const ParamSpec*>& out) {
  for (const auto& p : s.params()) {
    out.push_back(&p);
    if (p.sectionSchema) collect(*p.sectionSchema, out);
    if (p.family)
      for (const auto& [name, variant] : p.family->variants) collect(*variant, out);
  }
}
}  // namespace

TEST_CASE("the reference contains every key, unit, default and doc", "[unit]") {
  const SchemaPtr schema = caseSchema();
  const std::string md = schemaReferenceMarkdown(*schema, "Batch precipitation");
  CHECK(md.rfind("# Batch precipitation\n", 0) == 0);
  std::vector<const ParamSpec*> specs;
  collect(*schema, specs);
  CHECK(specs.size() == 26);
  for (const ParamSpec* p : specs) {
    INFO(p->key);
    CHECK(md.find("| `" + p->key + "` |") != std::string::npos);
    CHECK(md.find(p->doc) != std::string::npos);
    if (!p->unitHint.empty()) CHECK(md.find("`" + p->unitHint + "`") != std::string::npos);
    if (p->defaultText) CHECK(md.find("`" + *p->defaultText + "`") != std::string::npos);
  }
}

TEST_CASE("the reference describes rows and nested sections", "[unit]") {
  const std::string md = schemaReferenceMarkdown(*caseSchema(), "Batch");
  CHECK(md.find("| `temperature` | number | `K` | `25 degC` | > 0 | Vessel temperature. |") != std::string::npos);
  CHECK(md.find("| `volume` | number | `L` (SI `m^3`) | **required** | > 0 | Liquid volume. |") != std::string::npos);
  CHECK(md.find("| `scheme` | choice |  | `van-leer` | `upwind`, `van-leer`, `minmod` | Flux limiter. |") != std::string::npos);
  CHECK(md.find("| `nucleation` | typed section |  | type `classical` | type: `classical`, `power-law` | Nucleation law. |") !=
        std::string::npos);
  CHECK(md.find("| `yield` | number | 1 | optional | >= 0, <= 1 | Target yield. |") != std::string::npos);
  CHECK(md.find("| `numerics` | section |  | from its defaults |  | Numerical settings. |") != std::string::npos);
  CHECK(md.find("| `output` | section |  | optional |  | Output settings. |") != std::string::npos);
  CHECK(md.find("## `reactor`\n") != std::string::npos);
  CHECK(md.find("## `solution.species.<name>`\n") != std::string::npos);
  CHECK(md.find("## `reactions[]`\n") != std::string::npos);
  CHECK(md.find("## `nucleation` with `type: power-law`\n") != std::string::npos);
  CHECK(md.find("Primary nucleation rate law.") != std::string::npos);
}

TEST_CASE("table cells escape pipes", "[unit]") {
  Schema s("s", "");
  s.add(ParamSpec::string("k", "either a | b"));
  s.add(ParamSpec::string("note", "").defaultsTo(""));
  const std::string md = schemaReferenceMarkdown(s, "T");
  CHECK(md.find("either a \\| b") != std::string::npos);
  CHECK(md.find("| `note` | text |  | empty |  |  |") != std::string::npos);
}
