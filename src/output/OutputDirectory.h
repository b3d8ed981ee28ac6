#pragma once
// The directory a run writes its results into, and owns. Nothing is created on disk until the
// run claims it (after its case has been read and checked), so a run refused for bad input
// leaves no empty directory.
//
// Ownership (docs/reference/outputs.md, "The output directory"): a directory holds the results
// of one run. claim() refuses a non-empty directory that holds no proscale results (neither
// the marker kMarkerName nor summary.json) unless asked to overwrite; it then removes the
// files a run writes (knownResultFiles(), the ParaView pieces, half-written temporaries),
// summary.json first, and writes the marker with the new run's id, which also proves that the
// directory can be written. summary.json, written last by the run, carries the same id.
#include <array>
#include <memory>
#include <filesystem>
#include <string>
#include <vector>

#include "core/Errors.h"

namespace proscale {

/// The directory cannot be used (the command line reports it as "--output: ...", exit code 2).
class OutputDirectoryError : public Error {
 public:
  using Error::Error;
};

/// The marker of a directory that proscale writes: holds the id of the run writing it.
inline constexpr const char* kMarkerName = ".proscale-run";

/// Every file a run may write at the top of its directory (summary.json among them); the
/// ParaView pieces go to the folders of kPieceFolders (the size distribution's, a tube's axial
/// fields'). A new output file must be listed here, so that the next run in the directory
/// removes it (tests/cli checks it).
const std::vector<std::string>& knownResultFiles();
inline constexpr const char* kPiecesFolder = "psd";
inline constexpr std::array<const char*, 2> kPieceFolders{kPiecesFolder, "axial"};
/// A study's folder of per-run files (`run-*`: a sweep's journal records and each run's own
/// output directory); claim() empties it of them.
inline constexpr const char* kStudyRunsFolder = "runs";

class OutputDirectory {
 public:
  /// `dir` may be relative (to the working directory) and need not exist; an empty name is
  /// OutputDirectoryError (it would mean the working directory).
  explicit OutputDirectory(std::filesystem::path dir);

  const std::filesystem::path& root() const { return m_root; }

  /// `<dir>/<name>` without touching the disk. `name` is a relative path that stays inside the
  /// directory (no absolute paths, no ".." parts); otherwise Error.
  std::filesystem::path path(const std::string& name) const;

  /// Makes the directory the run's own (see the file comment). OutputDirectoryError when it is
  /// not a directory, cannot be created or written, is another program's (not `overwrite`),
  /// or another proscale process is writing into it (an advisory flock on the directory, held
  /// while this object or a copy of it lives). With `overwrite`, files that are not proscale's
  /// stay untouched.
  void claim(const std::string& runId, bool overwrite);
  /// Takes up a directory that an earlier run of the same study claimed and did not finish
  /// (a resumed sweep): its files stay, summary.json is removed (nothing claims to be complete
  /// until the run ends) and the marker gets `runId`. OutputDirectoryError when the directory
  /// does not exist or holds no proscale marker.
  void reopen(const std::string& runId);
  const std::string& runId() const { return m_runId; }

  /// Makes the directory and its parents if they do not exist yet; later calls do nothing.
  /// Throws Error when it cannot (for example a file of that name exists).
  void create();

  /// True once create() has succeeded.
  bool created() const { return m_created; }

  /// create(), then path(name): for the call just before a write.
  std::filesystem::path fileForWriting(const std::string& name);

 private:
  void removeOwnFiles() const;
  void lockAgainstOtherRuns();
  void removeStudyRuns() const;

  std::filesystem::path m_root;
  std::string m_runId;
  bool m_created = false;
  std::shared_ptr<const int> m_lock;  ///< the directory's descriptor, flock-ed while it is ours
};

/// Makes `dir` and its parents if missing; Error ("cannot create directory '<dir>': <reason>")
/// when that fails or `dir` exists as something other than a directory.
void ensureDirectory(const std::filesystem::path& dir);

/// A new run id: UTC time, process id and a random part ("20261204T101500Z-4242-9f3a61c2").
std::string newRunId();

}  // namespace proscale
