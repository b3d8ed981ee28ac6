#include "core/Schema.h"

#include <stdexcept>

namespace proscale {
namespace {
ParamSpec make(std::string key, ParamType type, std::string doc) {
  ParamSpec p;
  p.key = std::move(key);
  p.type = type;
  p.doc = std::move(doc);
  return p;
}
}  // namespace

ParamSpec ParamSpec::real(std::string key, Dimension d, std::string doc) {
  auto p = make(std::move(key), ParamType::Real, std::move(doc));
  p.dimension = d;
  return p;
}
ParamSpec ParamSpec::integer(std::string key, std::string doc) {
  return make(std::move(key), ParamType::Integer, std::move(doc));
}
ParamSpec ParamSpec::boolean(std::string key, std::string doc) {
  return make(std::move(key), ParamType::Bool, std::move(doc));
}
ParamSpec ParamSpec::string(std::string key, std::string doc) {
  return make(std::move(key), ParamType::String, std::move(doc));
}
ParamSpec ParamSpec::choice(std::string key, std::vector<std::string> choices, std::string doc) {
  auto p = make(std::move(key), ParamType::Choice, std::move(doc));
  p.choices = std::move(choices);
  return p;
}
ParamSpec ParamSpec::realList(std::string key, Dimension d, std::string doc) {
  auto p = make(std::move(key), ParamType::RealList, std::move(doc));
  p.dimension = d;
  return p;
}
ParamSpec ParamSpec::stringList(std::string key, std::string doc) {
  return make(std::move(key), ParamType::StringList, std::move(doc));
}
ParamSpec ParamSpec::quantityMap(std::string key, Dimension d, std::string doc) {
  auto p = make(std::move(key), ParamType::QuantityMap, std::move(doc));
  p.dimension = d;
  return p;
}
ParamSpec ParamSpec::section(std::string key, SchemaPtr s, std::string doc) {
  auto p = make(std::move(key), ParamType::Section, std::move(doc));
  p.sectionSchema = std::move(s);
  return p;
}
ParamSpec ParamSpec::typed(std::string key, FamilyPtr f, std::string doc) {
  auto p = make(std::move(key), ParamType::TypedSection, std::move(doc));
  p.family = std::move(f);
  return p;
}
ParamSpec ParamSpec::sectionMap(std::string key, SchemaPtr entry, std::string doc) {
  auto p = make(std::move(key), ParamType::SectionMap, std::move(doc));
  p.sectionSchema = std::move(entry);
  return p;
}
ParamSpec ParamSpec::sectionList(std::string key, SchemaPtr entry, std::string doc) {
  auto p = make(std::move(key), ParamType::SectionList, std::move(doc));
  p.sectionSchema = std::move(entry);
  return p;
}

Schema& Schema::add(ParamSpec spec) {
  if (find(spec.key)) throw std::logic_error("schema '" + m_name + "' declares '" + spec.key + "' twice");
  m_params.push_back(std::move(spec));
  return *this;
}

const ParamSpec* Schema::find(const std::string& key) const {
  for (const auto& p : m_params)
    if (p.key == key) return &p;
  return nullptr;
}

}  // namespace proscale
