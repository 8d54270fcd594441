-- Hand-written: fills the columns the projection now keeps (see 20261125232305_ledger_at_scale) for the
-- cases projected before it. From here on the projection writes them with the rules of
-- domain/ledger-keys.ts and domain/case-search.ts; the SQL below mirrors those rules (lower() folds
-- only ASCII on a C-locale database, and the punctuation classes are listed by range), so a row
-- backfilled here can differ from the projection's only in such characters, until its next event.

-- What a municipal liaison may see: cases forwarded to the city.
UPDATE "cases" c SET "forwarded_to_municipal" = true
WHERE EXISTS (SELECT 1 FROM "case_events" e WHERE e."case_id" = c."id" AND e."type" = 'forwarded_to_municipal');

-- The search pieces: every 2 characters of each field, and every 3 when all three are ASCII.
CREATE FUNCTION pg_temp.ledger_grams(fields text[]) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(array_agg(DISTINCT g), ARRAY[]::text[]) FROM (
    SELECT substr(lower(f), i, 2) AS g FROM unnest(fields) f, generate_series(1, char_length(f) - 1) i
    UNION ALL
    SELECT substr(lower(f), i, 3) FROM unnest(fields) f, generate_series(1, char_length(f) - 2) i
    WHERE substr(f, i, 3) ~ '^[\x01-\x7f]{3}$'
  ) pieces
$$;
UPDATE "cases" SET "search_grams" = pg_temp.ledger_grams(ARRAY["title", "description", "location", "category"]);

-- The statistics' narrow rows.
INSERT INTO "case_facts" ("case_id", "filing_unit_id", "filed_at", "status", "kind", "category", "category_key", "place_key",
  "forwarded_to_municipal", "outcome", "merged", "first_result_at", "went_overdue", "satisfied_answers", "feedback_answers")
SELECT c."id", c."filing_unit_id", c."filed_at", c."status", c."kind", btrim(c."category"), lower(btrim(c."category")),
  btrim(regexp_replace(
    regexp_replace(lower(c."location"), '[0-9!-/:-@\[-`{-~\u00a1-\u00bf\u2000-\u206f\u3000-\u303f\uff01-\uff20\uff3b-\uff40\uff5b-\uff65]+', ' ', 'g'),
    '\s+', ' ', 'g')),
  c."forwarded_to_municipal",
  CASE WHEN c."status" IN ('awaiting_feedback', 'closed') AND c."details" ? 'resolution' THEN
    CASE WHEN NOT (c."details" -> 'resolution' ->> 'solved')::boolean THEN 'unsolvable'
         WHEN c."details" -> 'resolution' ->> 'level' = 'district' THEN 'solved_at_district'
         WHEN c."details" -> 'resolution' ->> 'level' = 'municipal' THEN 'solved_at_municipal' END END,
  c."status" = 'merged' OR coalesce(c."details" ->> 'closedBecause' = 'primary_closed', false),
  (SELECT min(e."occurred_at") FROM "case_events" e WHERE e."case_id" = c."id"
     AND e."type" IN ('solved_at_district', 'resolved_by_municipal', 'declared_unsolvable')),
  EXISTS (SELECT 1 FROM "case_events" e WHERE e."case_id" = c."id" AND e."type" = 'deadline_overdue'),
  (SELECT count(*) FROM "case_events" e WHERE e."case_id" = c."id" AND e."type" = 'reporter_satisfied'),
  (SELECT count(*) FROM "case_events" e WHERE e."case_id" = c."id" AND e."type" IN ('reporter_satisfied', 'reopened'))
FROM "cases" c;
