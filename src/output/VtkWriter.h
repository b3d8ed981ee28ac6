#pragma once
// ParaView files of a particle size distribution, written through VTK's XML writers:
//   <dir>/<stem>.pvd                  collection, one DataSet entry per output time
//   <dir>/<stem>/<stem>_<NNNN>.vtr    one 1-D rectilinear grid per output time
// Each .vtr is a 1-D grid whose x coordinates are log10(class face / 1 m) (y = z = 0; a first
// face of 0 is placed one class step below the second, VtkGridFile.h), so every cell is a size
// class and a plot along x has a log size axis. Cell data (names carry their units):
//   number_density_per_size [1/m^4]   number per m^3 of suspension in the class / dL
//   number_per_log10_size [1/m^3]     number per m^3 of suspension in the class / dx, dx the
//                                     cell's width in log10 size: its area over x is N
//   log10_number_per_log10_size [log10(1/m^3)]  its log10, floored at the piece's largest
//                                     value x 1e-12 (kLog10FloorRatio)
//   number_per_class [1/m^3]          number per m^3 of suspension in the class
//   volume_fraction_per_size [1/m]    (pi/6) L^3 * number / dL, L the pivot size; only when
//                                     the size coordinate is a diameter
//   size [m]                          the pivot size L of the class
// Field data: TimeValue [s] (one value; ParaView reads it as the piece's time) and
// log10_floor [log10(1/m^3)]. Inline binary (base64), LZ4-compressed data.
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "core/Results.h"

namespace proscale {

class PsdGrid;

/// The same files written one output time at a time (a run in progress): each piece as its
/// time comes, the collection at the end.
class PsdVtkPieces {
 public:
  /// `classes`: faces, pivots, size meaning (times and numbers are ignored);
  /// `expectedCount`: the number of output times (fixes the digits of <NNNN>). Creates
  /// `<dir>/<stem>/`. Throws Error for a bad stem or inconsistent classes.
  PsdVtkPieces(std::filesystem::path dir, std::string stem, const PsdHistory& classes,
               std::size_t expectedCount);
  ~PsdVtkPieces();
  PsdVtkPieces(const PsdVtkPieces&) = delete;
  PsdVtkPieces& operator=(const PsdVtkPieces&) = delete;

  /// Piece `index` at `time` (atomically); Error if a value or value / dL is not finite.
  void write(std::size_t index, double time, std::span<const double> number);
  /// The .pvd for the pieces 0 .. times.size() - 1, then removes stale pieces (as below).
  void finish(const std::vector<double>& times);

 private:
  std::filesystem::path m_dir;
  std::string m_stem;
  std::size_t m_digits;
  std::unique_ptr<PsdGrid> m_grid;
};

/// Writes the collection and its pieces, each file atomically; pieces first, the .pvd last.
/// <NNNN> is the output-time index, zero-padded to at least four digits. Pieces named
/// `<stem>_<digits>.vtr` in `<dir>/<stem>/` left over from an earlier, longer run are removed
/// after the new .pvd is in place. `stem` must be a plain file name (no '/', not "." or "..").
/// Creates `<dir>/<stem>/` (and `dir`) if needed. Throws Error on an inconsistent history
/// (output/PsdCheck.h) or when a file cannot be written.
void writePsdVtk(const std::filesystem::path& dir, const std::string& stem, const PsdHistory& psd);

}  // namespace proscale
