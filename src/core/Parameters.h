#pragma once
// Validated case values in SI units, with the file position of each key so that a model can
// report a physical inconsistency (found only when values are combined) at the right line.
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/Errors.h"

namespace proscale {

class Parameters {
 public:
  using List = std::vector<Parameters>;
  using Value = std::variant<double, long, bool, std::string, std::vector<double>,
                             std::vector<std::string>, std::shared_ptr<Parameters>,
                             std::shared_ptr<List>>;
  struct Entry {
    Value value;
    SourceMark mark;
    bool defaulted = false;  ///< true when the value came from the declaration's default
  };

  Parameters() = default;
  Parameters(std::string path, SourceMark mark) : m_path(std::move(path)), m_mark(std::move(mark)) {}

  // ---- reading (throw InputError at this section if a key is missing or of another type) ----
  double real(std::string_view key) const;                    ///< SI value
  long integer(std::string_view key) const;
  bool boolean(std::string_view key) const;
  const std::string& string(std::string_view key) const;      ///< String and Choice
  const std::vector<double>& reals(std::string_view key) const;
  const std::vector<std::string>& strings(std::string_view key) const;  ///< StringList
  const Parameters& section(std::string_view key) const;      ///< Section, TypedSection, SectionMap
  const List& list(std::string_view key) const;               ///< SectionList
  bool has(std::string_view key) const;
  bool isDefault(std::string_view key) const;

  /// For a TypedSection: the chosen variant ("classical"); empty otherwise.
  const std::string& type() const { return m_type; }
  /// Keys in file order (for a SectionMap: the user's entry names).
  const std::vector<std::string>& keys() const { return m_order; }

  // ---- locating ----
  const std::string& path() const { return m_path; }                  ///< "nucleation"
  std::string pathOf(std::string_view key) const;                     ///< "nucleation.rate"
  const SourceMark& mark() const { return m_mark; }
  SourceMark markOf(std::string_view key) const;                      ///< this section's if absent
  /// An InputError located at `key` (or at this section when the key is absent).
  InputError error(std::string_view key, const std::string& problem) const;

  // ---- building (used by the case loader) ----
  void set(const std::string& key, Value value, SourceMark mark, bool defaulted = false);
  void setType(std::string type) { m_type = std::move(type); }

 private:
  const Entry& entry(std::string_view key) const;
  template <class T> const T& get(std::string_view key, const char* typeName) const;

  std::string m_path;
  SourceMark m_mark;
  std::string m_type;
  std::map<std::string, Entry, std::less<>> m_values;
  std::vector<std::string> m_order;
};

}  // namespace proscale
