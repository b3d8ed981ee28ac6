#pragma once
// What the study verbs share (StudyCommand.cpp, SweepCommand.cpp): the runs' options from the
// command line, the claimed output directory, the text files, the head of summary.json and the
// exit code from the worst run's status.
#include <string>

#include "app/CaseEvaluation.h"
#include "app/CommandLine.h"
#include "core/Parameters.h"
#include "output/JsonWriter.h"
#include "output/OutputDirectory.h"

namespace proscale {

/// A study's `process:` section: the case it runs and the overrides of every run.
struct StudyProcess {
  std::string caseName;        ///< as written, relative to the study file's folder
  std::string file;            ///< the path to load
  std::vector<Override> set;   ///< process.set
  SourceMark setMark;          ///< where process.set is (or the section)
};
/// From the validated section; InputError at `case` for a file that is not there, at `set`
/// for an override that cannot be read.
StudyProcess readStudyProcess(const Parameters& process, const std::string& studyFile);

/// --max-memory (or the default limit) and the study's `threads`.
EvaluationOptions studyOptions(const CommandLine& cl, unsigned threads);
/// -o DIR, or results/<study file name>, not yet claimed.
OutputDirectory studyDirectory(const CommandLine& cl);
/// The same, claimed for a new run (OutputDirectory's rules).
OutputDirectory claimStudyDirectory(const CommandLine& cl);
/// `text` into `name` of the directory, atomically.
void writeStudyFile(OutputDirectory& dir, const std::string& name, const std::string& text);
/// Opens summary.json's object and writes status, case {file, name, model}, proscale_version,
/// run_id and process_case; the caller adds its own members and closes it.
void beginStudySummary(JsonWriter& json, RunStatus status, const std::string& file,
                       const std::string& name, const char* model, const std::string& runId,
                       const std::string& processFile);
/// 0, 4 (a run suspect), 3 (a run incomplete) or 128 + signal when interrupted.
int studyExitCode(RunStatus status);

}  // namespace proscale
