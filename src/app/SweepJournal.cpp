// The sweep's journal of finished runs (SweepJournal.h).
#include "app/SweepJournal.h"

#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <cstdio>
#include <sstream>

#include "output/AtomicFile.h"
#include "output/JsonWriter.h"
#include "output/OutputDirectory.h"

namespace proscale {
namespace {

// FNV-1a, 64 bits (Fowler, Noll & Vo; the IETF draft draft-eastlake-fnv): a fingerprint, not
// a security measure.
void mix(std::uint64_t& hash, const std::string& text) {
  for (const unsigned char c : text) {
    hash ^= c;
    hash *= 1099511628211ULL;
  }
}

RunStatus statusNamed(const std::string& name, const std::filesystem::path& file) {
  for (RunStatus s : {RunStatus::Complete, RunStatus::Suspect, RunStatus::Incomplete})
    if (name == runStatusName(s)) return s;
  throw OutputDirectoryError("'" + file.string() + "': unknown status '" + name + "'");
}

SweepRunRecord readRecord(const std::filesystem::path& file) {
  try {
    const YAML::Node node = YAML::LoadFile(file.string());
    SweepRunRecord r;
    r.run = node["run"].as<std::size_t>();
    r.caseId = node["case_id"].as<std::string>();
    for (const auto& o : node["overrides"])
      r.overrides.push_back({o.first.as<std::string>(), o.second.as<std::string>()});
    r.status = statusNamed(node["status"].as<std::string>(), file);
    if (node["problem"]) r.problem = node["problem"].as<std::string>();
    for (const auto& m : node["metrics"]) {
      Metric metric;
      metric.name = m["name"].as<std::string>();
      metric.value = m["value"].as<double>();
      metric.unit = m["unit"].as<std::string>();
      r.metrics.push_back(std::move(metric));
    }
    r.seconds = node["seconds"].as<double>();
    return r;
  } catch (const YAML::Exception& e) {
    throw OutputDirectoryError("'" + file.string() + "' cannot be read as a run's record (" +
                               e.what() + "); remove it and resume to run that case again");
  }
}

}  // namespace

std::string sweepCaseId(const std::string& processCaseText, const std::vector<Override>& overrides) {
  std::uint64_t hash = 14695981039346656037ULL;
  mix(hash, processCaseText);
  for (const Override& o : overrides) mix(hash, "\n" + o.keyPath + "=" + o.valueText);
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(hash));
  return text;
}

SweepRunRecord sweepRunRecord(std::size_t run, const std::string& caseId,
                              const CaseEvaluation& evaluation, double seconds) {
  SweepRunRecord r;
  r.run = run;
  r.caseId = caseId;
  r.overrides = evaluation.overrides;
  r.status = evaluation.status();
  r.problem = evaluation.problem();
  r.metrics = evaluation.summary.metrics;
  r.seconds = seconds;
  return r;
}

std::string sweepRunFileName(std::size_t run) {
  char name[32];
  std::snprintf(name, sizeof name, "run-%06zu.json", run);
  return name;
}

void writeSweepRunRecord(const std::filesystem::path& folder, const SweepRunRecord& r) {
  std::ostringstream text;
  JsonWriter json(text);
  json.beginObject();
  json.member("run", r.run);
  json.member("case_id", r.caseId);
  json.key("overrides").beginObject();
  for (const Override& o : r.overrides) json.member(o.keyPath, o.valueText);
  json.endObject();
  json.member("status", runStatusName(r.status));
  json.member("problem", r.problem);
  json.key("metrics").beginArray();
  for (const Metric& m : r.metrics) {
    json.beginObject();
    json.member("name", m.name);
    json.member("value", m.value);
    json.member("unit", m.unit);
    json.endObject();
  }
  json.endArray();
  json.member("seconds", r.seconds);
  json.endObject();
  json.finish();
  writeFileAtomically(folder / sweepRunFileName(r.run), [&](std::ostream& s) { s << text.str(); });
}

std::map<std::size_t, SweepRunRecord> readSweepJournal(const std::filesystem::path& folder,
                                                       const std::vector<std::string>& expectedIds) {
  std::map<std::size_t, SweepRunRecord> records;
  if (!std::filesystem::is_directory(folder)) return records;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    const std::string name = entry.path().filename().string();
    // Only finished records: a run killed while writing left run-N.json.tmp-... (ignored).
    if (!name.starts_with("run-") || !name.ends_with(".json") || !entry.is_regular_file()) continue;
    SweepRunRecord r = readRecord(entry.path());
    if (name != sweepRunFileName(r.run) || r.run == 0 || r.run > expectedIds.size())
      throw OutputDirectoryError("'" + entry.path().string() + "' records run " +
                                 std::to_string(r.run) + ", which this sweep of " +
                                 std::to_string(expectedIds.size()) +
                                 " runs does not have: the sweep changed since; run it into a "
                                 "new directory instead of resuming");
    if (r.caseId != expectedIds[r.run - 1])
      throw OutputDirectoryError("'" + entry.path().string() + "': run " + std::to_string(r.run) +
                                 " was another case (id " + r.caseId + ", now " +
                                 expectedIds[r.run - 1] +
                                 "): the sweep file or its process case changed since; run it "
                                 "into a new directory instead of resuming");
    records.emplace(r.run, std::move(r));
  }
  return records;
}

}  // namespace proscale
