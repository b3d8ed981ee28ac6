#pragma once
// The limited slopes of MUSCL reconstructions, shared by every high-resolution finite-volume
// scheme of proscale: growth in size (FiniteVolumeGrowth.h) and convection along a tube
// (models/units/AxialTransport.h). Sources and properties: docs/theory/population-balance.md.
#include <string>

namespace proscale {

/// Upwind: first order, no slope. van Leer (1974): harmonic mean 2ab/(a+b). Minmod (Roe 1986).
/// van Albada (van Albada, van Leer & Roberts 1982): smooth, not TVD at extrema.
enum class GrowthScheme { Upwind, VanLeer, Minmod, VanAlbada };

/// The scheme of a case's key: "upwind", "minmod", "van-albada", otherwise van Leer.
GrowthScheme schemeNamed(const std::string& name);

/// The limited slope from the one-sided differences a (upwind side) and b (downwind side), in
/// their units, with its derivatives dA = d/da and dB = d/db. eps: the flat slope below which
/// van Albada tends to zero (ignored by the others).
double limitedSlope(GrowthScheme scheme, double a, double b, double eps, double& dA, double& dB);

}  // namespace proscale
