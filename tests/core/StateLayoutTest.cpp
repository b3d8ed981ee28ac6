// StateLayout's labels of components, which the solvers put into their failure messages.
#include <catch2/catch.hpp>

#include "core/StateLayout.h"

namespace proscale {

TEST_CASE("A component's label names its block, index and name, and a grid's node",
          "[unit][core]") {
  StateLayout layout;
  layout.add("species", 2, "mol/m^3", 1.0, {"Ba+2", "SO4-2"});
  layout.add("classes", 3, "1/m^3", 1e10);
  CHECK(layout.componentLabel(1) == "species[1] (SO4-2)");
  CHECK(layout.componentLabel(4) == "classes[2]");
  // Past the end: node 2 of a grid whose nodes each hold this layout (5 unknowns).
  CHECK(layout.componentLabel(2 * 5 + 0) == "node 2: species[0] (Ba+2)");
}

}  // namespace proscale
