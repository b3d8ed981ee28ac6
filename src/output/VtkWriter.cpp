#include "output/VtkWriter.h"

#include <vtkCellData.h>
#include <vtkDoubleArray.h>
#include <vtkFieldData.h>
#include <vtkIndent.h>
#include <vtkNew.h>
#include <vtkRectilinearGrid.h>
#include <vtkXMLDataElement.h>

#include <bit>
#include <numbers>
#include <ostream>
#include <system_error>
#include <vector>

#include "core/Errors.h"
#include "output/AtomicFile.h"
#include "output/OutputDirectory.h"
#include "output/PsdCheck.h"
#include "output/TextFormat.h"
#include "output/VtkCollection.h"
#include "output/VtkGridFile.h"

namespace proscale {

/// One grid whose coordinates stay fixed; its arrays are refilled for every output time.
class PsdGrid {
 public:
  explicit PsdGrid(const PsdHistory& psd, const std::filesystem::path& file)
      : m_psd(psd),
        m_classes(psd.pivots.size()),
        m_withVolume(psd.sizeMeaning == "diameter"),
        m_logFaces(log10Positions(psd.faces, file, "class face")),
        m_density(namedArray("number_density_per_size [1/m^4]", m_classes)),
        m_perLog(namedArray("number_per_log10_size [1/m^3]", m_classes)),
        m_logPerLog(namedArray("log10_number_per_log10_size [log10(1/m^3)]", m_classes)),
        m_number(namedArray("number_per_class [1/m^3]", m_classes)),
        m_volume(namedArray("volume_fraction_per_size [1/m]", m_classes)),
        m_time(namedArray("TimeValue", 1)),
        m_floor(namedArray("log10_floor [log10(1/m^3)]", 1)) {
    auto yz = zeroCoordinate();
    m_grid->SetDimensions(static_cast<int>(m_classes + 1), 1, 1);
    m_grid->SetXCoordinates(filledArray("log10_size_faces", m_logFaces));
    m_grid->SetYCoordinates(yz);
    m_grid->SetZCoordinates(yz);
    vtkCellData* cells = m_grid->GetCellData();
    cells->AddArray(m_density);
    cells->AddArray(m_perLog);
    cells->AddArray(m_logPerLog);
    cells->AddArray(m_number);
    if (m_withVolume) cells->AddArray(m_volume);
    cells->AddArray(filledArray("size [m]", psd.pivots));
    m_grid->GetFieldData()->AddArray(m_time);
    m_grid->GetFieldData()->AddArray(m_floor);
  }

  const PsdHistory& classes() const { return m_psd; }

  vtkRectilinearGrid* at(double time, std::span<const double> number) {
    std::vector<double> perLog(m_classes);
    for (std::size_t i = 0; i < m_classes; ++i) {
      const auto cell = static_cast<vtkIdType>(i);
      const double width = m_psd.faces[i + 1] - m_psd.faces[i];
      const double size = m_psd.pivots[i];
      perLog[i] = number[i] / (m_logFaces[i + 1] - m_logFaces[i]);
      m_density->SetValue(cell, number[i] / width);
      m_perLog->SetValue(cell, perLog[i]);
      m_number->SetValue(cell, number[i]);
      m_volume->SetValue(cell, std::numbers::pi / 6.0 * size * size * size * number[i] / width);
    }
    double floor = 0.0;
    const std::vector<double> logs = log10Floored(perLog, floor);
    for (std::size_t i = 0; i < m_classes; ++i)
      m_logPerLog->SetValue(static_cast<vtkIdType>(i), logs[i]);
    m_time->SetValue(0, time);
    m_floor->SetValue(0, floor);
    for (vtkDoubleArray* array : {m_density.Get(), m_perLog.Get(), m_logPerLog.Get(),
                                  m_number.Get(), m_volume.Get(), m_time.Get(), m_floor.Get()}) {
      array->Modified();
    }
    m_grid->Modified();
    return m_grid;
  }

 private:
  PsdHistory m_psd;  // faces and pivots
  std::size_t m_classes;
  bool m_withVolume;
  std::vector<double> m_logFaces;  // log10(face / 1 m)
  vtkNew<vtkRectilinearGrid> m_grid;
  vtkNew<vtkDoubleArray> m_density;
  vtkNew<vtkDoubleArray> m_perLog;
  vtkNew<vtkDoubleArray> m_logPerLog;
  vtkNew<vtkDoubleArray> m_number;
  vtkNew<vtkDoubleArray> m_volume;
  vtkNew<vtkDoubleArray> m_time;
  vtkNew<vtkDoubleArray> m_floor;
};


PsdVtkPieces::PsdVtkPieces(std::filesystem::path dir, std::string stem, const PsdHistory& classes,
                           std::size_t expectedCount)
    : m_dir(std::move(dir)),
      m_stem(std::move(stem)),
      m_digits(pieceDigits(expectedCount)) {
  checkStem(m_dir, m_stem);
  PsdHistory shape = classes;  // checked without times: faces and pivots
  shape.times.clear();
  shape.number.clear();
  checkPsdHistory(shape, m_dir / (m_stem + ".pvd"));
  ensureDirectory(m_dir / m_stem);
  m_grid = std::make_unique<PsdGrid>(shape, m_dir / (m_stem + ".pvd"));
}

PsdVtkPieces::~PsdVtkPieces() = default;

void PsdVtkPieces::write(std::size_t index, double time, std::span<const double> number) {
  PsdHistory one = m_grid->classes();
  one.times = {time};
  one.number = {std::vector<double>(number.begin(), number.end())};
  checkPsdHistory(one, m_dir / m_stem / pieceName(m_stem, index, m_digits));
  writeGridAtomically(m_dir / m_stem / pieceName(m_stem, index, m_digits),
                      m_grid->at(time, number));
}

void PsdVtkPieces::finish(const std::vector<double>& times) {
  writeCollection(m_dir / (m_stem + ".pvd"), m_stem, times, m_digits);
  removeStalePieces(m_dir / m_stem, m_stem, times.size());
}

void writePsdVtk(const std::filesystem::path& dir, const std::string& stem, const PsdHistory& psd) {
  checkStem(dir, stem);
  checkPsdHistory(psd, dir / (stem + ".pvd"));
  PsdVtkPieces pieces(dir, stem, psd, psd.times.size());
  for (std::size_t k = 0; k < psd.times.size(); ++k) pieces.write(k, psd.times[k], psd.number[k]);
  pieces.finish(psd.times);
}

}  // namespace proscale
