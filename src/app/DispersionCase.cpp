// The dispersion case (DispersionCase.h): schema, reading, the tables and the verbs.
#include "app/DispersionCase.h"

#include <chrono>
#include <cmath>
#include <iomanip>
#include <limits>
#include <sstream>
#include <stdexcept>

#include "app/ChartRenderer.h"
#include "app/RunCommand.h"
#include "app/StudySupport.h"
#include "core/Errors.h"
#include "core/NumberFormat.h"
#include "core/Version.h"
#include "models/thermo/dispersion/HansenDistance.h"
#include "output/JsonWriter.h"

namespace proscale {
namespace {

constexpr double kCelsius = 273.15;

SchemaPtr ligandSchema() {
  auto s = std::make_shared<Schema>("ligand", "The grafted ligand shell.");
  s->add(ParamSpec::string("name", "Name of the ligand (e.g. decanoic acid).").isRequired());
  s->add(ParamSpec::realList("hansen", dim::none,
                             "Hansen parameters [delta_D, delta_P, delta_H] of the ligand in "
                             "MPa^0.5 (numbers); absent for decanoic acid: the Hoftyzer-Van "
                             "Krevelen group-contribution estimate."));
  s->add(ParamSpec::string("source", "Where the Hansen parameters come from; absent: the "
                                     "summary flags them `unsourced`."));
  s->add(ParamSpec::real("interaction-radius", dim::none,
                         "Hansen interaction radius R_0 of the ligand in MPa^0.5 (RED = R_a/R_0).")
             .isRequired()
             .above(0));
  s->add(ParamSpec::real("thickness", dim::length, "Shell thickness delta (the chain length).")
             .unit("nm")
             .isRequired()
             .above(0));
  s->add(ParamSpec::real("grafting-density", dim::none / dim::area,
                         "Ligand chains per core surface area sigma.")
             .unit("1/nm^2")
             .isRequired()
             .above(0));
  s->add(ParamSpec::real("molar-volume", dim::molarVolume,
                         "Molar volume V_L of the ligand; absent for decanoic acid: Fedors' "
                         "increments.")
             .unit("cm^3/mol")
             .above(0));
  return s;
}

SchemaPtr particleSchema() {
  auto s = std::make_shared<Schema>("particle", "The surface-modified nanoparticle.");
  s->add(ParamSpec::real("core-radius", dim::length, "Radius a of the inorganic core.")
             .unit("nm")
             .isRequired()
             .above(0));
  s->add(ParamSpec::real("hamaker-constant", dim::energy,
                         "Hamaker constant A_132 of core-solvent-core (one value for every "
                         "solvent: the cores' attraction across an organic solvent varies little).")
             .unit("J")
             .isRequired()
             .atLeast(0));
  s->add(ParamSpec::section("ligand", ligandSchema(), "The ligand shell.").isRequired());
  return s;
}

SchemaPtr customSolventSchema() {
  auto s = std::make_shared<Schema>("solvent", "A solvent not in the table.");
  s->add(ParamSpec::real("molar-volume", dim::molarVolume, "Molar volume V_1.")
             .unit("cm^3/mol")
             .isRequired()
             .above(0));
  s->add(ParamSpec::realList("hansen", dim::none, "[delta_D, delta_P, delta_H] in MPa^0.5.")
             .isRequired());
  s->add(ParamSpec::string("source", "Where the parameters come from; absent: flagged `unsourced`."));
  return s;
}

SchemaPtr diagramSchema() {
  auto s = std::make_shared<Schema>("phase-diagram", "The phase diagram over temperature.");
  s->add(ParamSpec::string("solvent", "The solvent of the diagram (one of `solvents`; default: "
                                      "the best-ranked)."));
  s->add(ParamSpec::real("from", dim::temperature, "Lowest temperature.")
             .unit("degC")
             .defaultsTo("-50 degC")
             .above(0));
  s->add(ParamSpec::real("to", dim::temperature, "Highest temperature.")
             .unit("degC")
             .defaultsTo("150 degC")
             .above(0));
  s->add(ParamSpec::integer("count", "Temperatures in the table.").defaultsTo("41").atLeast(2).atMost(10000));
  return s;
}

HansenParameters triple(const Parameters& p, const std::string& key) {
  const std::vector<double>& v = p.reals(key);
  if (v.size() != 3) throw p.error(key, "give three numbers [delta_D, delta_P, delta_H] in MPa^0.5");
  for (double x : v)
    if (!(x >= 0.0) || x > 100.0)
      throw p.error(key, "each Hansen parameter lies in 0-100 MPa^0.5; got " + formatNumber(x));
  return {v[0], v[1], v[2]};
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

LigandShell readLigand(const Parameters& ligand, std::vector<std::string>& flags) {
  LigandShell shell;
  shell.name = ligand.string("name");
  const bool decanoic = lower(shell.name) == "decanoic acid";
  if (ligand.has("hansen")) {
    shell.parameters = triple(ligand, "hansen");
    shell.source = ligand.has("source") ? ligand.string("source") : "";
  } else if (decanoic) {
    shell.parameters = decanoicAcidHansenEstimate();
    shell.source = kDecanoicAcidHansenSource;
  } else {
    throw ligand.error("hansen", "the Hansen parameters of '" + shell.name +
                                     "' are needed (only decanoic acid has a built-in estimate)");
  }
  if (shell.source.empty()) flags.push_back("ligand " + shell.name + ": Hansen parameters unsourced");
  if (ligand.has("molar-volume")) shell.molarVolume = ligand.real("molar-volume");
  else if (decanoic) shell.molarVolume = decanoicAcidMolarVolumeEstimate();
  else throw ligand.error("molar-volume", "the ligand's molar volume is needed");
  shell.interactionRadius = ligand.real("interaction-radius");
  shell.thickness = ligand.real("thickness");
  shell.graftingDensity = ligand.real("grafting-density");
  return shell;
}

std::vector<HansenSolvent> readSolvents(const Parameters& root, std::vector<std::string>& flags) {
  std::vector<HansenSolvent> list;
  for (const std::string& name : root.strings("solvents")) {
    if (lower(name) == "all") {
      for (const std::string& n : hansenSolventNames()) list.push_back(hansenSolvent(n));
      continue;
    }
    try {
      list.push_back(hansenSolvent(name));
    } catch (const std::invalid_argument& e) {
      throw root.error("solvents", std::string(e.what()) + " (or describe it under custom-solvents)");
    }
  }
  if (root.has("custom-solvents")) {
    const Parameters& custom = root.section("custom-solvents");
    for (const std::string& name : custom.keys()) {
      const Parameters& s = custom.section(name);
      list.push_back(userHansenSolvent(name, s.real("molar-volume"), triple(s, "hansen"),
                                       s.has("source") ? s.string("source") : ""));
    }
  }
  if (list.empty()) throw root.error("solvents", "name at least one solvent");
  for (const HansenSolvent& s : list)
    if (s.unsourced() || s.suspect()) flags.push_back("solvent " + s.name + ": " + s.flag());
  return list;
}

std::string num(double x) { return std::isfinite(x) ? formatNumber(x, 6) : "nan"; }

std::string rankingCsv(const DispersionStudy& s) {
  std::ostringstream t;
  t << "solvent,flag,hansen_distance [MPa^0.5],red [-],chi [-],b2_reduced [-],"
       "stability_ratio [-],phase_state\n";
  for (const SolventRankingRow& r : s.ranking)
    t << r.solvent << "," << r.flag << "," << num(r.hansenDistance) << "," << num(r.red) << ","
      << num(r.chi) << "," << num(r.reducedB2) << "," << (std::isinf(r.stabilityRatio) ? "inf" : num(r.stabilityRatio))
      << "," << toString(r.state) << "\n";
  return t.str();
}

std::string diagramCsv(const DispersionStudy& s) {
  std::ostringstream t;
  t << "temperature [K],chi [-],b2_reduced [-],attraction [-],spinodal_low [-],spinodal_high [-],"
       "binodal_low [-],binodal_high [-]\n";
  for (const PhaseDiagramRow& r : s.diagram)
    t << num(r.temperature) << "," << num(r.chi) << "," << num(r.reducedB2) << "," << num(r.attraction)
      << "," << num(r.boundary.spinodalLow) << "," << num(r.boundary.spinodalHigh) << ","
      << num(r.boundary.binodalLow) << "," << num(r.boundary.binodalHigh) << "\n";
  return t.str();
}

std::string chartSpec(const DispersionStudy& s, const std::vector<std::filesystem::path>& outputs) {
  std::ostringstream text;
  JsonWriter json(text);
  json.beginObject();
  json.member("title", s.name + ": " + s.particle.shell.name + "-modified particle in " +
                           s.diagramSolvent.name);
  for (const auto& [key, pick] :
       {std::pair<const char*, double PhaseBoundary::*>{"spinodal_low", &PhaseBoundary::spinodalLow},
        {"spinodal_high", &PhaseBoundary::spinodalHigh},
        {"binodal_low", &PhaseBoundary::binodalLow},
        {"binodal_high", &PhaseBoundary::binodalHigh}}) {
    json.key(key).beginArray();
    for (const PhaseDiagramRow& r : s.diagram) json.value(r.boundary.*pick);
    json.endArray();
  }
  json.key("temperatures").beginArray();
  for (const PhaseDiagramRow& r : s.diagram) json.value(r.temperature - kCelsius);
  json.endArray();
  json.key("condition").beginObject();
  json.member("phi", s.volumeFraction);
  json.member("T", s.temperature - kCelsius);
  json.endObject();
  json.member("critical_T", s.criticalTemperature - kCelsius);
  endRendererSpec(json, outputs);
  return text.str();
}

std::string summaryJson(const DispersionStudy& s, const std::string& runId, double seconds) {
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
  json.member("best_solvent", s.ranking.front().solvent);
  json.member("worst_solvent", s.ranking.back().solvent);
  json.member("temperature", s.temperature);
  json.member("volume_fraction", s.volumeFraction);
  json.member("diagram_solvent", s.diagramSolvent.name);
  json.member("critical_temperature", s.criticalTemperature);
  json.key("flags").beginArray();
  for (const std::string& f : s.flags) json.value(f);
  json.endArray();
  json.member("wall_time", seconds);
  json.endObject();
  json.finish();
  return text.str();
}

void printStudy(const DispersionStudy& s, std::ostream& out) {
  out << s.name << ": " << s.particle.shell.name << "-modified particle, core radius "
      << formatNumber(s.particle.coreRadius * 1e9) << " nm, shell "
      << formatNumber(s.particle.shell.thickness * 1e9) << " nm, at "
      << formatNumber(s.temperature - kCelsius) << " degC and phi = " << formatNumber(s.volumeFraction)
      << "\n  solvent               R_a     RED     chi      B2/B2_HS        W  state\n";
  for (const SolventRankingRow& r : s.ranking)
    out << "  " << std::left << std::setw(20) << r.solvent << std::right << std::setprecision(3)
        << std::setw(6) << r.hansenDistance << std::setw(8) << r.red << std::setw(8) << r.chi
        << std::setw(14) << r.reducedB2 << std::setw(9) << r.stabilityRatio << "  "
        << toString(r.state) << (r.flag.empty() ? "" : "  [" + r.flag + "]") << "\n";
  out << "phase diagram in " << s.diagramSolvent.name << ": ";
  if (std::isfinite(s.criticalTemperature))
    out << "critical temperature " << formatNumber(s.criticalTemperature - kCelsius, 4)
        << " degC (below it the dispersion separates)\n";
  else
    out << "no fluid-fluid separation between " << formatNumber(s.diagramTemperatures.front() - kCelsius)
        << " and " << formatNumber(s.diagramTemperatures.back() - kCelsius) << " degC\n";
  for (const std::string& f : s.flags) out << "flag: " << f << "\n";
}

const char* const kDispersionOutputs =
    "# Outputs of a dispersion case\n\n"
    "| file | content |\n|---|---|\n"
    "| `ranking.csv` | per solvent, best dispersing first: flag, hansen_distance [MPa^0.5], red, "
    "chi, b2_reduced (B2/B2_HS of the effective particle), stability_ratio (Fuchs W of the cores), "
    "phase_state at the case's temperature and volume fraction |\n"
    "| `phase_diagram.csv` | per temperature [K]: chi, b2_reduced, attraction, spinodal_low/high and "
    "binodal_low/high (effective-particle volume fractions; nan above the critical temperature) |\n"
    "| `phase_diagram.png`, `.svg` | the binodal and spinodal over volume fraction and temperature, "
    "the critical point and the case's condition |\n"
    "| `summary.json` | status, best and worst solvent, the diagram's critical temperature [K], "
    "flags (unsourced or suspect Hansen parameters) |\n";

}  // namespace

SchemaPtr dispersionSchema() {
  auto s = std::make_shared<Schema>(
      kDispersionModel,
      "A surface-modified nanoparticle as a pseudo-molecule: Hansen distance, chi, the pair "
      "potential's B2 and stability ratio in each solvent, and the phase diagram "
      "(docs/theory/pseudo-molecules.md).");
  s->add(ParamSpec::string("model", "dispersion.").isRequired());
  s->add(ParamSpec::string("name", "Short name of the case.").defaultsTo("case"));
  s->add(ParamSpec::string("description", "What the case is and where its numbers come from.")
             .defaultsTo(""));
  s->add(ParamSpec::section("particle", particleSchema(), "The particle.").isRequired());
  s->add(ParamSpec::stringList("solvents", "Solvents of the table by name (`proscale describe "
                                           "solvent NAME`), or `all`.")
             .isRequired());
  s->add(ParamSpec::sectionMap("custom-solvents", customSolventSchema(),
                               "Solvents not in the table, by name."));
  auto conditions = std::make_shared<Schema>("conditions", "Where the ranking's phase state is judged.");
  conditions->add(ParamSpec::real("temperature", dim::temperature, "Temperature.")
                      .unit("degC")
                      .defaultsTo("25 degC")
                      .above(0));
  conditions->add(ParamSpec::real("volume-fraction", dim::none,
                                  "Volume fraction of the effective (core + shell) particles.")
                      .defaultsTo("0.01")
                      .above(0)
                      .atMost(0.5));
  s->add(ParamSpec::section("conditions", conditions, "Temperature and concentration."));
  s->add(ParamSpec::section("phase-diagram", diagramSchema(), "The phase diagram."));
  return s;
}

DispersionStudy DispersionStudy::run(const Parameters& root, const std::string& file) {
  DispersionStudy s;
  s.file = file;
  s.name = root.string("name");
  const Parameters& particle = root.section("particle");
  s.particle.coreRadius = particle.real("core-radius");
  s.particle.hamakerConstant = particle.real("hamaker-constant");
  s.particle.shell = readLigand(particle.section("ligand"), s.flags);
  try {
    validate(s.particle);
  } catch (const std::invalid_argument& e) {
    throw particle.section("ligand").error("grafting-density", e.what());
  }
  s.solvents = readSolvents(root, s.flags);
  const Parameters& conditions = root.section("conditions");
  s.temperature = conditions.real("temperature");
  s.volumeFraction = conditions.real("volume-fraction");
  try {
    s.ranking = rankSolvents(s.particle, s.solvents, s.temperature, s.volumeFraction);
  } catch (const RecoverableError& e) {
    throw conditions.error("temperature", e.what());
  }
  const Parameters& diagram = root.section("phase-diagram");
  std::string name = diagram.has("solvent") ? diagram.string("solvent") : s.ranking.front().solvent;
  bool found = false;
  for (const HansenSolvent& solvent : s.solvents)
    if (lower(solvent.name) == lower(name)) {
      s.diagramSolvent = solvent;
      found = true;
    }
  if (!found) throw diagram.error("solvent", "'" + name + "' is not among the case's solvents");
  const double from = diagram.real("from"), to = diagram.real("to");
  if (!(to > from)) throw diagram.error("to", "must lie above `from`");
  const auto count = static_cast<std::size_t>(diagram.integer("count"));
  for (std::size_t i = 0; i < count; ++i)
    s.diagramTemperatures.push_back(from + (to - from) * static_cast<double>(i) / static_cast<double>(count - 1));
  try {
    s.diagram = dispersionPhaseDiagram(s.particle, s.diagramSolvent, s.diagramTemperatures);
    s.criticalTemperature = dispersionCriticalTemperature(s.particle, s.diagramSolvent, from, to);
  } catch (const RecoverableError& e) {
    throw diagram.error("from", e.what());
  }
  return s;
}

int runDispersion(const CommandLine& cl, const CaseDocument& document, std::ostream& out) {
  const auto start = std::chrono::steady_clock::now();
  const Parameters root = document.validate(*dispersionSchema());
  if (cl.verb == "outputs") {
    out << kDispersionOutputs;
    return kSuccess;
  }
  const DispersionStudy s = DispersionStudy::run(root, cl.caseFile);
  if (cl.verb == "check") {
    out << cl.caseFile << ": OK (" << kDispersionModel << ", " << s.solvents.size() << " solvents)\n";
    return kSuccess;
  }
  OutputDirectory dir = claimStudyDirectory(cl);
  writeStudyFile(dir, "ranking.csv", rankingCsv(s));
  writeStudyFile(dir, "phase_diagram.csv", diagramCsv(s));
  writeStudyFile(dir, "phase_diagram.json",
                 chartSpec(s, {dir.path("phase_diagram.png"), dir.path("phase_diagram.svg")}));
  const std::string chartProblem = renderChart(dir.path("phase_diagram.json"), "phase_diagram.py");
  writeStudyFile(dir, "summary.json", summaryJson(s, dir.runId(), secondsSince(start)));
  if (!cl.quiet) {
    printStudy(s, out);
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
  printStudy(DispersionStudy::run(document.validate(*dispersionSchema()), caseFile), out);
  return kSuccess;
}

}  // namespace proscale
