DROP INDEX responses_survey_voided_idx;
DROP TABLE survey_answer_counts;
