#include "app/StudySupport.h"

#include <filesystem>
#include <ostream>

#include "app/Interrupts.h"
#include "app/MemoryEstimate.h"
#include "app/RunCommand.h"
#include "core/Version.h"
#include "output/AtomicFile.h"

namespace proscale {

StudyProcess readStudyProcess(const Parameters& process, const std::string& studyFile) {
  StudyProcess out;
  out.caseName = process.string("case");
  const std::filesystem::path path = std::filesystem::path(studyFile).parent_path() / out.caseName;
  if (!std::filesystem::is_regular_file(path))
    throw process.error("case", "no case file '" + out.caseName +
                                    "' (the path is relative to the study file's folder)");
  out.file = path.string();
  out.setMark = process.markOf("set");
  if (process.has("set"))
    for (const std::string& text : process.strings("set")) {
      try {
        out.set.push_back(parseOverride(text));
      } catch (const InputError& e) {
        throw process.error("set", e.problem());
      }
    }
  return out;
}

EvaluationOptions studyOptions(const CommandLine& cl, unsigned threads) {
  EvaluationOptions options;
  options.maxMemory = cl.maxMemory ? *cl.maxMemory : defaultMemoryLimit();
  options.threads = threads;
  return options;
}

OutputDirectory studyDirectory(const CommandLine& cl) {
  return OutputDirectory(cl.outputDir ? std::filesystem::path(*cl.outputDir)
                                      : std::filesystem::path("results") /
                                            std::filesystem::path(cl.caseFile).stem());
}

OutputDirectory claimStudyDirectory(const CommandLine& cl) {
  OutputDirectory dir = studyDirectory(cl);
  dir.claim(newRunId(), cl.overwrite);
  return dir;
}

void writeStudyFile(OutputDirectory& dir, const std::string& name, const std::string& text) {
  writeFileAtomically(dir.fileForWriting(name), [&text](std::ostream& s) { s << text; });
}

void beginStudySummary(JsonWriter& json, RunStatus status, const std::string& file,
                       const std::string& name, const char* model, const std::string& runId,
                       const std::string& processFile) {
  json.beginObject();
  json.member("status", runStatusName(status));
  json.key("case").beginObject();
  json.member("file", file);
  json.member("name", name);
  json.member("model", model);
  json.endObject();
  json.member("proscale_version", kVersion);
  json.member("run_id", runId);
  json.member("process_case", processFile);
}

int studyExitCode(RunStatus status) {
  if (status == RunStatus::Incomplete) {
    if (const int signal = interruptSignal()) return 128 + signal;
    return kSolverFailure;
  }
  return status == RunStatus::Suspect ? kSuspect : kSuccess;
}

}  // namespace proscale
