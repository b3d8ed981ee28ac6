// The dispersion case's keys, their reading and the tables (DispersionStudy.h).
#include "app/DispersionStudy.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <limits>
#include <sstream>
#include <stdexcept>

#include "case/DidYouMean.h"
#include "core/Constants.h"
#include "core/Errors.h"
#include "core/NumberFormat.h"
#include "models/particles/StabilityRatio.h"
#include "models/thermo/dispersion/HansenDistance.h"
#include "models/thermo/dispersion/PairPotential.h"
#include "models/thermo/dispersion/SecondVirial.h"

namespace proscale {
namespace {

constexpr double kCelsius = 273.15;
const Dimension kVoltage = dim::energy / (dim::time * dim::current);  // V = J/(A s)

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// ---- the keys ----

SchemaPtr ligandSchema() {
  auto s = std::make_shared<Schema>(
      "ligand",
      "The grafted ligand shell: its Hansen parameters (given, or by group contribution), the "
      "interaction radius R_0 for RED, and the shell's thickness, grafting density and the "
      "ligand's molar volume, which set the shell's segment fraction phi_s = 3 a^2 sigma v_L / "
      "((a + delta)^3 - a^3) (ParticleDispersion.h).");
  s->add(ParamSpec::string("name", "Name of the ligand, for the printout (e.g. decanoic acid).")
             .isRequired());
  s->add(ParamSpec::realList("hansen", dim::none,
                             "Hansen parameters [delta_D, delta_P, delta_H] of the shell as the "
                             "solvent meets it, in MPa^0.5 (plain numbers, each 0-100). Give "
                             "this or `group-contribution`."));
  s->add(ParamSpec::choice("group-contribution", {"decanoic-acid"},
                           "Estimate the Hansen parameters instead: decanoic-acid is "
                           "CH3-(CH2)8-COOH by Hoftyzer-Van Krevelen with Fedors' volume, "
                           "[16.3, 2.2, 7.2] MPa^0.5 and 190.8 cm^3/mol (HansenDistance.h; "
                           "about +-10 %). Its source is the method's."));
  s->add(ParamSpec::string("source",
                           "Where `hansen` comes from. Absent: the ligand is flagged "
                           "`unsourced` in the printout and summary.json. Not with "
                           "`group-contribution`, which carries its own."));
  s->add(ParamSpec::real("interaction-radius", dim::none,
                         "Hansen interaction radius R_0 of the shell in MPa^0.5 (RED = R_a / "
                         "R_0; RED < 1 is inside the solubility sphere). Only RED uses it.")
             .isRequired()
             .above(0)
             .atMost(100));
  s->add(ParamSpec::real("thickness", dim::length,
                         "Shell thickness delta (about the extended chain length).")
             .unit("nm")
             .isRequired()
             .above(0)
             .atMost(1e-6));
  s->add(ParamSpec::real("grafting-density", dim::none / dim::area,
                         "Ligand chains per core surface area sigma. sigma v_L must stay below "
                         "delta: a shell denser than the bulk ligand is refused.")
             .unit("1/nm^2")
             .isRequired()
             .above(0)
             .atMost(1e20));
  s->add(ParamSpec::real("molar-volume", dim::molarVolume,
                         "Molar volume V_L of the ligand (v_L = V_L / N_A). Required with "
                         "`hansen`; with `group-contribution` the default is its Fedors volume.")
             .unit("cm^3/mol")
             .above(0)
             .atMost(1.0));
  return s;
}

SchemaPtr doubleLayerSchema() {
  auto s = std::make_shared<Schema>(
      "double-layer",
      "A screened double layer on the cores (StabilityRatio.h), added to the pair potential in "
      "every solvent of the list with the same values; absent: none (the usual case in apolar "
      "solvents).");
  s->add(ParamSpec::real("surface-potential", kVoltage,
                         "Surface (or zeta) potential psi0 of the cores, within +-300 mV.")
             .unit("mV")
             .isRequired()
             .atLeast(-0.3)
             .atMost(0.3));
  s->add(ParamSpec::real("ionic-strength", dim::concentration,
                         "Ionic strength I of the solvent, 1e-7 to 5 mol/L.")
             .unit("mol/L")
             .isRequired()
             .atLeast(1e-4)
             .atMost(5000));
  s->add(ParamSpec::real("relative-permittivity", dim::none,
                         "Relative permittivity eps_r of the solvent (about 2 for alkanes, 78.4 "
                         "for water at 25 degC), 1 to 200; one value for the whole list.")
             .isRequired()
             .atLeast(1)
             .atMost(200));
  s->add(ParamSpec::real("valence", dim::none,
                         "Valence z of a symmetric z:z electrolyte (superposition only), 1 to 4.")
             .defaultsTo("1")
             .atLeast(1)
             .atMost(4));
  s->add(ParamSpec::choice("model", {"superposition", "derjaguin"},
                           "superposition: kappa a <~ 5, any potential (Bell, Levine & "
                           "McCartney 1970); derjaguin: constant potential, kappa a >> 1 (Hogg, "
                           "Healy & Fuerstenau 1966).")
             .defaultsTo("superposition"));
  return s;
}

SchemaPtr particleSchema() {
  auto s = std::make_shared<Schema>(
      "particle",
      "The surface-modified nanoparticle: an inorganic core with a grafted ligand shell "
      "(ParticleDispersion.h). Give `hamaker-constant`, or `core-hamaker` and `medium-hamaker`.");
  s->add(ParamSpec::real("core-radius", dim::length, "Radius a of the inorganic core.")
             .unit("nm")
             .isRequired()
             .above(0)
             .atMost(1e-6));
  s->add(ParamSpec::real("hamaker-constant", dim::energy,
                         "Hamaker constant A_132 of core-solvent-core, one value for every "
                         "solvent of the list; at most 1e-18 J.")
             .unit("J")
             .atLeast(0)
             .atMost(1e-18));
  s->add(ParamSpec::real("core-hamaker", dim::energy,
                         "Hamaker constant A_11 of the core material across vacuum; with "
                         "`medium-hamaker`, A_132 = (sqrt(A_11) - sqrt(A_33))^2 (combining rule, "
                         "Israelachvili 2011, ch. 13).")
             .unit("J")
             .atLeast(0)
             .atMost(1e-18));
  s->add(ParamSpec::real("medium-hamaker", dim::energy,
                         "Hamaker constant A_33 of the solvent across vacuum (e.g. 3.7e-20 J for "
                         "water, 4.8e-20 J for n-decane; Israelachvili 2011, ch. 13); one value "
                         "for every solvent of the list.")
             .unit("J")
             .atLeast(0)
             .atMost(1e-18));
  s->add(ParamSpec::real("contact-gap", dim::length,
                         "Closest approach h_c of the cores' surfaces, below twice the shell "
                         "thickness. Absent: 2 sigma v_L, the two shells squeezed to the bulk "
                         "ligand's density.")
             .unit("nm")
             .above(0));
  s->add(ParamSpec::section("double-layer", doubleLayerSchema(), "A double layer on the cores.")
             .onlyWhenGiven());
  s->add(ParamSpec::section("ligand", ligandSchema(), "The ligand shell.").isRequired());
  return s;
}

SchemaPtr userSolventSchema() {
  auto s = std::make_shared<Schema>("user-solvent", "A solvent that is not in the table.");
  s->add(ParamSpec::string("name", "Its name in the ranking.").isRequired());
  s->add(ParamSpec::real("molar-volume", dim::molarVolume, "Molar volume V_1.")
             .unit("cm^3/mol")
             .isRequired()
             .above(0)
             .atMost(1.0));
  s->add(ParamSpec::realList("hansen", dim::none,
                             "[delta_D, delta_P, delta_H] in MPa^0.5 (plain numbers, each 0-100).")
             .isRequired());
  s->add(ParamSpec::string("source",
                           "Where the parameters come from. Absent: flagged `unsourced`."));
  return s;
}

SchemaPtr conditionsSchema() {
  auto s = std::make_shared<Schema>("conditions",
                                    "Where each solvent's phase state in ranking.csv is judged.");
  s->add(ParamSpec::real("temperature", dim::temperature,
                         "Temperature, -100 to 374 degC (the pair potential's range; the "
                         "solvent must be liquid there, which is not checked).")
             .unit("degC")
             .defaultsTo("25 degC")
             .above(0));
  s->add(ParamSpec::real("volume-fraction", dim::none,
                         "Volume fraction phi of the effective (core + shell) particles.")
             .defaultsTo("0.01")
             .above(0)
             .atMost(0.5));
  return s;
}

SchemaPtr diagramSchema() {
  auto s = std::make_shared<Schema>(
      "phase-diagram",
      "Spinodal and binodal over temperature in one solvent (DispersionPhaseDiagram.h). The "
      "model does not know where the solvent freezes or boils: keep the range inside its liquid "
      "range.");
  s->add(ParamSpec::string("solvent",
                           "One of the case's solvents (table or user-solvents). Absent: the "
                           "best-ranked."));
  s->add(ParamSpec::real("from", dim::temperature, "Lowest temperature, from -100 degC.")
             .unit("degC")
             .defaultsTo("0 degC")
             .above(0));
  s->add(ParamSpec::real("to", dim::temperature, "Highest temperature, up to 374 degC.")
             .unit("degC")
             .defaultsTo("100 degC")
             .above(0));
  s->add(ParamSpec::integer("count", "Temperatures in the table, evenly spaced.")
             .defaultsTo("41")
             .atLeast(2)
             .atMost(1000));
  return s;
}

// ---- reading ----

HansenParameters hansenTriple(const Parameters& p, const std::string& key) {
  const std::vector<double>& v = p.reals(key);
  if (v.size() != 3)
    throw p.error(key, "give three numbers [delta_D, delta_P, delta_H] in MPa^0.5, got " +
                           std::to_string(v.size()));
  for (double x : v)
    if (!(x >= 0.0 && x <= 100.0))
      throw p.error(key, "each Hansen parameter lies in 0-100 MPa^0.5, got " + formatNumber(x));
  return {v[0], v[1], v[2]};
}

LigandShell readLigand(const Parameters& ligand, std::vector<std::string>& flags) {
  LigandShell shell;
  shell.name = ligand.string("name");
  const bool given = ligand.has("hansen"), estimated = ligand.has("group-contribution");
  if (given == estimated)
    throw ligand.error(given ? "group-contribution" : "hansen",
                       given ? "give either hansen or group-contribution, not both"
                             : "give the shell's Hansen parameters: hansen: [delta_D, delta_P, "
                               "delta_H], or group-contribution: decanoic-acid");
  if (given) {
    shell.parameters = hansenTriple(ligand, "hansen");
    shell.source = ligand.has("source") ? ligand.string("source") : "";
    if (!ligand.has("molar-volume"))
      throw ligand.error("molar-volume", "the ligand's molar volume is needed with hansen");
    shell.molarVolume = ligand.real("molar-volume");
  } else {
    if (ligand.has("source"))
      throw ligand.error("source", "the group contribution carries its own source; give "
                                   "source only with hansen");
    shell.parameters = decanoicAcidHansenEstimate();
    shell.source = kDecanoicAcidHansenSource;
    shell.molarVolume = ligand.has("molar-volume") ? ligand.real("molar-volume")
                                                   : decanoicAcidMolarVolumeEstimate();
  }
  if (shell.source.empty()) flags.push_back("ligand " + shell.name + ": Hansen parameters unsourced");
  shell.interactionRadius = ligand.real("interaction-radius");
  shell.thickness = ligand.real("thickness");
  shell.graftingDensity = ligand.real("grafting-density");
  return shell;
}

void readHamaker(const Parameters& particle, DispersionStudy& s) {
  const bool direct = particle.has("hamaker-constant");
  const bool core = particle.has("core-hamaker"), medium = particle.has("medium-hamaker");
  if (direct && (core || medium))
    throw particle.error("hamaker-constant",
                         "give hamaker-constant, or core-hamaker and medium-hamaker, not both");
  if (direct) {
    s.particle.hamakerConstant = particle.real("hamaker-constant");
    s.hamakerOrigin = "given";
    return;
  }
  if (!core || !medium)
    throw particle.error(core ? "medium-hamaker" : (medium ? "core-hamaker" : "hamaker-constant"),
                         core || medium ? "the combining rule needs core-hamaker and medium-hamaker"
                                        : "give hamaker-constant (A_132), or core-hamaker and "
                                          "medium-hamaker");
  const double a11 = particle.real("core-hamaker"), a33 = particle.real("medium-hamaker");
  s.particle.hamakerConstant = combinedHamakerConstant(a11, a33);
  s.hamakerOrigin = "combining rule (sqrt(A_11) - sqrt(A_33))^2, A_11 = " + formatNumber(a11, 3) +
                    " J, A_33 = " + formatNumber(a33, 3) + " J";
}

void readDoubleLayer(const Parameters& particle, DispersionParticle& p) {
  if (!particle.has("double-layer")) return;
  const Parameters& d = particle.section("double-layer");
  p.doubleLayer.surfacePotential = d.real("surface-potential");
  p.doubleLayer.ionicStrength = d.real("ionic-strength");
  p.doubleLayer.relativePermittivity = d.real("relative-permittivity");
  p.doubleLayer.valence = d.real("valence");
  p.doubleLayer.doubleLayer =
      d.string("model") == "derjaguin" ? DoubleLayerModel::Derjaguin : DoubleLayerModel::Superposition;
}

// Where item `index` of the list `key` is written: the case file's own node (the validated
// values keep one position per key), or the key's position when the list came from --set or
// the file cannot be read again.
SourceMark listItemMark(const Parameters& p, const std::string& key, std::size_t index) {
  const SourceMark keyMark = p.markOf(key);
  try {
    if (keyMark.file.empty() || !std::filesystem::is_regular_file(keyMark.file)) return keyMark;
    YAML::Node node = YAML::LoadFile(keyMark.file);
    std::istringstream path(p.path().empty() ? key : p.path() + "." + key);
    for (std::string part; std::getline(path, part, '.');) {
      if (!node.IsMap()) return keyMark;
      node = node[part];
    }
    if (!node.IsSequence() || index >= node.size() || node[index].Mark().is_null()) return keyMark;
    return SourceMark{keyMark.file, node[index].Mark().line + 1, node[index].Mark().column + 1};
  } catch (const YAML::Exception&) {
    return keyMark;
  }
}

std::string itemPath(const Parameters& p, const std::string& key, std::size_t index) {
  return p.pathOf(key) + "[" + std::to_string(index) + "]";
}

void addSolvent(std::vector<HansenSolvent>& list, HansenSolvent solvent, const InputError& duplicate) {
  for (const HansenSolvent& s : list)
    if (lower(s.name) == lower(solvent.name)) throw duplicate;
  list.push_back(std::move(solvent));
}

std::vector<HansenSolvent> readSolvents(const Parameters& root, std::vector<std::string>& flags) {
  std::vector<HansenSolvent> list;
  const std::vector<std::string> known = hansenSolventNames();
  const std::vector<std::string> names = root.has("solvents") ? root.strings("solvents")
                                                              : std::vector<std::string>{};
  for (std::size_t i = 0; i < names.size(); ++i) {
    const auto at = [&](const std::string& problem) {
      return InputError(listItemMark(root, "solvents", i), itemPath(root, "solvents", i), problem);
    };
    if (lower(names[i]) == "all") {
      if (names.size() != 1) throw at("`all` stands alone: it is every solvent of the table");
      for (const std::string& n : known) list.push_back(hansenSolvent(n));
      continue;
    }
    if (!findHansenSolventRow(names[i]))
      throw at("unknown solvent '" + names[i] + "'" + didYouMean(names[i], known) +
               "; the table has " + joinWords(known) + " (others go under user-solvents)");
    addSolvent(list, hansenSolvent(names[i]), at("'" + names[i] + "' is listed twice"));
  }
  if (root.has("user-solvents")) {
    const Parameters::List& users = root.list("user-solvents");
    for (const Parameters& u : users) {
      const std::string& name = u.string("name");
      if (lower(name) == "all") throw u.error("name", "`all` names the whole table, not a solvent");
      addSolvent(list, userHansenSolvent(name, u.real("molar-volume"), hansenTriple(u, "hansen"),
                                         u.has("source") ? u.string("source") : ""),
                 u.error("name", "'" + name + "' is already among the solvents"));
    }
  }
  if (list.empty())
    throw root.error("solvents", "name at least one solvent (a name of the table, all, or an "
                                 "entry of user-solvents)");
  for (const HansenSolvent& s : list)
    if (s.unsourced() || s.suspect()) flags.push_back("solvent " + s.name + ": " + s.flag());
  return list;
}

void checkTemperature(const Parameters& p, const std::string& key) {
  const double T = p.real(key);
  if (T >= kDlvoMinTemperature && T <= kDlvoMaxTemperature) return;
  throw p.error(key, formatNumber(T - kCelsius) + " degC is outside the range of the pair "
                         "potential (" + formatNumber(kDlvoMinTemperature - kCelsius) + " to " +
                         formatNumber(kDlvoMaxTemperature - kCelsius) + " degC, a liquid solvent)");
}

// ---- computing ----

bool ranksAbove(const SolventRankingRow& x, const SolventRankingRow& y) {
  if (x.reducedB2 != y.reducedB2) return x.reducedB2 > y.reducedB2;
  return x.red < y.red;
}

// The row of a solvent whose attraction is beyond B2's range: B2* = -infinity, unstable.
SolventRankingRow deepWellRow(const DispersionStudy& s, const HansenSolvent& solvent) {
  const DispersionPairPotential V(s.particle, solvent, s.temperature);
  SolventRankingRow r;
  r.solvent = solvent.name;
  r.flag = solvent.flag();
  r.hansenDistance = hansenDistance(s.particle.shell.parameters, solvent.parameters);
  r.red = r.hansenDistance / s.particle.shell.interactionRadius;
  r.chi = V.chi();
  r.reducedB2 = -std::numeric_limits<double>::infinity();
  r.stabilityRatio = fuchsStabilityRatio(V.reduced(), V.coreRadius(), V.scales());
  r.state = DispersionPhaseState::Unstable;
  return r;
}

}  // namespace

SchemaPtr dispersionSchema() {
  auto s = std::make_shared<Schema>(
      kDispersionModel,
      "A surface-modified nanoparticle as a pseudo-molecule (docs/theory/pseudo-molecules.md): "
      "per solvent the Hansen distance, RED, chi, the pair potential's reduced second virial "
      "coefficient B2/B2_HS and the cores' stability ratio W, ranked; the phase diagram in one "
      "solvent over temperature. Writes ranking.csv, phase_diagram.csv, phase_diagram.png/.svg "
      "and summary.json.");
  s->add(ParamSpec::string("model", "dispersion.").isRequired());
  s->add(ParamSpec::string("name", "Short name of the case.").defaultsTo("case"));
  s->add(ParamSpec::string("description", "What the case is and where its numbers come from.")
             .defaultsTo(""));
  s->add(ParamSpec::section("particle", particleSchema(), "The particle.").isRequired());
  s->add(ParamSpec::stringList("solvents",
                               "Solvents of the table by name (`proscale describe solvent NAME`; "
                               "case-insensitive), or [all] for the whole table."));
  s->add(ParamSpec::sectionList("user-solvents", userSolventSchema(),
                                "Solvents not in the table: name, molar-volume, hansen, source."));
  s->add(ParamSpec::section("conditions", conditionsSchema(), "Temperature and concentration."));
  s->add(ParamSpec::section("phase-diagram", diagramSchema(), "The phase diagram."));
  return s;
}

DispersionStudy DispersionStudy::fromParameters(const Parameters& root, const std::string& file) {
  DispersionStudy s;
  s.file = file;
  s.name = root.string("name");
  const Parameters& particle = root.section("particle");
  s.particle.coreRadius = particle.real("core-radius");
  readHamaker(particle, s);
  readDoubleLayer(particle, s.particle);
  const Parameters& ligand = particle.section("ligand");
  s.particle.shell = readLigand(ligand, s.flags);
  if (particle.has("contact-gap")) s.particle.contactGapOverride = particle.real("contact-gap");
  const LigandShell& shell = s.particle.shell;
  const double perArea = shell.graftingDensity * shell.molarVolume / constants::NA;  // sigma v_L
  if (!(perArea < shell.thickness))
    throw ligand.error("grafting-density",
                       "the shell would be denser than the bulk ligand: sigma v_L = " +
                           formatNumber(perArea * 1e9, 3) + " nm of ligand per unit area does not fit "
                           "in the " + formatNumber(shell.thickness * 1e9, 3) +
                           " nm shell; lower grafting-density or raise thickness");
  try {
    validate(s.particle);
  } catch (const std::invalid_argument& e) {
    const std::string what = e.what();
    if (what.find("contact gap") != std::string::npos) throw particle.error("contact-gap", what);
    throw ligand.error("grafting-density", what);
  }
  s.solvents = readSolvents(root, s.flags);

  const Parameters& conditions = root.section("conditions");
  checkTemperature(conditions, "temperature");
  s.temperature = conditions.real("temperature");
  s.volumeFraction = conditions.real("volume-fraction");

  const Parameters& diagram = root.section("phase-diagram");
  if (diagram.has("solvent")) {
    s.diagramSolvent = diagram.string("solvent");
    const bool listed = std::any_of(s.solvents.begin(), s.solvents.end(), [&](const HansenSolvent& x) {
      return lower(x.name) == lower(s.diagramSolvent);
    });
    if (!listed) {
      std::vector<std::string> names;
      for (const HansenSolvent& x : s.solvents) names.push_back(x.name);
      throw diagram.error("solvent", "'" + s.diagramSolvent + "' is not among the case's solvents" +
                                         didYouMean(s.diagramSolvent, names));
    }
  }
  checkTemperature(diagram, "from");
  checkTemperature(diagram, "to");
  const double from = diagram.real("from"), to = diagram.real("to");
  if (!(to > from))
    throw diagram.error("to", "must lie above from (" + formatNumber(from - kCelsius) + " degC)");
  const auto count = static_cast<std::size_t>(diagram.integer("count"));
  for (std::size_t i = 0; i < count; ++i)
    s.diagramTemperatures.push_back(i + 1 == count ? to
                                                   : from + (to - from) * static_cast<double>(i) /
                                                                static_cast<double>(count - 1));
  return s;
}

DispersionOutcome runDispersionStudy(const DispersionStudy& s) {
  DispersionOutcome o;
  for (const HansenSolvent& solvent : s.solvents) {
    try {
      o.ranking.push_back(rankSolvents(s.particle, {solvent}, s.temperature, s.volumeFraction).front());
    } catch (const std::domain_error&) {
      o.ranking.push_back(deepWellRow(s, solvent));
    }
  }
  std::stable_sort(o.ranking.begin(), o.ranking.end(), ranksAbove);

  const std::string wanted = s.diagramSolvent.empty() ? o.ranking.front().solvent : s.diagramSolvent;
  for (const HansenSolvent& x : s.solvents)
    if (lower(x.name) == lower(wanted)) o.diagramSolvent = x;

  const double b2c = csVdwCriticalPoint().reducedB2;
  try {
    o.diagram = dispersionPhaseDiagram(s.particle, o.diagramSolvent, s.diagramTemperatures);
    // The first pair of neighbouring temperatures where B2* crosses B2*_c brackets T_c.
    o.criticalTemperature = std::numeric_limits<double>::quiet_NaN();
    for (std::size_t i = 0; i + 1 < o.diagram.size(); ++i) {
      const double lo = o.diagram[i].reducedB2 - b2c, hi = o.diagram[i + 1].reducedB2 - b2c;
      if (lo * hi > 0.0) continue;
      o.criticalTemperature = dispersionCriticalTemperature(
          s.particle, o.diagramSolvent, o.diagram[i].temperature, o.diagram[i + 1].temperature);
      break;
    }
  } catch (const std::domain_error&) {
    throw RecoverableError("dispersion phase diagram: in " + o.diagramSolvent.name +
                           " the pair potential's well is deeper than 700 kT within " +
                           formatNumber(s.diagramTemperatures.front() - kCelsius) + " to " +
                           formatNumber(s.diagramTemperatures.back() - kCelsius) +
                           " degC (B2 -> -infinity): take a better solvent or a warmer range");
  }
  o.onePhaseThroughout = !o.diagram.empty() && o.diagram.front().reducedB2 > b2c;
  return o;
}

}  // namespace proscale
