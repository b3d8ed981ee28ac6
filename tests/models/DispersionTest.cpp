// Nanoparticles as pseudo-molecules (models/thermo/dispersion, docs/theory/pseudo-molecules.md):
// Hansen distance, RED and chi against hand calculations; the solvent table against its csv;
// B2 against the hard-sphere and square-well closed forms; the Carnahan-Starling + van der
// Waals phase diagram against its closed-form spinodal and critical point; the generic Fuchs
// stability ratio against its limits and the DLVO ratio.
#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

#include "core/Constants.h"
#include "core/Errors.h"
#include "models/particles/StabilityRatio.h"
#include "models/thermo/dispersion/DispersionPhaseDiagram.h"
#include "models/thermo/dispersion/DispersionRanking.h"
#include "models/thermo/dispersion/HansenDistance.h"
#include "models/thermo/dispersion/HansenSolvents.h"
#include "models/thermo/dispersion/PairPotential.h"
#include "models/thermo/dispersion/SecondVirial.h"

using namespace proscale;

namespace {
constexpr double kT25 = 298.15;

// Fields of one csv line; double quotes enclose fields that hold commas.
std::vector<std::string> csvFields(const std::string& line) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (char c : line) {
    if (c == '"') quoted = !quoted;
    else if (c == ',' && !quoted) fields.emplace_back();
    else fields.back() += c;
  }
  return fields;
}

// The rounded decanoic-acid estimate used in the hand calculations below.
const HansenParameters kLigand{16.3, 2.2, 7.2};

// A CeO2 core (a = 5 nm) capped with decanoic acid: shell 1.4 nm (about the extended C10 chain),
// 2.5 chains/nm^2, the Hoftyzer-Van Krevelen parameters; A_132 = 1.64e-20 J (combining rule,
// A_11 = 1.3e-19 J, A_33 = 5.4e-20 J: illustrative values, not fitted).
DispersionParticle cappedCeria() {
  DispersionParticle p;
  p.coreRadius = 5e-9;
  p.hamakerConstant = combinedHamakerConstant(1.3e-19, 5.4e-20);
  p.shell = {"decanoic acid", decanoicAcidHansenEstimate(), kDecanoicAcidHansenSource, 8.0,
             1.4e-9,          2.5e18,                       decanoicAcidMolarVolumeEstimate()};
  return p;
}
}  // namespace

TEST_CASE("Hansen distance, RED and chi against hand calculations", "[unit][dispersion]") {
  // Ligand (16.3, 2.2, 7.2) MPa^0.5, R_0 = 8.0 MPa^0.5.
  // Toluene (18.0, 1.4, 2.0): R_a^2 = 4 (16.3 - 18.0)^2 + (2.2 - 1.4)^2 + (7.2 - 2.0)^2
  //   = 4 x 2.89 + 0.64 + 27.04 = 39.24 MPa; R_a = 6.26418 MPa^0.5; RED = 6.26418 / 8 = 0.783023.
  // Ethanol (15.8, 8.8, 19.4): R_a^2 = 4 x 0.25 + 43.56 + 148.84 = 193.40 MPa;
  //   R_a = 13.90683; RED = 1.738354.
  // Tolerance 1e-12: the same arithmetic in double precision.
  const HansenSolvent toluene = hansenSolvent("Toluene"), ethanol = hansenSolvent("ethanol");
  CHECK(hansenDistanceSquared(kLigand, toluene.parameters) == Approx(39.24).epsilon(1e-12));
  CHECK(hansenDistance(kLigand, toluene.parameters) == Approx(6.2641839053463295).epsilon(1e-12));
  CHECK(relativeEnergyDifference(kLigand, toluene.parameters, 8.0) ==
        Approx(0.7830229881682912).epsilon(1e-12));
  CHECK(hansenDistanceSquared(kLigand, ethanol.parameters) == Approx(193.40).epsilon(1e-12));
  CHECK(relativeEnergyDifference(kLigand, ethanol.parameters, 8.0) ==
        Approx(1.7383541066192467).epsilon(1e-12));
  // chi = V_1 R_a^2 / (4 R T), R = k_B N_A = 8.31446261815324 J/(mol K): toluene
  // 106.8e-6 m^3/mol x 39.24e6 Pa / (4 x 8.31446261815324 x 298.15 J/mol) = 4190.832 / 9915.85
  // = 0.4226406458; ethanol 58.6e-6 x 193.4e6 / 9915.85 = 11333.24 / 9915.85 = 1.1429443779.
  CHECK(floryHugginsChi(kLigand, toluene.parameters, toluene.molarVolume, kT25) ==
        Approx(0.42264064583969285).epsilon(1e-12));
  CHECK(floryHugginsChi(kLigand, ethanol.parameters, ethanol.molarVolume, kT25) ==
        Approx(1.1429443778839719).epsilon(1e-12));
  CHECK(floryHugginsChi(kLigand, toluene.parameters, toluene.molarVolume, kT25,
                        ChiEntropicTerm::Constant034) ==
        Approx(0.42264064583969285 + 0.34).epsilon(1e-12));
  CHECK(floryHugginsChi(kLigand, kLigand, 1e-4, kT25) == 0.0);  // R_a = 0
  CHECK_THROWS_AS(relativeEnergyDifference(kLigand, kLigand, 0.0), std::invalid_argument);
}

