// docs/reference/units.md promises that every unit it lists parses to the SI value it shows.
#include <catch2/catch.hpp>

#include <fstream>
#include <string>
#include <vector>

#include "core/Units.h"

using namespace proscale;

namespace {

/// The code spans (`...`) of a Markdown table row, in order.
std::vector<std::string> codeSpans(const std::string& line) {
  std::vector<std::string> spans;
  std::size_t open = line.find('`');
  while (open != std::string::npos) {
    std::size_t close = line.find('`', open + 1);
    if (close == std::string::npos) break;
    spans.push_back(line.substr(open + 1, close - open - 1));
    open = line.find('`', close + 1);
  }
  return spans;
}

void checkSame(const std::string& text, const std::string& si) {
  INFO(text << " = " << si);
  Quantity a = parseQuantity(text);
  Quantity b = parseQuantity(si);
  CHECK(a.value == Approx(b.value).epsilon(1e-9));
  CHECK(a.dimension == b.dimension);
}

}  // namespace

TEST_CASE("every unit in docs/reference/units.md parses to its listed SI value", "[unit]") {
  std::ifstream doc(PROSCALE_SOURCE_DIR "/docs/reference/units.md");
  REQUIRE(doc.good());
  std::string line, section;
  int units = 0, prefixes = 0, temperatures = 0;
  while (std::getline(doc, line)) {
    if (line.rfind("## ", 0) == 0) section = line.substr(3);
    if (line.rfind("| `", 0) != 0) continue;
    const std::vector<std::string> spans = codeSpans(line);
    REQUIRE(!spans.empty());
    if (section == "Units") {
      REQUIRE(spans.size() == 2);
      checkSame("1 " + spans[0], spans[1]);
      ++units;
    } else if (section == "Prefixes") {
      const double factor = std::stod(line.substr(line.rfind('|', line.size() - 2) + 1));
      INFO(spans[0]);
      CHECK(parseUnit(spans[0] + "m").value == Approx(factor));
      ++prefixes;
    } else if (section == "Temperatures") {
      REQUIRE(spans.size() == 2);
      checkSame(spans[0], spans[1]);
      ++temperatures;
    }
  }
  CHECK(units == 29);
  CHECK(prefixes == 11);
  CHECK(temperatures == 5);
}
