#pragma once
// Consistency checks on a TimeSeriesTable before a time-series file is written.
#include <filesystem>

#include "core/Results.h"

namespace proscale {

/// Throws Error ("cannot write '<target>': <what is wrong>") unless there is at least one
/// column, every row has one value per column and every value is finite. The message of a
/// non-finite value names the column and the time of its row, e.g.
/// `column 'c_Ba+2' at time = 0.1 s is nan`. Used for timeseries.csv and timeseries.vtr.
void checkTimeSeries(const TimeSeriesTable& table, const std::filesystem::path& target);

/// The further conditions for a file whose axis is the first column (timeseries.vtr): at
/// least one row, first-column values strictly increasing, and the other columns' names
/// non-empty and distinct (they become array names). Call after checkTimeSeries.
void checkTimeAxis(const TimeSeriesTable& table, const std::filesystem::path& target);

}  // namespace proscale