TEST_CASE("Hansen group contribution: decanoic acid by Hoftyzer-Van Krevelen",
          "[unit][dispersion]") {
  // CH3-(CH2)8-COOH, Van Krevelen & te Nijenhuis (2009) Table 7.10 and Fedors (1974):
  //   V = 33.5 + 8 x 16.1 + 28.5 = 190.8 cm^3/mol
  //   dD = (420 + 8 x 270 + 530) / 190.8 = 3110 / 190.8 = 16.29979 MPa^0.5
  //   dP = sqrt(420^2) / 190.8 = 2.201258;  dH = sqrt(10000 / 190.8) = 7.239537
  // Tolerance 1e-12: the hand arithmetic in double precision.
  CHECK(decanoicAcidMolarVolumeEstimate() == Approx(190.8e-6).epsilon(1e-12));
  const HansenParameters d = decanoicAcidHansenEstimate();
  CHECK(d.dispersion == Approx(16.29979035639413).epsilon(1e-12));
  CHECK(d.polar == Approx(2.20125786163522).epsilon(1e-12));
  CHECK(d.hydrogenBonding == Approx(7.2395373793844895).epsilon(1e-12));
  // Two polar groups of one kind add their F_p^2: sqrt(2 x 420^2) / V.
  const HansenParameters two = hoftyzerVanKrevelen({hvkCarboxyl(2)}, 100.0);
  CHECK(two.polar == Approx(std::sqrt(2.0) * 4.2).epsilon(1e-12));
  CHECK(std::string(kDecanoicAcidHansenSource).rfind("estimate", 0) == 0);
}

TEST_CASE("Hansen solvent table equals its csv, row by row", "[unit][dispersion]") {
  std::ifstream in(std::string(PROSCALE_SOURCE_DIR) + "/tests/models/data/hsp_solvents.csv");
  REQUIRE(in);
  std::string line;
  // The copy is verbatim: its first line ends in LF, the others in CRLF.
  auto next = [&] {
    if (!std::getline(in, line)) return false;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return true;
  };
  next();
  REQUIRE(line == std::string("# ") + kHansenSolventSource);  // the source line, verbatim
  next();
  REQUIRE(line == "solvent,inchikey,molar_volume_cm3_per_mol,delta_d,delta_p,delta_h,delta_t,note");
  const std::vector<HansenSolventRow>& rows = hansenSolventRows();
  std::size_t n = 0;
  while (next()) {
    if (line.empty()) continue;
    const std::vector<std::string> f = csvFields(line);
    REQUIRE(f.size() == 8);
    REQUIRE(n < rows.size());
    const HansenSolventRow& r = rows[n++];
    INFO("row " << n << ": " << line);
    CHECK(f[0] == r.name);
    CHECK(f[1] == r.inchiKey);
    // std::stod and the compiler read the same decimal text to the same double: exact.
    CHECK(std::stod(f[2]) == r.molarVolumeCm3PerMol);
    CHECK(std::stod(f[3]) == r.deltaD);
    CHECK(std::stod(f[4]) == r.deltaP);
    CHECK(std::stod(f[5]) == r.deltaH);
    CHECK(std::stod(f[6]) == r.deltaTotal);
    CHECK(f[7] == r.note);
  }
  CHECK(n == rows.size());
  CHECK(n == 25);
}

