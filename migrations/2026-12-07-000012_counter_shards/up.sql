-- Each survey's answer counts are split over 8 shards, chosen by the response's id, so answers to one
-- survey that arrive together update different rows: on PostgreSQL they no longer wait for one another's
-- row locks until each commits. A survey's count of a value is the sum over its shards (a shard may be
-- negative: a void takes its response out of the response's own shard).
CREATE TABLE survey_answer_count_shards (
    survey_id TEXT NOT NULL REFERENCES surveys (id),
    question_id TEXT NOT NULL REFERENCES questions (id),
    value_key TEXT NOT NULL,
    shard INTEGER NOT NULL,
    metric TEXT,
    number_value BIGINT,
    text_value TEXT,
    answers BIGINT NOT NULL,
    PRIMARY KEY (survey_id, question_id, value_key, shard)
);
INSERT INTO survey_answer_count_shards (survey_id, question_id, value_key, shard, metric, number_value, text_value, answers)
SELECT survey_id, question_id, value_key, 0, metric, number_value, text_value, answers FROM survey_answer_counts;
DROP TABLE survey_answer_counts;
ALTER TABLE survey_answer_count_shards RENAME TO survey_answer_counts;

-- Likewise the count of changes to a membership's responses that tells its stored standing is stale
-- (`membership_standings`, src/service/standing.rs): each change bumps one of 8 shards, picked at
-- random; a recomputation reads every shard before the responses and then marks what it read as seen.
-- A shard with more changes than seen makes its membership's row stale.
CREATE TABLE standing_changes (
    membership_id TEXT NOT NULL REFERENCES memberships (id) ON DELETE CASCADE,
    shard INTEGER NOT NULL,
    changes BIGINT NOT NULL,
    changes_seen BIGINT NOT NULL,
    PRIMARY KEY (membership_id, shard)
);
CREATE INDEX standing_changes_unseen_idx ON standing_changes (membership_id) WHERE changes > changes_seen;
INSERT INTO standing_changes (membership_id, shard, changes, changes_seen)
SELECT membership_id, 0, changes, changes_seen FROM membership_standings WHERE changes > 0;
DROP INDEX membership_standings_changed_idx;
ALTER TABLE membership_standings DROP COLUMN changes;
