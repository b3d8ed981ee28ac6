#include "models/thermo/Speciation.h"

namespace proscale {

void Speciation::resize(std::size_t declaredSpecies, std::size_t allSpecies) {
  declared = declaredSpecies;
  species = allSpecies;
  free.resize(allSpecies);
  lnGamma.resize(allSpecies);
  dLnFree.resize(allSpecies * declaredSpecies);
  dLnGamma.resize(allSpecies * declaredSpecies);
}

}  // namespace proscale
