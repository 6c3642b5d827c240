-- wrk script: every request is a different full-text search, so none can be
-- answered from the response cache and none shares another's computation:
-- what a search costs when many people type different things at once.
--
--   SEARCH_WORDS=words.txt wrk -s bench/distinct_search.lua http://127.0.0.1:PORT
--
-- SEARCH_WORDS names a file of words, one a line (bench/http.sh writes it
-- from the register's own full-text vocabulary: see search_words.sql). Each
-- request asks /api/search for one word or two (ANDed), drawn at random, and
-- carries a sequence number that makes its cache key unique even when the
-- words repeat. SEARCH_PATH (default /api/search) picks the endpoint.

local words = {}
local path = os.getenv("SEARCH_PATH") or "/api/search"
local counter = 0
local thread_tag = ""

local function load_words()
  local file = os.getenv("SEARCH_WORDS")
  if not file then error("SEARCH_WORDS must name a word list") end
  for line in io.lines(file) do
    local w = line:match("^%s*(%S+)%s*$")
    if w then words[#words + 1] = w end
  end
  if #words == 0 then error("no words in " .. file) end
end

-- wrk runs this file once per thread; `id` tells the threads apart so their
-- sequence numbers never collide.
local next_id = 0
function setup(thread)
  next_id = next_id + 1
  thread:set("thread_id", next_id)
end

function init(args)
  load_words()
  thread_tag = tostring(thread_id or 0)
  math.randomseed(os.time() + (thread_id or 0) * 7919)
end

function request()
  counter = counter + 1
  local q = words[math.random(#words)]
  if math.random() < 0.5 then q = q .. "%20" .. words[math.random(#words)] end
  return wrk.format(nil, path .. "?q=" .. q .. "&n=" .. thread_tag .. "-" .. counter)
end
