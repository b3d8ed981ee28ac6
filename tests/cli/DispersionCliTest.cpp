// `model: dispersion` through the real CLI (src/app/DispersionCommand.cpp): the shipped case
// cases/np_dispersion_solvents.yaml (a decanoic-acid-modified 3 nm CeO2 core whose shell the
// solvents meet as decyl tails), `describe dispersion`, `check`, `outputs`, the flags for
// unsourced inputs and the keys that derive an input (group contribution, combining rule).
// The bad-input files are tests/input_errors/dispersion_*.yaml (InputErrorsTest.cpp).
#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "CliSupport.h"

using namespace proscale::test;

namespace {

constexpr double kR = 8.314462618;  // J/(mol K), CODATA 2018 (exact from k_B and N_A)
constexpr double kCriticalB2 = -1.65;  // B2*_c of the CS-van der Waals model (DispersionPhaseDiagram.h)

std::vector<std::string> splitCsvLine(const std::string& line) {
  std::vector<std::string> cells;
  std::string cell;
  bool quoted = false;
  for (char c : line) {
    if (c == '"') quoted = !quoted;
    else if (c == ',' && !quoted) cells.push_back(cell), cell.clear();
    else cell += c;
  }
  cells.push_back(cell);
  return cells;
}

/// A csv as rows of column name -> text.
std::vector<std::map<std::string, std::string>> readCsv(const std::filesystem::path& file) {
  std::istringstream in(readFile(file));
  std::string line;
  std::getline(in, line);
  const std::vector<std::string> header = splitCsvLine(line);
  std::vector<std::map<std::string, std::string>> rows;
  while (std::getline(in, line)) {
    const std::vector<std::string> cells = splitCsvLine(line);
    REQUIRE(cells.size() == header.size());
    std::map<std::string, std::string> row;
    for (std::size_t i = 0; i < cells.size(); ++i) row[header[i]] = cells[i];
    rows.push_back(row);
  }
  return rows;
}

double number(const std::map<std::string, std::string>& row, const std::string& column) {
  const std::string& text = row.at(column);
  return text.empty() ? std::nan("") : std::stod(text);
}

/// The ranking's rows by solvent name, with their 1-based rank.
std::map<std::string, std::map<std::string, std::string>> bySolvent(
    const std::vector<std::map<std::string, std::string>>& rows) {
  std::map<std::string, std::map<std::string, std::string>> out;
  for (const auto& r : rows) out[r.at("solvent")] = r;
  return out;
}

int rankOf(const std::map<std::string, std::map<std::string, std::string>>& rows, const std::string& s) {
  return std::stoi(rows.at(s).at("rank"));
}

void write(const std::filesystem::path& file, const std::string& text) {
  std::filesystem::create_directories(file.parent_path());
  std::ofstream(file) << text;
}

}  // namespace

