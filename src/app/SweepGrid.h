#pragma once
// A factorial sweep's table over its grid as VTK image data (sweep.vti, output/VtkStudyGrid.h),
// so that ParaView can contour a metric over the swept keys. The table's last key runs
// fastest, ParaView's x does: the last key is x, the one before it y, the first z.
#include <cstddef>
#include <map>
#include <vector>

#include "app/ParameterSweep.h"
#include "app/SweepJournal.h"
#include "output/OutputDirectory.h"

namespace proscale {

/// Writes sweep.vti when the design is a factorial grid of 1 to 3 keys with numbers as values,
/// each evenly spaced (a log-spaced key's axis is log10 of it, named so); returns false (and
/// writes nothing) for any other sweep. Every metric is an array, NaN at runs that did not
/// complete; `status` is 0 complete, 1 suspect, 2 incomplete, 3 not run.
bool writeSweepGrid(const ParameterSweep& sweep, const std::vector<ParameterSweep::Point>& points,
                    const std::map<std::size_t, SweepRunRecord>& records, OutputDirectory& dir);

}  // namespace proscale
