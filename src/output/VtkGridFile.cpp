#include "output/VtkGridFile.h"

#include <vtkErrorCode.h>
#include <vtkXMLRectilinearGridWriter.h>

#include <cstring>
#include <string>

#include "core/Errors.h"
#include "output/AtomicFile.h"

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

}  // namespace

vtkNew<vtkDoubleArray> namedArray(const char* name, std::size_t size) {
  vtkNew<vtkDoubleArray> array;
  array->SetName(name);
  array->SetNumberOfComponents(1);
  array->SetNumberOfTuples(static_cast<vtkIdType>(size));
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
    writer->SetCompressorTypeToZLib();
    const int ok = writer->Write();
    if (ok != 1 || writer->GetErrorCode() != vtkErrorCode::NoError) {
      throw Error("cannot write '" + target.string() +
                  "': " + describeVtkError(writer->GetErrorCode()));
    }
  });
}

}  // namespace proscale
