#pragma once
// Internal to proscale_output (VTK is a private dependency): the pieces every ParaView writer
// shares. Grids are written as VTK XML rectilinear grids (.vtr) with inline binary (base64),
// LZ4-compressed data, atomically (output/AtomicFile.h). docs/reference/outputs.md describes
// the files, the naming rule and the log10 axes and floors below.
#include <vtkDoubleArray.h>
#include <vtkNew.h>
#include <vtkRectilinearGrid.h>

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace proscale {

/// Values of log10 arrays below max x kLog10FloorRatio are written as that floor: twelve
/// decades of colour, not the -259..22 a floor at the smallest positive value gave.
inline constexpr double kLog10FloorRatio = 1e-12;

/// `name` made safe as a VTK array name: VTK 9.1 writes names into XML attributes unescaped,
/// so each of < > & " ', each control character (bytes 0x00-0x1F, 0x7F), each byte that is not
/// part of valid UTF-8 and U+FFFE / U+FFFF become '_'. Other text (also non-ASCII) is kept.
std::string safeArrayName(std::string_view name);

/// "<name> [<unit>]" as the CSV header has it ("-" for dimensionless), made safe.
std::string arrayLabel(std::string_view name, std::string_view unit);

/// log10 of strictly increasing values (class faces [m], output times [s]). A first value
/// <= 0 has no logarithm: it is placed one step below the second (the step between the second
/// and third, or 1 when there is no third); a lone value <= 0 is placed at 0. Throws Error
/// naming `file` if a later value is <= 0 or a result is not finite.
std::vector<double> log10Positions(const std::vector<double>& values,
                                   const std::filesystem::path& file, std::string_view what);

/// log10(max(v, floor)) for each value, floor = largest value x kLog10FloorRatio; `floor`
/// receives log10 of it. With no positive value every entry and the floor are 0.
std::vector<double> log10Floored(const std::vector<double>& values, double& floor);

/// A one-component double array called `name` with `size` tuples (values not yet set).
vtkNew<vtkDoubleArray> namedArray(const std::string& name, std::size_t size);

/// A one-component double array called `name` holding `values`.
vtkNew<vtkDoubleArray> filledArray(const std::string& name, const std::vector<double>& values);

/// The one-value coordinate array {0} for the unused axes of a 1-D or 2-D grid.
vtkNew<vtkDoubleArray> zeroCoordinate();

/// Writes `grid` to `target` through a temporary file renamed over it. Throws Error
/// ("cannot write '<target>': <reason>") when VTK cannot write the file.
void writeGridAtomically(const std::filesystem::path& target, vtkRectilinearGrid* grid);

}  // namespace proscale
