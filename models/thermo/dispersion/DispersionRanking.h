#pragma once
// Tables for the app: a solvent ranking for one particle and a phase-diagram table over
// temperature, both from the same pair potential (PairPotential.h): Hansen distance and RED of
// ligand and solvent, chi, B2* (SecondVirial.h), the Fuchs stability ratio W of the cores
// (StabilityRatio.h, fuchsStabilityRatio; the sink at the contact gap) and the phase state of
// the augmented van der Waals model (DispersionPhaseDiagram.h). No printing here.
#include <string>
#include <vector>

#include "models/thermo/dispersion/DispersionPhaseDiagram.h"
#include "models/thermo/dispersion/HansenSolvents.h"
#include "models/thermo/dispersion/ParticleDispersion.h"

namespace proscale {

struct SolventRankingRow {
  std::string solvent;
  std::string flag;            ///< HansenSolvent::flag(): "", "suspect", "unsourced", "note: .."
  double hansenDistance = 0.0; ///< R_a [MPa^0.5]
  double red = 0.0;            ///< R_a / R_0 [-]
  double chi = 0.0;            ///< [-]
  double reducedB2 = 0.0;      ///< B2 / B2_HS(a_eff) [-]
  double stabilityRatio = 0.0; ///< W [-] (+infinity: no aggregation)
  DispersionPhaseState state = DispersionPhaseState::Stable;  ///< at (phi, T)
};

/// One row per solvent, best dispersing first (B2* descending; ties by RED ascending).
/// phi is the effective-particle volume fraction; T [K].
std::vector<SolventRankingRow> rankSolvents(const DispersionParticle& particle,
                                            const std::vector<HansenSolvent>& solvents,
                                            double temperature, double phi,
                                            ChiEntropicTerm entropic = ChiEntropicTerm::None);

struct PhaseDiagramRow {
  double temperature = 0.0;  ///< [K]
  double chi = 0.0, reducedB2 = 0.0, attraction = 0.0;
  PhaseBoundary boundary;    ///< effective-particle volume fractions (NaN when one phase)
};

/// The phase-diagram table at the given temperatures [K].
std::vector<PhaseDiagramRow> dispersionPhaseDiagram(const DispersionParticle& particle,
                                                    const HansenSolvent& solvent,
                                                    const std::vector<double>& temperatures,
                                                    ChiEntropicTerm entropic =
                                                        ChiEntropicTerm::None);

/// The temperature [K] in [tLow, tHigh] where B2* crosses the model's critical B2*_c
/// (bisection); NaN when it does not cross there.
double dispersionCriticalTemperature(const DispersionParticle& particle,
                                     const HansenSolvent& solvent, double tLow, double tHigh,
                                     ChiEntropicTerm entropic = ChiEntropicTerm::None);

}  // namespace proscale
