#pragma once
// Result files written while a run goes on, one output time at a time, so that memory does not
// grow with the run and a long run shows its progress:
//   CsvRowStream   a time-series table whose rows are appended as they come (timeseries.csv,
//                  sensitivities.csv) to `<file>.partial`, renamed to `<file>` by finish();
//   PsdStream      the size distribution: each output time's ParaView piece
//                  (`psd/psd_NNNN.vtr`) written as it comes, its values spilled to a binary
//                  file; finish() writes psd.pvd, psd.csv and psd_map.vtr from the spill.
// A run that is killed leaves `*.partial` files (and complete pieces), never a file under its
// final name that is half written. docs/reference/outputs.md describes the files.
#include <cstdio>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "core/Results.h"

namespace proscale {

class CsvRowStream {
 public:
  /// Opens `<target>.partial` and writes the header (as writeTimeSeriesCsv does).
  CsvRowStream(std::filesystem::path target, std::vector<SeriesColumn> columns);
  ~CsvRowStream();  ///< removes the .partial file unless finish() ran
  CsvRowStream(const CsvRowStream&) = delete;
  CsvRowStream& operator=(const CsvRowStream&) = delete;

  /// Appends and flushes one row. Throws Error, before writing it, if its length is wrong or a
  /// value is not finite (naming the column and the row's time).
  void append(std::span<const double> row);
  /// Closes the file and renames it to the target.
  void finish();

 private:
  std::filesystem::path m_target, m_partial;
  std::vector<SeriesColumn> m_columns;
  std::FILE* m_file = nullptr;
};

class PsdStream {
 public:
  /// `classes`: faces, pivots and size meaning (no times); `expectedTimes`: how many output
  /// times the run has (it fixes the digits of the piece names). Creates `<dir>/psd/`.
  PsdStream(std::filesystem::path dir, PsdHistory classes, std::size_t expectedTimes,
            bool vtk);
  ~PsdStream();
  PsdStream(const PsdStream&) = delete;
  PsdStream& operator=(const PsdStream&) = delete;

  /// One output time: its piece (with vtk) and its values in the spill. Times must ascend.
  void append(double t, std::span<const double> numberPerClass);
  /// psd.csv and, with vtk, psd.pvd and psd_map.vtr; removes the spill. These two files hold
  /// the whole history, so they are composed here from the spill (n classes x m times values
  /// in memory once, at the end).
  void finish();
  std::size_t count() const { return m_times.size(); }

 private:
  PsdHistory readSpill() const;

  std::filesystem::path m_dir, m_spillPath;
  PsdHistory m_classes;
  bool m_vtk;
  std::vector<double> m_times;
  std::FILE* m_spill = nullptr;
  class Pieces;
  std::unique_ptr<Pieces> m_pieces;
};

}  // namespace proscale
