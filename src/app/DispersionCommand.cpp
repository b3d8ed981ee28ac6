// `check`, `outputs`, `run` and `describe` of a dispersion case (DispersionCommand.h).
#include "app/DispersionCommand.h"

#include <chrono>
#include <cmath>
#include <filesystem>
#include <iomanip>
#include <ostream>
#include <sstream>

#include "app/ChartRenderer.h"
#include "app/DispersionStudy.h"
#include "app/RunCommand.h"
#include "app/StudySupport.h"
#include "core/Errors.h"
#include "core/NumberFormat.h"
#include "core/Version.h"
#include "output/CsvWriter.h"
#include "output/JsonWriter.h"

namespace proscale {
namespace {

constexpr double kCelsius = 273.15;

const char* const kDispersionOutputs =
    "# Outputs of a dispersion case\n\n"
    "| file | what |\n|---|---|\n"
    "| `ranking.csv` | one row per solvent, best dispersing first (B2/B2_HS descending): rank, "
    "solvent, flag (unsourced, suspect, the table's note), its Hansen parameters and molar "
    "volume, R_a, RED, chi, b2_reduced = B2/B2_HS of the core + shell particle, the cores' Fuchs "
    "stability ratio W, and the phase state (stable, metastable, unstable) at the case's "
    "temperature and volume fraction |\n"
    "| `phase_diagram.csv` | in the diagram's solvent, per temperature [K]: chi, b2_reduced, the "
    "attraction alpha = 4 (1 - B2*), spinodal_low/high and binodal_low/high (volume fractions "
    "of the effective particles; empty above the critical temperature) and the phase state at "
    "the case's volume fraction |\n"
    "| `phase_diagram.png`, `.svg` | binodal and spinodal over volume fraction (x) and "
    "temperature (y), the critical point and the case's condition marked |\n"
    "| `summary.json` | status, the best and worst solvent, A_132 and its origin, the diagram's "
    "solvent, range and critical temperature [K] (null without a crossing, with why), flags |\n\n"
    "docs/theory/pseudo-molecules.md, section 8, describes the case.\n";

std::string cell(double x) { return std::isnan(x) ? std::string() : formatShortest(x); }

const HansenSolvent& solventNamed(const DispersionStudy& s, const std::string& name) {
  for (const HansenSolvent& x : s.solvents)
    if (x.name == name) return x;
  throw std::logic_error("dispersion: ranked solvent '" + name + "' is not in the list");
}

std::string rankingCsv(const DispersionStudy& s, const DispersionOutcome& o) {
  std::ostringstream t;
  t << "rank,solvent,flag,delta_d [MPa^0.5],delta_p [MPa^0.5],delta_h [MPa^0.5],"
       "molar_volume [m^3/mol],hansen_distance [MPa^0.5],red [-],chi [-],b2_reduced [-],"
       "stability_ratio [-],phase_state\n";
  for (std::size_t i = 0; i < o.ranking.size(); ++i) {
    const SolventRankingRow& r = o.ranking[i];
    const HansenSolvent& x = solventNamed(s, r.solvent);
    t << i + 1 << ',' << csvField(r.solvent) << ',' << csvField(r.flag);
    for (double v : {x.parameters.dispersion, x.parameters.polar, x.parameters.hydrogenBonding,
                     x.molarVolume, r.hansenDistance, r.red, r.chi, r.reducedB2, r.stabilityRatio})
      t << ',' << cell(v);
    t << ',' << toString(r.state) << '\n';
  }
  return t.str();
}

std::string diagramCsv(const DispersionStudy& s, const DispersionOutcome& o) {
  std::ostringstream t;
  t << "temperature [K],chi [-],b2_reduced [-],attraction [-],spinodal_low [-],spinodal_high [-],"
       "binodal_low [-],binodal_high [-],phase_state\n";
  for (const PhaseDiagramRow& r : o.diagram) {
    t << cell(r.temperature);
    for (double v : {r.chi, r.reducedB2, r.attraction, r.boundary.spinodalLow, r.boundary.spinodalHigh,
                     r.boundary.binodalLow, r.boundary.binodalHigh})
      t << ',' << cell(v);
    t << ',' << toString(phaseState(r.boundary, s.volumeFraction)) << '\n';
  }
  return t.str();
}

// Why there is no critical temperature, or "".
std::string noCriticalReason(const DispersionStudy& s, const DispersionOutcome& o) {
  if (std::isfinite(o.criticalTemperature)) return "";
  const auto [lo, hi] = std::minmax(o.diagram.front().reducedB2, o.diagram.back().reducedB2);
  const std::string range = formatNumber(s.diagramTemperatures.front() - kCelsius, 4) + " to " +
                            formatNumber(s.diagramTemperatures.back() - kCelsius, 4) + " degC";
  const std::string b2 = "B2* from " + formatNumber(lo, 3) + " to " + formatNumber(hi, 3) +
                         ", critical " + formatNumber(csVdwCriticalPoint().reducedB2, 3);
  return o.onePhaseThroughout ? "one phase from " + range + " (" + b2 + "): any critical "
                                                                      "temperature lies below the range"
                              : "two phases from " + range + " (" + b2 + "): the critical "
                                                                       "temperature lies above the range";
}

std::string chartSpec(const DispersionStudy& s, const DispersionOutcome& o,
                      const std::vector<std::filesystem::path>& outputs) {
  std::ostringstream text;
  JsonWriter json(text);
  json.beginObject();
  json.member("title", s.name + ": " + s.particle.shell.name + " shell, " +
                           formatNumber(s.particle.coreRadius * 1e9, 3) + " nm core, in " +
                           o.diagramSolvent.name);
  json.key("temperatures").beginArray();
  for (const PhaseDiagramRow& r : o.diagram) json.value(r.temperature - kCelsius);
  json.endArray();
  for (const auto& [key, pick] :
       {std::pair<const char*, double PhaseBoundary::*>{"spinodal_low", &PhaseBoundary::spinodalLow},
        {"spinodal_high", &PhaseBoundary::spinodalHigh},
        {"binodal_low", &PhaseBoundary::binodalLow},
        {"binodal_high", &PhaseBoundary::binodalHigh}}) {
    json.key(key).beginArray();
    for (const PhaseDiagramRow& r : o.diagram) json.value(r.boundary.*pick);
    json.endArray();
  }
  json.key("condition").beginObject();
  json.member("phi", s.volumeFraction);
  json.member("T", s.temperature - kCelsius);
  json.endObject();
  json.member("critical_T", o.criticalTemperature - kCelsius);  // null when NaN
  json.member("critical_phi", csVdwCriticalPoint().phi);
  json.member("note", noCriticalReason(s, o));
  endRendererSpec(json, outputs);
  return text.str();
}

std::string summaryJson(const DispersionStudy& s, const DispersionOutcome& o, const std::string& runId,
                        double seconds) {
  std::ostringstream text;
  JsonWriter json(text);
  json.beginObject();
  json.member("status", "complete");
  json.key("case").beginObject();
  json.member("file", s.file);
  json.member("name", s.name);
  json.member("model", kDispersionModel);
  json.endObject();
  json.member("proscale_version", kVersion);
  json.member("run_id", runId);
  json.member("best_solvent", o.ranking.front().solvent);
  json.member("worst_solvent", o.ranking.back().solvent);
  json.member("temperature", s.temperature);
  json.member("volume_fraction", s.volumeFraction);
  json.member("hamaker_constant", s.particle.hamakerConstant);
  json.member("hamaker_origin", s.hamakerOrigin);
  json.member("ligand_hansen_source", s.particle.shell.source.empty() ? "unsourced" : s.particle.shell.source);
  json.key("phase_diagram").beginObject();
  json.member("solvent", o.diagramSolvent.name);
  json.member("from", s.diagramTemperatures.front());
  json.member("to", s.diagramTemperatures.back());
  json.member("critical_volume_fraction", csVdwCriticalPoint().phi);
  json.member("critical_reduced_b2", csVdwCriticalPoint().reducedB2);
  json.member("note", noCriticalReason(s, o));
  json.endObject();
  json.member("critical_temperature", o.criticalTemperature);
  json.key("flags").beginArray();
  for (const std::string& f : s.flags) json.value(f);
  json.endArray();
  json.member("run_wall_time_s", seconds);
  json.endObject();
  json.finish();
  return text.str();
}

std::string shortNumber(double x) {
  if (std::isinf(x)) return x > 0 ? "inf" : "-inf";
  return formatNumber(x, 3);
}

void printStudy(const DispersionStudy& s, const DispersionOutcome& o, std::ostream& out) {
  const DispersionParticle& p = s.particle;
  out << s.name << ": " << p.shell.name << " shell (" << formatNumber(p.shell.thickness * 1e9, 3)
      << " nm, " << formatNumber(p.shell.graftingDensity * 1e-18, 3) << " /nm^2, phi_s "
      << formatNumber(shellSegmentFraction(p), 3) << ", contact gap "
      << formatNumber(contactGap(p) * 1e9, 3) << " nm) on a " << formatNumber(p.coreRadius * 1e9, 3)
      << " nm core, A_132 " << formatNumber(p.hamakerConstant, 3) << " J; at "
      << formatNumber(s.temperature - kCelsius, 4) << " degC, phi " << formatNumber(s.volumeFraction, 3)
      << "\n  rank  solvent                 R_a    RED    chi   B2/B2_HS          W  state\n";
  for (std::size_t i = 0; i < o.ranking.size(); ++i) {
    const SolventRankingRow& r = o.ranking[i];
    out << "  " << std::right << std::setw(4) << i + 1 << "  " << std::left << std::setw(20) << r.solvent
        << std::right << ' ' << std::setw(6) << shortNumber(r.hansenDistance) << ' ' << std::setw(6)
        << shortNumber(r.red) << ' ' << std::setw(6) << shortNumber(r.chi) << ' ' << std::setw(10)
        << shortNumber(r.reducedB2) << ' ' << std::setw(10) << shortNumber(r.stabilityRatio) << "  "
        << toString(r.state)
        << (r.flag.empty() ? "" : "  [" + r.flag + "]") << "\n";
  }
  out << "phase diagram in " << o.diagramSolvent.name << ": ";
  if (std::isfinite(o.criticalTemperature))
    out << "critical temperature " << formatNumber(o.criticalTemperature - kCelsius, 4)
        << " degC (phi_c " << formatNumber(csVdwCriticalPoint().phi, 3)
        << "; below it the dispersion can separate into a dilute and a dense phase)\n";
  else
    out << noCriticalReason(s, o) << "\n";
  for (const std::string& f : s.flags) out << "flag: " << f << "\n";
}

DispersionOutcome computed(const DispersionStudy& s, const Parameters& root) {
  try {
    return runDispersionStudy(s);
  } catch (const RecoverableError& e) {
    const Parameters& diagram = root.section("phase-diagram");
    throw diagram.error(diagram.has("solvent") ? "solvent" : "from", e.what());
  }
}

}  // namespace

int runDispersion(const CommandLine& cl, const CaseDocument& document, std::ostream& out) {
  const auto start = std::chrono::steady_clock::now();
  const Parameters root = document.validate(*dispersionSchema());
  if (cl.verb == "outputs") {
    out << kDispersionOutputs;
    return kSuccess;
  }
  const DispersionStudy study = DispersionStudy::fromParameters(root, cl.caseFile);
  // The tables take well under a second: `check` computes them too, so that it finds what
  // only the computation can (a diagram solvent whose well is beyond B2's range).
  const DispersionOutcome outcome = computed(study, root);
  if (cl.verb == "check") {
    out << cl.caseFile << ": OK (" << kDispersionModel << ", " << study.solvents.size()
        << " solvents, " << study.diagramTemperatures.size() << " diagram temperatures)\n";
    return kSuccess;
  }
  OutputDirectory dir = claimStudyDirectory(cl);
  writeStudyFile(dir, "ranking.csv", rankingCsv(study, outcome));
  writeStudyFile(dir, "phase_diagram.csv", diagramCsv(study, outcome));
  writeStudyFile(dir, "phase_diagram.json",
                 chartSpec(study, outcome, {dir.path("phase_diagram.png"), dir.path("phase_diagram.svg")}));
  const std::string chartProblem = renderChart(dir.path("phase_diagram.json"), "phase_diagram.py");
  writeStudyFile(dir, "summary.json", summaryJson(study, outcome, dir.runId(), secondsSince(start)));
  if (!cl.quiet) {
    printStudy(study, outcome, out);
    out << "proscale: results in " << dir.root().string()
        << "/ (ranking.csv, phase_diagram.csv, phase_diagram.png, phase_diagram.svg, summary.json)\n";
  }
  if (!chartProblem.empty()) {
    out << "proscale: the phase diagram could not be drawn: " << chartProblem << "\n";
    return kInternalError;
  }
  return kSuccess;
}

int describeDispersion(const std::string& caseFile, std::ostream& out) {
  const CaseDocument document = CaseDocument::load(caseFile);
  document.modelType({kDispersionModel});
  const Parameters root = document.validate(*dispersionSchema());
  const DispersionStudy study = DispersionStudy::fromParameters(root, caseFile);
  printStudy(study, computed(study, root), out);
  return kSuccess;
}

}  // namespace proscale
