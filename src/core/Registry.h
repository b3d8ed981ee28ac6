#pragma once
// Maps a case file's `type:` string to a model constructor and the model's parameter schema.
// A new model is one new file plus one `add` line in its domain's register function.
#include <functional>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>

#include "core/Parameters.h"
#include "core/Schema.h"

namespace proscale {

template <class Product, class... Args>
class Factory {
 public:
  using Maker = std::function<std::unique_ptr<Product>(const Parameters&, Args...)>;

  Factory(std::string name, std::string doc)
      : m_family(std::make_shared<TypedFamily>(TypedFamily{std::move(name), std::move(doc), {}})) {}

  void add(const std::string& type, SchemaPtr schema, Maker make) {
    if (m_makers.count(type)) throw std::logic_error("type '" + type + "' registered twice");
    m_family->variants[type] = std::move(schema);
    m_makers[type] = std::move(make);
  }

  /// Builds the variant chosen by `params.type()` (validated by the case loader).
  std::unique_ptr<Product> make(const Parameters& params, Args... args) const {
    auto it = m_makers.find(params.type());
    if (it == m_makers.end()) throw params.error("type", "unknown type '" + params.type() + "'");
    return it->second(params, args...);
  }

  /// The family for schema declarations (ParamSpec::typed).
  FamilyPtr family() const { return m_family; }

 private:
  std::shared_ptr<TypedFamily> m_family;
  std::map<std::string, Maker> m_makers;
};

}  // namespace proscale
