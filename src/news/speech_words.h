// The words that tell who is speaking in an article: reporting verbs
// ("said", "found"), role words ("director", "councillor"), honorifics, words
// never part of a person's name, and the nouns naming the inspectorate,
// government, police or a council.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "news/text_words.h"

namespace cscwatch::news {

enum class SpeakerKind { Inspectorate, Person, Council, Government, Police, Other, Unknown };

// "inspectorate", "person", "council", "government", "police", "other", "unknown"
std::string_view to_string(SpeakerKind kind);

bool is_reporting_verb(std::string_view norm);
// Words that open a clause: the speaker of a verb never lies before them
// ("... comes a year after a focused visit by the watchdog found").
bool is_clause_start(std::string_view norm);
bool is_role_word(std::string_view norm);
bool is_honorific(std::string_view norm);
// Words that are never part of a person's name.
bool is_not_name(std::string_view norm);

// Inspectorate, government, police and council nouns at words[i] (lower case words).
SpeakerKind noun_kind(const std::vector<Word>& words, size_t i);

// The kind of organisation a phrase names first ("the watchdog" ->
// inspectorate, "Dudley Council" -> council), Unknown if none.
SpeakerKind organisation_kind(const std::vector<Word>& words, size_t from, size_t to);

}  // namespace cscwatch::news