TEST_CASE("Hansen solvents: lookup, flags and unknown names", "[unit][dispersion]") {
  CHECK(hansenSolvent("cYcLoHeXaNe").name == "Cyclohexane");
  CHECK(hansenSolvent("Cyclohexane").molarVolume == Approx(108.9e-6).epsilon(1e-15));
  CHECK(hansenSolvent("Ethanolamine").suspect());
  CHECK(hansenSolvent("Ethanolamine").flag() == "suspect");
  CHECK(hansenSolvent("OleicAcid").flag() ==
        "note: modifier-relevant; pure oleic acid, not a grafted shell");
  CHECK(hansenSolvent("Toluene").flag().empty());
  CHECK_FALSE(hansenSolvent("Toluene").unsourced());
  const HansenSolvent mine = userHansenSolvent("Decane", 195.9e-6, {15.7, 0.0, 0.0});
  CHECK(mine.unsourced());
  CHECK(mine.flag() == "unsourced");
  CHECK_FALSE(userHansenSolvent("Decane", 195.9e-6, {15.7, 0.0, 0.0}, "my lab").unsourced());
  CHECK(findHansenSolventRow("Decane") == nullptr);
  try {
    hansenSolvent("Decane");
    FAIL("no exception");
  } catch (const std::invalid_argument& e) {
    const std::string m = e.what();
    CHECK(m.find("'Decane'") != std::string::npos);
    CHECK(m.find("Cyclohexane, Methylcyclohexane, Toluene") != std::string::npos);
    CHECK(m.find("Ethanolamine") != std::string::npos);
  }
  CHECK(hansenSolventNames().size() == 25);
}

TEST_CASE("Dispersion pair potential: terms, continuity and the sign of mixing",
          "[unit][dispersion]") {
  DispersionParticle p = cappedCeria();
  p.hamakerConstant = 0.0;
  // phi_s = 3 a^2 sigma v_L / ((a + delta)^3 - a^3), v_L = 190.8e-6 / N_A = 3.16831e-28 m^3:
  // 3 x 25 x 2.5 x 0.3168309 nm^3 / (6.4^3 - 125 = 137.144 nm^3) = 59.4058 / 137.144 = 0.433164;
  // contact gap 2 sigma v_L = 2 x 2.5 x 0.3168309 = 1.584154 nm. Tolerance 1e-5: the hand
  // values are rounded to 6 digits.
  CHECK(shellSegmentFraction(p) == Approx(0.433164).epsilon(1e-5));
  CHECK(contactGap(p) == Approx(1.584154e-9).epsilon(1e-5));
  // A solvent whose Hansen parameters equal the ligand's: chi = 0. V_mix at h = 1.5 delta:
  // (4 pi a / v_1) phi_s^2 (1/2) (delta/4)^2 with v_1 = 100e-6 / N_A = 1.66054e-28 m^3:
  // 4 pi x 5 nm / 0.166054 nm^3 = 378.38 nm^-2; x phi_s^2 (0.187631) x 0.5 = 35.4981 nm^-2;
  // x (delta/4)^2 = (0.35 nm)^2 = 0.1225 nm^2: 4.34851.
  const HansenSolvent match = userHansenSolvent("match", 100e-6, p.shell.parameters, "test");
  const DispersionPairPotential V(p, match, kT25);
  CHECK(V.chi() == 0.0);
  CHECK(V.terms(2.1e-9).mixing == Approx(4.34851).epsilon(1e-5));
  CHECK(V.terms(2.1e-9).elastic == 0.0);
  CHECK(V.terms(2.9e-9).total() == 0.0);  // beyond 2 delta, no vdW: nothing
  CHECK(std::isinf(V(1.5e-9)));           // inside the contact gap
  // Continuity of V_mix at delta and 2 delta (value; the forms meet at delta^2/4 and 0).
  p.contactGapOverride = 0.1e-9;  // expose the compression range h < delta
  const DispersionPairPotential W(p, match, kT25);
  const double d = p.shell.thickness, eps = 1e-9 * d;
  CHECK(W.terms(d - eps).mixing == Approx(W.terms(d + eps).mixing).epsilon(1e-7));
  CHECK(W.terms(d - eps).elastic == Approx(0.0).margin(1e-6));
  CHECK(W.terms(2.0 * d - eps).mixing == Approx(0.0).margin(1e-12));
  CHECK(W.terms(0.5 * d).elastic > 0.0);
  // chi > 1/2 (ethanol, chi = 1.14 with the estimate): mixing attracts.
  const DispersionPairPotential bad(cappedCeria(), hansenSolvent("Ethanol"), kT25);
  CHECK(bad.chi() > 0.5);
  CHECK(bad.terms(2.0e-9).mixing < 0.0);
  // Outside the temperature range: RecoverableError.
  CHECK_THROWS_AS(DispersionPairPotential(cappedCeria(), match, 100.0), RecoverableError);
  // A shell denser than its bulk ligand is refused.
  DispersionParticle dense = cappedCeria();
  dense.shell.graftingDensity = 5e18;  // sigma v_L = 1.58 nm > delta = 1.4 nm
  CHECK_THROWS_AS(validate(dense), std::invalid_argument);
  // Combining rule: (sqrt(1.3e-19) - sqrt(5.4e-20))^2 = (3.60555e-10 - 2.32379e-10)^2 = 1.6429e-20.
  CHECK(combinedHamakerConstant(1.3e-19, 5.4e-20) == Approx(1.6429e-20).epsilon(1e-4));
}

