#include "output/VtkStudyGrid.h"

#include <vtkDoubleArray.h>
#include <vtkErrorCode.h>
#include <vtkFieldData.h>
#include <vtkImageData.h>
#include <vtkNew.h>
#include <vtkPointData.h>
#include <vtkStringArray.h>
#include <vtkUnsignedCharArray.h>
#include <vtkXMLImageDataWriter.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <set>
#include <stdexcept>
#include <string>

#include "core/Errors.h"
#include "core/NumberFormat.h"
#include "output/AtomicFile.h"
#include "output/VtkGridFile.h"

namespace proscale {
namespace {

constexpr double kUniformTolerance = 1e-9;  // relative to the step

/// Checks one axis; returns its step (1 for a one-value axis).
double checkAxis(const StudyGridAxis& axis, std::size_t k, const std::string& where) {
  const std::string label = where + "axis " + std::to_string(k) + " '" + axis.name + "'";
  if (axis.name.empty())
    throw std::invalid_argument(where + "axis " + std::to_string(k) + " has no name");
  const auto& v = axis.values;
  if (v.empty()) throw std::invalid_argument(label + " has no values");
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (!std::isfinite(v[i])) {
      throw std::invalid_argument(label + ": value " + std::to_string(i) + " is " +
                                  formatShortest(v[i]));
    }
    if (i > 0 && !(v[i] > v[i - 1])) {
      throw std::invalid_argument(label + " is not strictly increasing: value " +
                                  std::to_string(i) + " (" + formatShortest(v[i]) + ") <= value " +
                                  std::to_string(i - 1) + " (" + formatShortest(v[i - 1]) + ")");
    }
  }
  if (v.size() == 1) return 1.0;
  const double step = (v.back() - v.front()) / static_cast<double>(v.size() - 1);
  // 1e-9 of a step, plus rounding of values far from 0 compared with the step (log10 values
  // of a geometric sweep computed by the caller carry such rounding).
  const double magnitude = std::max(std::fabs(v.front()), std::fabs(v.back()));
  const double tolerance =
      kUniformTolerance * step + 4 * std::numeric_limits<double>::epsilon() * magnitude;
  for (std::size_t i = 1; i + 1 < v.size(); ++i) {
    const double expected = v.front() + static_cast<double>(i) * step;
    if (std::fabs(v[i] - expected) > tolerance) {
      throw std::invalid_argument(label + " is not uniformly spaced: value " + std::to_string(i) +
                                  " is " + formatShortest(v[i]) + ", " + formatShortest(expected) +
                                  " expected from the first and last values (step " +
                                  formatShortest(step) + ", relative tolerance 1e-09)");
    }
  }
  return step;
}

/// `name` made safe and checked not to be `reserved` nor yet in `taken`.
std::string uniqueName(const std::string& name, std::set<std::string>& taken,
                       const std::string& reserved, const std::string& what) {
  const std::string safe = safeArrayName(name);
  if (safe == reserved) {
    throw std::invalid_argument(what + " '" + name + "': the name '" + reserved +
                                "' is reserved for the file's own array");
  }
  if (!taken.insert(safe).second) {
    throw std::invalid_argument(what + " '" + name + "': the name '" + safe + "' is used twice");
  }
  return safe;
}

/// VTK keeps errno values below FirstVTKErrorCode and its own codes above.
std::string describeVtkError(unsigned long code) {
  if (code > 0 && code < vtkErrorCode::FirstVTKErrorCode) {
    return std::strerror(static_cast<int>(code));
  }
  switch (code) {
    case vtkErrorCode::CannotOpenFileError:
      return "cannot open file";
    case vtkErrorCode::OutOfDiskSpaceError:
      return "out of disk space";
    default:
      return "VTK writer error " + std::to_string(code);
  }
}

}  // namespace

void writeStudyGridVti(const std::filesystem::path& target, const std::vector<StudyGridAxis>& axes,
                       const std::vector<StudyGridArray>& arrays) {
  const std::string where = "cannot write '" + target.string() + "': ";
  if (axes.empty() || axes.size() > 3) {
    throw std::invalid_argument(where + "a study grid has 1 to 3 axes, not " +
                                std::to_string(axes.size()));
  }

  vtkNew<vtkImageData> image;
  int dimensions[3] = {1, 1, 1};
  double origin[3] = {0.0, 0.0, 0.0};
  double spacing[3] = {1.0, 1.0, 1.0};
  std::size_t points = 1;
  std::set<std::string> fieldNames;
  vtkNew<vtkStringArray> axisNames;
  axisNames->SetName("axes");
  for (std::size_t k = 0; k < axes.size(); ++k) {
    const StudyGridAxis& axis = axes[k];
    spacing[k] = checkAxis(axis, k, where);
    origin[k] = axis.values.front();
    if (axis.values.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
      throw std::invalid_argument(where + "axis " + std::to_string(k) + " has too many values");
    }
    dimensions[k] = static_cast<int>(axis.values.size());
    points *= axis.values.size();
    const std::string name =
        uniqueName(axis.name, fieldNames, "axes", where + "axis " + std::to_string(k));
    axisNames->InsertNextValue(name);
    image->GetFieldData()->AddArray(filledArray(name, axis.values));
  }
  image->GetFieldData()->AddArray(axisNames);
  image->SetDimensions(dimensions);
  image->SetOrigin(origin);
  image->SetSpacing(spacing);

  std::set<std::string> pointNames;
  std::vector<unsigned char> complete(points, 1);
  for (const StudyGridArray& array : arrays) {
    if (array.name.empty()) throw std::invalid_argument(where + "a result array has no name");
    if (array.values.size() != points) {
      throw std::invalid_argument(where + "array '" + array.name + "' has " +
                                  std::to_string(array.values.size()) + " values, the grid " +
                                  std::to_string(points) + " points");
    }
    const std::string name = uniqueName(array.name, pointNames, "complete", where + "array");
    for (std::size_t i = 0; i < points; ++i) {
      if (std::isnan(array.values[i])) complete[i] = 0;
    }
    image->GetPointData()->AddArray(filledArray(name, array.values));
  }
  vtkNew<vtkUnsignedCharArray> completeArray;
  completeArray->SetName("complete");
  completeArray->SetNumberOfComponents(1);
  completeArray->SetNumberOfTuples(static_cast<vtkIdType>(points));
  for (std::size_t i = 0; i < points; ++i) {
    completeArray->SetValue(static_cast<vtkIdType>(i), complete[i]);
  }
  image->GetPointData()->AddArray(completeArray);
  // The first array is the active scalars: what ParaView colours by, and contours, by default.
  if (!arrays.empty())
    image->GetPointData()->SetActiveScalars(image->GetPointData()->GetArrayName(0));

  writePathAtomically(target, [&](const std::filesystem::path& temporary) {
    vtkNew<vtkXMLImageDataWriter> writer;
    writer->SetInputData(image);
    writer->SetFileName(temporary.string().c_str());
    writer->SetDataModeToBinary();  // inline base64, as VtkGridFile.cpp explains
    writer->SetCompressorTypeToLZ4();
    const int ok = writer->Write();
    if (ok != 1 || writer->GetErrorCode() != vtkErrorCode::NoError) {
      throw Error(where + describeVtkError(writer->GetErrorCode()));
    }
  });
}

}  // namespace proscale
