#include "models/thermo/dispersion/PairPotential.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>

#include "core/Constants.h"
#include "core/Errors.h"

namespace proscale {

DispersionPairPotential::DispersionPairPotential(const DispersionParticle& particle,
                                                 const HansenSolvent& solvent,
                                                 double temperature, ChiEntropicTerm entropic)
    : m_particle(particle), m_temperature(temperature) {
  validate(particle);
  if (!(temperature >= kDlvoMinTemperature && temperature <= kDlvoMaxTemperature)) {
    std::ostringstream s;
    s << "nanoparticle pair potential: T = " << temperature << " K is outside "
      << kDlvoMinTemperature << "-" << kDlvoMaxTemperature << " K";
    throw RecoverableError(s.str());
  }
  m_chi = floryHugginsChi(particle.shell.parameters, solvent.parameters, solvent.molarVolume,
                          temperature, entropic);
  m_contactGap = proscale::contactGap(particle);
  const double a = particle.coreRadius, phi = shellSegmentFraction(particle);
  const double v1 = solvent.molarVolume / constants::NA;
  const double vL = particle.shell.molarVolume / constants::NA;
  m_mixing = 4.0 * constants::pi * a / v1 * phi * phi * (0.5 - m_chi);
  m_elastic = 2.0 * constants::pi * a * phi / vL;
  m_hasDoubleLayer = particle.doubleLayer.surfacePotential != 0.0;
}

double DispersionPairPotential::effectiveRadius() const {
  return proscale::effectiveRadius(m_particle);
}

PairPotentialTerms DispersionPairPotential::terms(double h) const {
  PairPotentialTerms t;
  const double kT = constants::kB * m_temperature, a = m_particle.coreRadius;
  const double delta = m_particle.shell.thickness;
  if (m_particle.hamakerConstant > 0.0) {
    DlvoParameters vdw;
    vdw.hamakerConstant = m_particle.hamakerConstant;
    t.vanDerWaals = dlvoPotential(vdw, a, h, m_temperature) / kT;
  }
  if (h < 2.0 * delta) {
    if (h >= delta) {
      const double overlap = delta - 0.5 * h;
      t.mixing = m_mixing * overlap * overlap;
    } else {
      const double x = h / delta;
      t.mixing = m_mixing * delta * delta * (0.5 * x - 0.25 - std::log(x));
      const double y = 0.5 * (3.0 - x);
      t.elastic = m_elastic * delta * delta *
                  (x * std::log(x * y * y) - 6.0 * std::log(y) + 3.0 * (1.0 - x));
    }
  }
  if (m_hasDoubleLayer) {
    DlvoParameters dl = m_particle.doubleLayer;
    dl.hamakerConstant = 0.0;
    t.doubleLayer = dlvoPotential(dl, a, h, m_temperature) / kT;
  }
  return t;
}

double DispersionPairPotential::operator()(double h) const {
  if (h <= m_contactGap) return std::numeric_limits<double>::infinity();
  return terms(h).total();
}

PairPotentialScales DispersionPairPotential::scales() const {
  PairPotentialScales s;
  const double delta = m_particle.shell.thickness;
  s.contactGap = m_contactGap;
  s.lengthScale = delta;
  s.range = 2.0 * delta;
  if (m_hasDoubleLayer) {
    const double debye = 1.0 / debyeParameter(m_particle.doubleLayer.ionicStrength,
                                              m_particle.doubleLayer.relativePermittivity,
                                              m_temperature);
    s.lengthScale = std::min(s.lengthScale, debye);
    s.range = std::max(s.range, debye);
  }
  for (double b : {delta, 2.0 * delta})
    if (b > m_contactGap) s.breakpoints.push_back(b);
  return s;
}

ReducedPairPotential DispersionPairPotential::reduced() const {
  return [copy = *this](double h) { return copy(h); };
}

}  // namespace proscale
