#pragma once
// The driving force sigma of a molecular solute at concentration c and solubility c*, in the
// definition a case chooses (solution.supersaturation); the empirical kinetics
// (EmpiricalKinetics.h) are written in it. Docs: docs/theory/crystallizer-chemistry.md.
//   ratio     sigma = S = c/c*          (saturation at sigma = 1)
//   relative  sigma = s = (c - c*)/c*   (saturation at sigma = 0)
//   log       sigma = ln S = ln(c/c*)   (saturation at sigma = 0)
// excess() = sigma - sigma_sat is positive exactly when c > c*, whatever the definition: the
// laws grow and nucleate only then, and dissolve (if they may) with |excess| when c < c*.
#include <algorithm>
#include <cmath>
#include <string>

namespace proscale {

enum class SupersaturationKind { Ratio, Relative, Log };

inline SupersaturationKind supersaturationKind(const std::string& name) {
  return name == "ratio" ? SupersaturationKind::Ratio
         : name == "log" ? SupersaturationKind::Log
                         : SupersaturationKind::Relative;
}

struct Supersaturation {
  double sigma = 0.0;   ///< the chosen driving force [-]
  double excess = 0.0;  ///< sigma - sigma_sat: > 0 supersaturated, < 0 undersaturated
  double dC = 0.0;      ///< d sigma / dc [m^3/mol]

  /// At c, c* [mol/m^3]. For `log` a c <= 0 (reached only by a solver's trial step) is floored
  /// at 1e-300 c*, where ln S is far below any physical state.
  static Supersaturation of(SupersaturationKind kind, double c, double cStar) {
    Supersaturation s;
    switch (kind) {
      case SupersaturationKind::Ratio:
      case SupersaturationKind::Relative: {
        s.sigma = c / cStar - (kind == SupersaturationKind::Relative ? 1.0 : 0.0);
        s.excess = c / cStar - 1.0;
        s.dC = 1.0 / cStar;
        break;
      }
      case SupersaturationKind::Log: {
        const double floored = std::max(c, 1e-300 * cStar);
        s.sigma = s.excess = std::log(floored / cStar);
        s.dC = c == floored ? 1.0 / c : 0.0;  // no slope where floored
        break;
      }
    }
    return s;
  }
};

}  // namespace proscale
