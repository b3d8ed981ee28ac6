#include "app/OutputsReference.h"

#include <sstream>
#include <vector>

namespace proscale {
namespace {

std::string unitOf(const std::string& unit) { return unit.empty() || unit == "1" ? "-" : unit; }

// A Markdown table cell: '|' escaped.
std::string cell(const std::string& text) {
  std::string out;
  for (char ch : text) {
    if (ch == '|') out += '\\';
    out += ch;
  }
  return out;
}

}  // namespace

std::string outputsReferenceMarkdown(LoadedCase& c) {
  std::ostringstream out;
  const Process& process = *c.process;
  std::vector<double> y0(c.process->system().size());
  c.process->system().initialState(y0);
  out << "## `" << c.file << "` (" << c.modelType << ")\n\n";
  out << "### timeseries.csv\n\n| column | unit | meaning |\n|---|---|---|\n";
  for (const SeriesColumn& col : process.seriesColumns())
    out << "| `" << col.name << "` | " << unitOf(col.unit) << " | " << cell(col.doc) << " |\n";
  out << "\n### summary.json metrics\n\n| metric | unit | meaning |\n|---|---|---|\n";
  for (const Metric& m : process.metrics(c.times.front(), y0))
    out << "| `" << m.name << "` | " << unitOf(m.unit) << " | " << cell(m.doc)
        << (m.fromHistory ? " (from the run's budgets; left out of a steady state)" : "")
        << " |\n";
  out << "\n### summary.json checks\n\n| check | unit | threshold | meaning |\n|---|---|---|---|\n";
  std::vector<SelfCheck> checks = process.selfChecks(c.times.front(), y0);
  if (!process.settingsAdvice(c.times.front(), y0).used.empty())
    checks.push_back(toolSettingsCheck(ToolSettingsRecord{}));
  if (!process.refinement().changes.empty()) checks.push_back(refinementCheck(0.0));
  for (const SelfCheck& s : checks)
    out << "| `" << s.name << "` | " << unitOf(s.unit) << " | " << s.threshold << " | "
        << cell(s.meaning) << " |\n";
  return out.str();
}

}  // namespace proscale
