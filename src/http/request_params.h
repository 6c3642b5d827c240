// Reading and validating query parameters. Every parameter has a length
// limit and, where it names a closed set (grades, frameworks, sort columns:
// see web/filter_values.h), is checked against it: a bad value is a 400 with a message, never a guess.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "http/web_types.h"

namespace cscwatch {

inline constexpr size_t kMaxParamLength = 200;

// The value, or "" when absent. Throws BadRequest if longer than max_length
// or given more than once.
std::string param(const WebRequest& request, const std::string& name, size_t max_length = kMaxParamLength);

// An integer in [min, max]; `fallback` when absent or empty.
int int_param(const WebRequest& request, const std::string& name, int fallback, int min, int max);

// The value must be empty or one of `allowed`.
std::string choice_param(const WebRequest& request, const std::string& name, const std::vector<std::string>& allowed);

// "1", "true", "on", "yes" -> true; "", "0", "false", "off", "no" -> false.
bool flag_param(const WebRequest& request, const std::string& name);

}  // namespace cscwatch
