#include "output/VtkAxialWriter.h"

#include <vtkFieldData.h>
#include <vtkPointData.h>

#include <cmath>

#include "core/Errors.h"
#include "output/OutputDirectory.h"
#include "output/VtkCollection.h"
#include "output/VtkGridFile.h"

namespace proscale {

/// One grid whose coordinates stay fixed; its arrays are refilled for every output time.
class AxialGridFile {
 public:
  AxialGridFile(const AxialGrid& grid, std::vector<double> pivots, const std::filesystem::path& file)
      : m_nodes(grid.positions.size()),
        m_classes(pivots.size()),
        m_rows(pivots.empty() ? 1 : pivots.size()),
        m_columns(grid.columns.size()) {
    if (m_nodes == 0) throw Error("cannot write '" + file.string() + "': the grid has no nodes");
    for (std::size_t i = 1; i < m_nodes; ++i)
      if (!(grid.positions[i] > grid.positions[i - 1]))
        throw Error("cannot write '" + file.string() + "': axial positions must increase");
    const std::size_t points = m_nodes * m_rows;
    m_grid->SetDimensions(static_cast<int>(m_nodes), static_cast<int>(m_rows), 1);
    m_grid->SetXCoordinates(filledArray("position [m]", grid.positions));
    m_grid->SetYCoordinates(m_classes > 0 ? filledArray("log10 size", log10Positions(pivots, file, "class pivot"))
                                          : zeroCoordinate());
    m_grid->SetZCoordinates(zeroCoordinate());
    std::vector<double> position(points), size(points);
    for (std::size_t k = 0; k < m_rows; ++k)
      for (std::size_t i = 0; i < m_nodes; ++i) {
        position[k * m_nodes + i] = grid.positions[i];
        size[k * m_nodes + i] = m_classes > 0 ? pivots[k] : 0.0;
      }
    m_grid->GetPointData()->AddArray(filledArray("position [m]", position));
    if (m_classes > 0) {
      m_grid->GetPointData()->AddArray(filledArray("size [m]", size));
      m_density = namedArray("number_density_per_size [1/m^4]", points);
      m_logDensity = namedArray("log10_number_density_per_size [log10(1/m^4)]", points);
      m_grid->GetPointData()->AddArray(m_density);
      m_grid->GetPointData()->AddArray(m_logDensity);
    }
    for (const SeriesColumn& c : grid.columns) {
      m_profiles.push_back(namedArray(arrayLabel(c.name, c.unit), points));
      m_grid->GetPointData()->AddArray(m_profiles.back());
    }
    m_time = namedArray("TimeValue", 1);
    m_grid->GetFieldData()->AddArray(m_time);
  }

  vtkRectilinearGrid* at(double time, std::span<const double> values, std::span<const double> density,
                         const std::filesystem::path& file) {
    if (values.size() != m_nodes * m_columns || density.size() != m_nodes * m_classes)
      throw Error("cannot write '" + file.string() + "': the profiles do not fit the grid");
    for (double v : values)
      if (!std::isfinite(v)) throw Error("cannot write '" + file.string() + "': a profile value is not finite");
    for (std::size_t c = 0; c < m_columns; ++c) {
      for (std::size_t k = 0; k < m_rows; ++k)
        for (std::size_t i = 0; i < m_nodes; ++i)
          m_profiles[c]->SetValue(static_cast<vtkIdType>(k * m_nodes + i), values[i * m_columns + c]);
      m_profiles[c]->Modified();
    }
    if (m_classes > 0) {
      std::vector<double> n(m_nodes * m_classes);
      for (std::size_t k = 0; k < m_classes; ++k)
        for (std::size_t i = 0; i < m_nodes; ++i) n[k * m_nodes + i] = density[i * m_classes + k];
      double floor = 0.0;
      const std::vector<double> logs = log10Floored(n, floor);
      for (std::size_t p = 0; p < n.size(); ++p) {
        if (!std::isfinite(n[p])) throw Error("cannot write '" + file.string() + "': a number density is not finite");
        m_density->SetValue(static_cast<vtkIdType>(p), n[p]);
        m_logDensity->SetValue(static_cast<vtkIdType>(p), logs[p]);
      }
      m_density->Modified();
      m_logDensity->Modified();
    }
    m_time->SetValue(0, time);
    m_time->Modified();
    m_grid->Modified();
    return m_grid;
  }

 private:
  std::size_t m_nodes, m_classes, m_rows, m_columns;
  vtkNew<vtkRectilinearGrid> m_grid;
  vtkSmartPointer<vtkDoubleArray> m_density, m_logDensity, m_time;
  std::vector<vtkSmartPointer<vtkDoubleArray>> m_profiles;
};

AxialVtkPieces::AxialVtkPieces(std::filesystem::path dir, std::string stem, const AxialGrid& grid,
                               std::vector<double> pivots, std::size_t expectedCount)
    : m_dir(std::move(dir)), m_stem(std::move(stem)), m_digits(pieceDigits(expectedCount)) {
  checkStem(m_dir, m_stem);
  m_grid = std::make_unique<AxialGridFile>(grid, std::move(pivots), m_dir / (m_stem + ".pvd"));
  ensureDirectory(m_dir / m_stem);
}

AxialVtkPieces::~AxialVtkPieces() = default;

void AxialVtkPieces::write(std::size_t index, double time, std::span<const double> values,
                           std::span<const double> density) {
  const std::filesystem::path file = m_dir / m_stem / pieceName(m_stem, index, m_digits);
  writeGridAtomically(file, m_grid->at(time, values, density, file));
}

void AxialVtkPieces::finish(const std::vector<double>& times) {
  writeCollection(m_dir / (m_stem + ".pvd"), m_stem, times, m_digits);
  removeStalePieces(m_dir / m_stem, m_stem, times.size());
}

}  // namespace proscale
