#include "models/thermo/dispersion/DispersionRanking.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "models/thermo/dispersion/PairPotential.h"
#include "models/thermo/dispersion/SecondVirial.h"

namespace proscale {

std::vector<SolventRankingRow> rankSolvents(const DispersionParticle& particle,
                                            const std::vector<HansenSolvent>& solvents,
                                            double temperature, double phi,
                                            ChiEntropicTerm entropic) {
  std::vector<SolventRankingRow> rows;
  for (const HansenSolvent& s : solvents) {
    const DispersionPairPotential V(particle, s, temperature, entropic);
    SolventRankingRow r;
    r.solvent = s.name;
    r.flag = s.flag();
    r.hansenDistance = hansenDistance(particle.shell.parameters, s.parameters);
    r.red = particle.shell.interactionRadius > 0.0
                ? relativeEnergyDifference(particle.shell.parameters, s.parameters,
                                           particle.shell.interactionRadius)
                : std::numeric_limits<double>::quiet_NaN();
    r.chi = V.chi();
    r.reducedB2 = secondVirial(V).reduced;
    r.stabilityRatio = fuchsStabilityRatio(V.reduced(), V.coreRadius(), V.scales());
    r.state = phaseState(csVdwPhaseBoundary(csVdwAttraction(r.reducedB2)), phi);
    rows.push_back(r);
  }
  std::stable_sort(rows.begin(), rows.end(),
                   [](const SolventRankingRow& x, const SolventRankingRow& y) {
                     if (x.reducedB2 != y.reducedB2) return x.reducedB2 > y.reducedB2;
                     return x.red < y.red;
                   });
  return rows;
}

std::vector<PhaseDiagramRow> dispersionPhaseDiagram(const DispersionParticle& particle,
                                                    const HansenSolvent& solvent,
                                                    const std::vector<double>& temperatures,
                                                    ChiEntropicTerm entropic) {
  std::vector<PhaseDiagramRow> rows;
  for (double T : temperatures) {
    const DispersionPairPotential V(particle, solvent, T, entropic);
    PhaseDiagramRow r;
    r.temperature = T;
    r.chi = V.chi();
    r.reducedB2 = secondVirial(V).reduced;
    r.attraction = csVdwAttraction(r.reducedB2);
    r.boundary = csVdwPhaseBoundary(r.attraction);
    rows.push_back(r);
  }
  return rows;
}

double dispersionCriticalTemperature(const DispersionParticle& particle,
                                     const HansenSolvent& solvent, double tLow, double tHigh,
                                     ChiEntropicTerm entropic) {
  const double b2c = csVdwCriticalPoint().reducedB2;
  auto excess = [&](double T) {
    return secondVirial(DispersionPairPotential(particle, solvent, T, entropic)).reduced - b2c;
  };
  double lo = tLow, hi = tHigh, gLo = excess(lo), gHi = excess(hi);
  if (!(gLo * gHi <= 0.0)) return std::numeric_limits<double>::quiet_NaN();
  for (int it = 0; it < 60 && hi - lo > 1e-9 * hi; ++it) {
    const double mid = 0.5 * (lo + hi), g = excess(mid);
    if ((g > 0.0) == (gLo > 0.0)) lo = mid, gLo = g;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

}  // namespace proscale
