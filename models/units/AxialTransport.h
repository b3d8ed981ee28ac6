#pragma once
// Convection and axial dispersion of one transported quantity c (a concentration, a class's
// number density, the temperature) on N equal cells of a tube of cross-section A, cell length
// dz and cell volume V = A dz, by finite volumes:
//
//   dc_i/dt = (F_{i-1/2} - F_{i+1/2}) / V,
//   F_{i-1/2} = Q_{i-1/2} c(face) - D A (c_i - c_{i-1}) / dz        interior faces,
//   F_{-1/2}  = sum of the inlet feeds' Q_f c_f                     (Danckwerts: the feed's
//               flux is the total, convective plus dispersive, flux into the tube),
//   F_{N-1/2} = Q_N c_{N-1}                                          (Danckwerts: dc/dz = 0),
//
// with the volume flows Q at the faces. Every feed's Q_f c_f / V, the inlet's F_{-1/2} too, is
// the caller's: rate() gives the faces between the cells and the outlet's. The face value is MUSCL-reconstructed from the upwind cell
// u = i - 1 with the slope limiters of the size grid (models/pbe/SlopeLimiter.h) and clipped to
// the downwind value, first order next to the inlet; flow runs from inlet to outlet (Q >= 0).
// Sources: Danckwerts, Chem. Eng. Sci. 2 (1953) 1; Hundsdorfer & Verwer, Numerical Solution of
// Time-Dependent Advection-Diffusion-Reaction Equations (Springer 2003), ch. III.1. Theory:
// docs/theory/tubular-reactors.md.
#include <cstddef>

#include "models/pbe/SlopeLimiter.h"

namespace proscale {

class AxialTransport {
 public:
  /// `dispersion` D [m^2/s] >= 0, `area` A [m^2], `cellLength` dz [m].
  AxialTransport(std::size_t cells, double cellLength, double area, double dispersion,
                 GrowthScheme scheme);

  /// Cells upstream (2) and downstream (1) whose values the rate of a cell depends on.
  static constexpr std::size_t upstream = 2, downstream = 1;

  /// dc_i/dt by transport. c[0..3] = c_{i-2}, c_{i-1}, c_i, c_{i+1} (entries outside the tube
  /// are not read); qIn, qOut: the volume flows [m^3/s] through the faces i - 1/2 and i + 1/2
  /// (the inlet face's F_{-1/2} is the caller's). With `slopes`, its derivatives by c[0..3].
  double rate(std::size_t i, const double c[4], double qIn, double qOut,
              double slopes[4] = nullptr) const;

  double cellVolume() const { return m_volume; }

 private:
  struct Face {
    double value = 0.0;
    double d[3] = {0.0, 0.0, 0.0};  ///< by the values of cells f - 2, f - 1, f
  };
  /// The value at the interior face f (between cells f - 1 and f) from cu2 = c_{f-2},
  /// cu = c_{f-1}, cd = c_f.
  Face face(std::size_t f, double cu2, double cu, double cd) const;

  std::size_t m_cells;
  double m_volume, m_exchange;  ///< V [m^3]; D A / dz [m^3/s]
  GrowthScheme m_scheme;
};

}  // namespace proscale