TEST_CASE("Dispersion B2: hard spheres and a square well against closed forms",
          "[unit][validation][dispersion]") {
  const double a = 5e-9, sigma = 2.0 * a;
  const double hardSphere = 2.0 * constants::pi / 3.0 * sigma * sigma * sigma;  // = 4 v_p
  CHECK(hardSphere == Approx(4.0 * 4.0 / 3.0 * constants::pi * a * a * a).epsilon(1e-15));
  // Hard core only: B2 = 4 v_p (tolerance 1e-8 as asked; the core part is exact, the
  // integral of a zero integrand is 0).
  const ReducedPairPotential none = [](double) { return 0.0; };
  CHECK(secondVirialCoefficient(none, a) == Approx(hardSphere).epsilon(1e-8));
  // A hard core at the gap h_c: 2 pi/3 (2a + h_c)^3.
  PairPotentialScales core;
  core.contactGap = 1e-9;
  CHECK(secondVirialCoefficient([](double h) { return h <= 1e-9 ? INFINITY : 0.0; }, a, core) ==
        Approx(2.0 * constants::pi / 3.0 * std::pow(sigma + 1e-9, 3)).epsilon(1e-10));
  // Square well of depth eps and range lambda sigma: B2 = (2 pi sigma^3/3) [1 - (lambda^3 - 1)
  // (e^{eps/kT} - 1)] (the standard closed form, e.g. McQuarrie, Statistical Mechanics, 1976,
  // ch. 12); lambda = 1.5, eps = 1 kT: factor
  // 1 - 2.375 (e - 1) = -3.0809193425902324. Tolerance 1e-10: the quadrature's 1e-12 with the
  // discontinuity on a cut.
  const double lambda = 1.5, wellEnd = (lambda - 1.0) * sigma;
  PairPotentialScales well;
  well.breakpoints = {wellEnd};
  const ReducedPairPotential squareWell = [&](double h) {
    return h <= 0.0 ? INFINITY : h < wellEnd ? -1.0 : 0.0;
  };
  CHECK(secondVirialCoefficient(squareWell, a, well) ==
        Approx(hardSphere * -3.0809193425902324).epsilon(1e-10));
  // Deeper well (3 kT, lambda 1.1): 1 - 0.331 (e^3 - 1).
  const double narrow = 0.1 * sigma;
  well.breakpoints = {narrow};
  const ReducedPairPotential deep = [&](double h) {
    return h <= 0.0 ? INFINITY : h < narrow ? -3.0 : 0.0;
  };
  CHECK(secondVirialCoefficient(deep, a, well) ==
        Approx(hardSphere * (1.0 - 0.331 * std::expm1(3.0))).epsilon(1e-10));
}

