#include "core/Parameters.h"

namespace proscale {

std::string Parameters::pathOf(std::string_view key) const {
  if (m_path.empty()) return std::string(key);
  return m_path + "." + std::string(key);
}

SourceMark Parameters::markOf(std::string_view key) const {
  auto it = m_values.find(key);
  return it == m_values.end() || it->second.defaulted ? m_mark : it->second.mark;
}

InputError Parameters::error(std::string_view key, const std::string& problem) const {
  return InputError(markOf(key), key.empty() ? m_path : pathOf(key), problem);
}

bool Parameters::has(std::string_view key) const { return m_values.count(key) != 0; }

bool Parameters::isDefault(std::string_view key) const {
  auto it = m_values.find(key);
  return it != m_values.end() && it->second.defaulted;
}

void Parameters::set(const std::string& key, Value value, SourceMark mark, bool defaulted) {
  if (m_values.count(key) == 0) m_order.push_back(key);
  m_values[key] = Entry{std::move(value), std::move(mark), defaulted};
}

const Parameters::Entry& Parameters::entry(std::string_view key) const {
  auto it = m_values.find(key);
  if (it == m_values.end()) throw error(key, "required key is missing");
  return it->second;
}

template <class T>
const T& Parameters::get(std::string_view key, const char* typeName) const {
  const Entry& e = entry(key);
  if (auto* v = std::get_if<T>(&e.value)) return *v;
  throw error(key, std::string("expected ") + typeName);
}

double Parameters::real(std::string_view key) const { return get<double>(key, "a number"); }
long Parameters::integer(std::string_view key) const { return get<long>(key, "an integer"); }
bool Parameters::boolean(std::string_view key) const { return get<bool>(key, "true or false"); }
const std::string& Parameters::string(std::string_view key) const {
  return get<std::string>(key, "a string");
}
const std::vector<double>& Parameters::reals(std::string_view key) const {
  return get<std::vector<double>>(key, "a list of numbers");
}
const std::vector<std::string>& Parameters::strings(std::string_view key) const {
  return get<std::vector<std::string>>(key, "a list of strings");
}
const Parameters& Parameters::section(std::string_view key) const {
  return *get<std::shared_ptr<Parameters>>(key, "a mapping");
}
const Parameters::List& Parameters::list(std::string_view key) const {
  return *get<std::shared_ptr<List>>(key, "a list of mappings");
}

}  // namespace proscale