TEST_CASE("The dispersion case ranks apolar solvents above water and alcohols", "[cli][dispersion]") {
  const auto out = freshDir("dispersion");
  const CommandResult r =
      runProscale("run cases/np_dispersion_solvents.yaml -o " + out.string(), PROSCALE_SOURCE_DIR);
  INFO(r.out << r.err);
  REQUIRE(r.exitCode == 0);
  for (const char* file : {"ranking.csv", "phase_diagram.csv", "phase_diagram.png", "phase_diagram.svg",
                           "summary.json"})
    CHECK(std::filesystem::exists(out / file));
  CHECK(r.out.find("rank  solvent") != std::string::npos);  // the ranked table is printed

  const auto ranking = bySolvent(readCsv(out / "ranking.csv"));
  CHECK(ranking.size() == 25);  // `solvents: [all]`: every row of the embedded table
  // Physics, not a copy of the output: the shell's outer surface is a layer of decyl tails
  // (Hansen parameters of n-decane, 15.7/0/0). A solvent with delta_P ~ delta_H ~ 0 and a close
  // delta_D has chi = V_1 R_a^2 / (4RT) << 1/2, so the Flory-Huggins mixing term of the
  // overlapping shells is repulsive (good solvent, B2 > 0). Water and the short alcohols carry
  // delta_H = 42 / 19-22 MPa^0.5: chi >> 1/2 turns the mixing term attractive (the shells
  // expel the solvent and stick), so B2 falls below the critical value and they must rank last.
  for (const char* good : {"Cyclohexane", "Hexane", "Heptane", "Toluene"})
    for (const char* poor : {"Water", "Methanol", "Ethanol"}) {
      INFO(good << " above " << poor);
      CHECK(rankOf(ranking, good) < rankOf(ranking, poor));
    }
  for (const char* alkane : {"Cyclohexane", "Methylcyclohexane", "Hexane", "Heptane"}) {
    INFO(alkane);
    const double b2 = number(ranking.at(alkane), "b2_reduced [-]");
    // Bounds from the potential's shape (PairPotential.h): V = +inf below the contact gap
    // h_c = 2 sigma v_L = 1.58 nm, V >= 0 up to 2 delta in a good solvent and only the weak
    // van der Waals tail (< 0.5 kT) beyond, so B2 lies between the hard core
    // ((2a + h_c)/(2a + 2 delta))^3 = (7.58/8.8)^3 = 0.64 less the tail's few per cent, and 1
    // (the hard sphere of the effective radius, which V <= 0 beyond 2 delta can only lower).
    CHECK(b2 > 0.5);
    CHECK(b2 < 1.0);
    CHECK(number(ranking.at(alkane), "chi [-]") < 0.1);
    CHECK(ranking.at(alkane).at("phase_state") == "stable");
  }
  for (const char* poor : {"Water", "Methanol", "Ethanol"}) {
    INFO(poor);
    CHECK(number(ranking.at(poor), "chi [-]") > 0.5);
    CHECK(number(ranking.at(poor), "b2_reduced [-]") < kCriticalB2);
    CHECK(ranking.at(poor).at("phase_state") == "unstable");
  }
  // chi of hexane by hand from the table's row (V_1 = 131.4 cm^3/mol, delta_D = 14.9, delta_P
  // = delta_H = 0) and the shell's 15.7/0/0 at 25 degC: V_1 R_a^2 / (4RT). Same formula, so
  // the tolerance is rounding only; it checks the units of V_1, R_a and T on their way through.
  const double hexaneChi = 131.4e-6 * (4.0 * 0.8 * 0.8) * 1e6 / (4.0 * kR * 298.15);
  CHECK(number(ranking.at("Hexane"), "chi [-]") == Approx(hexaneChi).epsilon(1e-9));
  CHECK(ranking.at("Ethanolamine").at("flag") == "suspect");  // the data file's own flag

  const nlohmann::json summary = nlohmann::json::parse(readFile(out / "summary.json"));
  CHECK(summary["status"] == "complete");
  CHECK(summary["case"]["model"] == "dispersion");
  const std::string best = summary["best_solvent"];
  CHECK((best == "Cyclohexane" || best == "Methylcyclohexane" || best == "Hexane" || best == "Heptane"));
  CHECK(summary["worst_solvent"] == "Water");  // the largest delta_H of the table, chi = 3.7
  // Combining rule (Israelachvili 2011, ch. 13) of the case's A_11 = 1.3e-19 J, A_33 = 5e-20 J.
  const double a132 = std::pow(std::sqrt(1.3e-19) - std::sqrt(5.0e-20), 2);
  CHECK(summary["hamaker_constant"].get<double>() == Approx(a132).epsilon(1e-12));
  // Cyclohexane stays a good solvent (B2* ~ 0.8) over its whole liquid range: no critical point.
  CHECK(summary["phase_diagram"]["solvent"] == "Cyclohexane");
  CHECK(summary["critical_temperature"].is_null());
  CHECK(summary["phase_diagram"]["note"].get<std::string>().find("one phase") == 0);
  CHECK(summary["flags"].size() == 1);  // Ethanolamine; the ligand's parameters have a source
  const auto diagram = readCsv(out / "phase_diagram.csv");
  CHECK(diagram.size() == 36);
  CHECK(number(diagram.front(), "temperature [K]") == Approx(283.15));
  CHECK(number(diagram.back(), "temperature [K]") == Approx(353.15));
  for (const auto& row : diagram) CHECK(std::isnan(number(row, "binodal_low [-]")));
  std::filesystem::remove_all(out);
}