TEST_CASE("Dispersion B2 of capped particles: good and poor solvents", "[unit][dispersion]") {
  const DispersionParticle p = cappedCeria();
  const SecondVirialResult good =
      secondVirial(DispersionPairPotential(p, hansenSolvent("Chloroform"), kT25));
  const SecondVirialResult poor =
      secondVirial(DispersionPairPotential(p, hansenSolvent("Hexane"), kT25));
  CHECK(good.hardSphere == Approx(16.0 * constants::pi / 3.0 * std::pow(6.4e-9, 3)).epsilon(1e-14));
  // Good solvent: repulsive shells, but the hard core at a + h_c/2 = 5.79 nm lies inside
  // a_eff = 6.4 nm: 0.5 < B2* < 1 ((5.79/6.4)^3 = 0.74 is the bare-core value).
  CHECK(good.reduced > std::pow((5e-9 + 0.5 * contactGap(p)) / 6.4e-9, 3));
  CHECK(good.reduced < 1.0);
  // Poor solvent (chi > 1/2): net attraction, B2* far below the critical -1.65.
  CHECK(poor.reduced < -1.65);
  // B2* falls as T falls in a poor solvent (chi ~ 1/T): an upper critical solution temperature.
  const double cold =
      secondVirial(DispersionPairPotential(p, hansenSolvent("Cyclohexane"), 280.0)).reduced;
  const double warm =
      secondVirial(DispersionPairPotential(p, hansenSolvent("Cyclohexane"), 340.0)).reduced;
  CHECK(cold < warm);
}

TEST_CASE("Dispersion phase diagram: Carnahan-Starling + van der Waals closed forms",
          "[unit][validation][dispersion]") {
  // Critical point: the root of phi^5 - 5 phi^4 + 4 phi^3 + 20 phi^2 + 5 phi - 1 = 0
  // (d alpha_s / d phi = 0, docs/theory/pseudo-molecules.md); phi_c = 0.1304439, alpha_c =
  // 10.60123, B2*_c = -1.650307, Z_c = 0.358956 (this derivation; B2*_c is near the -1.5 that
  // Vliegenthart & Lekkerkerker 2000 found for simulated short-range fluids).
  const CsVdwCriticalPoint c = csVdwCriticalPoint();
  const double q = std::pow(c.phi, 5) - 5 * std::pow(c.phi, 4) + 4 * std::pow(c.phi, 3) +
                   20 * c.phi * c.phi + 5 * c.phi - 1;
  CHECK(std::abs(q) < 1e-14);
  CHECK(c.phi == Approx(0.1304439).epsilon(1e-6));
  CHECK(c.alpha == Approx(10.60123).epsilon(1e-6));
  CHECK(c.reducedB2 == Approx(-1.650307).epsilon(1e-6));
  CHECK(c.compressibility == Approx(0.358956).epsilon(1e-5));
  // alpha_s has its minimum there (central differences, step 1e-4: O(h^2) = 1e-8 of alpha).
  CHECK(csVdwSpinodalAttraction(c.phi + 1e-3) > c.alpha);
  CHECK(csVdwSpinodalAttraction(c.phi - 1e-3) > c.alpha);
  // The closed-form spinodal against f'' of the free energy by finite differences (step
  // 1e-4 phi: truncation ~1e-8 phi^2 f'''', rounding 1e-16/1e-8 = 1e-8: tolerance 1e-5 of 2 alpha).
  for (double alpha : {11.0, 15.0, 40.0}) {
    const PhaseBoundary b = csVdwPhaseBoundary(alpha);
    REQUIRE(b.twoPhase);
    for (double phi : {b.spinodalLow, b.spinodalHigh}) {
      const double h = 1e-4 * phi;
      const double f2 = (csVdwFreeEnergy(alpha, phi + h) - 2 * csVdwFreeEnergy(alpha, phi) +
                         csVdwFreeEnergy(alpha, phi - h)) / (h * h);
      CHECK(std::abs(f2) < 1e-5 * 2 * alpha);
    }
    // Binodal: equal chemical potential and pressure (1e-10 absolute in kT and kT/v_p), the
    // order binodal < spinodal < spinodal < binodal.
    INFO("alpha " << alpha << ": binodal " << b.binodalLow << " " << b.binodalHigh);
    CHECK(csVdwChemicalPotential(alpha, b.binodalLow) ==
          Approx(csVdwChemicalPotential(alpha, b.binodalHigh)).margin(1e-10));
    CHECK(csVdwPressure(alpha, b.binodalLow) ==
          Approx(csVdwPressure(alpha, b.binodalHigh)).margin(1e-10));
    CHECK(b.binodalLow < b.spinodalLow);
    CHECK(b.spinodalLow < c.phi);
    CHECK(c.phi < b.spinodalHigh);
    CHECK(b.spinodalHigh < b.binodalHigh);
    CHECK(phaseState(b, 0.5 * (b.spinodalLow + b.spinodalHigh)) == DispersionPhaseState::Unstable);
    CHECK(phaseState(b, 0.5 * (b.binodalLow + b.spinodalLow)) == DispersionPhaseState::Metastable);
    CHECK(phaseState(b, 0.5 * b.binodalLow) == DispersionPhaseState::Stable);
  }
  // Mean-field near the critical point: binodal width / spinodal width -> sqrt(3) (Landau
  // expansion of f to 4th order); at alpha = alpha_c (1 + 1e-6) the odd terms shift it by
  // O(sqrt(1e-6)): tolerance 1e-2.
  const PhaseBoundary near = csVdwPhaseBoundary(c.alpha * (1 + 1e-6));
  CHECK((near.binodalHigh - near.binodalLow) / (near.spinodalHigh - near.spinodalLow) ==
        Approx(std::sqrt(3.0)).epsilon(1e-2));
  // Below alpha_c: one phase at every phi.
  const PhaseBoundary one = csVdwPhaseBoundary(10.0);
  CHECK_FALSE(one.twoPhase);
  CHECK(phaseState(one, 0.13) == DispersionPhaseState::Stable);
  // Hard spheres alone (B2* = 1, alpha = 0): the Carnahan-Starling Z at phi = 0.3,
  // (1 + 0.3 + 0.09 - 0.027) / 0.7^3 = 1.363 / 0.343 = 3.973761.
  CHECK(csVdwPressure(csVdwAttraction(1.0), 0.3) / 0.3 == Approx(3.973761).epsilon(1e-6));
}

