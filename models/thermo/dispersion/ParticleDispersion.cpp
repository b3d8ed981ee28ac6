#include "models/thermo/dispersion/ParticleDispersion.h"

#include <cmath>
#include <stdexcept>

#include "core/Constants.h"

namespace proscale {

namespace {
double ligandVolume(const DispersionParticle& p) { return p.shell.molarVolume / constants::NA; }
}  // namespace

void validate(const DispersionParticle& p) {
  auto positive = [](double v, const char* what) {
    if (!(v > 0.0) || !std::isfinite(v))
      throw std::invalid_argument(std::string("nanoparticle dispersion: ") + what + " must be > 0");
  };
  positive(p.coreRadius, "the core radius");
  positive(p.shell.thickness, "the ligand shell thickness");
  positive(p.shell.graftingDensity, "the grafting density");
  positive(p.shell.molarVolume, "the ligand molar volume");
  if (!(p.hamakerConstant >= 0.0))
    throw std::invalid_argument("nanoparticle dispersion: the Hamaker constant must be >= 0 J");
  const double perArea = p.shell.graftingDensity * ligandVolume(p);  // sigma v_L [m]
  if (!(perArea < p.shell.thickness))
    throw std::invalid_argument(
        "nanoparticle dispersion: sigma v_L = " + std::to_string(perArea * 1e9) +
        " nm is not below the shell thickness " + std::to_string(p.shell.thickness * 1e9) +
        " nm: the ligand would be denser than its bulk liquid (raise delta or lower sigma)");
  if (p.contactGapOverride >= 2.0 * p.shell.thickness)
    throw std::invalid_argument(
        "nanoparticle dispersion: the contact gap must be below twice the shell thickness");
}

double shellSegmentFraction(const DispersionParticle& p) {
  const double a = p.coreRadius, d = p.shell.thickness;
  const double shell = std::pow(a + d, 3) - a * a * a;
  return 3.0 * a * a * p.shell.graftingDensity * ligandVolume(p) / shell;
}

double effectiveRadius(const DispersionParticle& p) { return p.coreRadius + p.shell.thickness; }

double contactGap(const DispersionParticle& p) {
  return p.contactGapOverride >= 0.0 ? p.contactGapOverride
                                     : 2.0 * p.shell.graftingDensity * ligandVolume(p);
}

double coreVolumeFraction(const DispersionParticle& p, double effectiveVolumeFraction) {
  return effectiveVolumeFraction * std::pow(p.coreRadius / effectiveRadius(p), 3);
}

double combinedHamakerConstant(double particleHamaker, double mediumHamaker) {
  if (!(particleHamaker >= 0.0) || !(mediumHamaker >= 0.0))
    throw std::invalid_argument("Hamaker combining rule: A_11 and A_33 must be >= 0 J");
  const double d = std::sqrt(particleHamaker) - std::sqrt(mediumHamaker);
  return d * d;
}

}  // namespace proscale
