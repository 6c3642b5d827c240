// The reason phrase of each status the server sends ("Not Found").
#pragma once

namespace cscwatch {

const char* reason_phrase(int status);

}  // namespace cscwatch