TEST_CASE("Dispersion W: the generic Fuchs integral against its limits and the DLVO ratio",
          "[unit][validation][dispersion][aggregation]") {
  // No potential: W = 1 (to 1e-12, the quadrature's accuracy); a hard core at h_c without
  // other forces: the sink at 2a + h_c, W = 2a / (2a + h_c).
  CHECK(fuchsStabilityRatio([](double) { return 0.0; }, 50e-9) == Approx(1.0).epsilon(1e-12));
  PairPotentialScales core;
  core.contactGap = 2e-9;
  CHECK(fuchsStabilityRatio([](double h) { return h <= 2e-9 ? INFINITY : 0.0; }, 5e-9, core) ==
        Approx(10.0 / 12.0).epsilon(1e-12));

  // A DLVO potential through the generic path equals stabilityRatio to 1e-9 (both integrate to
  // 1e-11; the generic path locates the barrier by sampling instead of the force balance).
  auto generic = [](const DlvoParameters& p, double a) {
    const double kT = constants::kB * kT25, debye = 1.0 / debyeParameter(p.ionicStrength,
                                                                         p.relativePermittivity,
                                                                         kT25);
    PairPotentialScales s;
    s.lengthScale = p.surfacePotential != 0.0 ? std::min(a, debye) : a;
    s.range = p.surfacePotential != 0.0 ? std::max(a, debye) : a;
    return fuchsStabilityRatio(
        [&](double h) { return dlvoPotential(p, a, h, kT25) / kT; }, a, s);
  };
  DlvoParameters p;
  p.hamakerConstant = 1e-20;
  p.ionicStrength = 10.0;
  for (double psi : {0.0, 0.01, 0.025, 0.03}) {
    p.surfacePotential = psi;
    INFO("psi0 = " << psi);
    CHECK(generic(p, 100e-9) == Approx(stabilityRatio(p, 100e-9, kT25)).epsilon(1e-9));
  }
  p.doubleLayer = DoubleLayerModel::Superposition;
  p.ionicStrength = 1.0;
  CHECK(generic(p, 20e-9) == Approx(stabilityRatio(p, 20e-9, kT25)).epsilon(1e-9));
  DlvoParameters vdw;
  vdw.hamakerConstant = 1e-18;
  CHECK(generic(vdw, 5e-9) == Approx(0.5977125922985052).epsilon(1e-9));

  // High barrier: Reerink & Overbeek, Discuss. Faraday Soc. 18 (1954) 74,
  // W_RO = (1/(2 kappa a)) exp(V_max/kT), an order-of-magnitude estimate: it takes the
  // barrier's width in h as 1/kappa, where Laplace's method gives sqrt(2 pi / |V''(h_max)|)
  // with |V''| ~ c V_max kappa^2, so that W/W_RO ~ sqrt(2 pi / (c V_max)). Checked: (1) within
  // a factor 10 (|ln W - ln W_RO| < ln 10) for psi0 = 26, 32, 36 mV (V_max = 22, 41, 56 kT;
  // W/W_RO = 0.26, 0.18, 0.14); (2) its exponential content, d ln W / d V_max = 1 to 5 %
  // (the curvature factor adds -(1/2) d ln V_max: 0.98 here); (3) ln(W/W_RO) + ln(V_max)/2
  // constant to 0.25 (0.20, 0.12, 0.07: c varies a little with psi0).
  p.doubleLayer = DoubleLayerModel::Derjaguin;
  p.ionicStrength = 10.0;
  const double a = 100e-9, kT = constants::kB * kT25;
  const double kappa = debyeParameter(p.ionicStrength, p.relativePermittivity, kT25);
  auto vMax = [&](const DlvoParameters& q) {
    double best = -INFINITY;
    for (double h = 1e-11; h < 1e-7; h *= 1.0001)
      best = std::max(best, dlvoPotential(q, a, h, kT25) / kT);
    return best;
  };
  std::vector<double> barriers, logWs, corrected;
  for (double psi : {0.026, 0.032, 0.036}) {
    p.surfacePotential = psi;
    const double vm = vMax(p), W = generic(p, a);
    const double logRO = vm - std::log(2.0 * kappa * a);
    INFO("psi0 " << psi << ": V_max " << vm << " kT, ln W " << std::log(W) << ", ln W_RO "
                 << logRO);
    CHECK(vm > 20.0);
    CHECK(std::abs(std::log(W) - logRO) < std::log(10.0));
    barriers.push_back(vm);
    logWs.push_back(std::log(W));
    corrected.push_back(std::log(W) - logRO + 0.5 * std::log(vm));
  }
  CHECK(std::abs(corrected[2] - corrected[0]) < 0.25);
  CHECK((logWs[2] - logWs[0]) / (barriers[2] - barriers[0]) == Approx(1.0).epsilon(0.05));
}

