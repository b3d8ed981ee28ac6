#pragma once
// Suggestions for misspelt keys, choices and type names.
#include <string>
#include <vector>

namespace proscale {

/// The candidate nearest to `word` by Damerau-Levenshtein distance (adjacent transpositions
/// count 1), if that distance is at most max(2, word length / 3) and the candidate is not a
/// complete rewrite of the word; "" otherwise. Ties go to the earlier candidate.
std::string closestMatch(const std::string& word, const std::vector<std::string>& candidates);

/// " (did you mean 'x'?)" when closestMatch finds x, "" otherwise.
std::string didYouMean(const std::string& word, const std::vector<std::string>& candidates);

/// "a, b, c".
std::string joinWords(const std::vector<std::string>& words);

}  // namespace proscale
