#pragma once
// Parameter declarations. Every model declares its case-file keys here, next to its
// constructor: name, type, dimension, default or "required", range, and a doc string. The case
// loader validates against these declarations and the reference docs are generated from them,
// so code, checks and documentation cannot drift apart.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/Dimension.h"

namespace proscale {

class Schema;
struct TypedFamily;
using SchemaPtr = std::shared_ptr<const Schema>;
using FamilyPtr = std::shared_ptr<const TypedFamily>;

enum class ParamType {
  Real,          ///< a number with a unit of the declared dimension (or plain if dimensionless)
  Integer,       ///< a whole number
  Bool,          ///< true/false
  String,        ///< free text
  Choice,        ///< one of `choices`
  RealList,      ///< a YAML sequence of Real
  StringList,    ///< a YAML sequence of free text
  QuantityMap,   ///< a mapping of user-chosen names to Real values of `dimension`
  Section,       ///< a nested mapping validated by `section`
  TypedSection,  ///< a nested mapping whose `type:` picks a variant from `family`
  SectionMap,    ///< a mapping of user-chosen names to sections validated by `section`
  SectionList,   ///< a sequence of sections validated by `section`
};

struct Bound {
  double value;
  bool inclusive;
};

/// One declared key. Built fluently: `ParamSpec::real("temperature", dim::temperature,
/// "Vessel temperature.").unit("K").defaultsTo("25 degC").above(0)`.
struct ParamSpec {
  std::string key;
  ParamType type = ParamType::Real;
  std::string doc;
  Dimension dimension;               ///< Real, RealList
  std::string unitHint;              ///< a unit to show in docs and messages ("K", "mol/L")
  bool required = false;
  std::optional<std::string> defaultText;  ///< as a user would write it in YAML
  std::optional<Bound> lower, upper;       ///< Real, RealList, Integer
  std::vector<std::string> choices;        ///< Choice
  SchemaPtr sectionSchema;                 ///< Section, SectionMap, SectionList
  FamilyPtr family;                        ///< TypedSection
  std::optional<std::string> defaultType;  ///< TypedSection: variant used when `type` is absent
  /// Section: built from its keys' defaults when the user leaves it out (when none of its keys
  /// is required); false keeps it absent, for a section whose presence switches a model on.
  bool builtFromDefaults = true;

  static ParamSpec real(std::string key, Dimension d, std::string doc);
  static ParamSpec integer(std::string key, std::string doc);
  static ParamSpec boolean(std::string key, std::string doc);
  static ParamSpec string(std::string key, std::string doc);
  static ParamSpec choice(std::string key, std::vector<std::string> choices, std::string doc);
  static ParamSpec realList(std::string key, Dimension d, std::string doc);
  static ParamSpec stringList(std::string key, std::string doc);
  static ParamSpec quantityMap(std::string key, Dimension d, std::string doc);
  static ParamSpec section(std::string key, SchemaPtr s, std::string doc);
  static ParamSpec typed(std::string key, FamilyPtr f, std::string doc);
  static ParamSpec sectionMap(std::string key, SchemaPtr entry, std::string doc);
  static ParamSpec sectionList(std::string key, SchemaPtr entry, std::string doc);

  ParamSpec& unit(std::string hint) { unitHint = std::move(hint); return *this; }
  ParamSpec& isRequired() { required = true; return *this; }
  ParamSpec& defaultsTo(std::string text) { defaultText = std::move(text); return *this; }
  ParamSpec& defaultVariant(std::string variant) { defaultType = std::move(variant); return *this; }
  ParamSpec& onlyWhenGiven() { builtFromDefaults = false; return *this; }
  ParamSpec& above(double v) { lower = Bound{v, false}; return *this; }
  ParamSpec& atLeast(double v) { lower = Bound{v, true}; return *this; }
  ParamSpec& below(double v) { upper = Bound{v, false}; return *this; }
  ParamSpec& atMost(double v) { upper = Bound{v, true}; return *this; }
};

/// The keys of one mapping. An optional section (neither required nor defaulted) left out by
/// the user is built from its keys' defaults if none of them is required, and is absent
/// otherwise or when declared onlyWhenGiven().
class Schema {
 public:
  Schema(std::string name, std::string doc) : m_name(std::move(name)), m_doc(std::move(doc)) {}
  Schema& add(ParamSpec spec);
  const std::string& name() const { return m_name; }
  const std::string& doc() const { return m_doc; }
  const std::vector<ParamSpec>& params() const { return m_params; }
  const ParamSpec* find(const std::string& key) const;

 private:
  std::string m_name;
  std::string m_doc;
  std::vector<ParamSpec> m_params;
};

/// The variants a `type:` key chooses between (e.g. the nucleation laws).
struct TypedFamily {
  std::string name;
  std::string doc;
  std::map<std::string, SchemaPtr> variants;  ///< type string -> keys of that variant
};

}  // namespace proscale