TEST_CASE("Dispersion: a marginal solvent's phase diagram is thermodynamically consistent",
          "[cli][dispersion]") {
  // THF (RED ~ 1.3, chi ~ 0.8) with the shipped particle: B2* crosses B2*_c within 10-80 degC.
  const auto out = freshDir("dispersion-thf");
  const CommandResult r = runProscale("run cases/np_dispersion_solvents.yaml -o " + out.string() +
                                          " --set phase-diagram.solvent=Tetrahydrofuran",
                                      PROSCALE_SOURCE_DIR);
  INFO(r.out << r.err);
  REQUIRE(r.exitCode == 0);
  const nlohmann::json summary = nlohmann::json::parse(readFile(out / "summary.json"));
  REQUIRE(summary["critical_temperature"].is_number());
  const double tc = summary["critical_temperature"];
  CHECK(tc > 283.15);
  CHECK(tc < 353.15);
  const double phiC = summary["phase_diagram"]["critical_volume_fraction"];
  const double b2c = summary["phase_diagram"]["critical_reduced_b2"];
  CHECK(b2c == Approx(kCriticalB2).margin(0.01));
  int twoPhase = 0;
  for (const auto& row : readCsv(out / "phase_diagram.csv")) {
    const double T = number(row, "temperature [K]");
    const double bl = number(row, "binodal_low [-]"), bh = number(row, "binodal_high [-]");
    const double sl = number(row, "spinodal_low [-]"), sh = number(row, "spinodal_high [-]");
    INFO("T = " << T);
    // Below T_c two phases coexist, above one: B2* falls as T falls (chi ~ 1/T).
    CHECK(std::isfinite(bl) == (T < tc));
    CHECK((number(row, "b2_reduced [-]") < b2c) == (T < tc));
    if (!std::isfinite(bl)) continue;
    ++twoPhase;
    // The metastable band lies between binodal and spinodal on both sides, around phi_c.
    CHECK(bl <= sl);
    CHECK(sl < phiC);
    CHECK(phiC < sh);
    CHECK(sh <= bh);
  }
  CHECK(twoPhase > 5);
  // THF at 25 degC, phi = 0.01 lies inside the binodal but outside the spinodal.
  CHECK(bySolvent(readCsv(out / "ranking.csv")).at("Tetrahydrofuran").at("phase_state") == "metastable");
  CHECK(r.out.find("critical temperature") != std::string::npos);
  std::filesystem::remove_all(out);
}

TEST_CASE("describe dispersion prints the ranking and writes nothing; check and outputs",
          "[cli][dispersion]") {
  const auto work = freshDir("dispersion-describe");
  std::filesystem::create_directories(work);
  const CommandResult d = runProscale(
      "describe dispersion " + sourcePath("cases/np_dispersion_solvents.yaml"), work.string());
  INFO(d.out << d.err);
  CHECK(d.exitCode == 0);
  CHECK(d.out.find("rank  solvent") != std::string::npos);
  CHECK(d.out.find("Cyclohexane") < d.out.find("Water"));
  CHECK(d.out.find("phase diagram in Cyclohexane: one phase") != std::string::npos);
  CHECK(std::filesystem::is_empty(work));  // no results/ folder
  std::filesystem::remove_all(work);

  const CommandResult c = runProscale("check cases/np_dispersion_solvents.yaml", PROSCALE_SOURCE_DIR);
  CHECK(c.exitCode == 0);
  CHECK(c.out.find("OK (dispersion, 25 solvents") != std::string::npos);
  const CommandResult o = runProscale("outputs cases/np_dispersion_solvents.yaml", PROSCALE_SOURCE_DIR);
  CHECK(o.exitCode == 0);
  for (const char* file : {"ranking.csv", "phase_diagram.csv", "phase_diagram.png", "summary.json"})
    CHECK(o.out.find(file) != std::string::npos);
  const CommandResult missing = runProscale("describe dispersion");
  CHECK(missing.exitCode == 2);
}

