#pragma once
// Internal to proscale_output (VTK is a private dependency): the pieces every ParaView writer
// shares. Grids are written as VTK XML rectilinear grids (.vtr) in binary appended,
// zlib-compressed form, atomically (output/AtomicFile.h).
#include <vtkDoubleArray.h>
#include <vtkNew.h>
#include <vtkRectilinearGrid.h>

#include <cstddef>
#include <filesystem>

namespace proscale {

/// A one-component double array called `name` with `size` tuples (values not yet set).
vtkNew<vtkDoubleArray> namedArray(const char* name, std::size_t size);

/// The one-value coordinate array {0} for the unused axes of a 1-D or 2-D grid.
vtkNew<vtkDoubleArray> zeroCoordinate();

/// Writes `grid` to `target` through a temporary file renamed over it. Throws Error
/// ("cannot write '<target>': <reason>") when VTK cannot write the file.
void writeGridAtomically(const std::filesystem::path& target, vtkRectilinearGrid* grid);

}  // namespace proscale
