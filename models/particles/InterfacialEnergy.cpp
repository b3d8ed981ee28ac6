#include "models/particles/InterfacialEnergy.h"

#include <cmath>

#include "core/Constants.h"

namespace proscale {

double mersmannInterfacialEnergy(double T, double molarVolume, double cSat) {
  const double cs = 1.0 / molarVolume;
  return 0.414 * constants::kB * T * std::pow(cs * constants::NA, 2.0 / 3.0) * std::log(cs / cSat);
}

double InterfacialEnergy::at(const DrivingForce& f) const {
  return estimated ? mersmannInterfacialEnergy(f.T, f.molarVolume, f.cSat) : given;
}

bool InterfacialEnergy::any() const { return estimated || given > 0.0; }

double tolmanInterfacialEnergy(double gammaInf, double radius, double tolmanLength) {
  return gammaInf / (1.0 + 2.0 * tolmanLength / radius);
}

void addTolmanLength(Schema& s) {
  s.add(ParamSpec::real("tolman-length", dim::length,
                        "Tolman length delta of gamma(r) = gamma_inf / (1 + 2 delta / r) "
                        "(Tolman 1949); 0 (default): gamma independent of size. delta > 0 "
                        "lowers gamma of small nuclei and the barrier.")
            .unit("nm")
            .defaultsTo("0 m")
            .atLeast(0));
}

void addInterfacialEnergy(Schema& s, const std::string& doc, bool required) {
  s.add(ParamSpec::real("interfacial-energy", dim::surfaceEnergy,
                        doc + (required ? " Give it, or set `interfacial-energy-estimate`."
                                        : " Optional; or set `interfacial-energy-estimate`."))
            .unit("J/m^2")
            .above(0));
  s.add(ParamSpec::choice("interfacial-energy-estimate", {"mersmann"},
                          "Estimate gamma instead of giving it: Mersmann (1990), "
                          "gamma = 0.414 kT (c_s N_A)^(2/3) ln(c_s/c_sat), at the local T and "
                          "solubility."));
}

InterfacialEnergy interfacialEnergyFrom(const Parameters& p, bool required) {
  const bool given = p.has("interfacial-energy"), estimate = p.has("interfacial-energy-estimate");
  if (given && estimate)
    throw p.error("interfacial-energy-estimate",
                  "give one of `interfacial-energy` and `interfacial-energy-estimate`, not both");
  if (required && !given && !estimate)
    throw p.error("", "give `interfacial-energy` or `interfacial-energy-estimate`");
  InterfacialEnergy g;
  if (given) g.given = p.real("interfacial-energy");
  g.estimated = estimate;
  return g;
}

}  // namespace proscale
