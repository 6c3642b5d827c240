// Calendar dates as inspection reports use them: whole days, no time zone.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace cscwatch {

using Date = std::chrono::year_month_day;

// "2016-02-08"
std::string to_iso(const Date& date);

// Parses "YYYY-MM-DD"; nullopt if malformed or not a real date.
std::optional<Date> parse_iso_date(std::string_view text);

// Whole days from a to b (negative if b is earlier).
int days_between(const Date& a, const Date& b);

// 1 = January ... 12 = December for an English month name or its 3-letter
// abbreviation ("Sept" too), case-insensitive; 0 otherwise.
int month_from_name(std::string_view name);

// "January" .. "December".
std::string_view month_name(unsigned month);

// "5 April 2016"
std::string to_long_form(const Date& date);

// Today in UTC.
Date today();

}  // namespace cscwatch
