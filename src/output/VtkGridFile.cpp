#include "output/VtkGridFile.h"

#include <vtkErrorCode.h>
#include <vtkXMLRectilinearGridWriter.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <string>

#include "core/Errors.h"
#include "output/AtomicFile.h"
#include "output/TextFormat.h"

namespace proscale {
namespace {

/// VTK keeps errno values below FirstVTKErrorCode and its own codes above.
std::string describeVtkError(unsigned long code) {
  if (code > 0 && code < vtkErrorCode::FirstVTKErrorCode) {
    return std::strerror(static_cast<int>(code));
  }
  switch (code) {
    case vtkErrorCode::FileNotFoundError:
      return "file not found";
    case vtkErrorCode::CannotOpenFileError:
      return "cannot open file";
    case vtkErrorCode::NoFileNameError:
      return "no file name";
    case vtkErrorCode::OutOfDiskSpaceError:
      return "out of disk space";
    default:
      return "VTK writer error " + std::to_string(code);
  }
}

/// Length of the valid UTF-8 sequence starting at `text[i]` (a byte >= 0x80), 0 if invalid
/// (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF).
std::size_t utf8Length(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  std::size_t length = 0;
  unsigned char low = 0x80, high = 0xBF;  // range of the first continuation byte
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  if (byte(i + 1) < low || byte(i + 1) > high) return 0;
  for (std::size_t k = 2; k < length; ++k) {
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
  }
  return length;
}

}  // namespace

std::string safeArrayName(std::string_view name) {
  std::string safe;
  safe.reserve(name.size());
  for (std::size_t i = 0; i < name.size();) {
    const auto byte = static_cast<unsigned char>(name[i]);
    if (byte < 0x80) {
      const bool unsafe = byte < 0x20 || byte == 0x7F || std::strchr("<>&\"'", byte) != nullptr;
      safe += unsafe ? '_' : static_cast<char>(byte);
      ++i;
      continue;
    }
    const std::size_t length = utf8Length(name, i);
    const std::string_view sequence = name.substr(i, length);
    // U+FFFE and U+FFFF are not XML characters.
    if (length == 0 || sequence == "\xEF\xBF\xBE" || sequence == "\xEF\xBF\xBF") {
      safe += '_';
      i += length == 0 ? 1 : length;
    } else {
      safe += sequence;
      i += length;
    }
  }
  return safe;
}

std::string arrayLabel(std::string_view name, std::string_view unit) {
  return safeArrayName(std::string(name) + " [" + unitLabel(unit) + "]");
}

std::vector<double> log10Positions(const std::vector<double>& values,
                                   const std::filesystem::path& file, std::string_view what) {
  std::vector<double> positions(values.size());
  for (std::size_t k = 0; k < values.size(); ++k) {
    if (values[k] > 0.0) {
      positions[k] = std::log10(values[k]);
    } else if (k > 0) {
      throw Error("cannot write '" + file.string() + "': " + std::string(what) + " " +
                  std::to_string(k) + " is " + formatShortest(values[k]) +
                  ", only the first may be <= 0 on a log10 axis");
    }
  }
  if (!values.empty() && !(values[0] > 0.0)) {
    if (values.size() == 1) {
      positions[0] = 0.0;
    } else {
      const double step = values.size() > 2 ? positions[2] - positions[1] : 1.0;
      positions[0] = positions[1] - step;
    }
  }
  for (std::size_t k = 0; k < positions.size(); ++k) {
    if (!std::isfinite(positions[k])) {
      throw Error("cannot write '" + file.string() + "': log10 of " + std::string(what) + " " +
                  std::to_string(k) + " is not finite");
    }
  }
  return positions;
}

std::vector<double> log10Floored(const std::vector<double>& values, double& floor) {
  double largest = 0.0;
  for (double v : values) largest = std::max(largest, v);
  std::vector<double> logs(values.size(), 0.0);
  floor = 0.0;
  if (!(largest > 0.0)) return logs;
  // A tiny largest value x 1e-12 can underflow to 0: keep the floor positive.
  const double bottom = std::max(largest * kLog10FloorRatio, std::numeric_limits<double>::denorm_min());
  floor = std::log10(bottom);
  for (std::size_t i = 0; i < values.size(); ++i) logs[i] = std::log10(std::max(values[i], bottom));
  return logs;
}

vtkNew<vtkDoubleArray> namedArray(const std::string& name, std::size_t size) {
  vtkNew<vtkDoubleArray> array;
  array->SetName(name.c_str());
  array->SetNumberOfComponents(1);
  array->SetNumberOfTuples(static_cast<vtkIdType>(size));
  return array;
}

vtkNew<vtkDoubleArray> filledArray(const std::string& name, const std::vector<double>& values) {
  auto array = namedArray(name, values.size());
  for (std::size_t i = 0; i < values.size(); ++i)
    array->SetValue(static_cast<vtkIdType>(i), values[i]);
  return array;
}

vtkNew<vtkDoubleArray> zeroCoordinate() {
  auto zero = namedArray("zero", 1);
  zero->SetValue(0, 0.0);
  return zero;
}

void writeGridAtomically(const std::filesystem::path& target, vtkRectilinearGrid* grid) {
  writePathAtomically(target, [&](const std::filesystem::path& temporary) {
    vtkNew<vtkXMLRectilinearGridWriter> writer;
    writer->SetInputData(grid);
    writer->SetFileName(temporary.string().c_str());
    // Inline binary (base64): raw appended data fails to parse in the ParaView that Debian 12
    // ships (its libexpat update rejects the raw bytes), while inline binary loads there.
    writer->SetDataModeToBinary();
    // LZ4: files as small as zlib's here, without zlib's per-array deflate state (its
    // allocation and release took 0.12 s of the 5-zone benchmark's 2.2 s); the ParaView 5.11
    // that Debian 12 ships reads it (docs/reference/outputs.md, "ParaView versions tried").
    writer->SetCompressorTypeToLZ4();
    const int ok = writer->Write();
    if (ok != 1 || writer->GetErrorCode() != vtkErrorCode::NoError) {
      throw Error("cannot write '" + target.string() +
                  "': " + describeVtkError(writer->GetErrorCode()));
    }
  });
}

}  // namespace proscale
