#include "output/VtkCollection.h"

#include <vtkIndent.h>
#include <vtkNew.h>
#include <vtkXMLDataElement.h>

#include <bit>
#include <ostream>
#include <system_error>

#include "core/Errors.h"
#include "output/AtomicFile.h"
#include "output/TextFormat.h"

namespace proscale {
namespace {

/// True for `<stem>_<digits>.vtr` with the number >= count.
bool isStalePiece(const std::string& name, const std::string& stem, std::size_t count) {
  const std::string prefix = stem + "_";
  const std::string suffix = ".vtr";
  if (name.size() <= prefix.size() + suffix.size() || !name.starts_with(prefix) ||
      !name.ends_with(suffix)) {
    return false;
  }
  const std::string digits =
      name.substr(prefix.size(), name.size() - prefix.size() - suffix.size());
  if (digits.find_first_not_of("0123456789") != std::string::npos) return false;
  const std::size_t firstNonZero = digits.find_first_not_of('0');
  const std::string significant =
      firstNonZero == std::string::npos ? "0" : digits.substr(firstNonZero);
  const std::string limit = std::to_string(count);
  return significant.size() > limit.size() ||
         (significant.size() == limit.size() && significant >= limit);
}

}  // namespace

void checkStem(const std::filesystem::path& dir, const std::string& stem) {
  if (stem.empty() || stem == "." || stem == ".." ||
      stem.find_first_of(std::string("/\0", 2)) != std::string::npos) {
    throw Error("cannot write ParaView files in '" + dir.string() + "': '" + stem +
                "' is not a plain file name");
  }
}

/// `<stem>_<index>.vtr`, index zero-padded to `digits`.
std::string pieceName(const std::string& stem, std::size_t index, std::size_t digits) {
  std::string number = std::to_string(index);
  if (number.size() < digits) number.insert(0, digits - number.size(), '0');
  return stem + "_" + number + ".vtr";
}

std::size_t pieceDigits(std::size_t count) {
  std::size_t digits = count > 0 ? std::to_string(count - 1).size() : 1;
  return digits < 4 ? 4 : digits;
}


/// The .pvd: <VTKFile type="Collection"><Collection><DataSet timestep=".." file=".."/>...
void writeCollection(const std::filesystem::path& target, const std::string& stem,
                     const std::vector<double>& times, std::size_t digits) {
  vtkNew<vtkXMLDataElement> root;
  root->SetName("VTKFile");
  root->SetAttribute("type", "Collection");
  root->SetAttribute("version", "0.1");
  root->SetAttribute("byte_order",
                     std::endian::native == std::endian::little ? "LittleEndian" : "BigEndian");
  vtkNew<vtkXMLDataElement> collection;
  collection->SetName("Collection");
  root->AddNestedElement(collection);
  for (std::size_t k = 0; k < times.size(); ++k) {
    vtkNew<vtkXMLDataElement> dataSet;
    dataSet->SetName("DataSet");
    dataSet->SetAttribute("timestep", formatShortest(times[k]).c_str());
    dataSet->SetAttribute("part", "0");
    dataSet->SetAttribute("file", (stem + "/" + pieceName(stem, k, digits)).c_str());
    collection->AddNestedElement(dataSet);
  }
  writeFileAtomically(target, [&](std::ostream& out) {
    out << "<?xml version=\"1.0\"?>\n";
    vtkIndent indent;
    root->PrintXML(out, indent);  // escapes &, <, > and quotes in attribute values
  });
}

void removeStalePieces(const std::filesystem::path& pieceDir, const std::string& stem,
                       std::size_t count) {
  std::error_code status;
  std::vector<std::filesystem::path> stale;
  std::filesystem::directory_iterator entry(pieceDir, status);
  for (; !status && entry != std::filesystem::directory_iterator(); entry.increment(status)) {
    std::error_code typeStatus;
    if (entry->is_regular_file(typeStatus) &&
        isStalePiece(entry->path().filename().string(), stem, count)) {
      stale.push_back(entry->path());
    }
  }
  if (status) {
    throw Error("cannot list '" + pieceDir.string() + "': " + status.message());
  }
  for (const auto& file : stale) {
    if (!std::filesystem::remove(file, status) && status) {
      throw Error("cannot remove stale piece '" + file.string() + "': " + status.message());
    }
  }
}

}  // namespace proscale
