#pragma once
// The quantities of one scale (a ScaleRecord and the duty) that a scale-up study can write into
// its process case (`process.from-scale`): each by name, with its SI unit, so that an override
// is "<value> <unit>" and the case loader checks its dimension against the key it sets.
#include <string>
#include <vector>

#include "models/mixing/ScaleUp.h"

namespace proscale {

struct ScaleQuantity {
  const char* name;  ///< kebab-case, as written in the study file
  const char* unit;  ///< SI unit text the case loader reads ("" for a plain number)
  const char* doc;
  double (*value)(const ScaleRecord&, const ScaleUpDuty&);
};

const std::vector<ScaleQuantity>& scaleQuantities();
std::vector<std::string> scaleQuantityNames();
/// nullptr for an unknown name.
const ScaleQuantity* findScaleQuantity(const std::string& name);

/// The override text of `quantity` times `factor` at this scale: "0.0005 m^3".
std::string scaleQuantityText(const ScaleQuantity& quantity, double factor,
                              const ScaleRecord& record, const ScaleUpDuty& duty);

}  // namespace proscale
