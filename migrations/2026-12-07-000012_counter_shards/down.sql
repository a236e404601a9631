ALTER TABLE membership_standings ADD COLUMN changes BIGINT NOT NULL DEFAULT 0;
UPDATE membership_standings SET changes = changes_seen + (SELECT COALESCE(SUM(c.changes - c.changes_seen), 0)
    FROM standing_changes c WHERE c.membership_id = membership_standings.membership_id);
CREATE INDEX membership_standings_changed_idx ON membership_standings (membership_id) WHERE changes > changes_seen;
DROP TABLE standing_changes;

CREATE TABLE survey_answer_counts_unsharded (
    survey_id TEXT NOT NULL REFERENCES surveys (id),
    question_id TEXT NOT NULL REFERENCES questions (id),
    value_key TEXT NOT NULL,
    metric TEXT,
    number_value BIGINT,
    text_value TEXT,
    answers BIGINT NOT NULL,
    PRIMARY KEY (survey_id, question_id, value_key)
);
INSERT INTO survey_answer_counts_unsharded (survey_id, question_id, value_key, metric, number_value, text_value, answers)
SELECT survey_id, question_id, value_key, MIN(metric), MIN(number_value), MIN(text_value), SUM(answers)
FROM survey_answer_counts GROUP BY survey_id, question_id, value_key;
DROP TABLE survey_answer_counts;
ALTER TABLE survey_answer_counts_unsharded RENAME TO survey_answer_counts;
