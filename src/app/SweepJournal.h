#pragma once
// A sweep's journal: one small file per finished run, `runs/run-000017.json`, written
// atomically by whichever thread or rank ran it (docs/reference/outputs.md, "Parameter
// sweep"). It is what makes a sweep resumable: after Ctrl-C, kill -9 or a lost node,
// `proscale sweep --resume` reads the journal, checks that each recorded run is the run the
// sweep now asks for (its case id), and runs only the others; a run killed mid-way left no file
// (or a temporary one) and runs again. Nothing is lost or done twice. The table, the .vti and
// summary.json are made from the journal at the end.
#include <cstddef>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "app/CaseEvaluation.h"
#include "core/Results.h"

namespace proscale {

/// One finished run, as the table needs it.
struct SweepRunRecord {
  std::size_t run = 0;                ///< 1-based, the design's order
  std::string caseId;                 ///< sweepCaseId of the run
  std::vector<Override> overrides;
  RunStatus status = RunStatus::Complete;
  std::string problem;                ///< CaseEvaluation::problem
  std::vector<Metric> metrics;        ///< name, value (SI), unit
  double seconds = 0.0;               ///< wall time of the run (load and simulate)
};

/// A run's identity: a hash (FNV-1a, 64 bits, hexadecimal) of the process case file's text and
/// the run's overrides. The same id, the same simulation.
std::string sweepCaseId(const std::string& processCaseText, const std::vector<Override>& overrides);

/// The record of a run that ended (CaseEvaluation) as the journal keeps it.
SweepRunRecord sweepRunRecord(std::size_t run, const std::string& caseId,
                              const CaseEvaluation& evaluation, double seconds);

/// The folder of the journal in a sweep's output directory, and a run's file name in it.
inline constexpr const char* kSweepJournalFolder = "runs";
std::string sweepRunFileName(std::size_t run);  ///< "run-000017.json"

/// Writes the record into `folder` atomically (a temporary file renamed over the name).
void writeSweepRunRecord(const std::filesystem::path& folder, const SweepRunRecord& record);

/// Every record in `folder` (none if it does not exist), by run number. OutputDirectoryError
/// when a record cannot be read, names a run the sweep does not have, or has another case id
/// than `expectedIds[run - 1]`: the sweep or its case changed since the journal was written.
std::map<std::size_t, SweepRunRecord> readSweepJournal(const std::filesystem::path& folder,
                                                       const std::vector<std::string>& expectedIds);

}  // namespace proscale
