#pragma once
// ParaView files of a process in space (a tube), one output time at a time (VtkCollection.h):
//   <dir>/axial.pvd, <dir>/axial/axial_NNNN.vtr
// Each piece is a rectilinear grid of points over axial position x size:
//   x coordinates  the nodes' axial positions [m] (cell centres, inlet to outlet)
//   y coordinates  log10(pivot size / 1 m) of the size classes (one row at y = 0 without them)
//   z coordinate   0
// Point data (names carry their units, as the CSV headers):
//   number_density_per_size [1/m^4]   n(z, L) of each class at each node (with size classes)
//   log10_number_density_per_size [log10(1/m^4)]  its log10, floored at the piece's largest
//                                     value x 1e-12 (kLog10FloorRatio, VtkGridFile.h)
//   every axial profile "<name> [<unit>]" (concentrations, temperature, supersaturation, mean
//                                     size, d50, ...): a function of z only, the same at every
//                                     size, so that "Plot Over Line" along x draws it
//   position [m], size [m]
// Field data: TimeValue [s]. docs/reference/outputs.md describes the files.
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "core/Process.h"

namespace proscale {

class AxialGridFile;

class AxialVtkPieces {
 public:
  /// `pivots`: the size classes' pivots [m] (empty without classes); `expectedCount`: the
  /// number of output times. Creates `<dir>/<stem>/`. Error for a bad stem or grid.
  AxialVtkPieces(std::filesystem::path dir, std::string stem, const AxialGrid& grid,
                 std::vector<double> pivots, std::size_t expectedCount);
  ~AxialVtkPieces();
  AxialVtkPieces(const AxialVtkPieces&) = delete;
  AxialVtkPieces& operator=(const AxialVtkPieces&) = delete;

  /// Piece `index` at `time`: `values` node-major (positions x columns), `density` node-major
  /// (positions x classes). Error if a value is not finite or a size does not match.
  void write(std::size_t index, double time, std::span<const double> values,
             std::span<const double> density);
  /// The .pvd for the pieces written, then removes stale pieces of an earlier, longer run.
  void finish(const std::vector<double>& times);

 private:
  std::filesystem::path m_dir;
  std::string m_stem;
  std::size_t m_digits;
  std::unique_ptr<AxialGridFile> m_grid;
};

}  // namespace proscale
