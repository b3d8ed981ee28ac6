#include "output/ResultStreams.h"

#include <cerrno>
#include <cstring>
#include <system_error>

#include "core/Errors.h"
#include "output/CsvWriter.h"
#include "output/OutputDirectory.h"
#include "output/TextFormat.h"
#include "output/TimeSeriesCheck.h"
#include "output/VtkHistoryWriter.h"
#include "output/VtkWriter.h"

namespace proscale {
namespace {

std::filesystem::path partialPath(const std::filesystem::path& target) {
  return target.parent_path() / (target.filename().string() + ".partial");
}

std::FILE* openForWriting(const std::filesystem::path& path, const char* mode) {
  std::FILE* file = std::fopen(path.c_str(), mode);
  if (file == nullptr)
    throw Error("cannot write '" + path.string() + "': " + std::strerror(errno));
  return file;
}

void removeQuietly(const std::filesystem::path& path) {
  std::error_code ignored;
  std::filesystem::remove(path, ignored);
}

}  // namespace

// ---- CsvRowStream ----

CsvRowStream::CsvRowStream(std::filesystem::path target, std::vector<SeriesColumn> columns)
    : m_target(std::move(target)), m_partial(partialPath(m_target)), m_columns(std::move(columns)) {
  const TimeSeriesTable header{m_columns, {}};
  checkTimeSeries(header, m_target);
  m_file = openForWriting(m_partial, "w");
  const std::string line = timeSeriesCsvHeader(m_columns) + "\n";
  if (std::fputs(line.c_str(), m_file) < 0 || std::fflush(m_file) != 0)
    throw Error("cannot write '" + m_partial.string() + "': " + std::strerror(errno));
}

CsvRowStream::~CsvRowStream() {
  if (m_file == nullptr) return;
  std::fclose(m_file);
  removeQuietly(m_partial);
}

void CsvRowStream::append(std::span<const double> row) {
  const TimeSeriesTable one{m_columns, {std::vector<double>(row.begin(), row.end())}};
  checkTimeSeries(one, m_target);
  std::string line;
  for (std::size_t c = 0; c < row.size(); ++c) {
    if (c > 0) line += ',';
    line += formatShortest(row[c]);
  }
  line += '\n';
  if (std::fputs(line.c_str(), m_file) < 0 || std::fflush(m_file) != 0)
    throw Error("cannot write '" + m_partial.string() + "': " + std::strerror(errno));
}

void CsvRowStream::finish() {
  std::FILE* file = m_file;
  m_file = nullptr;
  if (std::fclose(file) != 0) {
    removeQuietly(m_partial);
    throw Error("cannot write '" + m_target.string() + "': " + std::strerror(errno));
  }
  std::error_code status;
  std::filesystem::rename(m_partial, m_target, status);
  if (status) throw Error("cannot write '" + m_target.string() + "': " + status.message());
}

// ---- PsdStream ----

class PsdStream::Pieces : public PsdVtkPieces {
  using PsdVtkPieces::PsdVtkPieces;
};

PsdStream::PsdStream(std::filesystem::path dir, PsdHistory classes, std::size_t expectedTimes,
                     bool vtk)
    : m_dir(std::move(dir)),
      m_spillPath(m_dir / "psd.values.partial"),
      m_classes(std::move(classes)),
      m_vtk(vtk) {
  m_classes.times.clear();
  m_classes.number.clear();
  if (m_vtk) m_pieces = std::make_unique<Pieces>(m_dir, "psd", m_classes, expectedTimes);
  m_spill = openForWriting(m_spillPath, "w+b");
}

PsdStream::~PsdStream() {
  if (m_spill == nullptr) return;
  std::fclose(m_spill);
  removeQuietly(m_spillPath);
}

void PsdStream::append(double t, std::span<const double> number) {
  if (number.size() != m_classes.pivots.size())
    throw Error("cannot write '" + (m_dir / "psd.csv").string() + "': " +
                std::to_string(number.size()) + " values for " +
                std::to_string(m_classes.pivots.size()) + " classes");
  if (m_pieces) m_pieces->write(m_times.size(), t, number);
  if (std::fwrite(number.data(), sizeof(double), number.size(), m_spill) != number.size())
    throw Error("cannot write '" + m_spillPath.string() + "': " + std::strerror(errno));
  m_times.push_back(t);
}

PsdHistory PsdStream::readSpill() const {
  PsdHistory psd = m_classes;
  psd.times = m_times;
  const std::size_t n = m_classes.pivots.size();
  std::rewind(m_spill);
  psd.number.assign(m_times.size(), std::vector<double>(n));
  for (auto& row : psd.number)
    if (std::fread(row.data(), sizeof(double), n, m_spill) != n)
      throw Error("cannot read back '" + m_spillPath.string() + "'");
  return psd;
}

void PsdStream::finish() {
  if (std::fflush(m_spill) != 0)
    throw Error("cannot write '" + m_spillPath.string() + "': " + std::strerror(errno));
  const PsdHistory psd = readSpill();
  writePsdCsv(m_dir / "psd.csv", psd);
  if (m_pieces) {
    m_pieces->finish(m_times);
    writePsdMap(m_dir / "psd_map.vtr", psd);
  }
  std::fclose(m_spill);
  m_spill = nullptr;
  removeQuietly(m_spillPath);
}

}  // namespace proscale
