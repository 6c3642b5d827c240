-- The words bench/distinct_search.lua searches for, from the register's own
-- full-text index: every fifth of the letters-only words (four letters or
-- more) that appear on at least 50 pages, most frequent first, so the list
-- spans the common ("children", on nearly every page) to the specific.
--   sqlite3 -readonly REGISTER.db < bench/search_words.sql > words.txt
CREATE VIRTUAL TABLE temp.search_vocabulary USING fts5vocab(main, page_fts, 'row');
WITH ranked AS (
  SELECT term, row_number() OVER (ORDER BY doc DESC, term) AS rank
  FROM temp.search_vocabulary
  WHERE doc >= 50 AND length(term) >= 4 AND term NOT GLOB '*[^a-z]*')
SELECT term FROM ranked WHERE rank % 5 = 1 ORDER BY rank;
