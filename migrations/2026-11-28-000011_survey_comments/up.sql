-- Free-text answers join their survey's answer counts, one row per answer: `value_key` is
-- `text:<response id>`, `answers` is 1 (0 once the response is voided). A survey's comments are then
-- read from the survey's own rows instead of joining the answers of all its responses.
INSERT INTO survey_answer_counts (survey_id, question_id, value_key, metric, number_value, text_value, answers)
SELECT r.survey_id, a.question_id, 'text:' || a.response_id, a.metric, a.number_value, a.text_value, 1
FROM answers a
JOIN responses r ON r.id = a.response_id
JOIN questions q ON q.id = a.question_id
WHERE r.voided_at IS NULL AND q.kind = 'text' AND a.text_value IS NOT NULL
ON CONFLICT (survey_id, question_id, value_key) DO NOTHING;