TEST_CASE("Dispersion ranking and phase-diagram tables", "[unit][dispersion]") {
  const DispersionParticle p = cappedCeria();
  std::vector<HansenSolvent> solvents;
  for (const char* n : {"Ethanol", "Chloroform", "Hexane", "Toluene", "Ethanolamine"})
    solvents.push_back(hansenSolvent(n));
  solvents.push_back(userHansenSolvent("MyOil", 300e-6, {16.0, 1.0, 4.0}));
  const auto rows = rankSolvents(p, solvents, kT25, 0.05);
  REQUIRE(rows.size() == 6);
  for (std::size_t i = 1; i < rows.size(); ++i) CHECK(rows[i - 1].reducedB2 >= rows[i].reducedB2);
  CHECK(rows.front().solvent == "Chloroform");  // the smallest chi of these (0.099)
  const auto find = [&](const std::string& n) {
    for (const auto& r : rows)
      if (r.solvent == n) return r;
    FAIL("missing " << n);
    return rows.front();
  };
  CHECK(find("Ethanol").state == DispersionPhaseState::Unstable);
  CHECK(find("Chloroform").state == DispersionPhaseState::Stable);
  CHECK(find("Chloroform").stabilityRatio > find("Ethanol").stabilityRatio);
  CHECK(find("Ethanolamine").flag == "suspect");
  CHECK(find("MyOil").flag == "unsourced");
  CHECK(find("Toluene").red == Approx(hansenDistance(p.shell.parameters,
                                                     hansenSolvent("Toluene").parameters) / 8.0));

  // Cyclohexane (chi = 0.61 at 25 degC): B2* crosses B2*_c = -1.65 at an upper critical
  // temperature; below it two phases, above one.
  const HansenSolvent cyclohexane = hansenSolvent("Cyclohexane");
  const double Tc = dispersionCriticalTemperature(p, cyclohexane, 200.0, 400.0);
  REQUIRE(std::isfinite(Tc));
  const auto table = dispersionPhaseDiagram(p, cyclohexane, {Tc - 10.0, Tc + 10.0});
  CHECK(table[0].boundary.twoPhase);
  CHECK_FALSE(table[1].boundary.twoPhase);
  CHECK(table[0].reducedB2 < csVdwCriticalPoint().reducedB2);
  CHECK(std::isnan(table[1].boundary.binodalLow));
}
