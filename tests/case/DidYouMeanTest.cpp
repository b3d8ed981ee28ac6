#include <catch2/catch.hpp>

#include "case/DidYouMean.h"

using namespace proscale;

TEST_CASE("closestMatch uses Damerau-Levenshtein distance", "[unit]") {
  const std::vector<std::string> keys{"temperature", "volume", "stirring", "isothermal"};
  CHECK(closestMatch("temprature", keys) == "temperature");  // one deletion
  CHECK(closestMatch("tmeperature", keys) == "temperature");  // one transposition
  CHECK(closestMatch("volumes", keys) == "volume");
  CHECK(closestMatch("stiring", keys) == "stirring");
  CHECK(closestMatch("pressure", keys) == "");
  CHECK(closestMatch("vol", keys) == "");                      // 3 edits > max(2, 3/3)
  CHECK(closestMatch("upwnd", {"upwind", "van-leer", "minmod"}) == "upwind");
  CHECK(closestMatch("ab", {"cd"}) == "");                     // a complete rewrite is no suggestion
  CHECK(closestMatch("x", {}) == "");
}

TEST_CASE("the limit grows with the word length", "[unit]") {
  // 12 letters: limit 4 edits
  CHECK(closestMatch("surfceenrgyy", {"surface-energy"}) == "surface-energy");
  // 7 letters: limit 2 edits
  CHECK(closestMatch("clasicl", {"classical"}) == "classical");
  CHECK(closestMatch("cls", {"classical"}) == "");
}

TEST_CASE("ties go to the first candidate", "[unit]") {
  CHECK(closestMatch("bat", {"cat", "bar"}) == "cat");
  CHECK(didYouMean("bat", {"cat"}) == " (did you mean 'cat'?)");
  CHECK(didYouMean("zzzz", {"cat"}) == "");
  CHECK(joinWords({"a", "b", "c"}) == "a, b, c");
}
