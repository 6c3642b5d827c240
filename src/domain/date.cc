#include "domain/date.h"

#include <array>
#include <cctype>
#include <cstdio>

namespace cscwatch {

namespace {
constexpr std::array<std::string_view, 12> kMonths = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};
}

std::string to_iso(const Date& date) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return buf;
}

std::optional<Date> parse_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto digits = [&](size_t from, size_t n) -> int {
    int v = 0;
    for (size_t i = from; i < from + n; ++i) {
      if (!std::isdigit(static_cast<unsigned char>(text[i]))) return -1;
      v = v * 10 + (text[i] - '0');
    }
    return v;
  };
  int y = digits(0, 4), m = digits(5, 2), d = digits(8, 2);
  if (y < 0 || m < 0 || d < 0) return std::nullopt;
  Date date{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
            std::chrono::day{static_cast<unsigned>(d)}};
  if (!date.ok()) return std::nullopt;
  return date;
}

int days_between(const Date& a, const Date& b) {
  return static_cast<int>((std::chrono::sys_days{b} - std::chrono::sys_days{a}).count());
}

int month_from_name(std::string_view name) {
  std::string s;
  for (char c : name) s.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  if (s.size() < 3) return 0;
  for (size_t i = 0; i < kMonths.size(); ++i) {
    std::string full;
    for (char c : kMonths[i]) full.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    if (s == full || s == full.substr(0, 3) || (i == 8 && s == "sept")) return static_cast<int>(i + 1);
  }
  return 0;
}

std::string_view month_name(unsigned month) {
  if (month < 1 || month > 12) return "";
  return kMonths[month - 1];
}

std::string to_long_form(const Date& date) {
  return std::to_string(static_cast<unsigned>(date.day())) + " " +
         std::string(month_name(static_cast<unsigned>(date.month()))) + " " +
         std::to_string(static_cast<int>(date.year()));
}

Date today() {
  return Date{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
}

}  // namespace cscwatch