TEST_CASE("Dispersion: unsourced Hansen parameters are flagged; group contribution is wired",
          "[cli][dispersion]") {
  const auto dir = freshDir("dispersion-unsourced");
  // The free acid's Hoftyzer-Van Krevelen estimate for the shell, a user solvent without a
  // source, and no source anywhere else: the user solvent is flagged, the ligand is not.
  write(dir / "case.yaml", R"(model: dispersion
name: unsourced
particle:
  core-radius: 3 nm
  hamaker-constant: 1.9e-20 J
  ligand:
    name: decanoic acid
    group-contribution: decanoic-acid
    interaction-radius: 8
    thickness: 1.4 nm
    grafting-density: 2.5 1/nm^2
solvents: [Hexane, Water]
user-solvents:
  - name: MySolvent
    molar-volume: 150 cm^3/mol
    hansen: [17, 1, 2]
)");
  const CommandResult r = runProscale("run " + (dir / "case.yaml").string() + " -o " + (dir / "out").string());
  INFO(r.out << r.err);
  REQUIRE(r.exitCode == 0);
  CHECK(r.out.find("flag: solvent MySolvent: unsourced") != std::string::npos);
  CHECK(r.out.find("ligand decanoic acid: Hansen parameters unsourced") == std::string::npos);
  const auto ranking = bySolvent(readCsv(dir / "out" / "ranking.csv"));
  CHECK(ranking.at("MySolvent").at("flag") == "unsourced");
  // R_a of hexane (14.9/0/0) from the estimate dD = 3110/190.8, dP = 420/190.8,
  // dH = sqrt(10000/190.8) (Van Krevelen Table 7.10 with Fedors' volume; HansenDistance.h).
  const double dD = 3110.0 / 190.8, dP = 420.0 / 190.8, dH = std::sqrt(10000.0 / 190.8);
  const double ra = std::sqrt(4.0 * (dD - 14.9) * (dD - 14.9) + dP * dP + dH * dH);
  CHECK(number(ranking.at("Hexane"), "hansen_distance [MPa^0.5]") == Approx(ra).epsilon(1e-9));
  CHECK(number(ranking.at("Hexane"), "red [-]") == Approx(ra / 8.0).epsilon(1e-9));
  const nlohmann::json summary = nlohmann::json::parse(readFile(dir / "out" / "summary.json"));
  CHECK(summary["flags"] == nlohmann::json::array({"solvent MySolvent: unsourced"}));
  CHECK(summary["ligand_hansen_source"].get<std::string>().find("Hoftyzer-Van Krevelen") != std::string::npos);

  // The same shell given as numbers without a source: the ligand is flagged.
  std::string text = readFile(dir / "case.yaml");
  text.replace(text.find("group-contribution: decanoic-acid"), 33,
               "hansen: [16.3, 2.2, 7.2]\n    molar-volume: 190.8 cm^3/mol");
  write(dir / "given.yaml", text);
  const CommandResult g = runProscale("describe dispersion " + (dir / "given.yaml").string());
  INFO(g.out << g.err);
  CHECK(g.exitCode == 0);
  CHECK(g.out.find("flag: ligand decanoic acid: Hansen parameters unsourced") != std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST_CASE("Dispersion: a double layer only raises B2; a well beyond B2's range ranks last",
          "[cli][dispersion]") {
  const auto dir = freshDir("dispersion-double-layer");
  const std::string base = R"(model: dispersion
name: double_layer
particle:
  core-radius: 3 nm
  hamaker-constant: 1.9e-20 J
  contact-gap: 1.0 nm
  ligand:
    name: decanoic acid
    group-contribution: decanoic-acid
    interaction-radius: 8
    thickness: 1.4 nm
    grafting-density: 2.5 1/nm^2
solvents: [Hexane, Tetrahydrofuran]
user-solvents:
  - name: Glue
    molar-volume: 200 cm^3/mol
    hansen: [15.7, 60, 60]
    source: invented, chi ~ 120, for a pair potential deeper than 700 kT
phase-diagram:
  solvent: Tetrahydrofuran
)";
  std::string charged = base;
  charged.insert(charged.find("  ligand:"), R"(  double-layer:
    surface-potential: 50 mV
    ionic-strength: 1e-6 mol/L
    relative-permittivity: 2
)");
  write(dir / "plain.yaml", base);
  write(dir / "charged.yaml", charged);
  const CommandResult p = runProscale("run " + (dir / "plain.yaml").string() + " -o " + (dir / "plain").string());
  const CommandResult c = runProscale("run " + (dir / "charged.yaml").string() + " -o " + (dir / "charged").string());
  INFO(p.out << p.err << c.out << c.err);
  REQUIRE(p.exitCode == 0);
  REQUIRE(c.exitCode == 0);
  const auto plain = bySolvent(readCsv(dir / "plain" / "ranking.csv"));
  const auto withLayer = bySolvent(readCsv(dir / "charged" / "ranking.csv"));
  // A repulsive term added to V raises 1 - exp(-V) at every gap, so B2 can only rise.
  for (const char* s : {"Hexane", "Tetrahydrofuran"}) {
    INFO(s);
    CHECK(number(withLayer.at(s), "b2_reduced [-]") > number(plain.at(s), "b2_reduced [-]"));
  }
  // Glue: chi ~ 120, the shells' attraction is beyond exp(700): B2* = -inf, last, unstable.
  CHECK(plain.at("Glue").at("b2_reduced [-]") == "-inf");
  CHECK(plain.at("Glue").at("rank") == "3");
  CHECK(plain.at("Glue").at("phase_state") == "unstable");
  CHECK(p.out.find("contact gap 1 nm") != std::string::npos);  // the key overrides 2 sigma v_L
  // A phase diagram in it cannot be computed: bad input at the diagram's solvent, exit 2.
  const CommandResult g = runProscale("check " + (dir / "plain.yaml").string() +
                                      " --set phase-diagram.solvent=Glue");
  CHECK(g.exitCode == 2);
  CHECK(g.err.find("phase-diagram.solvent: dispersion phase diagram: in Glue the pair potential's well "
                   "is deeper than 700 kT") != std::string::npos);
  std::filesystem::remove_all(dir);
}
