#pragma once
// The results of a parameter sweep over a regular grid as one VTK XML image data file
// (.vti; "VTK File Formats", "XML File Formats", ImageData: WholeExtent, Origin, Spacing,
// https://docs.vtk.org/en/latest/vtk_file_formats/vtkxml_file_format.html), written with
// VTK's own vtkXMLImageDataWriter: inline binary (base64), LZ4-compressed data, atomically
// (output/AtomicFile.h), like the other ParaView files (output/VtkGridFile.h says why inline
// rather than appended).
//
// Axis k of the study is the image's x, y or z direction (k = 0, 1, 2; unused directions have
// one point): Origin[k] = the axis's first value, Spacing[k] = its step (last - first) /
// (n - 1), 1 for a one-value axis; the exact values are in the field data below. Point data, one value per grid point in VTK's point order (x fastest:
// index = i + nx * (j + ny * k)):
//   <array name>  each StudyGridArray, NaN where the run failed
//   complete      UInt8, 1 where no array is NaN at the point, 0 elsewhere
// Field data, so that ParaView's spreadsheet view shows the true axis values:
//   axes          a string array of the axis names, in x, y, z order
//   <axis name>   each axis's values
// Names are made safe for the XML attributes VTK writes them into (safeArrayName in
// output/VtkGridFile.h).
#include <filesystem>
#include <string>
#include <vector>

namespace proscale {

/// One swept input. `values` are strictly increasing and uniformly spaced in the coordinate
/// they are given in: for a log-spaced sweep the caller passes the log10 values and says so in
/// the name, e.g. "log10(reactor.temperature [K])".
struct StudyGridAxis {
  std::string name;
  std::vector<double> values;
};

/// One result over the grid, x fastest (see above); NaN for a failed run. The first array is
/// the file's active scalars (what ParaView colours and contours by default).
struct StudyGridArray {
  std::string name;
  std::vector<double> values;
};

/// Writes `target` (its directory must exist). Throws std::invalid_argument, naming the file,
/// the axis or the array, when there are not 1 to 3 axes, an axis is empty, has a non-finite
/// value, is not strictly increasing or not uniformly spaced (each value within
/// 1e-9 x step, plus a few rounding units of the values' magnitude, of first + k x step), an
/// array's size is not the number of grid points, or two names (after safeArrayName) clash,
/// among the axes, among the arrays, or with "axes" / "complete". Throws Error when the file
/// cannot be written.
void writeStudyGridVti(const std::filesystem::path& target, const std::vector<StudyGridAxis>& axes,
                       const std::vector<StudyGridArray>& arrays);

}  // namespace proscale
