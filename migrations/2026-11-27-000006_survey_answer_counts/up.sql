-- The answers of each survey's non-voided responses counted per question and value (free-text
-- questions left out), kept in step in the transaction of every stored or voided response, so a
-- survey's results read a few counts instead of all its answers. `value_key` is the value as text
-- (`<number>|<text>`, either side empty when absent), as NULLs cannot be part of a key.
CREATE TABLE survey_answer_counts (
    survey_id TEXT NOT NULL REFERENCES surveys (id),
    question_id TEXT NOT NULL REFERENCES questions (id),
    value_key TEXT NOT NULL,
    metric TEXT,
    number_value BIGINT,
    text_value TEXT,
    answers BIGINT NOT NULL,
    PRIMARY KEY (survey_id, question_id, value_key)
);

INSERT INTO survey_answer_counts (survey_id, question_id, value_key, metric, number_value, text_value, answers)
SELECT r.survey_id, a.question_id,
       COALESCE(CAST(a.number_value AS TEXT), '') || '|' || COALESCE(a.text_value, ''),
       a.metric, a.number_value, a.text_value, COUNT(*)
FROM answers a
JOIN responses r ON r.id = a.response_id
JOIN questions q ON q.id = a.question_id
WHERE r.voided_at IS NULL AND q.kind <> 'text'
GROUP BY r.survey_id, a.question_id, a.metric, a.number_value, a.text_value;

-- A survey's non-voided responses, counted from the index alone.
CREATE INDEX responses_survey_voided_idx ON responses (survey_id, voided_at);
