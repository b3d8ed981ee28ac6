#pragma once
// Comma-separated result tables (RFC 4180, '\n' line ends, '.' decimal point). Numbers are
// written in the shortest form that reads back exactly ("0.1", "1e+18"). Both writers replace
// their target atomically (output/AtomicFile.h). docs/reference/outputs.md describes the files.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/Results.h"

namespace proscale {

/// `text` as an RFC 4180 field: quoted, its quotes doubled, when it holds a comma, a quote or
/// a line end; as it is otherwise.
std::string csvField(std::string_view text);

/// timeseries.csv: a header of `<name> [<unit>]` per column (dimensionless: `[-]`), e.g.
/// `time [s],temperature [K],c_Ba+2 [mol/m^3]`, then one line per row. Throws Error, before
/// anything is written, when there are no columns, a row has the wrong length, or a value is
/// not finite (the message names the column and the time of the first offending value).
void writeTimeSeriesCsv(const std::filesystem::path& target, const TimeSeriesTable& table);

/// The header line of timeseries.csv for these columns (no line end).
std::string timeSeriesCsvHeader(const std::vector<SeriesColumn>& columns);

/// psd.csv: one line per size class, columns
/// `class,L_low [m],L [m],L_high [m],dL [m]` (class index from 0, lower face, pivot, upper
/// face, width L_high - L_low), then one column per output time `n@t=<time>s [1/m^4]`: the
/// number density per unit size, number per m^3 of suspension in the class divided by dL.
/// Throws Error when the history is inconsistent (output/PsdCheck.h).
void writePsdCsv(const std::filesystem::path& target, const PsdHistory& psd);

}  // namespace proscale
