// Percent-encoding both ways: url_encode for the links and redirects we make,
// url_decode and parse_params for the request targets and form bodies we read.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace cscwatch {

// Percent-encodes everything except unreserved characters (RFC 3986), for
// query values and path segments.
std::string url_encode(std::string_view text);

// %XX decoding (a malformed escape is kept as it is); '+' is a space in query
// strings and forms only (plus_is_space), never in a path.
std::string url_decode(std::string_view text, bool plus_is_space);

// name=value&name=value (a query string or an
// application/x-www-form-urlencoded body), decoded, added to `out`.
void parse_params(std::string_view text, std::multimap<std::string, std::string>& out);

}  // namespace cscwatch
