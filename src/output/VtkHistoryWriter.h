#pragma once
// ParaView files that hold a whole run in one VTK XML rectilinear grid (.vtr, binary appended,
// zlib-compressed), written through VTK's XML writer. docs/reference/outputs.md describes them.
//
// psd_map.vtr (writePsdMap): the size distribution as a size x time image. A 2-D grid with
//   x coordinates  the class faces [m] (n + 1 values, n classes)
//   y coordinates  time-cell boundaries [s] (m + 1 values, m output times): the midpoints
//                  between consecutive output times, the first and last extended by half the
//                  first and last interval (t0 - (t1 - t0)/2, ..., t[m-1] + (t[m-1] - t[m-2])/2).
//                  A single output time t gets the cell t -/+ max(1 s, |t|) / 2.
//   z coordinate   0
// Cell (class i, output time k) has cell id i + k * n. Cell data:
//   number_density           [1/m^4]  number per m^3 of suspension in the class / dL
//   volume_fraction_density  [1/m]    (pi/6) L^3 * number / dL, L the pivot size; only when
//                                     the size coordinate is a diameter
//   log10_number_density     [log10(1/m^4)]  log10(number_density) where it is > 0; elsewhere
//                                     the floor log10(smallest positive density / 1e6), or 0
//                                     when no density is positive
// Field data: TIME_VALUES [s] (the m output times), LOG10_FLOOR (the floor value above).
//
// timeseries.vtr (writeTimeSeriesVtk): a 1-D grid along x = the first column (time [s]), one
// point per row (y = z = 0). Every other column becomes a point-data array named exactly as
// the column (no unit in the name); the field-data string array UNITS holds their units in
// the same order as the point-data arrays ("-" for dimensionless quantities).
#include <filesystem>

#include "core/Results.h"

namespace proscale {

/// Writes `file` (normally `<output dir>/psd_map.vtr`) atomically. Throws Error, before
/// anything is written, on an inconsistent history (output/PsdCheck.h) or when the output
/// times are so large or so close that the time-cell boundaries are not finite and strictly
/// increasing; Error also when the file cannot be written. The directory must exist.
void writePsdMap(const std::filesystem::path& file, const PsdHistory& psd);

/// Writes `file` (normally `<output dir>/timeseries.vtr`) atomically. Throws Error, before
/// anything is written, unless the table passes checkTimeSeries and checkTimeAxis
/// (output/TimeSeriesCheck.h): rows of equal length, finite values, at least one row, times
/// strictly increasing, non-empty distinct names. Error also when the file cannot be written.
/// The directory must exist.
void writeTimeSeriesVtk(const std::filesystem::path& file, const TimeSeriesTable& table);

}  // namespace proscale
