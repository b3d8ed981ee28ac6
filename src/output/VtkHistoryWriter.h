#pragma once
// ParaView files that hold a whole run in one VTK XML rectilinear grid (.vtr, inline binary,
// LZ4-compressed), written through VTK's XML writer. docs/reference/outputs.md describes them;
// array names carry their units as the CSV headers do (VtkGridFile.h: safeArrayName).
//
// psd_map.vtr (writePsdMap): the size distribution as a log size x log time image, so a
// nucleation burst at 1 ms and ripening at 60 s both get room. A 2-D grid with
//   x coordinates  log10(class face / 1 m) (n + 1 values, n classes)
//   y coordinates  log10 time-cell boundaries (m + 1 values, m output times): with
//                  u_k = log10(t_k / 1 s), the midpoints between consecutive u_k, the first and
//                  last extended by half the first and last interval; a single time gets
//                  u_0 -/+ 0.5. A first time t_0 <= 0 (normally t = 0) sits one step below
//                  u_1 (log10Positions, VtkGridFile.h).
//   z coordinate   0
// Cell (class i, output time k) has cell id i + k * n. Cell data:
//   log10_number_per_log10_size [log10(1/m^3)]  log10 of the next, floored at the map's largest
//                                     value x 1e-12 (empty cells show as the floor)
//   number_per_log10_size [1/m^3]     number per m^3 of suspension in the class / its width in
//                                     log10 size
//   number_density_per_size [1/m^4]   number per m^3 of suspension in the class / dL
//   volume_fraction_per_size [1/m]    (pi/6) L^3 * number / dL, L the pivot size; only when
//                                     the size coordinate is a diameter
//   size [m], time [s]                the cell's pivot size and output time
// Field data: output_times [s] (the m output times), log10_floor [log10(1/m^3)].
//
// timeseries.vtr (writeTimeSeriesVtk): a 1-D grid along x = the first column (time [s]), one
// point per row (y = z = 0). Every column, time included, becomes a point-data array named
// as its CSV header, "<name> [<unit>]", made safe (a name equal to an earlier one after that
// gets "_2", "_3", ... before its unit).
#include <filesystem>

#include "core/Results.h"

namespace proscale {

/// Writes `file` (normally `<output dir>/psd_map.vtr`) atomically. Throws Error, before
/// anything is written, on an inconsistent history (output/PsdCheck.h), when an output time
/// after the first is <= 0, or when the output times are so close that the log10 time-cell
/// boundaries are not strictly increasing; Error also when the file cannot be written. The directory must exist.
void writePsdMap(const std::filesystem::path& file, const PsdHistory& psd);

/// Writes `file` (normally `<output dir>/timeseries.vtr`) atomically. Throws Error, before
/// anything is written, unless the table passes checkTimeSeries and checkTimeAxis
/// (output/TimeSeriesCheck.h): rows of equal length, finite values, at least one row, times
/// strictly increasing, non-empty distinct names. Error also when the file cannot be written.
/// The directory must exist.
void writeTimeSeriesVtk(const std::filesystem::path& file, const TimeSeriesTable& table);

}  // namespace proscale
